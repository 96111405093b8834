/**
 * Keeps the workspace's copies of the JSON Schemas (`.refleks/schemas/`) the
 * same as this refleks's, and moves old `$schema` comments (which pointed
 * into the installed package) to them. Run by init and new-group, and by
 * validate and build so that an upgrade of refleks updates the copies.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixSchemaComment, SCHEMA_NAMES, WORKSPACE_SCHEMAS } from '../core/schema-comment.js';
import { SCHEMAS_DIR, WORKSPACE_FILE } from '../paths.js';
import { writeFileAtomic } from './write-outputs.js';

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Copies the package's schemas into the workspace where they differ; true if
 * any was written. Without `create`, only copies that are there already are
 * refreshed (validate: a check that never adds files of its own accord).
 */
export function refreshSchemas(root: string, create = true): boolean {
  if (!create && !existsSync(join(root, WORKSPACE_SCHEMAS))) return false;
  let wrote = false;
  for (const name of SCHEMA_NAMES) {
    const source = readOrUndefined(join(SCHEMAS_DIR, name));
    if (!source) continue;
    const target = join(root, WORKSPACE_SCHEMAS, name);
    const current = readOrUndefined(target);
    if (current && current.equals(source)) continue;
    writeFileAtomic(target, source);
    wrote = true;
  }
  return wrote;
}

/** refleks.yaml and the YAML files in groups/ and programmes/, from the workspace root. */
function yamlFiles(root: string): string[] {
  const out = existsSync(join(root, WORKSPACE_FILE)) ? [WORKSPACE_FILE] : [];
  for (const dir of ['groups', 'programmes', 'attendance']) {
    let names: string[];
    try {
      names = readdirSync(join(root, dir));
    } catch {
      continue;
    }
    for (const n of names.sort()) if (/\.ya?ml$/i.test(n)) out.push(`${dir}/${n}`);
  }
  return out;
}

/**
 * Files whose `$schema` comment points somewhere else than the workspace's
 * copy. With `fix`, their comment is rewritten (only that line).
 */
export function schemaCommentsToFix(root: string, fix: boolean): string[] {
  const found: string[] = [];
  for (const rel of yamlFiles(root)) {
    const abs = join(root, rel);
    const bytes = readOrUndefined(abs);
    const text = bytes?.toString('utf8');
    // A file that is not UTF-8 is reported by the loader; rewriting it would garble it.
    if (text === undefined || !Buffer.from(text, 'utf8').equals(bytes!)) continue;
    const fixed = fixSchemaComment(text, rel);
    if (fixed === undefined) continue;
    found.push(rel);
    if (fix) writeFileAtomic(abs, fixed);
  }
  return found;
}
