/**
 * The group file `refleks new-group` writes: YAML text built by hand so that
 * every field carries a comment explaining it, in the coordinator's language.
 * Pure: answers in, text out. The command parses the text back with the same
 * loader as `validate` before writing it, so what we write is what loads.
 */
import type { Person } from './model.js';
import { t, type Lang, type Text } from './text.js';
import { yamlFlowString, yamlString } from './yaml-text.js';
import { addDays } from './zoned-time.js';
import { slugify as slug } from './slug.js';

export type LocationAnswer = string | { room?: string; address?: string; url?: string };

export interface GroupAnswers {
  name: string;
  /** `refleks new-group` always writes it, so renaming the file later does not change the group's identity. */
  id?: string;
  programme?: string;
  /** Combined themes as `programme/theme`, in session order. */
  themes?: string[];
  facilitator: Person;
  coFacilitator?: Person;
  /** The programme's word for the co-facilitator, e.g. «erfaringskonsulent», for the comment. */
  coFacilitatorLabel?: string;
  leader?: Person;
  participants: Person[];
  /** Recommended group size, for the comment. */
  recommended: { min: number; max: number };
  location: LocationAnswer;
  start: string;
  time: string;
  duration: number;
  intervalWeeks: number;
}

export interface GroupFileOptions {
  lang: Lang;
  /** Relative path to schemas/group.schema.json, for editors. */
  schemaPath?: string;
}

/** «Hjemmetjenesten sone sør» → «hjemmetjenesten-sone-sor»: a file name anyone can type. */
export function slugify(name: string): string {
  return slug(name, { max: 80, fallback: 'gruppe' });
}

function personFlow(p: Person): string {
  const fields = [`name: ${yamlFlowString(p.name)}`];
  if (p.email) fields.push(`email: ${yamlFlowString(p.email)}`);
  if (p.unit) fields.push(`unit: ${yamlFlowString(p.unit)}`);
  if (p.role) fields.push(`role: ${yamlFlowString(p.role)}`);
  return `{ ${fields.join(', ')} }`;
}

function locationYaml(loc: LocationAnswer): string {
  if (typeof loc === 'string') return yamlString(loc);
  const fields: string[] = [];
  if (loc.room) fields.push(`room: ${yamlFlowString(loc.room)}`);
  if (loc.address) fields.push(`address: ${yamlFlowString(loc.address)}`);
  if (loc.url) fields.push(`url: ${yamlFlowString(loc.url)}`);
  return `{ ${fields.join(', ')} }`;
}

