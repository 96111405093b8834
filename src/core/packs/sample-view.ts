/**
 * One view of each kind with every field filled in (no null, no empty list),
 * and which template is rendered with which views. The template checker
 * derives the fields a template may name from these, so a misspelt name is
 * found in every branch and helper argument, for any group, before anything
 * is rendered (issue 12). `Full<…>` makes the compiler insist that a field
 * added to a view is added here too.
 */
import { packLabels } from './labels.js';
import type { IndexView, PackView, PersonView, PlaceView, SessionView } from './view.js';

type Full<T> = T extends readonly (infer U)[]
  ? Full<U>[]
  : T extends object
    ? { [K in keyof T]-?: Full<NonNullable<T[K]>> }
    : NonNullable<T>;

const person: Full<PersonView> = { name: 'Kari Nordmann', detail: 'Sone nord, sykepleier' };
const place: Full<PlaceView> = {
  text: 'Helsehuset, møterom 2',
  room: 'Møterom 2',
  address: 'Storgata 1',
  url: 'https://teams.example/m',
};
const session: Full<SessionView> = {
  number: 1,
  count: 5,
  date: '2027-01-12',
  start: '13:00',
  end: '15:00',
  dateText: 'tirsdag 12. januar 2027',
  timeText: '13.00–15.00',
  whenText: 'tirsdag 12. januar 2027 kl. 13.00–15.00',
  place,
  cancelled: false,
  moved: 'Flyttet.',
  postponed: 'Utsatt.',
  note: 'Merknad.',
  last: false,
};
const files = {
  pack: 'p.html',
  packMd: 'p.md',
  handout: 'h.html',
  handoutMd: 'h.md',
  handoutHref: '../deltaker/h.html',
  handoutMdHref: '../deltaker/h.md',
  index: 'index.html',
  all: 'alle.html',
};
const material = {
  title: 'Film',
  kind: 'film',
  kindLabel: 'Film',
  audienceLabel: 'Alle',
  forParticipants: true,
  url: 'https://film.example',
  onSourcePage: true,
};

const pack: Full<PackView> = {
  lang: 'nb',
  headingOffset: 0,
  title: 'Veilederhefte',
  organisation: 'Kommune',
  labels: packLabels('nb'),
  contentLang: 'nb',
  source: { title: 'Kilde', url: 'https://kilde.example' },
  leaderSuggestion: 'Forslag: leder er med på samling 1, 3 og 5.',
  group: { id: 'gruppe', name: 'Gruppe', programmeTitle: 'Program' },
  session,
  nextSession: { whenText: 'tirsdag 26. januar 2027 kl. 13.00–15.00', place: 'Helsehuset' },
  theme: { title: 'Tema', summary: 'Om.', goals: ['Mål'], questions: ['Spørsmål'], programmeTitle: 'Program' },
  people: {
    facilitator: person,
    coFacilitator: person,
    coFacilitatorLabel: 'Medveileder',
    facilitatorLabel: 'Veileder',
    leader: person,
    participants: [person],
    participantCount: 1,
  },
  agenda: [{ start: '13.00', end: '13.10', minutes: 10, title: 'Velkommen', note: 'Kort.' }],
  agendaMinutes: 120,
  agendaWarning: 'Advarsel.',
  betweenSessions: ['Egenarbeid'],
  betweenSessionsHeading: 'Mellom samlingene',
  betweenSessionsHint: 'Regn med 1–2 timer.',
  noBetweenSessions: 'Ingen.',
  materials: [material],
  participantMaterials: [material],
  role: ['Rolle'],
  checklist: ['Punkt'],
  facilitatorNotes: ['Notat'],
  files,
};

const index: Full<IndexView> = {
  lang: 'nb',
  headingOffset: 0,
  title: 'Veilederhefter',
  organisation: 'Kommune',
  labels: packLabels('nb'),
  contentLang: 'nb',
  source: { title: 'Kilde', url: 'https://kilde.example' },
  group: { id: 'gruppe', name: 'Gruppe', programmeTitle: 'Program', facilitator: 'Kari Nordmann' },
  sessions: [{ session, title: 'Tema', programmeTitle: 'Program', files }],
  files: { all: 'alle.html' },
};

/** `alle.html`: the index with every pack as a rendered section. */
const all = { ...index, sections: [{ body: '<section></section>', cancelled: false }] };

/** The layout gets the page's view with its body and its last line (render.ts, page()). */
const withBody = (view: object) => ({ ...view, body: '<main></main>', footer: 'Kommune.' });

const VIEWS: Record<string, object[]> = {
  'packs/pack.html.hbs': [pack],
  'packs/pack.md.hbs': [pack],
  'packs/handout.html.hbs': [pack],
  'packs/handout.md.hbs': [pack],
  'packs/index.html.hbs': [index],
  'packs/all.html.hbs': [all],
  'packs/layout.html.hbs': [withBody(pack), withBody(index), withBody(all)],
  'packs/layout.md.hbs': [withBody(pack)],
};

/** The views a template is rendered with, or undefined for a name refleks does not render. */
export function sampleViews(name: string): object[] | undefined {
  return Object.hasOwn(VIEWS, name) ? VIEWS[name] : undefined;
}

/** Every template name refleks renders with a view. */
export const VIEW_TEMPLATES: readonly string[] = Object.keys(VIEWS);
