/**
 * The dependency direction of `src`, enforced. Every import (static,
 * `import type`, `export … from`, dynamic `import()` and `typeof import()`) of
 * every file is read with TypeScript's own scanner and checked against the
 * layers below: a folder may import itself and any folder of a LOWER layer,
 * nothing else. Folders on the same layer (templates and io; cli.ts and
 * index.ts) stay independent of each other. Because every allowed arrow points
 * strictly down, there can be no cycle between the folders.
 *
 *   6  cli.ts (the command table)   index.ts (the library's entry)
 *   5  commands/     one adapter per command
 *   4  pipeline/     assembles a group's outputs for the commands
 *   3  templates/    io/            (the Handlebars engine; writing and the disk)
 *   2  load/         reading the workspace: YAML, schemas, rosters, wording, layers
 *   1  paths.ts, version.ts         (the installed package: one unit, «package»)
 *   0  core/         pure: npm libraries and a few pure Node built-ins only
 *
 * A new top-level folder or file fails this test until it is given a layer here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, posix, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

const LAYERS: Record<string, number> = {
  core: 0,
  package: 1,
  load: 2,
  templates: 3,
  io: 3,
  pipeline: 4,
  commands: 5,
  cli: 6,
  index: 6,
};

/**
 * The Node built-ins the core may use: bytes in, bytes out, no file system,
 * processes, network or environment. `node:module` only for createRequire,
 * which loads an npm library (date-holidays) on first use.
 */
const CORE_BUILTINS = new Set(['node:crypto', 'node:zlib', 'node:util', 'node:buffer', 'node:module']);

/** Top-level files that belong together. */
const UNITS: Record<string, string> = { paths: 'package', version: 'package' };

/** The layer unit of a path below src: its top-level folder, or a top-level file's name. */
function unitOf(rel: string): string {
  const [first, ...rest] = rel.split('/');
  if (rest.length) return first!;
  const name = first!.replace(/\.[cm]?[jt]s$/, '');
  return UNITS[name] ?? name;
}

interface Offence {
  file: string;
  line: number;
  specifier: string;
  why: string;
}

/** Every import in `files` (paths relative to src, forward slashes) that breaks the layering. */
function offendingImports(files: Record<string, string>): Offence[] {
  const out: Offence[] = [];
  for (const [file, source] of Object.entries(files)) {
    const from = unitOf(file);
    const fromLayer = LAYERS[from];
    for (const ref of ts.preProcessFile(source, true, true).importedFiles) {
      const specifier = ref.fileName;
      const line = source.slice(0, ref.pos).split('\n').length;
      const offence = (why: string) => out.push({ file, line, specifier, why });
      if (fromLayer === undefined) {
        offence(`«${from}» has no layer; add it to LAYERS in tests/unit/import-graph.test.ts`);
        break;
      }
      if (!specifier.startsWith('.')) {
        const builtin = specifier.startsWith('node:') || isBuiltin(specifier);
        if (
          from === 'core' &&
          builtin &&
          !CORE_BUILTINS.has(specifier.startsWith('node:') ? specifier : `node:${specifier}`)
        ) {
          offence(`the core is pure: ${specifier} is not one of ${[...CORE_BUILTINS].join(', ')}`);
        }
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      if (target.startsWith('../')) {
        offence('reaches outside src');
        continue;
      }
      const to = unitOf(target);
      if (to === from) continue;
      const toLayer = LAYERS[to];
      if (toLayer === undefined) offence(`«${to}» has no layer; add it to LAYERS in tests/unit/import-graph.test.ts`);
      else if (from === 'core')
        offence(`core → ${to}: the core may import only the core (move what it needs down into src/core)`);
      else if (toLayer >= fromLayer)
        offence(`${from} (layer ${fromLayer}) → ${to} (layer ${toLayer}): imports may only point to a lower layer`);
    }
  }
  return out;
}

function format(offences: Offence[]): string {
  return offences.map((o) => `src/${o.file}:${o.line} imports '${o.specifier}': ${o.why}`).join('\n');
}

describe('the import graph of src', () => {
  it('points only downwards: core at the bottom, cli.ts and index.ts at the top, no cycles', () => {
    const files: Record<string, string> = {};
    for (const rel of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
      if (/\.[cm]?ts$/.test(rel)) files[rel.split(sep).join('/')] = readFileSync(join(SRC, rel), 'utf8');
    }
    expect(Object.keys(files).length).toBeGreaterThan(50);
    const offences = offendingImports(files);
    expect(format(offences), 'imports against the layering (see the top of this test)').toBe('');
  });

  it('names each kind of wrong import with its file and line', () => {
    const offences = offendingImports({
      'core/forms/a.ts': "import type { X } from '../model.js';\nimport { parseYaml } from '../../load/yaml-file.js';",
      'core/b.ts':
        "import { readFileSync } from 'node:fs';\nimport { createHash } from 'node:crypto';\nimport { parse } from 'yaml';",
      'core/c.ts': "const m = await import('../io/write-outputs.js');",
      'load/d.ts': "export { run } from '../pipeline/run-build.js';",
      'io/e.ts': "import type { TemplateRenderer } from '../templates/engine.js';",
      'commands/f.ts': "import { main } from '../cli.js';\nimport { t } from '../core/text.js';",
      'shiny/g.ts': "import { t } from '../core/text.js';",
    });
    expect(format(offences).split('\n')).toEqual([
      "src/core/forms/a.ts:2 imports '../../load/yaml-file.js': core → load: the core may import only the core (move what it needs down into src/core)",
      "src/core/b.ts:1 imports 'node:fs': the core is pure: node:fs is not one of node:crypto, node:zlib, node:util, node:buffer, node:module",
      "src/core/c.ts:1 imports '../io/write-outputs.js': core → io: the core may import only the core (move what it needs down into src/core)",
      "src/load/d.ts:1 imports '../pipeline/run-build.js': load (layer 2) → pipeline (layer 4): imports may only point to a lower layer",
      "src/io/e.ts:1 imports '../templates/engine.js': io (layer 3) → templates (layer 3): imports may only point to a lower layer",
      "src/commands/f.ts:1 imports '../cli.js': commands (layer 5) → cli (layer 6): imports may only point to a lower layer",
      "src/shiny/g.ts:1 imports '../core/text.js': «shiny» has no layer; add it to LAYERS in tests/unit/import-graph.test.ts",
    ]);
  });
});
