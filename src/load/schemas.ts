/**
 * The three file formats of a workspace. The same definitions validate the
 * files and are published as JSON Schema (schemas/*.json) for editors.
 */
import { t } from '../core/text.js';
import {
  array, bool, byType, clockTime, email, int, isoDate, numberedMap, obj, oneOf, opt, req, slug, str, webUrl,
  type Infer,
} from './schema.js';

const PERSON_HINT = t(
  'Skriv personen med feltene name og email, for eksempel { name: Kari Nordmann, email: kari.nordmann@kommune.no }.',
  'Write the person with the fields name and email, e.g. { name: Kari Nordmann, email: kari.nordmann@example.org }.',
);
const MINUTES_HINT = t('Skriv antall minutter som et tall, for eksempel 120 for to timer.', 'Write the number of minutes as a number, e.g. 120 for two hours.');
const WEEKS_HINT = t('Skriv antall uker mellom samlingene som et tall fra 1 til 12, for eksempel 2.', 'Write the number of weeks between sessions as a number from 1 to 12, e.g. 2.');

/** A person; the facilitator, the leader and the organiser must have an e-mail address to be invited. */
function personSchema(emailRequired: boolean) {
  return obj(
    {
      name: req(str({ max: 200 }), 'Fullt navn'),
      email: emailRequired ? req(email(), 'E-postadresse') : opt(email(), 'E-postadresse'),
      unit: opt(str({ max: 200 }), 'Enhet, avdeling eller sone'),
      role: opt(str({ max: 200 }), 'Stilling eller rolle'),
    },
    { what: t('en person (name, email …)', 'a person (name, email …)'), hint: PERSON_HINT },
  );
}
const person = personSchema(false);
const personWithEmail = personSchema(true);

const locationFields = obj(
  {
    room: opt(str({ max: 300 }), 'Rom, for eksempel «Møterom 2»'),
    address: opt(str({ max: 300 }), 'Adresse'),
    url: opt(str({ max: 1000 }), 'Lenke til nettmøte (Teams, Zoom …)'),
  },
  { what: t('et sted', 'a location') },
);

export const locationSchema = byType(str({ max: 500 }), locationFields, t('et sted (tekst eller room/address/url)', 'a location (text or room/address/url)'));

export const workspaceSchema = obj({
  organisation: req(str({ max: 300 }), 'Kommune og tjeneste, slik den skal stå i dokumentene'),
  organiser: req(personWithEmail, 'Den som sender kalenderinvitasjonene'),
  timezone: opt(str({ max: 100 }), 'Tidssone (standard Europe/Oslo)'),
  language: opt(oneOf(['nb', 'en'] as const), 'Språk i dokumenter og meldinger: nb (bokmål) eller en'),
  output: opt(str({ max: 300 }), 'Mappe for det refleks lager (standard ut)'),
  reminder_hours: opt(int({ min: 0, max: 24 * 14 }), 'Påminnelse så mange timer før hver samling (standard 24)'),
  blackouts: opt(
    array(
      obj({
        name: req(str({ max: 200 }), 'Navn, for eksempel Fellesferie'),
        from: req(isoDate(), 'Første dag (ÅÅÅÅ-MM-DD)'),
        to: req(isoDate(), 'Siste dag (ÅÅÅÅ-MM-DD)'),
      }),
      { max: 200 },
    ),
    'Perioder uten samlinger (ferier)',
  ),
}, {
  what: t('innstillinger med felt som organisation og organiser', 'settings with fields such as organisation and organiser'),
  hint: t('refleks.yaml består av felt som «organisation: …» og «organiser: …» på hver sin linje.', 'refleks.yaml is made of fields such as "organisation: …" and "organiser: …", one per line.'),
});

const material = obj({
  title: req(str({ max: 300 })),
  kind: req(oneOf(['film', 'article', 'form', 'presentation', 'other'] as const), 'film, article, form, presentation eller other'),
  audience: opt(oneOf(['participants', 'facilitator', 'both'] as const), 'participants, facilitator eller both (standard both)'),
  url: opt(webUrl(), 'Lenke (https://…) til materiellet'),
});

