/**
 * Step 6 of `refleks new-group`: where the group meets, a room (and address)
 * or a link to an online meeting. --location takes a link as a link and
 * anything else as the room's text.
 */
import type { LocationAnswer } from '../../core/group-file.js';
import type { WizardState } from './wizard-state.js';

export async function chooseLocation({ opts, prompter, L, usage }: WizardState): Promise<LocationAnswer> {
  if (opts.location !== undefined) {
    const v = opts.location.trim();
    if (!v) throw usage('--location er tom', '--location is empty');
    if (v.length > 500) throw usage('--location er lengre enn 500 tegn', '--location is longer than 500 characters');
    return /^https?:\/\/\S+$/i.test(v) ? { url: v } : v;
  }
  const where = await prompter!.select<'room' | 'online'>({
    message: L('Hvor møtes gruppen?', 'Where does the group meet?'),
    choices: [
      { name: L('I et møterom', 'In a meeting room'), value: 'room' },
      { name: L('Nettmøte (Teams, Zoom …)', 'Online (Teams, Zoom …)'), value: 'online' },
    ],
    default: 'room',
  });
  if (where === 'room') {
    const room = (await prompter!.input({ message: L('Rom (for eksempel «Helsehuset, møterom 2»):', 'Room (e.g. "Health centre, room 2"):'), validate: (v) => (v.trim() ? (v.trim().length <= 300 ? true : L('Høyst 300 tegn.', 'At most 300 characters.')) : L('Skriv rommet.', 'Type the room.')) })).trim();
    const address = (await prompter!.input({ message: L('Adresse (valgfritt):', 'Address (optional):'), validate: (v) => (v.trim().length <= 300 ? true : L('Høyst 300 tegn.', 'At most 300 characters.')) })).trim();
    return { room, ...(address ? { address } : {}) };
  }
  const url = (await prompter!.input({ message: L('Lenke til nettmøtet:', 'Link to the online meeting:'), validate: (v) => (/^https?:\/\/\S+$/i.test(v.trim()) && v.trim().length <= 1000 ? true : L('Lim inn lenken, den begynner med https://.', 'Paste the link; it starts with https://.')) })).trim();
  return { url };
}
