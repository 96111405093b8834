/**
 * What a planned session looks like in a calendar: summary, description,
 * place, who is invited. Independent of UID, SEQUENCE and DTSTAMP, which the
 * calendar state decides, so that the content can be hashed to see whether a
 * session changed since it was last issued.
 */
import { createHash } from 'node:crypto';
import { formatDate } from '../format-date.js';
import type { Group, Person, Workspace, WorkspaceSettings } from '../model.js';
import type { GroupPlan, PlannedSession } from '../schedule.js';
import { t, type Lang, type Text } from '../text.js';
import { DEFAULT_VOCABULARY, fillWords } from '../vocabulary.js';
import type { CalAttendee } from './ical.js';
import { slugify } from '../slug.js';

export interface Invitee extends CalAttendee {
  /** ASCII folder name for per-person invitations, unique within the group. */
  slug: string;
}

export interface SessionEvent {
  number: number;
  start: string;
  end: string;
  summary: string;
  description: string;
  location?: string;
  url?: string;
  categories: string[];
  organizer: { name: string; email: string };
  attendees: Invitee[];
  alarm: { hoursBefore: number; description: string };
}

/** A name as an ASCII folder name: «Åse Grønli» → `ase-gronli`. */
export function personSlug(name: string): string {
  return slugify(name, { fallback: 'person' });
}

interface Member {
  person: Person & { email: string };
  kind: 'facilitator' | 'coFacilitator' | 'leader' | 'participant';
  slug: string;
}

/** Everyone in the group who has an e-mail address, once each, with a unique slug. */
export function groupMembers(group: Group): Member[] {
  const all: { person?: Person; kind: Member['kind'] }[] = [
    { person: group.facilitator, kind: 'facilitator' },
    { person: group.coFacilitator, kind: 'coFacilitator' },
    { person: group.leader, kind: 'leader' },
    ...group.participants.map((person) => ({ person, kind: 'participant' as const })),
  ];
  const seenEmail = new Set<string>();
  const seenSlug = new Set<string>();
  const out: Member[] = [];
  for (const { person, kind } of all) {
    if (!person?.email) continue;
    const key = person.email.toLowerCase();
    if (seenEmail.has(key)) continue;
    seenEmail.add(key);
    const base = personSlug(person.name);
    let slug = base;
    for (let i = 2; seenSlug.has(slug); i++) slug = `${base}-${i}`;
    seenSlug.add(slug);
    out.push({ person: person as Person & { email: string }, kind, slug });
  }
  return out;
}

/**
 * The note for people in the group without an e-mail address: they get no
 * invitation, so the coordinator must give them their dates another way (the
 * participant handouts in `deltaker/`). Said by validate, build and status.
 */
export function withoutEmailNote(group: Group, output: string): Text | undefined {
  const people = [group.facilitator, group.coFacilitator, group.leader, ...group.participants].filter(
    (p): p is Person => !!p && !p.email,
  );
  if (!people.length) return undefined;
  const names = people.map((p) => p.name).join(', ');
  const one = people.length === 1;
  return t(
    `${names} i ${group.id} har ingen e-postadresse og får ingen kalenderinvitasjon. Gi ${one ? 'personen' : 'dem'} datoene på papir: de står i deltakerarkene i ${output}/${group.id}/deltaker/.`,
    `${names} in ${group.id} ${one ? 'has' : 'have'} no e-mail address and get${one ? 's' : ''} no calendar invitation. Give ${one ? 'them' : 'them'} the dates on paper: they are in the participant handouts in ${output}/${group.id}/deltaker/.`,
  );
}

/** «Tema 3: Title», or «Tema 3 (mestring): Title» in a group combining programmes. */
export function themeLabel(group: Group, session: PlannedSession, lang: Lang): string {
  const word = lang === 'nb' ? 'Tema' : 'Theme';
  const from = group.combined ? ` (${session.theme.programmeId})` : '';
  return `${word} ${session.theme.theme.id}${from}: ${session.theme.theme.title}`;
}

function bullets(items: string[]): string {
  return items.map((i) => `– ${i}`).join('\n');
}

/** Links to the programme's material for this session: the theme's own, the group file's, then the programme's page. */
function links(ws: Pick<Workspace, 'programmes'>, group: Group, session: PlannedSession, lang: Lang): string[] {
  const programme = ws.programmes.get(session.theme.programmeId);
  const own = [...session.theme.theme.materials, ...(group.materials.get(session.number) ?? [])].filter(
    (m) => m.url && m.audience !== 'facilitator',
  );
  const lines = own.map((m) => `${m.title}: ${m.url}`);
  if (programme?.sourceLink && !own.some((m) => m.url === programme.sourceLink!.url)) {
    lines.push(
      `${lang === 'nb' ? 'Materiell og mer om programmet' : 'Material and more about the programme'}: ${programme.sourceLink.title}, ${programme.sourceLink.url}`,
    );
  }
  return lines;
}