/** The same, in a group file: links the coordinator found for one session's theme. */
const groupMaterial = obj({
  title: req(str({ max: 300 })),
  url: req(webUrl(), 'Lenke (https://…)'),
  kind: opt(oneOf(['film', 'article', 'form', 'presentation', 'other'] as const), 'film, article, form, presentation eller other (standard other)'),
  audience: opt(oneOf(['participants', 'facilitator', 'both'] as const), 'participants, facilitator eller both (standard both)'),
});

/** A programme's own words; what is left out keeps the Refleksjonsprogram's words. */
const words = obj({
  session: opt(str({ max: 60 }), 'Én samling, f.eks. treff'),
  sessions: opt(str({ max: 60 }), 'Flere samlinger, f.eks. treff'),
  the_session: opt(str({ max: 60 }), 'Bestemt form, f.eks. treffet'),
  this_session: opt(str({ max: 60 }), 'F.eks. dette treffet'),
  facilitator: opt(str({ max: 60 }), 'Den som leder, f.eks. kursleder'),
  facilitators: opt(str({ max: 60 }), 'Flertall, f.eks. kursledere'),
  participant: opt(str({ max: 60 }), 'F.eks. deltaker'),
  participants: opt(str({ max: 60 }), 'F.eks. deltakere'),
  calendar_category: opt(str({ max: 100 }), 'Kategori i kalenderen, f.eks. Mestringstreff'),
});

const theme = obj({
  id: req(slug(t('en id', 'an id')), 'Temaets id i programmet, for eksempel 1'),
  title: req(str({ max: 300 })),
  summary: req(str({ max: 4000 })),
  goals: req(array(str({ max: 1000 }), { min: 1 }), 'Læringsmål'),
  questions: req(array(str({ max: 1000 }), { min: 1 }), 'Refleksjonsspørsmål'),
  between_sessions: req(array(str({ max: 1000 }), { min: 1 }), 'Egenarbeid mellom samlingene'),
  facilitator_notes: req(array(str({ max: 2000 }), { min: 1 }), 'Notater til veileder'),
  agenda: req(
    array(
      obj({
        minutes: req(int({ min: 1, max: 480 })),
        title: req(str({ max: 300 })),
        note: opt(str({ max: 1000 })),
      }),
      { min: 1 },
    ),
    'Tidsplan for samlingen',
  ),
  materials: opt(array(material), 'Filmer, artikler og skjema'),
});

export const programmeSchema = obj({
  id: req(slug(t('en id', 'an id')), 'Programmets id, brukt i gruppefilene'),
  title: req(str({ max: 300 })),
  short_title: opt(str({ max: 100 })),
  edition: req(str({ max: 100 })),
  audience: req(str({ max: 2000 })),
  description: req(str({ max: 8000 })),
  sessions: req(
    obj({
      count: req(int({ min: 1, max: 52 }), 'Antall samlinger'),
      duration_minutes: req(int({ min: 15, max: 600 }), 'Varighet i minutter'),
      interval_weeks: req(int({ min: 1, max: 12 }), 'Uker mellom samlingene'),
      between_session_hours: opt(obj({ min: req(int({ min: 0, max: 40 })), max: req(int({ min: 0, max: 40 })) }), 'Timer egenarbeid mellom samlingene'),
      leader_sessions: opt(array(int({ min: 1, max: 52 })), 'Samlinger leder inviteres til'),
    }),
  ),
  per_person_invitations: opt(bool(), 'Én invitasjon per person (for kurs for innbyggere)'),
  recommended_participants: opt(obj({ min: req(int({ min: 1, max: 200 })), max: req(int({ min: 1, max: 200 })) }), 'Anbefalt antall deltakere (standard 4–6)'),
  co_facilitator_label: opt(str({ max: 100 }), 'Betegnelse på medveileder, f.eks. erfaringskonsulent'),
  source: opt(obj({ title: req(str({ max: 300 })), url: req(webUrl()) }), 'Hvor programmet og materiellet er publisert'),
  language: opt(oneOf(['nb', 'en'] as const), 'Språket programmets tekst er skrevet på (standard nb)'),
  vocabulary: opt(obj({ nb: opt(words), en: opt(words) }), 'Programmets egne ord (samling/treff, veileder/kursleder …)'),
  between_sessions_style: opt(oneOf(['work', 'voluntary'] as const), 'work: egenarbeid (standard); voluntary: frivillige forslag mellom samlingene'),
  roles: opt(
    obj({
      facilitator: opt(str({ max: 100 }), 'Betegnelse på den som leder, f.eks. fagperson'),
      co_facilitator: opt(str({ max: 100 }), 'Betegnelse på den andre, f.eks. erfaringskonsulent'),
      equal: opt(bool(), 'true når de to leder sammen som likeverdige'),
    }),
    'Rollene i gruppen',
  ),
  forms: opt(
    obj({
      planning: opt(oneOf(['leader', 'didactic'] as const), 'leader (standard) eller didactic: etter den didaktiske relasjonsmodellen'),
      follow_up: opt(bool(), 'Oppfølgingsskjema med leder (standard true)'),
      evaluation: opt(oneOf(['leader', 'participants'] as const), 'leader (standard): evaluering med leder; participants: anonym evaluering for deltakerne'),
    }),
    'Hvilke skjema gruppen får',
  ),
  themes: req(array(theme, { min: 1, max: 52 })),
});

