/**
 * The three file formats of a workspace. The same definitions validate the
 * files and are published as JSON Schema (schemas/*.json) for editors.
 */
import { t } from '../core/text.js';
import {
  array,
  bool,
  byType,
  clockTime,
  email,
  FAIL,
  int,
  isoDate,
  isPlainMapping,
  numberedMap,
  obj,
  oneOf,
  opt,
  req,
  slug,
  str,
  url,
  type Infer,
  type Schema,
} from './schema.js';

const PERSON_HINT = t(
  'Skriv personen med feltene name og email, for eksempel { name: Kari Nordmann, email: kari.nordmann@kommune.no }.',
  'Write the person with the fields name and email, e.g. { name: Kari Nordmann, email: kari.nordmann@example.org }.',
);
const MINUTES_HINT = t(
  'Skriv antall minutter som et tall, for eksempel 120 for to timer.',
  'Write the number of minutes as a number, e.g. 120 for two hours.',
);
const WEEKS_HINT = t(
  'Skriv antall uker mellom samlingene som et tall fra 1 til 12, for eksempel 2.',
  'Write the number of weeks between sessions as a number from 1 to 12, e.g. 2.',
);

/** A person; the facilitator, the leader and the organiser must have an e-mail address to be invited. */
function personSchema(emailRequired: boolean) {
  return obj(
    {
      name: req(str({ max: 200, oneLine: true }), 'Fullt navn'),
      email: emailRequired ? req(email(), 'E-postadresse') : opt(email(), 'E-postadresse'),
      unit: opt(str({ max: 200, oneLine: true }), 'Enhet, avdeling eller sone'),
      role: opt(str({ max: 200, oneLine: true }), 'Stilling eller rolle'),
    },
    { what: t('en person (name, email …)', 'a person (name, email …)'), hint: PERSON_HINT },
  );
}
const person = personSchema(false);
const personWithEmail = personSchema(true);

const locationFields = obj(
  {
    room: opt(str({ max: 300, oneLine: true }), 'Rom, for eksempel «Møterom 2»'),
    address: opt(str({ max: 300, oneLine: true }), 'Adresse'),
    url: opt(url(), 'Lenke til nettmøte (Teams, Zoom …)'),
  },
  { what: t('et sted', 'a location') },
);

export const locationSchema = byType(
  str({ max: 500, oneLine: true }),
  locationFields,
  t('et sted (tekst eller room/address/url)', 'a location (text or room/address/url)'),
);

/**
 * The mail server `refleks send --smtp` delivers through. No password field:
 * it comes from REFLEKS_SMTP_PASSWORD or a prompt, never from a file that
 * may end up in git or on a shared drive.
 */
const smtpFields = obj(
  {
    host: req(str({ max: 253 }), 'Tjenerens navn, for eksempel smtp.lillevik.kommune.no'),
    port: opt(int({ min: 1, max: 65535 }), 'Port (standard 587 for starttls, 465 for tls, 25 for none)'),
    security: opt(
      oneOf(['starttls', 'tls', 'none'] as const),
      'starttls (standard), tls, eller none for et lokalt relé uten kryptering',
    ),
    user: opt(str({ max: 320 }), 'Brukernavn for innlogging; uten det logger refleks ikke inn'),
    per_minute: opt(int({ min: 1, max: 6000 }), 'Høyst så mange meldinger i minuttet (standard 30)'),
  },
  {
    what: t('en e-posttjener (host, port, security, user)', 'a mail server (host, port, security, user)'),
    hint: t(
      'Skriv for eksempel «smtp: { host: smtp.lillevik.kommune.no, port: 587, security: starttls, user: ingrid.solberg@lillevik.kommune.no }». Passordet står aldri i filen: bruk REFLEKS_SMTP_PASSWORD, eller skriv det når refleks spør.',
      'Write for example "smtp: { host: smtp.example.org, port: 587, security: starttls, user: ingrid@example.org }". The password is never in the file: use REFLEKS_SMTP_PASSWORD, or type it when refleks asks.',
    ),
  },
);

/** A password in the file is refused with the way to give it instead (not as a mere unknown field). */
export const smtpSchema: Schema<Infer<typeof smtpFields>> = {
  parse(value, path, ctx) {
    if (isPlainMapping(value)) {
      const secret = Object.keys(value).find((k) => /^(pass(word|wd)?|passord)$/i.test(k));
      if (secret) {
        ctx.issues.push({
          path: [...path, secret],
          onKey: true,
          message: t('passordet skal ikke stå i refleks.yaml', 'the password must not be in refleks.yaml'),
          hint: t(
            'Fjern linjen. refleks tar passordet fra REFLEKS_SMTP_PASSWORD, eller spør etter det når du sender.',
            'Remove the line. refleks takes the password from REFLEKS_SMTP_PASSWORD, or asks for it when you send.',
          ),
        });
        const { [secret]: _dropped, ...rest } = value;
        smtpFields.parse(rest, path, ctx);
        return FAIL;
      }
    }
    return smtpFields.parse(value, path, ctx);
  },
  json: () => smtpFields.json(),
};

