/**
 * What a facilitator pack and a participant handout show, computed once from
 * the plan so templates only lay it out. Every field is always present (null
 * or empty when absent) because templates are compiled in strict mode.
 * Packs carry names, units and roles, never e-mail addresses.
 */
import type { Location, Material, Person, Programme, Workspace } from '../model.js';
import type { GroupPlan, PlannedSession } from '../schedule.js';
import { formatDate, formatSessionTime, formatTime } from '../format-date.js';
import { t, type Lang } from '../text.js';
import { addMinutes } from '../zoned-time.js';
import { AUDIENCE_LABELS, KIND_LABELS, packLabels, type PackLabels } from './labels.js';
import { slugify as slug } from '../slug.js';
import { DEFAULT_VOCABULARY, fillWords, type Vocabulary } from '../vocabulary.js';

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
  /** The material's own link, or the programme's page when it has none. */
  url: string | null;
  /** The link is the programme's page, not the material itself. */
  onSourcePage: boolean;
}

export interface SourceView {
  title: string;
  url: string;
}

export interface PackFiles {
  pack: string;
  packMd: string;
  handout: string;
  handoutMd: string;
  /** The handout and its Markdown seen from the facilitator's folder (`../deltaker/…`). */
  handoutHref: string;
  handoutMdHref: string;
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
  /** «Utsatt fra tirsdag 9. februar 2027.», when the group file postponed it. */
  postponed: string | null;
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
  /** `nb` on an English page: programme content stays in bokmål and is marked so screen readers switch voice. */
  contentLang: Lang | null;
  /** Where the programme and its material are published. */
  source: SourceView | null;
  /** «Forslag: leder er med på samling 1, 3 og 5.» */
  leaderSuggestion: string | null;
  group: { id: string; name: string; programmeTitle: string };
  session: SessionView;
  nextSession: { whenText: string; place: string } | null;
  theme: { title: string; summary: string; goals: string[]; questions: string[]; programmeTitle: string };
  people: {
    facilitator: PersonView;
    coFacilitator: PersonView | null;
    coFacilitatorLabel: string;
    /** The facilitator's role in the people table: «Veileder», or «Kursleder (fagperson)». */
    facilitatorLabel: string;
    leader: PersonView | null;
    participants: PersonView[];
    participantCount: number;
  };
  agenda: AgendaItemView[];
  agendaMinutes: number;
  agendaWarning: string | null;
  betweenSessions: string[];
  /** Heading over the between-session list: set work or voluntary suggestions. */
  betweenSessionsHeading: string;
  /** «Regn med 1–2 timer …» or «Forslagene er frivillige …». */
  betweenSessionsHint: string | null;
  /** Why there is nothing between sessions: the last one, or a cancelled one. */
  noBetweenSessions: string;
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
  const handout = `deltakerark-${base}.html`;
  const handoutMd = `deltakerark-${base}.md`;
  return {
    pack: `tema-${base}.html`,
    packMd: `tema-${base}.md`,
    handout,
    handoutMd,
    handoutHref: `../deltaker/${handout}`,
    handoutMdHref: `../deltaker/${handoutMd}`,
    index: 'index.html',
    all: 'alle.html',
  };
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
    return {
      start: formatTime(start, lang),
      end: formatTime(at, lang),
      minutes: block.minutes,
      title: block.title,
      note: block.note ?? null,
    };
  });
}

