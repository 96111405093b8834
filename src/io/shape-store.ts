/**
 * Rendered form shapes kept on disk between runs, like a compiler's cache, so
 * a build of one group does not load docx when its shape was rendered before.
 * A shape holds wording, theme content and structure with tokens in place of
 * every text of a group: no names, no places, no dates (see core/forms/merge.ts).
 *
 * Where: $REFLEKS_CACHE_DIR, else $XDG_CACHE_HOME/refleks, else ~/.cache/refleks.
 * Off with REFLEKS_CACHE=off. Files are named by a hash of the build of
 * refleks (its bundled code and docx's version) and the shape's content, so a
 * new release or a changed programme never reads an old shape.
 *
 * A cache is a hint, never trusted (issue 12): anyone who can write the folder
 * could otherwise decide what the forms say. So the folder is used only when
 * no one else can write to it (as ssh treats ~/.ssh); files are opened only
 * when they are regular files (a FIFO would hang the build, a symlink would
 * lead elsewhere); each entry carries an HMAC under a key only this user can
 * read, over the shape's key and content; and what comes out is checked
 * against what refleks renders (core/forms/shape.ts `shapeFault`). Anything
 * unexpected is ignored (a --debug note) and the shape rendered again. Pruning
 * removes only files with this store's name and marker.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { memoryShapeStore, type Rendered, type ShapeStore } from '../core/forms/index.js';
import type { Piece } from '../core/forms/shape.js';
import { t, type Text } from '../core/text.js';
import { PACKAGE_ROOT } from '../paths.js';
import { writeFileAtomic } from './write-outputs.js';

const MAX_FILES = 256;
/** Far above any real shape (~70 KB); a bigger file is not ours. */
const MAX_BYTES = 8 * 1024 * 1024;
/** First bytes of every entry: what marks a file as this store's (for pruning), and the format. */
const MAGIC = 'refleks-shape v3\n';
/** An entry's name: the hash of refleks's build and the shape's key. */
const ENTRY_NAME = /^[0-9a-f]{64}\.shape$/;
const KEY_FILE = 'hmac.key';

/** What the store tells the person: a warning, or a note only with --debug. */
export type ShapeNote = (text: Text, debugOnly: boolean) => void;

type StoredPart = { n: string; p: Piece[] } | { n: string; b: string };
interface Stored {
  v: 3;
  /** The shape's key, so an entry copied under another name is not used for another shape. */
  k: string;
  forms: [string, StoredPart[]][];
  certificate: StoredPart[];
}

function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.REFLEKS_CACHE === 'off') return undefined;
  if (env.REFLEKS_CACHE_DIR) return join(env.REFLEKS_CACHE_DIR, 'forms');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'refleks', 'forms');
}

let buildId: string | null | undefined;
/** Written by `npm run build` (scripts/bundle.mjs); absent when running from source, which then uses no disk. */
function readBuildId(): string | null {
  if (buildId === undefined) {
    try {
      buildId = readFileSync(join(PACKAGE_ROOT, 'dist', 'build-id.txt'), 'utf8').trim() || null;
    } catch {
      buildId = null;
    }
  }
  return buildId;
}

const POSIX = process.platform !== 'win32';
const myUid = () => (POSIX && process.getuid ? process.getuid() : -1);

/**
 * Why a folder of the store may be changed by someone else, or undefined when
 * only this user (or root) can: a symlink, not a folder, another owner, or
 * writable by the group or everyone. Windows has no such bits to read; there
 * the folder's ACL (by default the user's profile) is what protects it.
 */
function unsafeFolder(dir: string): Text | undefined {
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) return t('er en symbolsk lenke', 'is a symbolic link');
  if (!st.isDirectory()) return t('er ikke en mappe', 'is not a folder');
  if (!POSIX) return undefined;
  if (st.uid !== myUid() && st.uid !== 0) return t('eies av en annen bruker', 'is owned by another user');
  if (st.mode & 0o022)
    return t('kan skrives av andre brukere (gruppe eller alle)', 'is writable by other users (group or everyone)');
  return undefined;
}

/** Makes the store's folders (private) and checks them; a reason when they are not safe to use. */
function prepareDir(dir: string): Text | undefined {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const d of [dirname(dir), dir]) {
    const why = unsafeFolder(d);
    if (why) {
      return t(
        `bruker ikke mellomlageret for skjemaoppsett i ${d}: mappen ${why.nb}. Skjemaene lages uten. Gjør mappen privat (chmod 700 «${d}»), eller velg en annen mappe med REFLEKS_CACHE_DIR.`,
        `not using the form layout cache in ${d}: the folder ${why.en}. The forms are made without it. Make the folder private (chmod 700 "${d}"), or choose another folder with REFLEKS_CACHE_DIR.`,
      );
    }
  }
  return undefined;
}

