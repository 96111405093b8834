/**
 * The one place that writes what refleks produces. Commands hand it a complete
 * set of files (path + bytes); it writes each through a temporary file and a
 * rename, skips files whose content is unchanged, and refuses to overwrite a
 * file a person has edited since refleks wrote it (a filled-in form), unless
 * forced. A manifest of content hashes in `.refleks/` makes that possible.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

export interface OutputFile {
  /** Relative to the workspace root, with forward slashes, e.g. `ut/sone-nord/kalender.ics`. */
  path: string;
  bytes: Uint8Array | string;
}

export type FileOutcome = 'written' | 'unchanged' | 'edited' | 'planned';

export interface WriteReport {
  files: { path: string; outcome: FileOutcome }[];
  written: string[];
  unchanged: string[];
  /** Files a person changed after refleks wrote them; left alone. */
  edited: string[];
}

export interface WriteOptions {
  dryRun?: boolean;
  /** Overwrite files even where a person has edited them. */
  force?: boolean;
}

const MANIFEST = '.refleks/manifest.json';

interface Manifest {
  version: 1;
  files: Record<string, string>;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function readManifest(root: string): Manifest {
  try {
    const m = JSON.parse(readFileSync(join(root, MANIFEST), 'utf8')) as Manifest;
    if (m && m.version === 1 && typeof m.files === 'object') return m;
  } catch {
    // Missing or damaged: start afresh; existing files then count as edited
    // unless identical, which errs on the side of not overwriting.
  }
  return { version: 1, files: {} };
}

/** Writes bytes to `path` atomically: a temporary file in the same folder, then a rename. */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      writeSync(fd, buf);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

function safeJoin(root: string, rel: string): string {
  const norm = normalize(rel);
  if (isAbsolute(rel) || norm.startsWith('..') || norm.split(sep).includes('..')) {
    throw new Error(`refusing to write outside the workspace: ${rel}`);
  }
  return join(root, norm);
}

export function writeOutputs(root: string, files: OutputFile[], opts: WriteOptions = {}): WriteReport {
  const manifest = readManifest(root);
  const report: WriteReport = { files: [], written: [], unchanged: [], edited: [] };
  const toWrite: { abs: string; file: OutputFile; hash: string }[] = [];
  for (const file of files) {
    const abs = safeJoin(root, file.path);
    const hash = sha256(file.bytes);
    let outcome: FileOutcome = 'written';
    if (existsSync(abs)) {
      const onDisk = sha256(readFileSync(abs));
      if (onDisk === hash) outcome = 'unchanged';
      else if (manifest.files[file.path] !== onDisk && !opts.force) outcome = 'edited';
    }
    if (outcome === 'written') {
      if (opts.dryRun) outcome = 'planned';
      else toWrite.push({ abs, file, hash });
    }
    if (outcome === 'unchanged' && !opts.dryRun) manifest.files[file.path] = hash;
    report.files.push({ path: file.path, outcome });
    if (outcome === 'written') report.written.push(file.path);
    if (outcome === 'unchanged') report.unchanged.push(file.path);
    if (outcome === 'edited') report.edited.push(file.path);
  }
  if (opts.dryRun) return report;
  for (const { abs, file, hash } of toWrite) {
    writeFileAtomic(abs, file.bytes);
    manifest.files[file.path] = hash;
  }
  if (toWrite.length || files.length) {
    const sorted: Manifest = { version: 1, files: Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : 1))) };
    writeFileAtomic(join(root, MANIFEST), JSON.stringify(sorted, null, 2) + '\n');
  }
  return report;
}