const override = obj({
  date: opt(isoDate(), 'Ny dato (ÅÅÅÅ-MM-DD)'),
  time: opt(clockTime(), 'Nytt starttidspunkt (TT:MM)'),
  duration: opt(int({ min: 15, max: 600, hint: MINUTES_HINT }), 'Ny varighet i minutter'),
  location: opt(locationSchema, 'Annet sted'),
  cancelled: opt(bool(), 'true hvis samlingen er avlyst (temaet utgår)'),
  postponed: opt(bool(), 'true hvis samlingen er utsatt: temaet flyttes til neste gang, og resten av samlingene kommer ett intervall senere'),
  note: opt(str({ max: 1000 }), 'Merknad'),
});

export const groupSchema = obj({
  id: opt(slug(t('en id', 'an id')), 'Gruppens id (standard: filnavnet)'),
  name: req(str({ max: 200 }), 'Gruppens navn'),
  programme: opt(slug(t('en programid', 'a programme id')), 'Programmets id, f.eks. mestring'),
  themes: opt(
    array(str({ max: 200 }), {
      min: 1,
      max: 52,
      hint: t('Skriv temaene som program/tema, for eksempel [mestring/1, rehabilitering/2], eller bruk bare programme: mestring.', 'Write the themes as programme/theme, e.g. [mestring/1, rehabilitering/2], or use just programme: mestring.'),
    }),
    'Kombinerte temaer, f.eks. rehabilitering/1',
  ),
  facilitator: req(personWithEmail, 'Lokal veileder'),
  co_facilitator: opt(person, 'Medveileder, f.eks. erfaringskonsulent'),
  leader: opt(personWithEmail, 'Leder'),
  participants: req(
    array(person, {
      max: 200,
      hint: t('Skriv én deltaker per linje, for eksempel «- { name: Ola Nordmann, email: ola.nordmann@kommune.no }».', 'Write one participant per line, e.g. "- { name: Ola Nordmann, email: ola.nordmann@example.org }".'),
    }),
    'Deltakere',
  ),
  location: req(locationSchema, 'Sted: rom og adresse, eller lenke'),
  start: req(isoDate(), 'Første samling (ÅÅÅÅ-MM-DD)'),
  time: req(clockTime(), 'Starttidspunkt (TT:MM)'),
  duration: opt(int({ min: 15, max: 600, hint: MINUTES_HINT }), 'Varighet i minutter'),
  interval_weeks: opt(int({ min: 1, max: 12, hint: WEEKS_HINT }), 'Uker mellom samlingene'),
  sessions: opt(numberedMap(override, t('samlingsnummer med endringer', 'session numbers with changes')), 'Endringer for enkeltsamlinger'),
  materials: opt(numberedMap(array(groupMaterial, { max: 50 }), t('samlingsnummer med lenker', 'session numbers with links')), 'Lenker til materiell per samling'),
}, {
  what: t('en gruppe med felt som name, programme og participants', 'a group with fields such as name, programme and participants'),
  hint: t('En gruppefil består av felt som «name: …» og «programme: …» på hver sin linje, uten «-» foran.', 'A group file is made of fields such as "name: …" and "programme: …", one per line, without a "-" in front.'),
});

export type WorkspaceFile = Infer<typeof workspaceSchema>;
export type ProgrammeFile = Infer<typeof programmeSchema>;
export type GroupFile = Infer<typeof groupSchema>;
export type LocationInput = Infer<typeof locationSchema>;
