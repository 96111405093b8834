/**
 * The files in `groups/` and the group id each one claims by its name. Every
 * command lists groups through here, including build's fast path that
 * fingerprints files before parsing them, so two files that claim one id by
 * their name (`gruppe.yaml` and `gruppe.yml`, or `gruppe.YAML`) refuse the
 * workspace everywhere, not only in `validate`.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Problem } from '../core/problems.js';
import { t } from '../core/text.js';
import { entryKind } from './fs-entry.js';

const YAML_NAME = /\.ya?ml$/i;

/** The group id a file name gives: `sone-nord.yml` → `sone-nord`. */
export function groupIdOfName(name: string): string {
  return name.replace(YAML_NAME, '');
}

export interface GroupFileList {
  /** File names in groups/, sorted; a name whose id an earlier name already claims is left out. */
  names: string[];
  /** One error per left-out file. */
  problems: Problem[];
}

export function listGroupFiles(root: string): GroupFileList {
  const dir = join(root, 'groups');
  const problems: Problem[] = [];
  // A workspace without groups/ has no groups yet; one where groups is a file
  // (or a broken link) would otherwise look empty and build nothing, exit 0.
  if (!lstatSync(dir, { throwIfNoEntry: false })) return { names: [], problems };
  const kind = checked(() => entryKind(dir, 'groups'), problems);
  if (kind !== 'dir') {
    if (kind) problems.push(notA('groups', kind, 'dir'));
    return { names: [], problems };
  }
  const all = readdirSync(dir)
    .filter((f) => YAML_NAME.test(f) && !f.startsWith('.'))
    .sort()
    .filter((f) => {
      const kind = checked(() => entryKind(join(dir, f), `groups/${f}`), problems);
      if (kind && kind !== 'file') problems.push(notA(`groups/${f}`, kind, 'file'));
      return kind === 'file';
    });
  const first = new Map<string, string>();
  const names: string[] = [];
  for (const name of all) {
    const id = groupIdOfName(name);
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, name);
      names.push(name);
      continue;
    }
    problems.push({
      severity: 'error',
      file: `groups/${name}`,
      message: t(
        `gruppe-id «${id}» brukes også av groups/${earlier}`,
        `group id "${id}" is also used by groups/${earlier}`,
      ),
      hint: t(
        `Filnavnet er gruppens id, og .yaml og .yml regnes som samme navn. Slett den ene filen, eller gi den et annet navn.`,
        `The file name is the group's id, and .yaml and .yml count as the same name. Delete one of the files, or rename it.`,
      ),
    });
  }
  return { names, problems };
}

function checked<T>(f: () => T, problems: Problem[]): T | undefined {
  try {
    return f();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...err.problems);
    return undefined;
  }
}

/** `groups` is a file where a folder belongs, or `groups/x.yaml` a folder where a file belongs. */
function notA(shown: string, is: 'file' | 'dir' | 'other', want: 'file' | 'dir'): Problem {
  const what = {
    file: t('en fil', 'a file'),
    dir: t('en mappe', 'a folder'),
    other: t('verken fil eller mappe', 'neither a file nor a folder'),
  }[is];
  return {
    severity: 'error',
    file: shown,
    message:
      want === 'dir'
        ? t(
            `er ${what.nb}, men skal være mappen med gruppefilene`,
            `is ${what.en}, but should be the folder of group files`,
          )
        : t(
            `er ${what.nb}, men et navn som slutter på .yaml skal være en gruppefil`,
            `is ${what.en}, but a name ending in .yaml should be a group file`,
          ),
    hint:
      want === 'dir'
        ? t(
            'Gi filen et annet navn, og lag mappen groups/ med én .yaml-fil per gruppe.',
            'Rename the file, and make a folder groups/ with one .yaml file per group.',
          )
        : t(
            'Gi den et navn som ikke slutter på .yaml, eller flytt den ut av groups/.',
            'Give it a name that does not end in .yaml, or move it out of groups/.',
          ),
  };
}

/**
 * Whether a group file is the one a command line names: by its file name, or
 * by the `id:` it declares (a file renamed by hand keeps its id, and
 * `refleks send sone-sor` must still find it). Reads only the top-level
 * `id:` line, so it can run before parsing; the schema checks the real value.
 */
export function fileMatches(root: string, name: string, wanted: Set<string>): boolean {
  if (wanted.has(groupIdOfName(name))) return true;
  let text: string;
  try {
    text = readFileSync(join(root, 'groups', name), 'utf8');
  } catch {
    return false;
  }
  const id = /^id:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
  return id !== undefined && wanted.has(id);
}
