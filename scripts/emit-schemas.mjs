// Writes schemas/*.json from the built loader, so editors (yaml-language-server)
// check a group file with the same rules as `refleks validate`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { jsonSchemas } from '../dist/load/json-schemas.js';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  const text = JSON.stringify(schema, null, 2) + '\n';
  const url = new URL(name, dir);
  let old = '';
  try { old = readFileSync(url, 'utf8'); } catch {}
  if (old !== text) writeFileSync(url, text);
}
