/**
 * The one place that writes what refleks produces. Commands hand it a complete
 * set of files (path + bytes); it writes each through a temporary file and a
 * rename, skips files whose content is unchanged, and refuses to overwrite a
 * file a person has edited since refleks wrote it (a filled-in form), unless
 * forced. A manifest of content hashes in `.refleks/` makes that possible.
 *
 * Windows: a file open in Word cannot be replaced, and antivirus holds new
 * files for a moment; both make the rename fail with EPERM, EBUSY or EACCES.
 * Renames are retried briefly (as graceful-fs and write-file-atomic do), and
 * a set is all or nothing: every temporary file is written before the first
 * rename, and if a rename still fails the renames already done are undone.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import type { OutputFile } from '../core/output.js';
import { InputError, type Problem } from '../core/problems.js';
import { t } from '../core/text.js';
import { manifestSchema, parseStateFile } from '../load/state-schemas.js';
import { liveLockHolder } from './workspace-lock.js';

/** Re-exported: the commands and the pipeline know it as the writer's input. */
export type { OutputFile };

export type FileOutcome = 'written' | 'unchanged' | 'edited' | 'planned';

export interface WriteReport {
  files: { path: string; outcome: FileOutcome }[];
  written: string[];
  unchanged: string[];
  /** Files a person changed after refleks wrote them (or refleks has no record of writing); left alone. */
  edited: string[];
  /** Files refleks wrote before that this set no longer has (a removed participant's certificate): removed. */
  removed?: string[];
  /** The same, but a person changed them since: kept. */
  kept?: string[];
  /** With --adopt: files on disk taken as refleks's own after checking them. */
  adopted?: string[];
}

export interface WriteOptions {
  dryRun?: boolean;
  /** Overwrite files even where a person has edited them. */
  force?: boolean;
  /**
   * The group's output folder (`ut/gruppe/`): files refleks wrote there
   * before that this set no longer has are removed, if unchanged since, when
   * the set has files of the same kind (extension) in the same folder, or in
   * or below one above it, under the group's folder (so `refleks forms` never
   * removes invitations, nor .docx the PDFs).
   */
  retire?: string;
  /** What destinationProblems checked earlier in this run (a shared map saves checking ut/ for every group). */
  checked?: DestinationChecks;
  /** The file operations, replaceable so tests can make a file "locked". */
  fs?: Partial<WriterFs>;
  /**
   * --adopt: asked about a file on disk that differs from the new one and of
   * which refleks has no record; true takes it as refleks's own (so it is
   * written over), false keeps it as a person's.
   */
  adopt?(file: OutputFile, onDisk: Uint8Array): boolean;
  /**
   * Sees the plan before anything is written; throwing stops the set, with
   * nothing written. The pipeline refuses a group here whose invitations
   * could not all be written.
   */
  check?(report: WriteReport): void;
}

/** The few file operations the writer uses. */
export interface WriterFs {
  writeFileSync(path: string, bytes: Uint8Array | string): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, opts: { force: boolean }): void;
}

const nodeFs: WriterFs = { writeFileSync, renameSync, rmSync };

/** Codes Windows gives for a file held open by another program (Word, antivirus, a backup tool). */
const LOCKED = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Waits between rename attempts: about 0.6 s in all, then we tell the person. */
const RETRY_MS = [20, 40, 80, 160, 320];

function sleep(ms: number): void {
  // Writing is synchronous; a short blocking wait keeps it that way.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isLocked(err: unknown): boolean {
  return LOCKED.has((err as NodeJS.ErrnoException)?.code ?? '');
}

/** A rename, retried while another program holds the file. */
function renameRetrying(fs: WriterFs, from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      return fs.renameSync(from, to);
    } catch (err) {
      if (!isLocked(err) || attempt >= RETRY_MS.length) throw err;
      sleep(RETRY_MS[attempt]!);
    }
  }
}

/**
 * A file another program kept locked, so a set could not be written. Nothing
 * of the set was changed. An InputError: the person can fix it, so the CLI
 * shows the message without a stack trace and exits 1.
 */
