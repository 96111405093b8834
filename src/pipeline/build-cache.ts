/**
 * `.refleks/build.json`: per group, the fingerprint of its inputs when it was
 * last built and the files it got. A group whose fingerprint is the same and
 * whose files are all there is skipped by `refleks build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/write-outputs.js';

const CACHE = '.refleks/build.json';

interface CacheFile {
  version: 1;
  groups: Record<string, { fingerprint: string; files: string[] }>;
}

export class BuildCache {
  private readonly data: CacheFile;
  private dirty = false;
  constructor(private readonly root: string) {
    this.data = read(root);
  }

  /** The files of a group built from exactly these inputs, if they are all still there. */
  upToDate(id: string, fingerprint: string): string[] | undefined {
    const cached = this.data.groups[id];
    if (cached?.fingerprint !== fingerprint) return undefined;
    return cached.files.every((p) => existsSync(join(this.root, p))) ? cached.files : undefined;
  }

  set(id: string, fingerprint: string, files: string[]): void {
    this.data.groups[id] = { fingerprint, files };
    this.dirty = true;
  }

  save(): void {
    if (this.dirty) writeFileAtomic(join(this.root, CACHE), JSON.stringify(this.data) + '\n');
    this.dirty = false;
  }
}

function read(root: string): CacheFile {
  try {
    const c = JSON.parse(readFileSync(join(root, CACHE), 'utf8')) as CacheFile;
    if (c.version === 1 && c.groups && typeof c.groups === 'object') return c;
  } catch {
    // No cache: everything is built.
  }
  return { version: 1, groups: {} };
}