export const workspaceSchema = obj(
  {
    organisation: req(str({ max: 300, oneLine: true }), 'Kommune og tjeneste, slik den skal stå i dokumentene'),
    organiser: req(personWithEmail, 'Den som sender kalenderinvitasjonene'),
    timezone: opt(str({ max: 100, oneLine: true }), 'Tidssone (standard Europe/Oslo)'),
    language: opt(oneOf(['nb', 'en'] as const), 'Språk i dokumenter og meldinger: nb (bokmål) eller en'),
    output: opt(str({ max: 300, oneLine: true }), 'Mappe for det refleks lager (standard ut)'),
    reminder_hours: opt(int({ min: 0, max: 24 * 14 }), 'Påminnelse så mange timer før hver samling (standard 24)'),
    smtp: opt(smtpSchema, 'E-posttjeneren «refleks send --smtp» sender invitasjonene gjennom'),
    logo: opt(
      str({ max: 300, oneLine: true }),
      'Logo på kursbevisene: en PNG- eller JPEG-fil i arbeidsområdet, høyst 1 MB',
    ),
    blackouts: opt(
      array(
        obj({
          name: req(str({ max: 200, oneLine: true }), 'Navn, for eksempel Fellesferie'),
          from: req(isoDate(), 'Første dag (ÅÅÅÅ-MM-DD)'),
          to: req(isoDate(), 'Siste dag (ÅÅÅÅ-MM-DD)'),
        }),
        { max: 200 },
      ),
      'Perioder uten samlinger (ferier)',
    ),
  },
  {
    what: t(
      'innstillinger med felt som organisation og organiser',
      'settings with fields such as organisation and organiser',
    ),
    hint: t(
      'refleks.yaml består av felt som «organisation: …» og «organiser: …» på hver sin linje.',
      'refleks.yaml is made of fields such as "organisation: …" and "organiser: …", one per line.',
    ),
  },
);

const material = obj({
  title: req(str({ max: 300, oneLine: true })),
  kind: req(
    oneOf(['film', 'article', 'form', 'presentation', 'other'] as const),
    'film, article, form, presentation eller other',
  ),
  audience: opt(
    oneOf(['participants', 'facilitator', 'both'] as const),
    'participants, facilitator eller both (standard both)',
  ),
  url: opt(url(), 'Lenke (https://…) til materiellet'),
});

/** The same, in a group file: links the coordinator found for one session's theme. */
const groupMaterial = obj({
  title: req(str({ max: 300, oneLine: true })),
  url: req(url(), 'Lenke (https://…)'),
  kind: opt(
    oneOf(['film', 'article', 'form', 'presentation', 'other'] as const),
    'film, article, form, presentation eller other (standard other)',
  ),
  audience: opt(
    oneOf(['participants', 'facilitator', 'both'] as const),
    'participants, facilitator eller both (standard both)',
  ),
});

/** A programme's own words; what is left out keeps the Refleksjonsprogram's words. */
const words = obj({
  session: opt(str({ max: 60, oneLine: true }), 'Én samling, f.eks. treff'),
  sessions: opt(str({ max: 60, oneLine: true }), 'Flere samlinger, f.eks. treff'),
  the_session: opt(str({ max: 60, oneLine: true }), 'Bestemt form, f.eks. treffet'),
  this_session: opt(str({ max: 60, oneLine: true }), 'F.eks. dette treffet'),
  facilitator: opt(str({ max: 60, oneLine: true }), 'Den som leder, f.eks. kursleder'),
  facilitators: opt(str({ max: 60, oneLine: true }), 'Flertall, f.eks. kursledere'),
  participant: opt(str({ max: 60, oneLine: true }), 'F.eks. deltaker'),
  participants: opt(str({ max: 60, oneLine: true }), 'F.eks. deltakere'),
  calendar_category: opt(str({ max: 100, oneLine: true }), 'Kategori i kalenderen, f.eks. Mestringstreff'),
});

