// Writes the JSON Schemas editors use (schemas/*.json) from the validator's own
// definitions. Run by `npm run schemas` after a schema change; a test fails
// while the committed files differ from what this would write.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { jsonSchemas } from '../dist/load/json-schemas.js';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  const text = JSON.stringify(schema, null, 2) + '\n';
  const url = new URL(name, dir);
  let old = '';
  try {
    old = readFileSync(url, 'utf8');
  } catch {
    // not written yet
  }
  if (old !== text) writeFileSync(url, text);
}

console.log('schemas/ is up to date');
