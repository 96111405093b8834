/**
 * What a facilitator pack and a participant handout show, computed once from
 * the plan so templates only lay it out. Every field is always present (null
 * or empty when absent) because templates are compiled in strict mode.
 * Packs carry names, units and roles, never e-mail addresses.
 */
import type { Location, Person, Programme, Workspace } from '../model.js';
import type { GroupPlan, PlannedSession } from '../schedule.js';
import { formatDate, formatSessionTime, formatTime } from '../format-date.js';
import { t, type Lang } from '../text.js';
import { addMinutes } from '../zoned-time.js';
import { AUDIENCE_LABELS, KIND_LABELS, packLabels, type PackLabels } from './labels.js';
import { slugify as slug } from '../slug.js';

export interface PersonView {
  name: string;
  /** «Sone nord, helsefagarbeider», or empty. */
  detail: string;
}

export interface PlaceView {
  text: string;
  room: string | null;
  address: string | null;
  url: string | null;
}

export interface AgendaItemView {
  /** Formatted, «13.10». */
  start: string;
  end: string;
  minutes: number;
  title: string;
  note: string | null;
}

export interface MaterialView {
  title: string;
  kind: string;
  kindLabel: string;
  audienceLabel: string;
  forParticipants: boolean;
  url: string | null;
}

export interface PackFiles {
  pack: string;
  packMd: string;
  handout: string;
  handoutMd: string;
  index: string;
  all: string;
}

export interface SessionView {
  number: number;
  count: number;
  /** ISO date and HH:MM, for helpers such as `{{date session.date}}`. */
  date: string;
  start: string;
  end: string;
  dateText: string;
  timeText: string;
  whenText: string;
  place: PlaceView;
  cancelled: boolean;
  moved: string | null;
  note: string | null;
  last: boolean;
}

export interface PackView {
  lang: Lang;
  /** Heading levels shift down by this much when the pack is a section of `alle.html`. */
  headingOffset: number;
  title: string;
  organisation: string;
  labels: PackLabels;
  group: { id: string; name: string; programmeTitle: string };
  session: SessionView;
  nextSession: { whenText: string; place: string } | null;
  theme: { title: string; summary: string; goals: string[]; questions: string[]; programmeTitle: string };
  people: {
    facilitator: PersonView;
    coFacilitator: PersonView | null;
    coFacilitatorLabel: string;
    leader: PersonView | null;
    participants: PersonView[];
    participantCount: number;
  };
  agenda: AgendaItemView[];
  agendaMinutes: number;
  agendaWarning: string | null;
  betweenSessions: string[];
  materials: MaterialView[];
  participantMaterials: MaterialView[];
  role: string[];
  checklist: string[];
  facilitatorNotes: string[];
  files: PackFiles;
}


/** ASCII file-name part of a theme title: «Mål – målrettet prosess» → `mal-malrettet-prosess`. */
export function slugify(title: string, max = 48): string {
  return slug(title, { max, wholeWords: true, fallback: 'tema' });
}

export function packFileNames(session: PlannedSession): PackFiles {
  const base = `${session.number}-${slugify(session.theme.theme.title)}`;
  return { pack: `tema-${base}.html`, packMd: `tema-${base}.md`, handout: `deltakerark-${base}.html`, handoutMd: `deltakerark-${base}.md`, index: 'index.html', all: 'alle.html' };
}

function person(p: Person): PersonView {
  return { name: p.name, detail: [p.unit, p.role].filter(Boolean).join(', ') };
}

function place(l: Location): PlaceView {
  return { text: l.text, room: l.room ?? null, address: l.address ?? null, url: l.url ?? null };
}

function agenda(session: PlannedSession, lang: Lang): AgendaItemView[] {
  let at = session.start;
  return session.theme.theme.agenda.map((block) => {
    const start = at;
    at = addMinutes(at, block.minutes);
    return { start: formatTime(start, lang), end: formatTime(at, lang), minutes: block.minutes, title: block.title, note: block.note ?? null };
  });
}

/** What to have done before people arrive; items only where the theme needs them. */
function checklist(session: PlannedSession, leaderName: string | null, lang: Lang): string[] {
  const kinds = new Set(session.theme.theme.materials.map((m) => m.kind));
  const items = [t(`Rommet er booket: ${session.location.text}.`, `The room is booked: ${session.location.text}.`)[lang]];
  if (kinds.has('film')) items.push(t('Filmen er testet på skjermen i rommet, med lyd.', 'The film is tested on the screen in the room, with sound.')[lang]);
  items.push(t('Deltakerarket og annet materiell er skrevet ut, ett til hver.', 'The handout and other material are printed, one for each person.')[lang]);
  if (kinds.has('form')) items.push(t('Skjemaet til denne samlingen ligger klart.', 'The form for this session is ready.')[lang]);
  if (session.leaderInvited && leaderName) items.push(t(`Leder, ${leaderName}, er minnet på å være med denne gangen.`, `The leader, ${leaderName}, is reminded to come this time.`)[lang]);
  if (session.number > 1) items.push(t('Du har lest egenarbeidet fra forrige gang og vet hva gruppa har prøvd ut.', 'You have read the work from last time and know what the group has tried out.')[lang]);
  items.push(t('Du har sett veiledningsvideoen og lest veiledernotatene under.', 'You have watched the facilitator video and read the notes below.')[lang]);
  return items;
}

