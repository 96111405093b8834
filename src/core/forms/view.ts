/**
 * What a group's forms show, computed once from the plan so the documents
 * only lay it out (as `core/packs/view.ts` does for packs). A view has two
 * halves:
 * - the *shape*: wording, the programme's themes, numbers and flags. It
 *   decides the documents' structure and is the same for many groups;
 * - `text`: every text that comes from the group, already formatted (names,
 *   places, dates as written). Documents write these strings out as they are
 *   and never look inside them, compare them or change them: the mail merge
 *   (merge.ts) renders a shape once with each of them replaced by a token and
 *   puts the real strings back into the package's XML afterwards. A document
 *   that lower-cased a `text` string would lose the token; the merge tests
 *   compare merged forms with directly rendered ones byte for byte and fail.
 * Every field is present (null when absent), so the view is complete by type.
 */
import { formatDate, formatSessionTime, formatShortDate } from '../format-date.js';
import type { Logo, Person, Programme, Theme, Workspace } from '../model.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import { DEFAULT_VOCABULARY } from '../vocabulary.js';
import { inWords, type FormWording } from './wording.js';

/** A session's part of the shape. */
export interface SessionShape {
  /** 1-based. */
  number: number;
  cancelled: boolean;
  leaderInvited: boolean;
  durationMinutes: number;
  /** The programme's theme: its title and goals are wording, not group text. */
  theme: Theme;
  /** Between-session work handed out after the session, from the theme. */
  betweenSessions: string[];
}

/** A session's text, formatted. */
export interface SessionText {
  /** «tirsdag 3. mars 2026 kl. 13.00–15.00». */
  time: string;
  /** «tirsdag 3. mars 2026». */
  date: string;
  /** «3.3.», for a column header. */
  shortDate: string;
  /** The programme the theme comes from (a combined group's themes come from several). */
  programme: string;
  /** Set when a holiday moved the session: the date it would have had, and why. */
  moved: { date: string; reason: string } | null;
  /** The session's place when it is not the group's usual one. */
  place: string | null;
  note: string | null;
}

export interface ParticipantText {
  name: string;
  /** «helsefagarbeider, Sone nord», or empty. */
  detail: string;
}

/** Every text of a group the forms show; the merge replaces each string in here, and only these. */
export interface FormText {
  organisation: string;
  group: string;
  programme: string;
  /** A person with role and unit: «Kari Nordmann (sykepleier, Sone nord)». */
  facilitator: string;
  facilitatorName: string;
  coFacilitator: string | null;
  coFacilitatorName: string | null;
  /** The facilitators' names together: «Kari Nordmann, Per Hansen». */
  facilitatorNames: string;
  leader: string | null;
  leaderName: string | null;
  location: string;
  /** First to last held session, or null when every session is cancelled. */
  period: string | null;
  /** The date of the last held session, or null. */
  completed: string | null;
  participants: ParticipantText[];
  sessions: SessionText[];
}

/** The logo on certificates: the image and the size it is shown at, in pixels at 96 per inch. */
export interface LogoShape {
  type: 'png' | 'jpg';
  width: number;
  height: number;
  /** Names the image in the merge's cache key (the bytes are left out of it). */
  sha256: string;
  bytes: Uint8Array;
}

export interface FormView {
  lang: Lang;
  /** The wording, in the programme's own words (treff, kursleder …). */
  w: FormWording;
  /** Planned along the didactic relation model. */
  didactic: boolean;
  /** The programme's form set: a follow-up form with the leader, and who evaluates. */
  followUp: boolean;
  evaluation: 'leader' | 'participants';
  /** Themes from several programmes. */
  combined: boolean;
  /** «Veileder», or «Kursleder (fagperson)» when two lead as equals. */
  facilitatorLabel: string;
  /** «Medveileder (praksisveileder)», or «Kursleder (erfaringskonsulent)» when two lead as equals. */
  coFacilitatorLabel: string;
  /** How facilitator and co-facilitator sign a certificate: «kursleder», «veileder», «praksisveileder». */
  facilitatorRole: string;
  coFacilitatorRole: string;
  /** The plural label for the people leading when both are named together: «Kursledere», «Veiledere». */
  facilitatorsLabel: string;
  /** Between-session items are voluntary suggestions (a course for residents), not set work. */
  voluntary: boolean;
  /**
   * The language tag of the programme's own text (themes, goals, between-session
   * items, the programme's title) when it differs from the document's, so those
   * runs are marked and a screen reader switches voice; null when they agree.
   */
  contentLang: string | null;
  durationMinutes: number;
  betweenSessionHours: { min: number; max: number };
  sessions: SessionShape[];
  /**
   * The sessions a certificate lists, by number: the held ones, or those a
   * person came to when attendance is recorded (pass `certificateSessions`).
   */
  certificateSessions: number[];
  logo: LogoShape | null;
  text: FormText;
}

export interface FormViewOptions {
  /** Session numbers the certificates list; default every held session. */
  certificateSessions?: number[];
}