export function sessionEvent(
  ws: Pick<Workspace, 'settings' | 'programmes'>,
  plan: GroupPlan,
  session: PlannedSession,
  lang: Lang,
): SessionEvent {
  const { group } = plan;
  const settings: WorkspaceSettings = ws.settings;
  const nb = lang === 'nb';
  const count = group.themes.length;
  const programme = ws.programmes.get(session.theme.programmeId);
  const words = programme?.vocabulary[lang] ?? DEFAULT_VOCABULARY[lang];
  const label = themeLabel(group, session, lang);
  const summary = `${group.name} – ${words.session} ${session.number}: ${session.theme.theme.title}`;
  const parts: string[] = [fillWords(`{Session} ${session.number} ${nb ? 'av' : 'of'} ${count}. ${label}`, words)];
  if (session.postponed) {
    parts.push(
      fillWords(
        nb
          ? `{This_session} er utsatt fra ${formatDate(session.postponed.from, 'nb')}.`
          : `{This_session} is postponed from ${formatDate(session.postponed.from, 'en')}.`,
        words,
      ),
    );
  }
  if (session.theme.theme.summary) parts.push(session.theme.theme.summary.trim());
  if (session.preparation.length) {
    const heading = programme?.betweenSessionsVoluntary
      ? nb
        ? 'Hvis du vil, kan du forberede deg slik:'
        : 'If you like, you can prepare like this:'
      : nb
        ? 'Til forberedelse:'
        : 'To prepare:';
    parts.push(`${heading}\n${bullets(session.preparation)}`);
  }
  const linkLines = links(ws, group, session, lang);
  if (linkLines.length) parts.push(linkLines.join('\n'));
  const place: string[] = [];
  if (session.location.text && session.location.text !== session.location.url)
    place.push(`${nb ? 'Sted' : 'Place'}: ${session.location.text}`);
  if (session.location.url) place.push(`${nb ? 'Møtelenke' : 'Meeting link'}: ${session.location.url}`);
  if (session.note) place.push(`${nb ? 'Merk' : 'Note'}: ${session.note}`);
  if (session.moved) {
    place.push(
      nb
        ? `Flyttet fra ${formatDate(session.moved.from, 'nb')}: ${session.moved.reason.nb}`
        : `Moved from ${formatDate(session.moved.from, 'en')}: ${session.moved.reason.en}`,
    );
  }
  if (place.length) parts.push(place.join('\n'));

  const attendees: Invitee[] = [];
  for (const m of groupMembers(group)) {
    if (m.kind === 'leader' && !session.leaderInvited) continue;
    const role = m.kind === 'facilitator' || m.kind === 'coFacilitator' ? 'CHAIR' : 'REQ-PARTICIPANT';
    attendees.push({ name: m.person.name, email: m.person.email, role, slug: m.slug });
  }
  const programmes = [
    ...new Set(group.themes.map((gt) => ws.programmes.get(gt.programmeId)?.shortTitle ?? gt.programmeTitle)),
  ];
  return {
    number: session.number,
    start: session.startUtc,
    end: session.endUtc,
    summary,
    description: parts.join('\n\n'),
    ...(session.location.text ? { location: session.location.text } : {}),
    ...(session.location.url ? { url: session.location.url } : {}),
    categories: [words.calendarCategory, ...programmes.filter((p) => p !== words.calendarCategory)],
    organizer: { name: settings.organiser.name, email: settings.organiser.email },
    attendees,
    alarm: { hoursBefore: settings.reminderHours, description: `${nb ? 'Påminnelse' : 'Reminder'}: ${summary}` },
  };
}

function canonicalContent(e: SessionEvent): unknown[] {
  return [
    e.start,
    e.end,
    e.summary,
    e.description,
    e.location ?? '',
    e.url ?? '',
    e.categories,
    e.organizer.name,
    e.organizer.email.toLowerCase(),
  ];
}

/** Hash of everything an attendee would notice; a different hash means a new SEQUENCE. */
export function eventHash(e: SessionEvent): string {
  const canonical = JSON.stringify([
    ...canonicalContent(e),
    e.attendees.map((a) => [a.name, a.email.toLowerCase(), a.role]),
    e.alarm.hoursBefore,
    e.alarm.description,
    'CONFIRMED',
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/**
 * Hash of each attendee's own file (organiser and that attendee only), by
 * lower-cased address: the other attendees are not in it, so adding or
 * removing them changes nothing for this person. What is hashed is
 * `JSON.stringify([...canonicalContent(e), [name, email, role], hoursBefore,
 * alarm description, 'CONFIRMED'])`, with the event's part (its long
 * description among it) made into JSON once, not once per person.
 */
export function personalHashes(e: SessionEvent): Record<string, string> {
  const head = JSON.stringify(canonicalContent(e)).slice(0, -1);
  const tail = `,${JSON.stringify([e.alarm.hoursBefore, e.alarm.description, 'CONFIRMED']).slice(1)}`;
  const out: Record<string, string> = {};
  for (const a of e.attendees) {
    const canonical = `${head},${JSON.stringify([a.name, a.email.toLowerCase(), a.role ?? ''])}${tail}`;
    out[a.email.toLowerCase()] = createHash('sha256').update(canonical).digest('hex').slice(0, 32);
  }
  return out;
}
