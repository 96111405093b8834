/**
 * Step 2 of `refleks new-group`: the group's name, and the id (file name) made
 * from it unless --id gives one. Neither may clash with a group already there.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { slugify } from '../../core/group-file.js';
import { SLUG_PATTERN } from '../../load/schema.js';
import { isWindowsReserved } from '../../core/slug.js';
import type { WizardState } from './wizard-state.js';
import { t } from '../../core/text.js';
import { oneLineIssue } from '../../core/safe-text.js';

export interface NameAnswer {
  name: string;
  id: string;
  /** Where the group file goes, relative to the workspace: `groups/<id>.yaml`. */
  file: string;
}

export async function chooseName({
  opts,
  root,
  takenIds,
  prompter,
  ctx,
  say,
  usage,
}: WizardState): Promise<NameAnswer> {
  const idTaken = (id: string) =>
    takenIds.has(id) || existsSync(join(root, 'groups', `${id}.yaml`)) || existsSync(join(root, 'groups', `${id}.yml`));
  if (opts.id !== undefined) {
    if (isWindowsReserved(opts.id))
      throw usage(
        `--id «${opts.id}» kan ikke brukes: Windows lager ikke filer med det navnet`,
        `--id "${opts.id}" cannot be used: Windows makes no files with that name`,
      );
    if (!SLUG_PATTERN.test(opts.id))
      throw usage(
        `--id «${opts.id}» kan ikke brukes: bare små bokstaver a–z, tall og bindestrek`,
        `--id "${opts.id}" cannot be used: only lower-case a–z, digits and hyphens`,
      );
    if (idTaken(opts.id))
      throw usage(
        `det finnes allerede en gruppe med id «${opts.id}» (groups/${opts.id}.yaml); velg en annen --id`,
        `there is already a group with id "${opts.id}" (groups/${opts.id}.yaml); choose another --id`,
      );
  }
  const nameProblem = (name: string): string | undefined => {
    if (!name.trim()) return t('Skriv et navn.', 'Type a name.')[ctx.lang];
    const issue = oneLineIssue(name.trim());
    if (issue) return issue[ctx.lang];
    if (name.trim().length > 200)
      return t('Navnet kan være høyst 200 tegn.', 'The name can be at most 200 characters.')[ctx.lang];
    if (opts.id === undefined && idTaken(slugify(name))) {
      const id = slugify(name);
      return t(
        `Det finnes allerede en gruppe med id «${id}» (groups/${id}.yaml). Velg et annet navn.`,
        `There is already a group with id "${id}" (groups/${id}.yaml). Choose another name.`,
      )[ctx.lang];
    }
    return undefined;
  };
  let name: string;
  if (opts.name !== undefined) {
    const p = nameProblem(opts.name);
    if (p)
      throw usage(
        `--name: ${p}${opts.id === undefined && opts.name.trim() ? ' Eller gi en annen id med --id.' : ''}`,
        `--name: ${p}${opts.id === undefined && opts.name.trim() ? ' Or give another id with --id.' : ''}`,
      );
    name = opts.name.trim();
  } else {
    name = (
      await prompter!.input({
        message: t(
          'Gruppens navn (slik det skal stå i invitasjonene):',
          'The group name (as it will appear in invitations):',
        )[ctx.lang],
        validate: (v) => nameProblem(v) ?? true,
        transformer: (v) => (v.trim() && opts.id === undefined ? `${v}  → groups/${slugify(v)}.yaml` : v),
      })
    ).trim();
  }
  const id = opts.id ?? slugify(name);
  const file = `groups/${id}.yaml`;
  if (prompter && opts.name === undefined) say(t(`  Filen blir ${file}.`, `  The file will be ${file}.`)[ctx.lang]);
  return { name, id, file };
}