export class FileLockedError extends InputError {
  constructor(
    readonly path: string,
    readonly code: string,
    restored: boolean,
  ) {
    super([
      {
        severity: 'error',
        file: path,
        message: t(
          `filen er i bruk av et annet program (${code}), så refleks kunne ikke erstatte den`,
          `the file is in use by another program (${code}), so refleks could not replace it`,
        ),
        hint: restored
          ? t(
              'Den er trolig åpen i Word: lukk filen i Word og kjør igjen. Ingen av de andre filene i settet ble endret.',
              'It is probably open in Word: close the file in Word and run again. None of the other files in the set were changed.',
            )
          : t(
              'Den er trolig åpen i Word: lukk filen i Word og kjør igjen. Noen filer i settet kunne ikke settes tilbake; neste kjøring skriver dem på nytt.',
              'It is probably open in Word: close the file in Word and run again. Some files in the set could not be put back; the next run writes them again.',
            ),
      },
    ]);
    this.name = 'FileLockedError';
  }
}

const MANIFEST = '.refleks/manifest.json';
/**
 * Hashes of a set about to be renamed into place, appended before the first
 * rename and folded into the manifest when it is saved. After a crash or
 * `kill -9` between the renames and the manifest's save, the files on disk
 * are still known as refleks's own (old or new version), so the next run
 * writes over them instead of calling them edited by hand.
 */
const JOURNAL = '.refleks/manifest.journal';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * ok: read and checked · new: none yet in a workspace refleks has not written
 * to · lost: none, though `.refleks/` shows earlier runs · damaged: cannot be
 * read (cut short, git conflict markers, wrong fields).
 */
export type ManifestStatus = 'ok' | 'new' | 'lost' | 'damaged';

/** What to do about a lost or damaged manifest: the same words everywhere. */
const RECOVER = t(
  'Kjør «refleks build --adopt»: refleks sjekker filene i utmappen (invitasjonene mot kalenderstatusen) og tar dem som sine egne, og bygger så det som har endret seg. Eller «refleks build --force» for å skrive alle filene på nytt (endringer gjort for hånd går tapt).',
  'Run "refleks build --adopt": refleks checks the files in the output folder (the invitations against the calendar state), takes them as its own and then builds what has changed. Or "refleks build --force" to write every file anew (changes made by hand are lost).',
);

function readJournal(root: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let raw: string;
  try {
    raw = readFileSync(join(root, JOURNAL), 'utf8');
  } catch {
    return out;
  }
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as { files?: Record<string, string> };
      for (const [path, hash] of Object.entries(entry.files ?? {})) {
        if (typeof hash === 'string') out.set(path, (out.get(path) ?? new Set()).add(hash));
      }
    } catch {
      // A line cut short by a crash: it was appended before its renames, so none of them happened.
    }
  }
  return out;
}

/**
 * A journal left behind means a run was stopped (kill -9, a crash, a full
 * disk) after it began renaming files and before it saved its records: some
 * invitations on disk may be newer than the calendar state. Commands that
 * read the state to say what must be sent ask for a build first.
 */
export function interruptedRun(root: string): Problem | undefined {
  if (!existsSync(join(root, JOURNAL))) return undefined;
  // A run that is writing right now holds the lock; its journal is no sign of trouble.
  if (liveLockHolder(root)) return undefined;
  return {
    severity: 'error',
    file: JOURNAL,
    message: t(
      'en kjøring av refleks ble avbrutt mens den skrev, så noen invitasjoner kan være nyere enn det refleks har notert',
      'a run of refleks was stopped while it was writing, so some invitations may be newer than what refleks has noted',
    ),
    hint: t(
      'Kjør «refleks build» (eller «refleks schedule») først; den gjør ferdig det som ble avbrutt.',
      'Run "refleks build" (or "refleks schedule") first; it finishes what was stopped.',
    ),
  };
}

/** Traces of earlier runs: then a missing manifest was lost, not never made. */
function earlierRuns(root: string): boolean {
  if (existsSync(join(root, '.refleks', 'build.json')) || existsSync(join(root, '.refleks', 'issued.json')))
    return true;
  try {
    return readdirSync(join(root, '.refleks', 'calendar')).some((f) => f.endsWith('.json'));
  } catch {
    return false;
  }
}