/** Logos are shown within 6 × 2.5 cm, at 96 pixels to the inch. */
const LOGO_BOX = { width: 227, height: 94 };

function logoShape(logo: Logo | undefined): LogoShape | null {
  if (!logo) return null;
  const scale = Math.min(1, LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height);
  return {
    type: logo.type,
    width: Math.max(1, Math.round(logo.width * scale)),
    height: Math.max(1, Math.round(logo.height * scale)),
    sha256: logo.sha256,
    bytes: logo.bytes,
  };
}

const LANG_TAG: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('nb') + s.slice(1);
}

function personText(p: Person): string {
  const extra = [p.role, p.unit].filter(Boolean).join(', ');
  return extra ? `${p.name} (${extra})` : p.name;
}

export function formView(
  workspace: Workspace,
  plan: GroupPlan,
  wording: FormWording,
  lang: Lang,
  opts: FormViewOptions = {},
): FormView {
  const { group, sessions } = plan;
  // A combined group has no programme of its own: its first theme's speaks for the language.
  const programme: Programme | undefined = workspace.programmes.get(group.programmeId);
  const written = (programme ?? workspace.programmes.get(group.themes[0]?.programmeId ?? ''))?.language ?? 'nb';
  const words = programme?.vocabulary[lang] ?? DEFAULT_VOCABULARY[lang];
  const w = inWords(wording, words);
  const label = programme?.coFacilitatorLabel;
  const equal = programme?.equalLeaders ?? false;
  const active = sessions.filter((s) => !s.cancelled);
  const first = active[0];
  const last = active[active.length - 1];
  const facilitatorLabel =
    equal && programme?.facilitatorLabel
      ? `${w.common.facilitator} (${programme.facilitatorLabel})`
      : w.common.facilitator;
  const coBase = equal ? w.common.facilitator : w.common.co_facilitator;
  return {
    lang,
    w,
    // Programmes say in their YAML which forms they use (forms: planning, follow_up, evaluation).
    didactic: programme?.forms.planning === 'didactic',
    followUp: programme?.forms.followUp ?? true,
    evaluation: programme?.forms.evaluation ?? 'leader',
    combined: group.combined,
    facilitatorLabel,
    coFacilitatorLabel: label ? `${coBase} (${label})` : coBase,
    facilitatorRole: words.facilitator,
    coFacilitatorRole: equal ? words.facilitator : (label ?? w.common.co_facilitator.toLocaleLowerCase('nb')),
    facilitatorsLabel: capitalise(words.facilitators),
    voluntary: programme?.betweenSessionsVoluntary ?? false,
    contentLang: written === lang ? null : LANG_TAG[written],
    durationMinutes: group.durationMinutes,
    betweenSessionHours: { min: group.betweenSessionHours.min, max: group.betweenSessionHours.max },
    sessions: sessions.map((s) => ({
      number: s.number,
      cancelled: s.cancelled,
      leaderInvited: s.leaderInvited,
      durationMinutes: s.durationMinutes,
      theme: s.theme.theme,
      betweenSessions: s.betweenSessions,
    })),
    certificateSessions: opts.certificateSessions ?? active.map((s) => s.number),
    logo: logoShape(workspace.settings.logo),
    text: {
      organisation: workspace.settings.organisation,
      group: group.name,
      programme: group.programmeTitle,
      facilitator: personText(group.facilitator),
      facilitatorName: group.facilitator.name,
      coFacilitator: group.coFacilitator ? personText(group.coFacilitator) : null,
      coFacilitatorName: group.coFacilitator ? group.coFacilitator.name : null,
      facilitatorNames: group.coFacilitator
        ? `${group.facilitator.name}, ${group.coFacilitator.name}`
        : group.facilitator.name,
      leader: group.leader ? personText(group.leader) : null,
      leaderName: group.leader ? group.leader.name : null,
      location: group.location.text,
      period: first && last ? `${formatDate(first.date, lang)} – ${formatDate(last.date, lang)}` : null,
      completed: last ? formatDate(last.date, lang) : null,
      participants: group.participants.map((p) => ({
        name: p.name,
        detail: [p.role, p.unit].filter(Boolean).join(', '),
      })),
      sessions: sessions.map((s) => ({
        time: formatSessionTime(s.date, s.start, s.end, lang),
        date: formatDate(s.date, lang),
        shortDate: formatShortDate(s.date, lang),
        programme: s.theme.programmeTitle,
        moved: s.moved ? { date: formatDate(s.moved.from, lang), reason: s.moved.reason[lang] } : null,
        place: s.location.text !== group.location.text ? s.location.text : null,
        note: s.note ? s.note : null,
      })),
    },
  };
}

/**
 * The view with every string of its `text` mapped by `f`, and nothing else:
 * the one place the merge puts tokens in. Generic over the shape of `text`,
 * so a field added to FormText is mapped without being listed here.
 */
export function mapText(view: FormView, f: (s: string) => string): FormView {
  return { ...view, text: mapStrings(view.text, f) };
}

function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, f);
    return out as T;
  }
  return value;
}
