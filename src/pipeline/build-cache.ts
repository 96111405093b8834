/**
 * `.refleks/build.json`: per group, the fingerprint of its inputs when it was
 * last built and the files it got. A group whose fingerprint is the same and
 * whose files are all there is skipped by `refleks build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Problem } from '../core/problems.js';
import { t } from '../core/text.js';
import { writeFileAtomic } from '../io/write-outputs.js';
import { buildCacheSchema, parseStateFile } from '../load/state-schemas.js';

const CACHE = '.refleks/build.json';

interface CacheFile {
  version: 1;
  groups: Record<string, { fingerprint: string; files: string[] }>;
}

export class BuildCache {
  private readonly data: CacheFile;
  private dirty = false;
  /** Never set: a damaged cache is an error (kept for the pipeline's notice list). */
  readonly problem?: Problem;
  constructor(private readonly root: string) {
    const { data, problem } = read(root);
    // A damaged cache stops the build with its name and the fix (issue 12):
    // quietly setting it aside would hide a git conflict someone should see.
    if (problem) throw new InputError([problem]);
    this.data = data;
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

/**
 * The cache, checked like every state file. A damaged one (a git conflict,
 * a crash) only makes the next build do all the work, so it is set aside
 * with a warning naming it instead of stopping the build.
 */
function read(root: string): { data: CacheFile; problem?: Problem } {
  const fresh = (): CacheFile => ({ version: 1, groups: Object.create(null) as CacheFile['groups'] });
  let raw: string;
  try {
    raw = readFileSync(join(root, CACHE), 'utf8');
  } catch {
    // No cache: everything is built.
    return { data: fresh() };
  }
  try {
    const c = parseStateFile(CACHE, raw, buildCacheSchema, {
      what: t('byggelageret', 'the build cache'),
      hint: t(
        'Filen husker bare hva som er bygget før. Slett den, så bygger neste «refleks build» alle grupper på nytt.',
        'The file only remembers what was built before. Delete it, and the next "refleks build" builds every group again.',
      ),
    });
    return { data: { version: 1, groups: c.groups } };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { data: fresh(), problem: err.problems[0]! };
  }
}