/**
 * The record of what refleks wrote. A run over many groups opens it once,
 * passes it to every writeOutputs call and saves it at the end.
 */
export class OutputManifest {
  private files: Record<string, string> = Object.create(null) as Record<string, string>;
  private readonly journal: Map<string, Set<string>>;
  private readonly setNow = new Set<string>();
  /** For below(): by depth, the paths under each folder of that depth (`ut/gruppe/` is depth 2). */
  private readonly folders = new Map<number, Map<string, Set<string>>>();
  private dirty = false;
  status: ManifestStatus;
  /** Why the manifest cannot be used, for a lost or damaged one. */
  readonly problems: Problem[] = [];

  constructor(private readonly root: string) {
    this.journal = readJournal(root);
    const path = join(root, MANIFEST);
    let raw: string | undefined;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (raw === undefined) {
      this.status = earlierRuns(root) || this.journal.size ? 'lost' : 'new';
      if (this.status === 'lost') {
        this.problems.push({
          severity: 'error',
          file: MANIFEST,
          message: t(
            'oversikten over filene refleks har skrevet mangler, men arbeidsområdet er bygget før, så refleks kan ikke vite hvilke filer i utmappen som er endret for hånd',
            'the record of the files refleks wrote is missing, but the workspace was built before, so refleks cannot tell which files in the output folder were edited by hand',
          ),
          hint: RECOVER,
        });
      }
      return;
    }
    try {
      const m = parseStateFile(MANIFEST, raw, manifestSchema, {
        what: t('oversikten over filene refleks har skrevet', 'the record of the files refleks wrote'),
        hint: RECOVER,
      });
      // Parsed into an object without a prototype (a path `__proto__` stays a path): taken as it is.
      this.files = m.files;
      this.status = 'ok';
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      this.status = 'damaged';
      this.problems.push(...err.problems);
    }
  }

  /** Throws the reason a lost or damaged manifest cannot be used (never silently reset). */
  assertUsable(): void {
    if (this.status === 'lost' || this.status === 'damaged') throw new InputError(this.problems);
  }

  /** --adopt or --force on a lost or damaged manifest: start a new one from what this run checks and writes. */
  startAfresh(): void {
    this.files = Object.create(null) as Record<string, string>;
    this.folders.clear();
    this.status = 'ok';
    this.dirty = true;
  }

  /** True if refleks knows these bytes at this path as its own (recorded, or journalled before a crash). */
  owns(path: string, hash: string): boolean {
    return this.files[path] === hash || !!this.journal.get(path)?.has(hash);
  }

  /** Whether refleks has any record of writing this path. */
  knows(path: string): boolean {
    return path in this.files || this.journal.has(path);
  }

  get(path: string): string | undefined {
    return this.files[path];
  }
  /**
   * The paths refleks wrote below a folder (`ut/gruppe/`). Asked once per
   * group written, so the paths are indexed by their folder at that depth:
   * a scan of every path per group made a 1,000-group build quadratic.
   */
  below(prefix: string): string[] {
    if (!prefix.endsWith('/')) return Object.keys(this.files).filter((p) => p.startsWith(prefix));
    const depth = prefix.split('/').length - 1;
    let index = this.folders.get(depth);
    if (!index) {
      this.folders.set(depth, (index = new Map()));
      for (const path of Object.keys(this.files)) addToFolder(index, depth, path);
    }
    return [...(index.get(prefix) ?? [])];
  }
  delete(path: string): void {
    if (path in this.files) {
      delete this.files[path];
      for (const [depth, index] of this.folders) index.get(folderAt(path, depth) ?? '')?.delete(path);
      this.dirty = true;
    }
  }
  set(path: string, hash: string): void {
    this.setNow.add(path);
    if (this.files[path] !== hash) {
      this.put(path, hash);
      this.dirty = true;
    }
  }
  private put(path: string, hash: string): void {
    if (!(path in this.files)) for (const [depth, index] of this.folders) addToFolder(index, depth, path);
    this.files[path] = hash;
  }

