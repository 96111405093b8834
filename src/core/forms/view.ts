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
import type { Person, Theme, Workspace } from '../model.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import type { FormWording } from './wording.js';


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
  /** The facilitators' names together: «Kari Nordmann, Per Hansen». */
  facilitatorNames: string;
  leader: string | null;
  location: string;
  /** First to last held session, or null when every session is cancelled. */
  period: string | null;
  /** The date of the last held session, or null. */
  completed: string | null;
  participants: ParticipantText[];
  sessions: SessionText[];
}

export interface FormView {
  lang: Lang;
  w: FormWording;
  /** Planned along the didactic relation model. */
  didactic: boolean;
  /** Themes from several programmes. */
  combined: boolean;
  /** «Medveileder (praksisveileder)»: wording and the programme's label. */
  coFacilitatorLabel: string;
  durationMinutes: number;
  betweenSessionHours: { min: number; max: number };
  sessions: SessionShape[];
  text: FormText;
}

function personText(p: Person): string {
  const extra = [p.role, p.unit].filter(Boolean).join(', ');
  return extra ? `${p.name} (${extra})` : p.name;
}

export function formView(workspace: Workspace, plan: GroupPlan, w: FormWording, lang: Lang): FormView {
  const { group, sessions } = plan;
  const label = workspace.programmes.get(group.programmeId)?.coFacilitatorLabel;
  const active = sessions.filter((s) => !s.cancelled);
  const first = active[0];
  const last = active[active.length - 1];
  return {
    lang,
    w,
    // Programmes planned along the didactic relation model say so in their YAML (forms.planning).
    didactic: workspace.programmes.get(group.programmeId)?.forms.planning === 'didactic',
    combined: group.combined,
    coFacilitatorLabel: label ? `${w.common.co_facilitator} (${label})` : w.common.co_facilitator,
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
    text: {
      organisation: workspace.settings.organisation,
      group: group.name,
      programme: group.programmeTitle,
      facilitator: personText(group.facilitator),
      facilitatorName: group.facilitator.name,
      coFacilitator: group.coFacilitator ? personText(group.coFacilitator) : null,
      facilitatorNames: group.coFacilitator ? `${group.facilitator.name}, ${group.coFacilitator.name}` : group.facilitator.name,
      leader: group.leader ? personText(group.leader) : null,
      location: group.location.text,
      period: first && last ? `${formatDate(first.date, lang)} – ${formatDate(last.date, lang)}` : null,
      completed: last ? formatDate(last.date, lang) : null,
      participants: group.participants.map((p) => ({ name: p.name, detail: [p.role, p.unit].filter(Boolean).join(', ') })),
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
