// Bundles the CLI into dist/bundle/: one file for start-up (commander, the
// command table) and a chunk per command, so `refleks --help` parses one
// module instead of dozens, and yaml's fifty CommonJS files become one chunk
// loaded only by the commands that read YAML. Heavy libraries stay external
// and are loaded from node_modules by the commands that use them.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

// commander requires node:child_process when it loads, for subcommands that are
// separate executables; refleks has none. Loading it (and net, dgram and the
// streams it pulls in) costs `refleks --help` several milliseconds, so
// commander gets a stand-in that loads the module on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents:
        "let cp; module.exports = new Proxy({}, { get: (_, key) => (cp ??= process.getBuiltinModule('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', worker: 'src/pipeline/worker.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  chunkNames: 'chunk-[hash]',
  external: ['docx', 'exceljs', 'handlebars', '@inquirer/prompts', 'csv-parse', 'nodemailer'],
  // commander and yaml are CommonJS; inside an ES module they need a require.
  banner: {
    js: "import { createRequire as __refleksRequire } from 'node:module'; const require = __refleksRequire(import.meta.url);",
  },
  logLevel: 'warning',
  legalComments: 'linked',
  plugins: [lazyChildProcess],
});

// An id for this build: the bundled code and docx's version. Caches of rendered
// shapes (src/io/shape-store.ts) are keyed by it, so new code never reads old shapes.
const hash = createHash('sha256');
for (const f of readdirSync(outdir).sort()) hash.update(f).update(readFileSync(new URL(f, `file://${outdir}`)));
hash.update(JSON.parse(readFileSync(new URL('../node_modules/docx/package.json', import.meta.url), 'utf8')).version);
writeFileSync(new URL('../dist/build-id.txt', import.meta.url), hash.digest('hex') + '\n');