  /** Notes a set's hashes before its renames (see JOURNAL). */
  intend(entries: { path: string; hash: string }[]): void {
    if (!entries.length) return;
    const line = JSON.stringify({ files: Object.fromEntries(entries.map((e) => [e.path, e.hash])) });
    mkdirSync(join(this.root, '.refleks'), { recursive: true });
    // The leading newline ends a line a crash may have cut short.
    appendFileSync(join(this.root, JOURNAL), `\n${line}\n`);
    for (const e of entries) this.journal.set(e.path, (this.journal.get(e.path) ?? new Set()).add(e.hash));
    this.dirty = true;
  }

  /**
   * A first run writes its (empty) record before any file: a run killed before
   * its first save then leaves a record plus a journal, which together say
   * exactly which files are refleks's, instead of looking like a lost record.
   */
  begin(): void {
    if (this.status !== 'new') return;
    this.dirty = true;
    this.save();
    this.status = 'ok';
  }

  save(): void {
    if (!this.dirty && !this.journal.size) return;
    // Paths journalled by a run that never saved: keep the hash of what is on disk, if it is one of them.
    for (const [path, hashes] of this.journal) {
      if (this.setNow.has(path)) continue;
      const bytes = readIfExists(join(this.root, path));
      const onDisk = bytes && sha256(bytes);
      if (onDisk && hashes.has(onDisk)) this.put(path, onDisk);
    }
    const files = Object.fromEntries(Object.entries(this.files).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileAtomic(join(this.root, MANIFEST), JSON.stringify({ version: 1, files }, null, 2) + '\n');
    rmSync(join(this.root, JOURNAL), { force: true });
    this.journal.clear();
    this.dirty = false;
  }
}

/** The folder of `path` made of its first `depth` parts, with a trailing slash; none for a shallower path. */
function folderAt(path: string, depth: number): string | undefined {
  let end = -1;
  for (let i = 0; i < depth; i++) {
    end = path.indexOf('/', end + 1);
    if (end < 0) return undefined;
  }
  return path.slice(0, end + 1);
}

function addToFolder(index: Map<string, Set<string>>, depth: number, path: string): void {
  const folder = folderAt(path, depth);
  if (folder === undefined) return;
  let paths = index.get(folder);
  if (!paths) index.set(folder, (paths = new Set()));
  paths.add(path);
}

const madeDirs = new Set<string>();

function ensureDir(dir: string): void {
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
}

/**
 * Six random hex digits for this thread, then a counter: unique names without
 * asking the system for randomness per file (which cost more than a second
 * of a 1,000-group build). The workspace lock keeps other runs out anyway.
 */
const tempPrefix = randomBytes(3).toString('hex');
let tempCount = 0;

function tempPathFor(path: string): string {
  const n = (tempCount = (tempCount + 1) % 0x1000000);
  return join(dirname(path), `.${tempPrefix}${n.toString(16).padStart(6, '0')}.tmp`);
}

/** The names tempPathFor gives. */
const TEMP_NAME = /^\.[0-9a-f]{12}\.tmp$/;
const sweptRecords = new Set<string>();

/**
 * Removes temporary files a killed run (kill -9, a power cut) left in a
 * folder refleks writes to; only files with the writer's own names. Every
 * writing command holds the workspace lock (.refleks/lock), so no other run
 * can be writing one at this moment, whatever its age.
 */
function sweepTemps(dir: string, names = listFolder(dir)?.names ?? []): void {
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue;
    const st = lstatSync(join(dir, name), { throwIfNoEntry: false });
    if (st?.isFile()) rmSync(join(dir, name), { force: true });
  }
}

/**
 * A folder's entries, and their names as a case-insensitive file system
 * matches them; none for a folder that is not there.
 */
function listFolder(dir: string): { names: string[]; matching: Set<string> } | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  return { names, matching: new Set(names.map(matchingName)) };
}

