/**
 * The fixed words of the packs, in both languages. They go into the view as
 * `labels.*`, so a coordinator who edits a template can keep or replace them,
 * and a misspelt label is an error like any other variable.
 */
import type { Lang } from '../text.js';

const LABELS = {
  pack: ['Veilederhefte', 'Facilitator pack'],
  handout: ['Deltakerark', 'Participant handout'],
  packs: ['Veilederhefter', 'Facilitator packs'],
  allPacks: ['Alle veilederhefter', 'All facilitator packs'],
  allPacksHint: ['Alle temaene samlet for utskrift, ett tema per side.', 'Every theme in one document for printing, one theme per page.'],
  theme: ['Tema', 'Theme'],
  session: ['Samling', 'Session'],
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
  cancelledNotice: ['Denne samlingen er avlyst.', 'This session is cancelled.'],
  moved: ['Flyttet', 'Moved'],
  note: ['Merknad', 'Note'],
  people: ['Hvem kommer', 'Who is coming'],
  facilitator: ['Veileder', 'Facilitator'],
  coFacilitator: ['Medveileder', 'Co-facilitator'],
  leader: ['Leder', 'Leader'],
  participants: ['Deltakere', 'Participants'],
  name: ['Navn', 'Name'],
  groupRole: ['Rolle i gruppa', 'Role in the group'],
  participantRole: ['Deltaker', 'Participant'],
  unitRole: ['Enhet og rolle', 'Unit and role'],
  participantOne: ['deltaker', 'participant'],
  participantMany: ['deltakere', 'participants'],
  about: ['Om temaet', 'About the theme'],
  goals: ['Læringsmål', 'Learning goals'],
  agenda: ['Agenda', 'Agenda'],
  agendaTime: ['Tid', 'Time'],
  agendaWhat: ['Innhold', 'Content'],
  agendaMinutes: ['Minutter', 'Minutes'],
  minutesShort: ['min', 'min'],
  questions: ['Refleksjonsspørsmål', 'Reflection questions'],
  betweenSessions: ['Egenarbeid til neste samling', 'Work before the next session'],
  betweenSessionsHandout: ['Til neste samling', 'Before the next session'],
  noBetweenSessions: ['Dette er siste samling, så det er ikke noe egenarbeid etterpå.', 'This is the last session, so there is no work to do afterwards.'],
  nextSession: ['Neste samling', 'Next session'],
  materials: ['Materiell', 'Materials'],
  materialTitle: ['Tittel', 'Title'],
  materialKind: ['Type', 'Kind'],
  materialFor: ['For', 'For'],
  noMaterials: ['Ikke noe materiell til dette temaet.', 'No materials for this theme.'],
  linkMissing: ['lenke ikke lagt inn i programmet', 'no link in the programme'],
  facilitatorPart: ['For veilederen', 'For the facilitator'],
  role: ['Din rolle som veileder', 'Your role as facilitator'],
  checklist: ['Sjekkliste før samlingen', 'Checklist before the session'],
  notes: ['Veiledernotater til temaet', 'Facilitator notes for the theme'],
  contents: ['Innhold', 'Contents'],
  files: ['Filer', 'Files'],
  printable: ['Utskrift', 'Print'],
  markdown: ['Markdown', 'Markdown'],
  generatedBy: ['Laget med refleks fra programmet og gruppefilen. Endringer gjøres i gruppefilen eller malene, ikke her.', 'Made by refleks from the programme and the group file. Make changes in the group file or the templates, not here.'],
  handoutFooter: ['Ta med arket til neste samling.', 'Bring this sheet to the next session.'],
} as const satisfies Record<string, readonly [string, string]>;

export type PackLabels = { [K in keyof typeof LABELS]: string };

export function packLabels(lang: Lang): PackLabels {
  const i = lang === 'nb' ? 0 : 1;
  return Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, v[i]])) as PackLabels;
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
