/**
 * The files in `groups/` and the group id each one claims by its name. Every
 * command lists groups through here, including build's fast path that
 * fingerprints files before parsing them, so two files that claim one id by
 * their name (`gruppe.yaml` and `gruppe.yml`, or `gruppe.YAML`) refuse the
 * workspace everywhere, not only in `validate`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../core/problems.js';
import { t } from '../core/text.js';

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
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { names: [], problems: [] };
  const all = readdirSync(dir)
    .filter((f) => YAML_NAME.test(f) && !f.startsWith('.'))
    .sort();
  const first = new Map<string, string>();
  const names: string[] = [];
  const problems: Problem[] = [];
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
      message: t(`gruppe-id «${id}» brukes også av groups/${earlier}`, `group id "${id}" is also used by groups/${earlier}`),
      hint: t(
        `Filnavnet er gruppens id, og .yaml og .yml regnes som samme navn. Slett den ene filen, eller gi den et annet navn.`,
        `The file name is the group's id, and .yaml and .yml count as the same name. Delete one of the files, or rename it.`,
      ),
    });
  }
  return { names, problems };
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