/** What to have done before people arrive; items only where the theme needs them. */
function checklist(
  session: PlannedSession,
  materials: Material[],
  leaderName: string | null,
  voluntary: boolean,
  w: Vocabulary,
  lang: Lang,
): string[] {
  const kinds = new Set(materials.map((m) => m.kind));
  const inWords = (nb: string, en: string) => fillWords(t(nb, en)[lang], w);
  const items = [
    inWords(`Rommet er reservert: ${session.location.text}.`, `The room is reserved: ${session.location.text}.`),
  ];
  if (materials.some((m) => m.kind === 'film' && m.audience !== 'facilitator'))
    items.push(
      inWords(
        'Filmen er testet på skjermen i rommet, med lyd.',
        'The film is tested on the screen in the room, with sound.',
      ),
    );
  items.push(
    inWords(
      'Deltakerarket og annet materiell er skrevet ut, ett til hver.',
      'The handout and other material are printed, one for each person.',
    ),
  );
  if (kinds.has('form'))
    items.push(inWords('Skjemaet til {this_session} ligger klart.', 'The form for {this_session} is ready.'));
  if (session.leaderInvited && leaderName)
    items.push(
      inWords(
        `Leder, ${leaderName}, er minnet på å være med denne gangen.`,
        `The leader, ${leaderName}, is reminded to come this time.`,
      ),
    );
  if (session.preparation.length) {
    items.push(
      voluntary
        ? inWords(
            'Du har sett på forslagene fra forrige gang, så dere kan spørre hvordan det gikk.',
            'You have looked at the suggestions from last time, so you can ask how it went.',
          )
        : inWords(
            'Du har lest egenarbeidet fra forrige gang og vet hva gruppen har prøvd ut.',
            'You have read the work from last time and know what the group has tried out.',
          ),
    );
  }
  // Only a programme with a facilitator video gets the item about watching it.
  const video = materials.some((m) => m.kind === 'film' && m.audience === 'facilitator');
  items.push(
    video
      ? inWords(
          'Du har sett veiledningsvideoen og lest notatene under.',
          'You have watched the facilitator video and read the notes below.',
        )
      : inWords('Du har lest notatene under.', 'You have read the notes below.'),
  );
  return items;
}

/** The facilitator's role, paraphrased from the programme's guidance; two equal course leaders where the programme has them. */
function role(programme: Programme | undefined, w: Vocabulary, lang: Lang): string[] {
  const inWords = (nb: string, en: string) => fillWords(t(nb, en)[lang], w);
  if (programme?.equalLeaders) {
    const a = programme.facilitatorLabel ?? inWords('fagperson', 'professional');
    const b = programme.coFacilitatorLabel ?? inWords('medleder', 'co-leader');
    return [
      inWords(
        `Dere er to {facilitators}, en ${a} og en ${b}, og leder {sessions} sammen som likeverdige.`,
        `You are two {facilitators}, a ${a} and a ${b}, and lead the {sessions} together as equals.`,
      ),
      inWords(
        'Avtal på forhånd hvem som gjør hva, og hvordan dere støtter hverandre underveis.',
        'Agree beforehand who does what, and how you support each other as you go.',
      ),
      inWords(
        'Legg til rette for at alle deltar så mye de ønsker, også de som sier minst. Det er frivillig hva man deler.',
        'Make room for everyone to take part as much as they wish, also those who say least. What people share is up to them.',
      ),
      inWords(
        'Dere trenger ikke være eksperter: deltakerne lærer også av hverandre.',
        'You do not need to be experts: the participants also learn from each other.',
      ),
    ];
  }
  return [
    inWords(
      'Du leder gruppen og passer på at {sessions} og arbeidet mellom dem blir gjennomført og kommer trygt i mål.',
      'You lead the group and see to it that the {sessions} and the work between them are carried through safely to the end.',
    ),
    inWords(
      'Legg til rette for at alle deltar så mye som mulig, også de som sier minst.',
      'Make room for everyone to take part as much as they can, also those who say least.',
    ),
    inWords(
      'Du skal ikke bære alt ansvaret alene, og gruppen skal ikke legge det på deg: alle i gruppen tar sin del av ansvaret.',
      'You do not carry all the responsibility, and the group should not hand it to you: everyone in the group takes their share.',
    ),
    inWords(
      'Du trenger ikke være eksperten. Materialet til hvert tema finnes ferdig, og gruppen lærer av hverandre.',
      'You do not need to be the expert. The material for each theme is ready, and the group learns from each other.',
    ),
  ];
}

