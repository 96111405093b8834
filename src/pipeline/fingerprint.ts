/**
 * What a group's outputs depend on, as one hash: its file, the workspace
 * settings, every programme, every template and wording file, its calendar
 * state, the options and refleks's version. Computed from raw bytes, before
 * any parsing, so that an unchanged workspace of a thousand groups is checked
 * in a few hundred milliseconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { entryKind } from '../load/fs-entry.js';
import { BUILTIN_PROGRAMMES, BUILTIN_TEMPLATES, shownPath, WORKSPACE_FILE } from '../paths.js';
import { VERSION } from '../version.js';

/** Files below a folder; a link that leads nowhere is the error the loader gives too, a folder reached twice is read once. */
function filesBelow(dir: string, out: string[] = [], seen = new Set<string>()): string[] {
  if (!existsSync(dir)) return out;
  const real = realpathSync(dir);
  if (seen.has(real)) return out;
  seen.add(real);
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    const kind = entryKind(p, shownPath(dirname(dir), p));
    if (kind === 'dir') filesBelow(p, out, seen);
    else if (kind === 'file') out.push(p);
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
 * The logo named in refleks.yaml is in every certificate: a new image must
 * rebuild them even when refleks.yaml is unchanged. Found with a look at the
 * raw line, as the rest of this file works before parsing; a miss only costs
 * a rebuild, and the loader reports a bad logo.
 */
function hashLogo(h: ReturnType<typeof createHash>, root: string, settings: Uint8Array): void {
  const m = /^logo:[ \t]*(["']?)([^"'#\r\n]+?)\1[ \t]*(#.*)?$/m.exec(Buffer.from(settings).toString('utf8'));
  if (!m) return;
  try {
    h.update('\0logo\0');
    h.update(readFileSync(resolve(root, m[2]!.trim())));
  } catch {
    // No file: the loader says so.
  }
}

/**
 * The part shared by every group: settings, programmes, templates (also those
 * of --templates DIR), options, version.
 */
export function sharedFingerprint(root: string, options: Record<string, unknown>, templatesDir?: string): string {
  const h = createHash('sha256');
  h.update(`refleks ${VERSION}\0${JSON.stringify(options)}\0`);
  const settings = readFileSync(join(root, WORKSPACE_FILE));
  h.update(settings);
  hashLogo(h, root, settings);
  hashTree(h, 'builtin-programmes', BUILTIN_PROGRAMMES);
  hashTree(h, 'builtin-templates', BUILTIN_TEMPLATES);
  hashTree(h, 'programmes', join(root, 'programmes'));
  hashTree(h, 'templates', join(root, 'templates'));
  if (templatesDir) hashTree(h, 'option-templates', templatesDir);
  return h.digest('hex');
}

export function groupFingerprint(
  shared: string,
  groupBytes: Uint8Array,
  calendarState: Uint8Array | undefined,
  attendance?: Uint8Array,
): string {
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