const matchingName = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * Writes bytes to `path` atomically: a temporary file in the same folder, then
 * a rename, so a crash or Ctrl+C leaves the old file or the new one, never half
 * of one. No fsync: it guards only against power loss, and costs more than
 * everything else a build of a thousand groups writes.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string, fs: WriterFs = nodeFs): void {
  const dir = dirname(path);
  ensureDir(dir);
  // refleks's records (.refleks/, .refleks/calendar/): once per folder and process, not once per group.
  if (!sweptRecords.has(dir)) {
    sweptRecords.add(dir);
    sweepTemps(dir);
  }
  const tmp = tempPathFor(path);
  try {
    fs.writeFileSync(tmp, bytes);
    renameRetrying(fs, tmp, path);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    // The folder may have been removed since we made it.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && madeDirs.delete(dir))
      return writeFileAtomic(path, bytes, fs);
    throw err;
  }
}

interface Pending {
  abs: string;
  file: OutputFile;
  /** The file's bytes, text encoded once for both the hash and the write. */
  bytes: Uint8Array;
  hash: string;
  /** What was there before, to put back if the set cannot be completed. */
  previous: Buffer | undefined;
  tmp?: string;
}

/**
 * Writes a set all or nothing: every temporary file first (a full disk or a
 * missing folder stops us before anything changed), then the renames; if one
 * fails, the files already replaced get their previous content back and new
 * ones are removed.
 */
function writeSet(fs: WriterFs, set: Pending[]): void {
  const cleanUp = () => {
    for (const p of set) if (p.tmp) fs.rmSync(p.tmp, { force: true });
  };
  try {
    for (const p of set) {
      ensureDir(dirname(p.abs));
      p.tmp = tempPathFor(p.abs);
      try {
        fs.writeFileSync(p.tmp, p.bytes);
      } catch (err) {
        // The folder may have been removed since we made it.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !madeDirs.delete(dirname(p.abs))) throw err;
        ensureDir(dirname(p.abs));
        fs.writeFileSync(p.tmp, p.bytes);
      }
    }
  } catch (err) {
    cleanUp();
    throw err;
  }
  for (let i = 0; i < set.length; i++) {
    const p = set[i]!;
    try {
      renameRetrying(fs, p.tmp!, p.abs);
      delete p.tmp;
    } catch (err) {
      cleanUp();
      const restored = rollBack(fs, set.slice(0, i));
      if (isLocked(err)) throw new FileLockedError(p.file.path, (err as NodeJS.ErrnoException).code!, restored);
      throw err;
    }
  }
}

/** Puts back what the first renames of a set replaced; false if some could not be. */
function rollBack(fs: WriterFs, done: Pending[]): boolean {
  let ok = true;
  for (const p of done.reverse()) {
    try {
      if (p.previous) writeFileAtomic(p.abs, p.previous, fs);
      else fs.rmSync(p.abs, { force: true });
    } catch {
      ok = false;
    }
  }
  return ok;
}

