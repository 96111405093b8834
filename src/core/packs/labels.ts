/**
 * The fixed words of the packs, in both languages. They go into the view as
 * `labels.*`, so a coordinator who edits a template can keep or replace them,
 * and a misspelt label is an error like any other variable.
 */
import type { Lang } from '../text.js';
import { DEFAULT_VOCABULARY, fillWords, type Vocabulary } from '../vocabulary.js';

const LABELS = {
  pack: ['{Facilitator}hefte', '{Facilitator} pack'],
  handout: ['Deltakerark', 'Participant handout'],
  packs: ['{Facilitator}hefter', '{Facilitator} packs'],
  allPacks: ['Alle {facilitator}heftene', 'All {facilitator} packs'],
  allPacksHint: [
    'Alle temaene samlet for utskrift, ett tema per side.',
    'Every theme in one document for printing, one theme per page.',
  ],
  theme: ['Tema', 'Theme'],
  session: ['{Session}', '{Session}'],
  sessionOf: ['av', 'of'],
  group: ['Gruppe', 'Group'],
  programme: ['Program', 'Programme'],
  when: ['Tid', 'When'],
  date: ['Dato', 'Date'],
  time: ['Klokkeslett', 'Time'],
  place: ['Sted', 'Place'],
  address: ['Adresse', 'Address'],
  onlineMeeting: ['Nettmøte', 'Online meeting'],
  cancelled: ['Avlyst', 'Cancelled'],
  cancelledNotice: ['{This_session} er avlyst.', '{This_session} is cancelled.'],
  postponed: ['Utsatt', 'Postponed'],
  moved: ['Flyttet', 'Moved'],
  note: ['Merknad', 'Note'],
  people: ['Hvem kommer', 'Who is coming'],
  facilitator: ['{Facilitator}', '{Facilitator}'],
  facilitators: ['{Facilitators}', '{Facilitators}'],
  coFacilitator: ['Medveileder', 'Co-facilitator'],
  leader: ['Leder', 'Leader'],
  participants: ['Deltakere', 'Participants'],
  name: ['Navn', 'Name'],
  groupRole: ['Rolle i gruppen', 'Role in the group'],
  participantRole: ['{Participant}', '{Participant}'],
  unitRole: ['Enhet og rolle', 'Unit and role'],
  participantOne: ['{participant}', '{participant}'],
  participantMany: ['{participants}', '{participants}'],
  about: ['Om temaet', 'About the theme'],
  goals: ['Læringsmål', 'Learning goals'],
  agenda: ['Agenda', 'Agenda'],
  agendaTime: ['Tid', 'Time'],
  agendaWhat: ['Innhold', 'Content'],
  agendaMinutes: ['Minutter', 'Minutes'],
  minutesShort: ['min', 'min'],
  questions: ['Refleksjonsspørsmål', 'Reflection questions'],
  betweenSessions: ['Egenarbeid til neste {session}', 'Work before the next {session}'],
  betweenSessionsVoluntary: [
    'Forslag til tiden før neste {session}',
    'Suggestions for the time before the next {session}',
  ],
  betweenSessionsHandout: ['Til neste {session}', 'Before the next {session}'],
  noBetweenSessions: [
    'Dette er siste {session}, så det er ikke noe egenarbeid etterpå.',
    'This is the last {session}, so there is no work to do afterwards.',
  ],
  noBetweenSessionsCancelled: [
    '{This_session} er avlyst, så det er ikke noe egenarbeid fra den.',
    '{This_session} is cancelled, so there is no work from it.',
  ],
  voluntaryHint: [
    'Forslagene er frivillige: gjør det som passer for deg.',
    'The suggestions are voluntary: do what suits you.',
  ],
  preparation: ['Til forberedelse', 'To prepare'],
  nextSession: ['Neste {session}', 'Next {session}'],
  materials: ['Materiell', 'Materials'],
  materialTitle: ['Tittel', 'Title'],
  materialKind: ['Type', 'Kind'],
  materialFor: ['For', 'For'],
  noMaterials: ['Ikke noe materiell til dette temaet.', 'No materials for this theme.'],
  onSourcePage: ['på programmets nettside', "on the programme's web page"],
  source: ['Kilde', 'Source'],
  findMaterial: ['Materiellet finner du på', 'You find the material on'],
  facilitatorPart: ['For {facilitator}', 'For the {facilitator}'],
  role: ['Din rolle som {facilitator}', 'Your role as {facilitator}'],
  checklist: ['Sjekkliste før {the_session}', 'Checklist before {the_session}'],
  notes: ['Notater til {facilitator} om temaet', 'Notes for the {facilitator} on the theme'],
  contents: ['Innhold', 'Contents'],
  files: ['Filer', 'Files'],
  printable: ['Utskrift', 'Print'],
  markdown: ['Markdown', 'Markdown'],
  markdownFiles: ['Markdown-filer', 'Markdown files'],
  markdownHint: [
    'De samme heftene og arkene som ren tekst, til å kopiere fra eller redigere.',
    'The same packs and handouts as plain text, to copy from or edit.',
  ],
  generatedBy: [
    'Laget med refleks fra programmet og gruppefilen.',
    'Made by refleks from the programme and the group file.',
  ],
  ours: [
    'Fra programmet: temaet, rammene og materiellet. Forslag fra refleks som dere tilpasser: læringsmål, spørsmål, agenda, oppgaver mellom {sessions} og notater.',
    'From the programme: the theme, the frame and the material. Suggestions from refleks for you to adapt: goals, questions, agenda, tasks between {sessions} and notes.',
  ],
  oursHandout: [
    'Temaet og materiellet er fra programmet; spørsmålene og oppgavene er forslag.',
    'The theme and the material come from the programme; the questions and tasks are suggestions.',
  ],
  handoutFooter: ['Ta med arket til neste {session}.', 'Bring this sheet to the next {session}.'],
} as const satisfies Record<string, readonly [string, string]>;

export type PackLabels = { [K in keyof typeof LABELS]: string };

/** Made once per vocabulary and language: every session of every group asks. */
const made = new WeakMap<Vocabulary, Partial<Record<Lang, Readonly<PackLabels>>>>();

/** The labels in the programme's own words (treff, kursleder …). */
export function packLabels(lang: Lang, words: Vocabulary = DEFAULT_VOCABULARY[lang]): Readonly<PackLabels> {
  let byLang = made.get(words);
  if (!byLang) made.set(words, (byLang = {}));
  const i = lang === 'nb' ? 0 : 1;
  return (byLang[lang] ??= Object.freeze(
    Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, fillWords(v[i], words)])) as PackLabels,
  ));
}

export const KIND_LABELS = {
  film: ['Film', 'Film'],
  article: ['Fagartikkel', 'Article'],
  form: ['Skjema', 'Form'],
  presentation: ['Presentasjon', 'Presentation'],
  other: ['Annet', 'Other'],
} as const;

export const AUDIENCE_LABELS = {
  participants: ['Deltakerne', 'Participants'],
  facilitator: ['Veilederen', 'Facilitator'],
  both: ['Alle', 'Everyone'],
} as const;
