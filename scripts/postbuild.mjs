// After tsc: write the JSON Schemas (schemas/*.json) and the cache of the
// validated built-in programmes (dist/programmes-cache.json). Fails the build
// if a built-in programme has a problem.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../dist/load/json-schemas.js';
import { loadProgrammes } from '../dist/load/workspace.js';
import { PROGRAMME_CACHE, programmeCacheJson } from '../dist/load/programme-cache.js';
import { formatProblem } from '../dist/core/problems.js';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  const text = JSON.stringify(schema, null, 2) + '\n';
  const url = new URL(name, dir);
  let old = '';
  try { old = readFileSync(url, 'utf8'); } catch {}
  if (old !== text) writeFileSync(url, text);
}

const { programmes, problems } = loadProgrammes(undefined, undefined, false);
if (problems.length) {
  for (const p of problems) console.error(formatProblem(p, 'en'));
  process.exit(1);
}
writeFileSync(PROGRAMME_CACHE, programmeCacheJson([...programmes.values()].map((programme) => ({ programme, bytes: readFileSync(programme.source.path) }))));
