// Bundles the CLI into dist/bundle/: one file for start-up (commander, the
// command table) and a chunk per command, so `refleks --help` parses one
// module instead of dozens, and yaml's fifty CommonJS files become one chunk
// loaded only by the commands that read YAML. Heavy libraries stay external
// and are loaded from node_modules by the commands that use them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', worker: 'src/build/worker.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  chunkNames: 'chunk-[hash]',
  external: ['docx', 'handlebars', '@inquirer/prompts', 'csv-parse', 'date-holidays', 'fflate'],
  // commander and yaml are CommonJS; inside an ES module they need a require.
  banner: { js: "import { createRequire as __refleksRequire } from 'node:module'; const require = __refleksRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'linked',
});