const theme = obj({
  id: req(slug(t('en id', 'an id')), 'Temaets id i programmet, for eksempel 1'),
  title: req(str({ max: 300, oneLine: true })),
  summary: req(str({ max: 4000 })),
  goals: req(array(str({ max: 1000 }), { min: 1 }), 'Læringsmål'),
  questions: req(array(str({ max: 1000 }), { min: 1 }), 'Refleksjonsspørsmål'),
  between_sessions: req(array(str({ max: 1000 }), { min: 1 }), 'Egenarbeid mellom samlingene'),
  facilitator_notes: req(array(str({ max: 2000 }), { min: 1 }), 'Notater til veileder'),
  agenda: req(
    array(
      obj({
        minutes: req(int({ min: 1, max: 480 })),
        title: req(str({ max: 300, oneLine: true })),
        note: opt(str({ max: 1000, oneLine: true })),
      }),
      { min: 1 },
    ),
    'Tidsplan for samlingen',
  ),
  materials: opt(array(material), 'Filmer, artikler og skjema'),
});

const certificate = obj(
  {
    min_sessions: req(int({ min: 1, max: 52 }), 'Samlinger en deltaker må ha vært på for å få kursbevis'),
  },
  { what: t('en regel for kursbevis, f.eks. { min_sessions: 4 }', 'a certificate rule, e.g. { min_sessions: 4 }') },
);

export const programmeSchema = obj({
  id: req(slug(t('en id', 'an id')), 'Programmets id, brukt i gruppefilene'),
  title: req(str({ max: 300, oneLine: true })),
  short_title: opt(str({ max: 100, oneLine: true })),
  edition: req(str({ max: 100, oneLine: true })),
  audience: req(str({ max: 2000 })),
  description: req(str({ max: 8000 })),
  sessions: req(
    obj({
      count: req(int({ min: 1, max: 52 }), 'Antall samlinger'),
      duration_minutes: req(int({ min: 15, max: 600 }), 'Varighet i minutter'),
      interval_weeks: req(int({ min: 1, max: 12 }), 'Uker mellom samlingene'),
      between_session_hours: opt(
        obj({ min: req(int({ min: 0, max: 40 })), max: req(int({ min: 0, max: 40 })) }),
        'Timer egenarbeid mellom samlingene',
      ),
      leader_sessions: opt(array(int({ min: 1, max: 52 })), 'Samlinger leder inviteres til'),
    }),
  ),
  per_person_invitations: opt(bool(), 'Én invitasjon per person (for kurs for innbyggere)'),
  recommended_participants: opt(
    obj({ min: req(int({ min: 1, max: 200 })), max: req(int({ min: 1, max: 200 })) }),
    'Anbefalt antall deltakere (standard 4–6)',
  ),
  co_facilitator_label: opt(str({ max: 100, oneLine: true }), 'Betegnelse på medveileder, f.eks. erfaringskonsulent'),
  source: opt(
    obj({ title: req(str({ max: 300, oneLine: true })), url: req(url()) }),
    'Hvor programmet og materiellet er publisert',
  ),
  language: opt(oneOf(['nb', 'en'] as const), 'Språket programmets tekst er skrevet på (standard nb)'),
  vocabulary: opt(
    obj({ nb: opt(words), en: opt(words) }),
    'Programmets egne ord (samling/treff, veileder/kursleder …)',
  ),
  between_sessions_style: opt(
    oneOf(['work', 'voluntary'] as const),
    'work: egenarbeid (standard); voluntary: frivillige forslag mellom samlingene',
  ),
  roles: opt(
    obj({
      facilitator: opt(str({ max: 100, oneLine: true }), 'Betegnelse på den som leder, f.eks. fagperson'),
      co_facilitator: opt(str({ max: 100, oneLine: true }), 'Betegnelse på den andre, f.eks. erfaringskonsulent'),
      equal: opt(bool(), 'true når de to leder sammen som likeverdige'),
    }),
    'Rollene i gruppen',
  ),
  forms: opt(
    obj({
      planning: opt(
        oneOf(['leader', 'didactic'] as const),
        'leader (standard) eller didactic: etter den didaktiske relasjonsmodellen',
      ),
      follow_up: opt(bool(), 'Oppfølgingsskjema med leder (standard true)'),
      evaluation: opt(
        oneOf(['leader', 'participants'] as const),
        'leader (standard): evaluering med leder; participants: anonym evaluering for deltakerne',
      ),
    }),
    'Hvilke skjema gruppen får',
  ),
  certificate: opt(certificate, 'Hvem som får kursbevis, f.eks. { min_sessions: 4 }'),
  themes: req(array(theme, { min: 1, max: 52 })),
});

