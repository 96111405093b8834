/**
 * The one place that writes what refleks produces. Commands hand it a complete
 * set of files (path + bytes); it writes each through a temporary file and a
 * rename, skips files whose content is unchanged, and refuses to overwrite a
 * file a person has edited since refleks wrote it (a filled-in form), unless
 * forced. A manifest of content hashes in `.refleks/` makes that possible.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
    if (m && m.version === 1 && typeof m.files === 'object' && m.files !== null) return { version: 1, files: Object.assign(Object.create(null), m.files) };
  } catch {
    // Missing or damaged: start afresh; existing files then count as edited
    // unless identical, which errs on the side of not overwriting.
  }
  return { version: 1, files: Object.create(null) };
}

/**
 * The record of what refleks wrote. A run over many groups opens it once,
 * passes it to every writeOutputs call and saves it at the end.
 */
export class OutputManifest {
  private readonly data: Manifest;
  private dirty = false;
  constructor(private readonly root: string) {
    this.data = readManifest(root);
  }
  get(path: string): string | undefined {
    return this.data.files[path];
  }
  set(path: string, hash: string): void {
    if (this.data.files[path] !== hash) {
      this.data.files[path] = hash;
      this.dirty = true;
    }
  }
  save(): void {
    if (!this.dirty) return;
    const files = Object.fromEntries(Object.entries(this.data.files).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileAtomic(join(this.root, MANIFEST), JSON.stringify({ version: 1, files }, null, 2) + '\n');
    this.dirty = false;
  }
}

const madeDirs = new Set<string>();

/**
 * Writes bytes to `path` atomically: a temporary file in the same folder, then
 * a rename, so a crash or Ctrl+C leaves the old file or the new one, never half
 * of one. No fsync: it guards only against power loss, and costs more than
 * everything else a build of a thousand groups writes.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  const dir = dirname(path);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    // The folder may have been removed since we made it.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && madeDirs.delete(dir)) return writeFileAtomic(path, bytes);
    throw err;
  }
}

function readIfExists(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
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

/**
 * Writes one complete set of outputs. Pass a shared manifest when writing many
 * sets in one run (and save it at the end); without one, the manifest is read
 * and saved here.
 */
export function writeOutputs(root: string, files: OutputFile[], opts: WriteOptions = {}, shared?: OutputManifest): WriteReport {
  const manifest = shared ?? new OutputManifest(root);
  const report: WriteReport = { files: [], written: [], unchanged: [], edited: [] };
  const toWrite: { abs: string; file: OutputFile; hash: string }[] = [];
  for (const file of files) {
    const abs = safeJoin(root, file.path);
    const hash = sha256(file.bytes);
    let outcome: FileOutcome = 'written';
    const existing = readIfExists(abs);
    if (existing) {
      const onDisk = sha256(existing);
      if (onDisk === hash) outcome = 'unchanged';
      else if (manifest.get(file.path) !== onDisk && !opts.force) outcome = 'edited';
    }
    if (outcome === 'written') {
      if (opts.dryRun) outcome = 'planned';
      else toWrite.push({ abs, file, hash });
    }
    if (outcome === 'unchanged' && !opts.dryRun) manifest.set(file.path, hash);
    report.files.push({ path: file.path, outcome });
    if (outcome === 'written') report.written.push(file.path);
    if (outcome === 'unchanged') report.unchanged.push(file.path);
    if (outcome === 'edited') report.edited.push(file.path);
  }
  if (opts.dryRun) return report;
  for (const { abs, file, hash } of toWrite) {
    writeFileAtomic(abs, file.bytes);
    manifest.set(file.path, hash);
  }
  if (!shared) manifest.save();
  return report;
}
