/**
 * Step 6 of `refleks new-group`: where the group meets, a room (and address)
 * or a link to an online meeting. --location takes a link as a link and
 * anything else as the room's text.
 */
import type { LocationAnswer } from '../../core/group-file.js';
import type { WizardState } from './wizard-state.js';
import { t } from '../../core/text.js';
import { oneLineIssue } from '../../core/safe-text.js';

export async function chooseLocation({ opts, prompter, ctx, usage }: WizardState): Promise<LocationAnswer> {
  if (opts.location !== undefined) {
    const v = opts.location.trim();
    if (!v) throw usage('--location er tom', '--location is empty');
    if (v.length > 500) throw usage('--location er lengre enn 500 tegn', '--location is longer than 500 characters');
    return /^https?:\/\/\S+$/i.test(v) ? { url: v } : v;
  }
  const where = await prompter!.select<'room' | 'online'>({
    message: t('Hvor møtes gruppen?', 'Where does the group meet?')[ctx.lang],
    choices: [
      { name: t('I et møterom', 'In a meeting room')[ctx.lang], value: 'room' },
      { name: t('Nettmøte (Teams, Zoom …)', 'Online (Teams, Zoom …)')[ctx.lang], value: 'online' },
    ],
    default: 'room',
  });
  if (where === 'room') {
    const room = (
      await prompter!.input({
        message: t('Rom (for eksempel «Helsehuset, møterom 2»):', 'Room (e.g. "Health centre, room 2"):')[ctx.lang],
        validate: (v) =>
          v.trim()
            ? (oneLineIssue(v.trim())?.[ctx.lang] ??
              (v.trim().length <= 300 ? true : t('Høyst 300 tegn.', 'At most 300 characters.')[ctx.lang]))
            : t('Skriv rommet.', 'Type the room.')[ctx.lang],
      })
    ).trim();
    const address = (
      await prompter!.input({
        message: t('Adresse (valgfritt):', 'Address (optional):')[ctx.lang],
        validate: (v) =>
          oneLineIssue(v.trim())?.[ctx.lang] ??
          (v.trim().length <= 300 ? true : t('Høyst 300 tegn.', 'At most 300 characters.')[ctx.lang]),
      })
    ).trim();
    return { room, ...(address ? { address } : {}) };
  }
  const url = (
    await prompter!.input({
      message: t('Lenke til nettmøtet:', 'Link to the online meeting:')[ctx.lang],
      validate: (v) =>
        /^https?:\/\/\S+$/i.test(v.trim()) && v.trim().length <= 1000
          ? true
          : t('Lim inn lenken, den begynner med https://.', 'Paste the link; it starts with https://.')[ctx.lang],
    })
  ).trim();
  return { url };
}