/** A material, linked to its own page or, without one, to the programme's page where it is published. */
function material(m: Material, source: SourceView | null, lang: Lang): MaterialView {
  const i = lang === 'nb' ? 0 : 1;
  const url = m.url ?? source?.url ?? null;
  return {
    title: m.title,
    kind: m.kind,
    kindLabel: KIND_LABELS[m.kind][i],
    audienceLabel: AUDIENCE_LABELS[m.audience][i],
    forParticipants: m.audience !== 'facilitator',
    url,
    onSourcePage: !m.url && !!url,
  };
}

/** Where the programme is published, or null for a programme without `source:`. */
export function sourceView(programme: Programme | undefined): SourceView | null {
  return programme?.sourceLink ? { title: programme.sourceLink.title, url: programme.sourceLink.url } : null;
}

/** «Forslag: leder er med på samling 1, 3 og 5.», or null when no leader comes. */
function leaderSuggestion(sessions: number[], hasLeader: boolean, w: Vocabulary, lang: Lang): string | null {
  if (!hasLeader || !sessions.length) return null;
  const n = sessions.map(String);
  const list =
    n.length > 1 ? `${n.slice(0, -1).join(', ')} ${lang === 'nb' ? 'og' : 'and'} ${n[n.length - 1]}` : n.join('');
  return t(`Forslag: leder er med på ${w.session} ${list}.`, `Suggestion: the leader joins ${w.session} ${list}.`)[
    lang
  ];
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
    moved: s.moved
      ? t(
          `Flyttet fra ${formatDate(s.moved.from, 'nb')} (${s.moved.reason.nb}).`,
          `Moved from ${formatDate(s.moved.from, 'en')} (${s.moved.reason.en}).`,
        )[lang]
      : null,
    postponed: s.postponed
      ? t(`Utsatt fra ${formatDate(s.postponed.from, 'nb')}.`, `Postponed from ${formatDate(s.postponed.from, 'en')}.`)[
          lang
        ]
      : null,
    note: s.note ?? null,
    last: s.number === count,
  };
}

/** The words of the programme a session's theme comes from (default words in a combined group's index). */
export function wordsFor(ws: Workspace, programmeId: string, lang: Lang): Vocabulary {
  return ws.programmes.get(programmeId)?.vocabulary[lang] ?? DEFAULT_VOCABULARY[lang];
}

/** Programme content is written in bokmål; an English page marks it so. */
function contentLang(programme: Programme | undefined, lang: Lang): Lang | null {
  const written = programme?.language ?? 'nb';
  return written === lang ? null : written;
}

