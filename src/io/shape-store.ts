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
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { memoryShapeStore, type Rendered, type ShapeStore } from '../core/forms/index.js';
import type { Piece } from '../core/forms/shape.js';
import { PACKAGE_ROOT } from '../paths.js';
import { writeFileAtomic } from './write-outputs.js';

const MAX_FILES = 256;

type StoredPart = { n: string; p: Piece[] } | { n: string; b: string };
interface Stored {
  v: 2;
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

const encodeParts = (parts: Rendered['certificate']): StoredPart[] =>
  parts.map((p) => (p.pieces !== undefined ? { n: p.name, p: p.pieces } : { n: p.name, b: Buffer.from(p.bytes).toString('base64') }));
const decodeParts = (parts: StoredPart[]): Rendered['certificate'] =>
  parts.map((p) => ('p' in p ? { name: p.n, pieces: p.p } : { name: p.n, bytes: new Uint8Array(Buffer.from(p.b, 'base64')) }));

function encode(r: Rendered): Uint8Array {
  const stored: Stored = { v: 2, forms: r.forms.map(([file, parts]) => [file, encodeParts(parts)]), certificate: encodeParts(r.certificate) };
  return gzipSync(JSON.stringify(stored), { level: 1 });
}

function decode(bytes: Uint8Array): Rendered | undefined {
  const stored = JSON.parse(gunzipSync(bytes).toString('utf8')) as Stored;
  if (stored.v !== 2) return undefined;
  return { forms: stored.forms.map(([file, parts]) => [file, decodeParts(parts)]), certificate: decodeParts(stored.certificate) };
}

function prune(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json.gz'));
  if (files.length <= MAX_FILES) return;
  const byAge = files.map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { f } of byAge.slice(0, files.length - MAX_FILES)) rmSync(join(dir, f), { force: true });
}

export function diskShapeStore(env: NodeJS.ProcessEnv = process.env): ShapeStore {
  const memory = memoryShapeStore();
  const dir = cacheDir(env);
  const id = readBuildId();
  if (!dir || !id) return memory;
  const fileOf = (stableKey: string) => join(dir, `${createHash('sha256').update(`${id}\0${stableKey}`).digest('hex')}.json.gz`);
  return {
    get(key, stableKey) {
      const hit = memory.get(key, stableKey);
      if (hit) return hit;
      try {
        const shape = decode(readFileSync(fileOf(stableKey())));
        if (shape) memory.set(key, stableKey, shape);
        return shape;
      } catch {
        // Missing or unreadable: render it.
        return undefined;
      }
    },
    set(key, stableKey, shape) {
      memory.set(key, stableKey, shape);
      try {
        writeFileAtomic(fileOf(stableKey()), encode(shape));
        prune(dir);
      } catch {
        // A cache that cannot be written (read-only home) only costs time.
      }
    },
  };
}