const override = obj({
  date: opt(isoDate(), 'Ny dato (ÅÅÅÅ-MM-DD)'),
  time: opt(clockTime(), 'Nytt starttidspunkt (TT:MM)'),
  duration: opt(int({ min: 15, max: 600, hint: MINUTES_HINT }), 'Ny varighet i minutter'),
  location: opt(locationSchema, 'Annet sted'),
  cancelled: opt(bool(), 'true hvis samlingen er avlyst (temaet utgår)'),
  postponed: opt(
    bool(),
    'true hvis samlingen er utsatt: temaet flyttes til neste gang, og resten av samlingene kommer ett intervall senere',
  ),
  note: opt(str({ max: 1000 }), 'Merknad'),
});

export const groupSchema = obj(
  {
    id: opt(slug(t('en id', 'an id')), 'Gruppens id (standard: filnavnet)'),
    name: req(str({ max: 200, oneLine: true }), 'Gruppens navn'),
    language: opt(
      oneOf(['nb', 'en'] as const),
      'Språket i gruppens dokumenter og invitasjoner: nb eller en (standard: som i refleks.yaml)',
    ),
    programme: opt(slug(t('en programid', 'a programme id')), 'Programmets id, f.eks. mestring'),
    themes: opt(
      array(str({ max: 200, oneLine: true }), {
        min: 1,
        max: 52,
        hint: t(
          'Skriv temaene som program/tema, for eksempel [mestring/1, rehabilitering/2], eller bruk bare programme: mestring.',
          'Write the themes as programme/theme, e.g. [mestring/1, rehabilitering/2], or use just programme: mestring.',
        ),
      }),
      'Kombinerte temaer, f.eks. rehabilitering/1',
    ),
    facilitator: req(personWithEmail, 'Lokal veileder'),
    co_facilitator: opt(person, 'Medveileder, f.eks. erfaringskonsulent'),
    leader: opt(personWithEmail, 'Leder'),
    participants: req(
      array(person, {
        max: 200,
        hint: t(
          'Skriv én deltaker per linje, for eksempel «- { name: Ola Nordmann, email: ola.nordmann@kommune.no }».',
          'Write one participant per line, e.g. "- { name: Ola Nordmann, email: ola.nordmann@example.org }".',
        ),
      }),
      'Deltakere',
    ),
    location: req(locationSchema, 'Sted: rom og adresse, eller lenke'),
    start: req(isoDate(), 'Første samling (ÅÅÅÅ-MM-DD)'),
    time: req(clockTime(), 'Starttidspunkt (TT:MM)'),
    duration: opt(int({ min: 15, max: 600, hint: MINUTES_HINT }), 'Varighet i minutter'),
    interval_weeks: opt(int({ min: 1, max: 12, hint: WEEKS_HINT }), 'Uker mellom samlingene'),
    sessions: opt(
      numberedMap(override, t('samlingsnummer med endringer', 'session numbers with changes')),
      'Endringer for enkeltsamlinger',
    ),
    materials: opt(
      numberedMap(array(groupMaterial, { max: 50 }), t('samlingsnummer med lenker', 'session numbers with links')),
      'Lenker til materiell per samling',
    ),
    certificate: opt(certificate, 'Hvem som får kursbevis (overstyrer programmets regel), f.eks. { min_sessions: 4 }'),
  },
  {
    what: t(
      'en gruppe med felt som name, programme og participants',
      'a group with fields such as name, programme and participants',
    ),
    hint: t(
      'En gruppefil består av felt som «name: …» og «programme: …» på hver sin linje, uten «-» foran.',
      'A group file is made of fields such as "name: …" and "programme: …", one per line, without a "-" in front.',
    ),
  },
);

/** `attendance/<group>.yaml`: who came, one list per session (names or e-mail addresses as in the group file). */
export const attendanceSchema = obj(
  {
    sessions: req(
      numberedMap(
        array(str({ max: 300 }), { max: 200 }),
        t('samlingsnummer med lister over hvem som kom', 'session numbers with lists of who came'),
      ),
      'Samlingsnummer: [navn, …]',
    ),
  },
  {
    what: t('oppmøte med feltet sessions', 'attendance with the field sessions'),
    hint: t(
      'Skriv for eksempel «sessions:» og under den «  1: [Ali Khan, Siri Ødegård]».',
      'Write e.g. "sessions:" and below it "  1: [Ali Khan, Siri Ødegård]".',
    ),
  },
);

export type WorkspaceFile = Infer<typeof workspaceSchema>;
export type ProgrammeFile = Infer<typeof programmeSchema>;
export type GroupFile = Infer<typeof groupSchema>;
export type AttendanceFile = Infer<typeof attendanceSchema>;
export type LocationInput = Infer<typeof locationSchema>;