export function groupYaml(a: GroupAnswers, opts: GroupFileOptions): string {
  const nb = opts.lang === 'nb';
  const comment = (text: Text) => `# ${text[opts.lang]}`;
  const out: string[] = [];
  if (opts.schemaPath) out.push(`# yaml-language-server: $schema=${opts.schemaPath}`);
  out.push(
    comment(
      t(
        'Gruppefil laget med «refleks new-group». Du kan endre den i en vanlig teksteditor;',
        'Group file made with "refleks new-group". You can edit it in any text editor;',
      ),
    ),
    comment(
      t(
        'kjør «refleks validate» etterpå for å sjekke den. Linjer som begynner med # er',
        'run "refleks validate" afterwards to check it. Lines starting with # are',
      ),
    ),
    comment(t('kommentarer og leses ikke av refleks.', 'comments and are not read by refleks.')),
    '',
  );
  if (a.id)
    out.push(
      comment(
        t(
          'Gruppens id, brukt i mappenavn og kalenderinvitasjoner. Filen kan få nytt navn; id-en endrer du med «refleks rename».',
          'The group id, used in folder names and calendar invitations. The file may be renamed; change the id with "refleks rename".',
        ),
      ),
      `id: ${a.id}`,
      '',
    );
  out.push(
    comment(
      t(
        'Gruppens navn, slik det står i invitasjoner, skjema og kursbevis.',
        'The group name, as it appears in invitations, forms and certificates.',
      ),
    ),
    `name: ${yamlString(a.name)}`,
    '',
  );
  if (a.themes) {
    out.push(
      comment(
        t(
          'Temaene gruppen tar, ett per samling og i denne rekkefølgen (program/tema).',
          'The themes the group takes, one per session and in this order (programme/theme).',
        ),
      ),
      comment(
        t(
          'Se temaene med «refleks programmes show mestring».',
          'See the themes with "refleks programmes show mestring".',
        ),
      ),
    );
    if (a.programme) out.push(`programme: ${a.programme}`);
    out.push('themes:', ...a.themes.map((th) => `  - ${yamlString(th)}`), '');
  } else if (a.programme) {
    out.push(
      comment(
        t(
          'Programmet gruppen følger (se «refleks programmes»).',
          'The programme the group follows (see "refleks programmes").',
        ),
      ),
      `programme: ${a.programme}`,
      '',
    );
  }
  out.push(
    comment(
      t(
        'Lokal veileder: leder samlingene og får veilederheftene.',
        'Local facilitator: leads the sessions and gets the facilitator packs.',
      ),
    ),
    `facilitator: ${personFlow(a.facilitator)}`,
    '',
  );
  if (a.coFacilitator) {
    const label = a.coFacilitatorLabel ?? (nb ? 'medveileder' : 'co-facilitator');
    out.push(
      comment(
        t(
          `Medveileder (${label}): leder samlingene sammen med veilederen.`,
          `Co-facilitator (${label}): leads the sessions with the facilitator.`,
        ),
      ),
      `co_facilitator: ${personFlow(a.coFacilitator)}`,
      '',
    );
  }
  if (a.leader) {
    out.push(
      comment(
        t(
          'Leder: er med på planlegging, oppfølging og evaluering, og inviteres til noen av samlingene.',
          'Leader: takes part in planning, follow-up and evaluation, and is invited to some sessions.',
        ),
      ),
      `leader: ${personFlow(a.leader)}`,
      '',
    );
  }
  const { min, max } = a.recommended;
  // An example that fits this group: session 3 a day later than planned.
  const moved = addDays(a.start, 14 * a.intervalWeeks + 1);
  out.push(
    comment(
      t(
        `Deltakere: ${min}–${max} er anbefalt. name er påkrevd; email, unit (enhet) og role (stilling) kan stå.`,
        `Participants: ${min}–${max} is recommended. name is required; email, unit and role are optional.`,
      ),
    ),
    'participants:',
    ...a.participants.map((p) => `  - ${personFlow(p)}`),
    '',
    comment(
      t(
        'Sted: rom og adresse, eller url med lenke til nettmøte. Én samling kan få et annet sted under sessions.',
        'Location: room and address, or url with a link to an online meeting. One session can get another place under sessions.',
      ),
    ),
    `location: ${locationYaml(a.location)}`,
    '',
    comment(
      t(
        'Første samling (ÅÅÅÅ-MM-DD). Samlinger som faller på helligdager eller i ferier flyttes en uke.',
        'First session (YYYY-MM-DD). Sessions that fall on public holidays or in blackout periods move a week.',
      ),
    ),
    `start: ${a.start}`,
    comment(t('Starttidspunkt (TT:MM), lokal tid.', 'Start time (HH:MM), local time.')),
    `time: "${a.time}"`,
    comment(t('Varighet for hver samling, i minutter.', 'Length of each session, in minutes.')),
    `duration: ${a.duration}`,
    comment(t('Uker mellom samlingene.', 'Weeks between sessions.')),
    `interval_weeks: ${a.intervalWeeks}`,
    '',
    comment(t('Endringer for enkeltsamlinger, for eksempel:', 'Changes to single sessions, for example:')),
    '# sessions:',
    nb
      ? `#   3: { date: ${moved}, note: Flyttet på grunn av planleggingsdag }`
      : `#   3: { date: ${moved}, note: Moved because of a planning day }`,
    nb ? '#   4: { location: "Kommunestyresalen, Rådhuset" }' : '#   4: { location: "Council chamber, Town hall" }',
    '#   5: { cancelled: true }',
    '',
  );
  return out.join('\n');
}