function readIfExists(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR')
      return undefined;
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

const FIX_FOLDER = t(
  'Flytt eller gi nytt navn til det som ligger der, så lager refleks mappen. Ingen filer i settet ble skrevet.',
  'Move or rename what is there, and refleks makes the folder. None of the files in the set were written.',
);

/**
 * What destinationProblems found at each path in one run: a problem, nothing
 * there ('missing': only this run, which holds the workspace lock, can make
 * it), or null for a folder or file that is fine.
 */
export type DestinationChecks = Map<string, Problem | 'missing' | null>;

/**
 * What stands in the way of writing these files (paths relative to `root`),
 * checked before the first of them is written, so a set is written whole or
 * not at all: a file where a folder belongs (`ut` or `ut/gruppe/skjema` as a
 * file), a folder where a file belongs, a symlink that leads nowhere, or a
 * folder that resolves outside the workspace (`ut` a symlink elsewhere:
 * the lexical check in safeJoin cannot see that). `seen` carries what was
 * already checked across the sets of one run.
 */
export function destinationProblems(root: string, paths: string[], seen: DestinationChecks = new Map()): Problem[] {
  let realRoot: string | undefined;
  const problems: Problem[] = [];
  for (const path of paths) {
    // A path ending in / is a folder refleks will write into.
    const parts = normalize(path).split(sep).filter(Boolean);
    const folder = path.endsWith('/');
    for (let i = 1; i <= parts.length; i++) {
      const rel = parts.slice(0, i).join('/');
      const last = i === parts.length && !folder;
      const key = `${rel}\0${last}`;
      let found = seen.get(key);
      if (found === undefined) {
        found = checkEntry(root, (realRoot ??= realpathSync(root)), rel, last);
        seen.set(key, found);
      }
      if (found !== null && found !== 'missing' && !problems.includes(found)) problems.push(found);
      // Below a missing folder or a problem there is nothing more to check.
      if (found !== null) break;
    }
  }
  return problems;
}

function checkEntry(root: string, realRoot: string, rel: string, isFile: boolean): Problem | 'missing' | null {
  const abs = join(root, rel);
  const link = lstatSync(abs, { throwIfNoEntry: false });
  if (!link) return 'missing';
  const problem = (nb: string, en: string, hint = FIX_FOLDER): Problem => ({
    severity: 'error',
    file: rel,
    message: t(nb, en),
    hint,
  });
  let st;
  try {
    st = statSync(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      return problem('er en symbolsk lenke som peker i ring', 'is a symbolic link that points in a loop');
    return problem(
      'er en symbolsk lenke til noe som ikke finnes',
      'is a symbolic link to something that does not exist',
    );
  }
  if (link.isSymbolicLink()) {
    const real = realpathSync(abs);
    const inside = relative(realRoot, real);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      return problem(
        `peker utenfor arbeidsområdet (til ${real}), og refleks skriver bare inne i det`,
        `points outside the workspace (to ${real}), and refleks writes only inside it`,
        t(
          'Gjør den til en vanlig mappe i arbeidsområdet. Ingen filer i settet ble skrevet.',
          'Make it an ordinary folder in the workspace. None of the files in the set were written.',
        ),
      );
    }
  }
  const fixFile = t(
    'Flytt eller gi nytt navn til det som ligger der, så skriver refleks filen. Ingen filer i settet ble skrevet.',
    'Move or rename what is there, and refleks writes the file. None of the files in the set were written.',
  );
  if (isFile && st.isDirectory()) {
    return problem(
      'er en mappe, men refleks skal skrive en fil her',
      'is a folder, but refleks is to write a file here',
      fixFile,
    );
  }
  if (isFile && !st.isFile()) return problem('er ikke en vanlig fil', 'is not an ordinary file', fixFile);
  if (!isFile && !st.isDirectory()) {
    return problem('er en fil, men refleks trenger en mappe her', 'is a file, but refleks needs a folder here');
  }
  return null;
}

/**
 * Writes one complete set of outputs. Pass a shared manifest when writing many
 * sets in one run (and save it at the end); without one, the manifest is read
 * and saved here.
 */
export function writeOutputs(
  root: string,
  files: OutputFile[],
  opts: WriteOptions = {},
  shared?: OutputManifest,
): WriteReport {
  const stops = destinationProblems(
    root,
    files.map((f) => f.path),
    opts.checked,
  );
  if (stops.length) throw new InputError(stops);
  const manifest = shared ?? new OutputManifest(root);
  // A lost or damaged manifest is never silently replaced by a partial one.
  if (!shared) manifest.assertUsable();
  const report: WriteReport = { files: [], written: [], unchanged: [], edited: [] };
  const toWrite: Pending[] = [];
  const same: { path: string; hash: string }[] = [];
  // One listing per folder instead of trying to open every file: a first
  // build's folders hold nothing yet. A name that may match (in any case or
  // Unicode form, as Windows and macOS match names) is read.
  const folders = new Map<string, ReturnType<typeof listFolder>>();
  const folder = (dir: string) => {
    if (!folders.has(dir)) folders.set(dir, listFolder(dir));
    return folders.get(dir);
  };
  for (const file of files) {
    const abs = safeJoin(root, file.path);
    const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes;
    const hash = sha256(bytes);
    let outcome: FileOutcome = 'written';
    const existing = folder(dirname(abs))?.matching.has(matchingName(basename(abs))) ? readIfExists(abs) : undefined;
    if (existing) {
      const onDisk = sha256(existing);
      if (onDisk === hash) {
        outcome = 'unchanged';
        same.push({ path: file.path, hash });
      } else if (!opts.force && !manifest.owns(file.path, onDisk)) {
        if (opts.adopt && !manifest.knows(file.path) && opts.adopt(file, existing)) {
          (report.adopted ??= []).push(file.path);
          if (!opts.dryRun) manifest.set(file.path, onDisk);
        } else {
          outcome = 'edited';
        }
      }
    }
    if (outcome === 'written') {
      if (opts.dryRun) outcome = 'planned';
      else toWrite.push({ abs, file, bytes, hash, previous: existing });
    }
    report.files.push({ path: file.path, outcome });
    if (outcome === 'written') report.written.push(file.path);
    if (outcome === 'unchanged') report.unchanged.push(file.path);
    if (outcome === 'edited') report.edited.push(file.path);
  }
  opts.check?.(report);
  // A dry run says what it would write; removing is not part of that.
  if (opts.dryRun) return report;
  if (opts.retire) retire(root, opts.retire, files, manifest, report);
  for (const [dir, listing] of folders) if (listing) sweepTemps(dir, listing.names);
  for (const f of same) manifest.set(f.path, f.hash);
  manifest.intend(toWrite.map((p) => ({ path: p.file.path, hash: p.hash })));
  try {
    writeSet({ ...nodeFs, ...opts.fs }, toWrite);
    for (const { file, hash } of toWrite) manifest.set(file.path, hash);
    for (const path of report.removed ?? []) {
      rmSync(join(root, path), { force: true });
      manifest.delete(path);
      removeEmptyFolders(root, dirname(path), opts.retire!);
    }
  } finally {
    // Also after a set that failed (and was put back): the journal is folded in and removed.
    if (!shared) manifest.save();
  }
  return report;
}

const extension = (path: string) => /\.[^./]+$/.exec(path)?.[0] ?? '';

/** Finds what refleks wrote under `prefix` before that this set no longer has (see WriteOptions.retire). */
function retire(
  root: string,
  prefix: string,
  files: OutputFile[],
  manifest: OutputManifest,
  report: WriteReport,
): void {
  const group = prefix.replace(/\/+$/, '');
  const now = new Set(files.map((f) => f.path));
  const kinds = new Set<string>();
  // Every folder below the group's that holds files of a kind, at any depth:
  // `invitasjoner/` covers a per-person folder whose person has left.
  for (const f of files) {
    for (let dir = dirname(f.path); dir.startsWith(`${group}/`); dir = dirname(dir))
      kinds.add(`${dir}\0${extension(f.path)}`);
  }
  const removed: string[] = [];
  const kept: string[] = [];
  for (const path of manifest.below(`${group}/`)) {
    if (now.has(path)) continue;
    let covered = false;
    for (let dir = dirname(path); dir.startsWith(`${group}/`) && !covered; dir = dirname(dir))
      covered = kinds.has(`${dir}\0${extension(path)}`);
    if (!covered) continue;
    const onDisk = readIfExists(safeJoin(root, path));
    if (!onDisk) {
      manifest.delete(path);
    } else if (sha256(onDisk) === manifest.get(path)) {
      removed.push(path);
    } else {
      kept.push(path);
    }
  }
  report.removed = removed;
  report.kept = kept;
}

/** Folders emptied by a removal (a per-person invitation folder), up to the group's folder. */
function removeEmptyFolders(root: string, dir: string, prefix: string): void {
  const group = prefix.replace(/\/+$/, '');
  for (let d = dir; d.startsWith(`${group}/`); d = dirname(d)) {
    try {
      if (readdirSync(join(root, d)).length) return;
      rmdirSync(join(root, d));
      madeDirs.delete(join(root, d));
    } catch {
      return;
    }
  }
}
