/**
 * The `# yaml-language-server: $schema=…` line at the top of refleks.yaml and
 * the group and programme files, which lets VS Code check them as people type.
 * It points at the copies of the schemas inside the workspace, by a path
 * relative to the file, so it stays right when the folder is moved, shared on
 * a network drive or cloned from git (a path into the installed package broke
 * on every one of those). Pure: text in, text out.
 */

/** Where the workspace keeps its copies of the schemas, from the workspace root. */
export const WORKSPACE_SCHEMAS = '.refleks/schemas';

export const SCHEMA_NAMES = [
  'workspace.schema.json',
  'group.schema.json',
  'programme.schema.json',
  'attendance.schema.json',
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/** The `$schema` value for a file at `fileRel` (from the workspace root, with `/`). */
export function schemaRef(fileRel: string, name: SchemaName): string {
  const depth = fileRel.split('/').length - 1;
  return `${'../'.repeat(depth)}${WORKSPACE_SCHEMAS}/${name}`;
}

const COMMENT = /^(#\s*yaml-language-server:\s*\$schema=)(\S+)(.*)$/;

/**
 * The text with its `$schema` comment pointing at the workspace's copy, or
 * undefined when it already does, has none, or names a schema that is not
 * one of refleks's (someone's own choice, left alone). Only the comment line
 * changes; line endings and everything else stay byte for byte.
 */
export function fixSchemaComment(text: string, fileRel: string): string | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const cr = raw.endsWith('\r') ? '\r' : '';
    const line = cr ? raw.slice(0, -1) : raw;
    if (!line.startsWith('#')) {
      if (line.trim() === '') continue;
      return undefined; // Only the comments before the first setting.
    }
    const m = COMMENT.exec(line);
    if (!m) continue;
    const name = SCHEMA_NAMES.find((n) => m[2]!.replace(/\\/g, '/').endsWith(`/${n}`) || m[2] === n);
    if (!name) return undefined;
    const want = schemaRef(fileRel, name);
    if (m[2] === want) return undefined;
    lines[i] = `${m[1]}${want}${m[3]}${cr}`;
    return lines.join('\n');
  }
  return undefined;
}