export function packView(ws: Workspace, plan: GroupPlan, session: PlannedSession, lang: Lang): PackView {
  const { group } = plan;
  const programme = ws.programmes.get(session.theme.programmeId);
  const words = wordsFor(ws, session.theme.programmeId, lang);
  const labels = packLabels(lang, words);
  const theme = session.theme.theme;
  const count = group.themes.length;
  const next = plan.sessions.find((s) => s.number > session.number && !s.cancelled);
  const items = agenda(session, lang);
  const agendaMinutes = theme.agenda.reduce((sum, b) => sum + b.minutes, 0);
  const leader = session.leaderInvited && group.leader ? person(group.leader) : null;
  const source = sourceView(programme);
  const own = [...theme.materials, ...(group.materials.get(session.number) ?? [])];
  const materials = own.map((m) => material(m, source, lang));
  const voluntary = programme?.betweenSessionsVoluntary ?? false;
  const hours = group.betweenSessionHours;
  const inWords = (nb: string, en: string) => fillWords(t(nb, en)[lang], words);
  const facilitatorLabel =
    programme?.equalLeaders && programme.facilitatorLabel
      ? `${labels.facilitator} (${programme.facilitatorLabel})`
      : labels.facilitator;
  const coLabel = programme?.coFacilitatorLabel ?? labels.coFacilitator;
  return {
    lang,
    headingOffset: 0,
    title: `${labels.pack}, ${labels.theme.toLowerCase()} ${session.number} – ${group.name}`,
    organisation: ws.settings.organisation,
    labels,
    contentLang: contentLang(programme, lang),
    source,
    leaderSuggestion: leaderSuggestion(group.leaderSessions, !!group.leader, words, lang),
    group: { id: group.id, name: group.name, programmeTitle: group.programmeTitle },
    session: sessionView(session, count, lang),
    nextSession: next
      ? { whenText: formatSessionTime(next.date, next.start, next.end, lang), place: next.location.text }
      : null,
    theme: {
      title: theme.title,
      summary: theme.summary,
      goals: theme.goals,
      questions: theme.questions,
      programmeTitle: session.theme.programmeTitle,
    },
    people: {
      facilitator: person(group.facilitator),
      coFacilitator: group.coFacilitator ? person(group.coFacilitator) : null,
      coFacilitatorLabel: programme?.equalLeaders ? `${labels.facilitator} (${coLabel})` : coLabel,
      facilitatorLabel,
      leader,
      participants: group.participants.map(person),
      participantCount: group.participants.length,
    },
    agenda: items,
    agendaMinutes,
    agendaWarning:
      agendaMinutes && agendaMinutes !== session.durationMinutes
        ? inWords(
            `Agendaen er på ${agendaMinutes} minutter, men {the_session} varer ${session.durationMinutes} minutter. Juster underveis.`,
            `The agenda takes ${agendaMinutes} minutes, but {the_session} lasts ${session.durationMinutes} minutes. Adjust as you go.`,
          )
        : null,
    betweenSessions: session.betweenSessions,
    betweenSessionsHeading: voluntary ? labels.betweenSessionsVoluntary : labels.betweenSessions,
    betweenSessionsHint: !session.betweenSessions.length
      ? null
      : voluntary
        ? labels.voluntaryHint
        : hours.max > 0
          ? inWords(
              `Regn med ${hours.min === hours.max ? hours.max : `${hours.min}–${hours.max}`} ${hours.max === 1 ? 'time' : 'timer'} til dette før neste {session}.`,
              `Expect to spend ${hours.min === hours.max ? hours.max : `${hours.min}–${hours.max}`} ${hours.max === 1 ? 'hour' : 'hours'} on this before the next {session}.`,
            )
          : null,
    noBetweenSessions: session.cancelled ? labels.noBetweenSessionsCancelled : labels.noBetweenSessions,
    materials,
    participantMaterials: materials.filter((m) => m.forParticipants),
    role: role(programme, words, lang),
    checklist: checklist(session, own, leader?.name ?? null, voluntary, words, lang),
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
  contentLang: Lang | null;
  source: SourceView | null;
  group: { id: string; name: string; programmeTitle: string; facilitator: string };
  sessions: { session: SessionView; title: string; programmeTitle: string; files: PackFiles }[];
  files: { all: string };
}

export function indexView(ws: Workspace, plan: GroupPlan, lang: Lang): IndexView {
  const g = plan.group;
  const programme = ws.programmes.get(g.programmeId);
  const labels = packLabels(lang, wordsFor(ws, g.programmeId, lang));
  return {
    lang,
    headingOffset: 0,
    title: `${labels.packs} – ${g.name}`,
    organisation: ws.settings.organisation,
    labels,
    contentLang: contentLang(programme, lang),
    source: sourceView(programme),
    group: { id: g.id, name: g.name, programmeTitle: g.programmeTitle, facilitator: g.facilitator.name },
    sessions: plan.sessions.map((s) => ({
      session: sessionView(s, g.themes.length, lang),
      title: s.theme.theme.title,
      programmeTitle: s.theme.programmeTitle,
      files: packFileNames(s),
    })),
    files: { all: 'alle.html' },
  };
}
