/**
 * The built-in programmes, already parsed and validated at build time
 * (`npm run build` writes dist/programmes-cache.json). Parsing ~60 KB of YAML
 * costs more than everything else `refleks validate` does, and the built-in
 * files only change with a release. Each entry carries the SHA-256 of its YAML
 * file, so an edited file is parsed again instead of trusted.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Programme, Source } from '../core/model.js';
import { PACKAGE_ROOT } from '../paths.js';

export const PROGRAMME_CACHE = join(PACKAGE_ROOT, 'dist', 'programmes-cache.json');

type Cached = Omit<Programme, 'source'>;
interface CacheFile {
  version: 1;
  entries: Record<string, { sha256: string; programme: Cached }>;
}

let cache: CacheFile | null | undefined;

function load(): CacheFile | null {
  if (cache === undefined) {
    try {
      cache = JSON.parse(readFileSync(PROGRAMME_CACHE, 'utf8')) as CacheFile;
      if (cache?.version !== 1) cache = null;
    } catch {
      cache = null;
    }
  }
  return cache;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The cached programme for a built-in file with exactly these bytes, if any. */
export function cachedProgramme(source: Source, bytes: Uint8Array): Programme | undefined {
  const entry = load()?.entries[basename(source.path)];
  if (!entry || entry.sha256 !== hashBytes(bytes)) return undefined;
  return { ...entry.programme, source };
}

export function programmeCacheJson(programmes: { programme: Programme; bytes: Uint8Array }[]): string {
  const entries: CacheFile['entries'] = {};
  for (const { programme, bytes } of programmes) {
    const { source, ...rest } = programme;
    entries[basename(source.path)] = { sha256: hashBytes(bytes), programme: rest };
  }
  return JSON.stringify({ version: 1, entries } satisfies CacheFile);
}
