/**
 * What a group's outputs depend on, as one hash: its file, the workspace
 * settings, every programme, every template and wording file, its calendar
 * state, the options and refleks's version. Computed from raw bytes, before
 * any parsing, so that an unchanged workspace of a thousand groups is checked
 * in a few hundred milliseconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILTIN_PROGRAMMES, BUILTIN_TEMPLATES, WORKSPACE_FILE } from '../paths.js';
import { VERSION } from '../version.js';

function filesBelow(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesBelow(p, out);
    else out.push(p);
  }
  return out;
}

function hashTree(h: ReturnType<typeof createHash>, label: string, dir: string): void {
  for (const file of filesBelow(dir)) {
    h.update(`\0${label}:${relative(dir, file)}\0`);
    h.update(readFileSync(file));
  }
}

/**
 * The part shared by every group: settings, programmes, templates (also those
 * of --templates DIR), options, version.
 */
export function sharedFingerprint(root: string, options: Record<string, unknown>, templatesDir?: string): string {
  const h = createHash('sha256');
  h.update(`refleks ${VERSION}\0${JSON.stringify(options)}\0`);
  h.update(readFileSync(join(root, WORKSPACE_FILE)));
  hashTree(h, 'builtin-programmes', BUILTIN_PROGRAMMES);
  hashTree(h, 'builtin-templates', BUILTIN_TEMPLATES);
  hashTree(h, 'programmes', join(root, 'programmes'));
  hashTree(h, 'templates', join(root, 'templates'));
  if (templatesDir) hashTree(h, 'option-templates', templatesDir);
  return h.digest('hex');
}

export function groupFingerprint(shared: string, groupBytes: Uint8Array, calendarState: Uint8Array | undefined, attendance?: Uint8Array): string {
  const h = createHash('sha256');
  h.update(shared);
  h.update('\0group\0');
  h.update(groupBytes);
  h.update('\0calendar\0');
  if (calendarState) h.update(calendarState);
  // Who came decides who gets a certificate.
  if (attendance) h.update('\0attendance\0').update(attendance);
  return h.digest('hex');
}