/** The facilitator's role, paraphrased from the programme's guidance for facilitators. */
function role(lang: Lang): string[] {
  return [
    t('Du leder gruppa og passer på at samlingene og arbeidet mellom dem blir gjennomført og kommer trygt i mål.', 'You lead the group and see to it that the sessions and the work between them are carried through safely to the end.')[lang],
    t('Legg til rette for at alle deltar så mye som mulig, også de som sier minst.', 'Make room for everyone to take part as much as they can, also those who say least.')[lang],
    t('Du skal ikke bære alt ansvaret alene, og gruppa skal ikke legge det på deg: alle i gruppa tar sin del av ansvaret.', 'You do not carry all the responsibility, and the group should not hand it to you: everyone in the group takes their share.')[lang],
    t('Du trenger ikke være eksperten. Materialet til hvert tema finnes ferdig, og gruppa lærer av hverandre.', 'You do not need to be the expert. The material for each theme is ready, and the group learns from each other.')[lang],
  ];
}

function material(m: Programme['themes'][number]['materials'][number], lang: Lang): MaterialView {
  const i = lang === 'nb' ? 0 : 1;
  return { title: m.title, kind: m.kind, kindLabel: KIND_LABELS[m.kind][i], audienceLabel: AUDIENCE_LABELS[m.audience][i], forParticipants: m.audience !== 'facilitator', url: m.url ?? null };
}

export function sessionView(s: PlannedSession, count: number, lang: Lang): SessionView {
  return {
    number: s.number,
    count,
    date: s.date,
    start: s.start,
    end: s.end,
    dateText: formatDate(s.date, lang),
    timeText: `${formatTime(s.start, lang)}–${formatTime(s.end, lang)}`,
    whenText: formatSessionTime(s.date, s.start, s.end, lang),
    place: place(s.location),
    cancelled: s.cancelled,
    moved: s.moved ? t(`Flyttet fra ${formatDate(s.moved.from, 'nb')} (${s.moved.reason.nb}).`, `Moved from ${formatDate(s.moved.from, 'en')} (${s.moved.reason.en}).`)[lang] : null,
    note: s.note ?? null,
    last: s.number === count,
  };
}

export function packView(ws: Workspace, plan: GroupPlan, session: PlannedSession, lang: Lang): PackView {
  const { group } = plan;
  const labels = packLabels(lang);
  const theme = session.theme.theme;
  const count = group.themes.length;
  const next = plan.sessions.find((s) => s.number > session.number && !s.cancelled);
  const items = agenda(session, lang);
  const agendaMinutes = theme.agenda.reduce((sum, b) => sum + b.minutes, 0);
  const leader = session.leaderInvited && group.leader ? person(group.leader) : null;
  const programme = ws.programmes.get(session.theme.programmeId);
  const materials = theme.materials.map((m) => material(m, lang));
  return {
    lang,
    headingOffset: 0,
    title: `${labels.pack}, ${labels.theme.toLowerCase()} ${session.number} – ${group.name}`,
    organisation: ws.settings.organisation,
    labels,
    group: { id: group.id, name: group.name, programmeTitle: group.programmeTitle },
    session: sessionView(session, count, lang),
    nextSession: next ? { whenText: formatSessionTime(next.date, next.start, next.end, lang), place: next.location.text } : null,
    theme: { title: theme.title, summary: theme.summary, goals: theme.goals, questions: theme.questions, programmeTitle: session.theme.programmeTitle },
    people: {
      facilitator: person(group.facilitator),
      coFacilitator: group.coFacilitator ? person(group.coFacilitator) : null,
      coFacilitatorLabel: programme?.coFacilitatorLabel ?? labels.coFacilitator,
      leader,
      participants: group.participants.map(person),
      participantCount: group.participants.length,
    },
    agenda: items,
    agendaMinutes,
    agendaWarning:
      agendaMinutes && agendaMinutes !== session.durationMinutes
        ? t(`Agendaen er på ${agendaMinutes} minutter, men samlingen varer ${session.durationMinutes} minutter. Juster underveis.`, `The agenda takes ${agendaMinutes} minutes, but the session lasts ${session.durationMinutes} minutes. Adjust as you go.`)[lang]
        : null,
    betweenSessions: session.betweenSessions,
    materials,
    participantMaterials: materials.filter((m) => m.forParticipants),
    role: role(lang),
    checklist: checklist(session, leader?.name ?? null, lang),
    facilitatorNotes: theme.facilitatorNotes,
    files: packFileNames(session),
  };
}

export interface IndexView {
  lang: Lang;
  headingOffset: number;
  title: string;
  organisation: string;
  labels: PackLabels;
  group: { id: string; name: string; programmeTitle: string; facilitator: string };
  sessions: { session: SessionView; title: string; programmeTitle: string; files: PackFiles }[];
  files: { all: string };
}

export function indexView(ws: Workspace, plan: GroupPlan, lang: Lang): IndexView {
  const labels = packLabels(lang);
  const g = plan.group;
  return {
    lang,
    headingOffset: 0,
    title: `${labels.packs} – ${g.name}`,
    organisation: ws.settings.organisation,
    labels,
    group: { id: g.id, name: g.name, programmeTitle: g.programmeTitle, facilitator: g.facilitator.name },
    sessions: plan.sessions.map((s) => ({ session: sessionView(s, g.themes.length, lang), title: s.theme.theme.title, programmeTitle: s.theme.programmeTitle, files: packFileNames(s) })),
    files: { all: 'alle.html' },
  };
}