/**
 * A regular file's bytes, or undefined for anything else. O_NOFOLLOW refuses
 * a symlink, O_NONBLOCK keeps a FIFO from hanging the open, and fstat on the
 * open file decides (no race between a check and the open).
 */
function readRegular(path: string, max = MAX_BYTES): Buffer | undefined {
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || (POSIX && st.uid !== myUid())) return undefined;
    const size = Math.min(st.size, max);
    const buf = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buf, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The secret the entries are signed with; made once, readable only by this user. */
function hmacKey(dir: string): Buffer | undefined {
  const path = join(dir, KEY_FILE);
  let key = readRegular(path, 64);
  if (key?.length === 32) return key;
  if (key !== undefined) rmSync(path, { force: true });
  try {
    writeFileSync(path, randomBytes(32), { mode: 0o600, flag: 'wx' });
  } catch {
    // Another process made it first, or the folder is read-only.
  }
  key = readRegular(path, 64);
  return key?.length === 32 ? key : undefined;
}

const encodeParts = (parts: Rendered['certificate']): StoredPart[] =>
  parts.map((p) =>
    p.pieces !== undefined ? { n: p.name, p: p.pieces } : { n: p.name, b: Buffer.from(p.bytes).toString('base64') },
  );

const isPiece = (p: unknown) => typeof p === 'string' || Number.isInteger(p);
function decodeParts(parts: unknown): Rendered['certificate'] {
  if (!Array.isArray(parts)) throw new Error('parts are not a list');
  return parts.map((p: StoredPart) => {
    if (typeof p?.n !== 'string') throw new Error('a part without a name');
    if ('p' in p && Array.isArray(p.p) && p.p.every(isPiece)) return { name: p.n, pieces: p.p };
    if ('b' in p && typeof p.b === 'string') return { name: p.n, bytes: new Uint8Array(Buffer.from(p.b, 'base64')) };
    throw new Error(`part ${JSON.stringify(p.n)} is neither text nor bytes`);
  });
}

const mac = (key: Buffer, body: Uint8Array) => createHmac('sha256', key).update(body).digest();

/** A shape as the JSON both stores keep: the cache on disk and the shapes built into refleks. */
export function shapeJson(r: Rendered, stableKey: string): string {
  const stored: Stored = {
    v: 3,
    k: stableKey,
    forms: r.forms.map(([file, parts]) => [file, encodeParts(parts)]),
    certificate: encodeParts(r.certificate),
  };
  return JSON.stringify(stored);
}

/** The shape in shapeJson's JSON, or why it cannot be used. */
export function shapeFromJson(json: string, stableKey: string): Rendered | string {
  const stored = JSON.parse(json) as Stored;
  if (stored?.v !== 3 || stored.k !== stableKey) return 'an entry for another shape';
  if (!Array.isArray(stored.forms)) return 'no list of forms';
  return {
    forms: stored.forms.map(([file, parts]) => [String(file), decodeParts(parts)]),
    certificate: decodeParts(stored.certificate),
  };
}

function encode(r: Rendered, stableKey: string, key: Buffer): Buffer {
  const body = gzipSync(shapeJson(r, stableKey), { level: 1 });
  return Buffer.concat([Buffer.from(MAGIC), mac(key, body), body]);
}

/** The shape in an entry, or why it cannot be used. */
function decode(bytes: Buffer, stableKey: string, key: Buffer): Rendered | string {
  if (!bytes.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) return 'not an entry of this format';
  const signature = bytes.subarray(MAGIC.length, MAGIC.length + 32);
  const body = bytes.subarray(MAGIC.length + 32);
  if (signature.length !== 32 || !timingSafeEqual(signature, mac(key, body)))
    return 'its signature does not match its content';
  return shapeFromJson(gunzipSync(body).toString('utf8'), stableKey);
}

/** Keeps the newest MAX_FILES entries; touches only files with this store's name and marker. */
function prune(dir: string): void {
  const files = readdirSync(dir).filter((f) => ENTRY_NAME.test(f));
  if (files.length <= MAX_FILES) return;
  const ours = files
    .map((f) => ({ f, st: lstatSync(join(dir, f), { throwIfNoEntry: false }) }))
    .filter(({ f, st }) => st?.isFile() && readRegular(join(dir, f), MAGIC.length)?.toString() === MAGIC)
    .sort((a, b) => a.st!.mtimeMs - b.st!.mtimeMs);
  for (const { f } of ours.slice(0, ours.length - MAX_FILES)) rmSync(join(dir, f), { force: true });
}

