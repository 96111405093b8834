/**
 * `.refleks/build.json`: per group, the fingerprint of its inputs when it was
 * last built and the files it got. A group whose fingerprint is the same and
 * whose files are all there is skipped by `refleks build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/problems.js';
import { t } from '../core/text.js';
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

const isEntry = (e: unknown): boolean => {
  const g = e as CacheFile['groups'][string];
  return typeof g?.fingerprint === 'string' && Array.isArray(g.files) && g.files.every((f) => typeof f === 'string');
};

function read(root: string): CacheFile {
  let text: string;
  try {
    text = readFileSync(join(root, CACHE), 'utf8');
  } catch {
    // No cache (or not a file, which the pipeline reports first): everything is built.
    return { version: 1, groups: Object.create(null) };
  }
  let c: CacheFile | undefined;
  try {
    c = JSON.parse(text) as CacheFile;
  } catch {
    c = undefined;
  }
  if (c?.version === 1 && c.groups && typeof c.groups === 'object' && !Array.isArray(c.groups) && Object.values(c.groups).every(isEntry)) {
    return { version: 1, groups: Object.assign(Object.create(null), c.groups) };
  }
  throw new InputError([{
    severity: 'error',
    file: CACHE,
    message: t('er skadet: den er ikke slik refleks skriver den', 'is damaged: it is not as refleks writes it'),
    hint: t(
      'Filen husker bare hva som er bygget før. Slett den, så bygger neste «refleks build» alle grupper på nytt.',
      'The file only remembers what was built before. Delete it, and the next "refleks build" builds every group again.',
    ),
  }]);
}
