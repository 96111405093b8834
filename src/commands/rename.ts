/**
 * `refleks rename OLD NEW`: gives a group a new id without losing what was
 * sent. The calendar state, sent record, e-mail journal and output folder
 * move to the new id, so every session keeps its UID and the next build
 * updates the invitations people have instead of sending them again. The
 * group file moves too when it still has the old name (and its `id:` is
 * rewritten); when it was already renamed by hand, only the records move.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { say, workspaceRoot, type CliContext } from './support/context.js';
import { UsageError } from '../core/problems.js';
import { t } from '../core/text.js';
import { calendarStatePath } from '../io/calendar-state.js';
import { moveGroupRecords } from '../io/group-identity.js';
import { writeFileAtomic } from '../io/write-outputs.js';
import { listGroupFiles, groupIdOfName } from '../load/group-files.js';
import { loadSettings } from '../load/workspace.js';
import { SLUG_PATTERN } from '../load/schema.js';

export function run(ctx: CliContext, from: string, to: string): number {
  const root = workspaceRoot(ctx);
  const { settings } = loadSettings(root);
  if (!settings)
    throw new UsageError(
      t('refleks.yaml kan ikke leses; kjør «refleks validate»', 'refleks.yaml cannot be read; run "refleks validate"'),
    );
  if (!ctx.langFromFlag) ctx.lang = settings.language;
  if (!SLUG_PATTERN.test(to))
    throw new UsageError(
      t(
        `«${to}» kan ikke brukes som gruppe-id: bruk små bokstaver a–z, tall og bindestrek`,
        `"${to}" cannot be used as a group id: use lower-case a–z, digits and hyphens`,
      ),
    );
  if (from === to) throw new UsageError(t('gammel og ny id er like', 'the old and the new id are the same'));
  if (!existsSync(calendarStatePath(root, from))) {
    throw new UsageError(
      t(
        `refleks har ikke laget invitasjoner for «${from}», så det er ingenting å flytte. Gi filen nytt navn i groups/ direkte.`,
        `refleks has made no invitations for "${from}", so there is nothing to move. Rename the file in groups/ directly.`,
      ),
    );
  }
  const names = listGroupFiles(root).names;
  const oldFile = names.find((n) => groupIdOfName(n) === from);
  const newFile = names.find((n) => groupIdOfName(n) === to);
  if (oldFile && newFile)
    throw new UsageError(
      t(
        `både groups/${oldFile} og groups/${newFile} finnes; fjern den ene først`,
        `both groups/${oldFile} and groups/${newFile} exist; remove one first`,
      ),
    );
  if (!oldFile && !newFile)
    throw new UsageError(t(`fant ingen gruppefil for «${to}» i groups/`, `no group file for "${to}" in groups/`));
  if (oldFile) {
    const path = join(root, 'groups', oldFile);
    const text = readFileSync(path, 'utf8');
    // An explicit id travels with the file; rewrite it, or the group would keep the old id.
    const rewritten = /^id:.*$/m.test(text) ? text.replace(/^id:.*$/m, `id: ${to}`) : text;
    const target = join(root, 'groups', `${to}${oldFile.slice(from.length)}`);
    writeFileAtomic(target, rewritten);
    if (target !== path) rmSync(path);
  } else if (newFile) {
    const text = readFileSync(join(root, 'groups', newFile), 'utf8');
    const id = /^id:\s*(\S+)/m.exec(text)?.[1];
    if (id && id !== to)
      throw new UsageError(
        t(
          `groups/${newFile} har «id: ${id}»; fjern feltet, eller gi det verdien ${to}`,
          `groups/${newFile} has "id: ${id}"; remove the field, or set it to ${to}`,
        ),
      );
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');
  const { archived } = moveGroupRecords(root, from, to, settings.output, stamp);
  say(
    ctx,
    t(
      `Gruppen «${from}» heter nå «${to}»: kalenderstatus, sendt-liste og ${settings.output}/${to}/ er flyttet. Invitasjonene beholder sine UID-er; kjør «refleks build ${to}».`,
      `Group "${from}" is now "${to}": calendar state, sent record and ${settings.output}/${to}/ were moved. The invitations keep their UIDs; run "refleks build ${to}".`,
    ),
  );
  if (archived) {
    ctx.err(
      t(
        `merk: det som alt var laget for «${to}» (nye UID-er) er lagt i .refleks/archive/. Har du sendt noen av de filene, får mottakerne samlingene dobbelt; slett de doble hendelsene i kalenderen.`,
        `note: what had been made for "${to}" already (new UIDs) was put in .refleks/archive/. If you sent any of those files, the recipients have the sessions twice; delete the duplicates from the calendar.`,
      )[ctx.lang],
    );
  }
  return 0;
}