/** Where `npm run build` puts the shapes of typical groups (scripts/builtin-shapes.mjs). */
export const BUILTIN_SHAPES = join(PACKAGE_ROOT, 'dist', 'shapes');

let builtinKeys: Set<string> | undefined;

/**
 * A shape built into refleks: rendered by the build, from the same code, for
 * a typical group of each built-in programme (its recommended sizes, both
 * languages, no moved session), so a machine's first build of such a group
 * needs no docx. Part of the installed program like its compiled templates,
 * so read whether or not the cache is on; and checked like every shape.
 */
function builtinShape(stableKey: string): Rendered | undefined {
  if (!builtinKeys) {
    try {
      builtinKeys = new Set(readdirSync(BUILTIN_SHAPES).map((f) => f.replace(/\.json\.gz$/, '')));
    } catch {
      builtinKeys = new Set();
    }
  }
  if (!builtinKeys.has(stableKey)) return undefined;
  try {
    const shape = shapeFromJson(
      gunzipSync(readFileSync(join(BUILTIN_SHAPES, `${stableKey}.json.gz`))).toString(),
      stableKey,
    );
    return typeof shape === 'string' ? undefined : shape;
  } catch {
    return undefined;
  }
}

/** This process's memory, then the shapes built into refleks (not with REFLEKS_BUILTIN_SHAPES=off, for comparing). */
function memoryAndBuiltin(env: NodeJS.ProcessEnv): ShapeStore {
  const memory = memoryShapeStore();
  if (env.REFLEKS_BUILTIN_SHAPES === 'off') return memory;
  return {
    get(k, stableKey) {
      const hit = memory.get(k, stableKey);
      if (hit) return hit;
      const shape = builtinShape(stableKey());
      if (shape) memory.set(k, stableKey, shape);
      return shape;
    },
    set: (k, stableKey, shape) => memory.set(k, stableKey, shape),
  };
}

/**
 * The store the pipeline uses: this process's memory and the shapes built
 * into refleks, backed by the folder when it is safe. `note` hears a refused
 * folder (once) and, for --debug, every entry that was ignored.
 */
export function diskShapeStore(env: NodeJS.ProcessEnv = process.env, note: ShapeNote = () => {}): ShapeStore {
  const memory = memoryAndBuiltin(env);
  const dir = cacheDir(env);
  const id = readBuildId();
  if (!dir || !id) return memory;
  let refusal: Text | undefined;
  let key: Buffer | undefined;
  try {
    refusal = prepareDir(dir);
    if (!refusal) key = hmacKey(dir);
  } catch (err) {
    // Cannot make or read the folder (read-only home): only costs time.
    note(
      t(
        `mellomlageret for skjemaoppsett er ikke i bruk: ${(err as Error).message}`,
        `the form layout cache is not used: ${(err as Error).message}`,
      ),
      true,
    );
    return memory;
  }
  if (refusal) {
    note(refusal, false);
    return memory;
  }
  if (!key) return memory;
  const secret = key;
  const fileOf = (stableKey: string) =>
    join(dir, `${createHash('sha256').update(`${id}\0${stableKey}`).digest('hex')}.shape`);
  const ignored = (path: string, why: string) =>
    note(
      t(
        `ignorerer ${path} i mellomlageret (${why}); lager skjemaoppsettet på nytt`,
        `ignoring ${path} in the cache (${why}); rendering the form layout again`,
      ),
      true,
    );
  return {
    get(k, stableKey) {
      const hit = memory.get(k, stableKey);
      if (hit) return hit;
      const path = fileOf(stableKey());
      const bytes = readRegular(path);
      if (!bytes) return undefined;
      let shape: Rendered | string;
      try {
        shape = decode(bytes, stableKey(), secret);
      } catch (err) {
        shape = (err as Error).message;
      }
      if (typeof shape === 'string') {
        ignored(path, shape);
        return undefined;
      }
      memory.set(k, stableKey, shape);
      return shape;
    },
    set(k, stableKey, shape) {
      memory.set(k, stableKey, shape);
      try {
        writeFileAtomic(fileOf(stableKey()), encode(shape, stableKey(), secret));
        prune(dir);
      } catch {
        // A cache that cannot be written (read-only home) only costs time.
      }
    },
    reject(k, stableKey, reason) {
      // The caller renders the shape again and `set` replaces the entry.
      ignored(fileOf(stableKey()), reason);
    },
  };
}
