/**
 * What the report says, as data: per group the attendance, the ratings per
 * theme, the goals, the free-text answers and the follow-up actions, read
 * from the filled-in forms; across groups the ratings per theme. Pure: plans
 * and the answers read from the files in, the report out. The HTML, Word,
 * CSV and .xlsx versions all render this one model.
 */
import { certificatePlan, type CertificatePlan } from '../attendance.js';
import type { PlannedSession, GroupPlan } from '../schedule.js';
import { t, type Text } from '../text.js';
import {
  GOAL_ANSWERS,
  RATING_SCALE,
  type EvaluationText,
  type FieldDef,
  type FormKind,
  type GoalAnswer,
} from '../forms/fields.js';

/** One filled-in form as read back: where it came from and its answers by tag. */
export interface FilledForm {
  /** As shown to the user, relative to the workspace. */
  file: string;
  kind: FormKind;
  /** The form's fields; `alias` is the question as the written form put it. */
  fields: (FieldDef & { alias?: string })[];
  values: Map<string, boolean | string>;
  /** Rating tags outside the scale found in the file (`tema-2-vurdering-7`). */
  outOfScale?: { session: number; value: number }[];
}

export interface Note {
  file: string;
  text: Text;
}

export interface SessionRow {
  number: number;
  date: string;
  theme: string;
  cancelled: boolean;
  /** How many came, when recorded. */
  present?: number;
}

export interface PersonRow {
  name: string;
  /** Session numbers attended. */
  attended: number[];
  eligible: boolean;
}

export interface RatingRow {
  session: number;
  themeKey: string;
  theme: string;
  /** One value per form that rated this theme. */
  values: number[];
}

export interface GoalRow {
  session: number;
  goal: string;
  counts: Record<GoalAnswer, number>;
}

export interface TextAnswer {
  /** The question, as the form asked it. */
  question: Text;
  session?: number;
  answer: string;
  file: string;
}

export interface ActionRow {
  session: number;
  action: string;
  owner: string;
  deadline: string;
  /** ISO date when the deadline reads as one. */
  deadlineIso?: string;
  overdue: boolean;
  file: string;
}

export interface GroupSection {
  id: string;
  name: string;
  programmeTitle: string;
  sessions: SessionRow[];
  attendanceRecorded: boolean;
  minSessions: number;
  people: PersonRow[];
  ratings: RatingRow[];
  goals: GoalRow[];
  texts: TextAnswer[];
  actions: ActionRow[];
  /** Files read, and what could not be used from them. */
  files: string[];
  notes: Note[];
}

export interface ThemeRating {
  themeKey: string;
  theme: string;
  values: number[];
  mean: number;
  groups: number;
}

export interface WorkspaceReport {
  organisation: string;
  today: string;
  groups: GroupSection[];
  themes: ThemeRating[];
}

const EVALUATION_QUESTIONS: Record<EvaluationText, Text> = {
  'mal-kommentar': t('Kommentar til målene', 'Comment on the goals'),
  praksis: t('Hva har endret seg i praksis?', 'What has changed in practice?'),
  videre: t('Hva fortsetter tjenesten med?', 'What will the service continue with?'),
};

/** «31.12.2027» or «31/12/2027» (what the date fields write) or ISO, to ISO. */
export function parseFormDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : undefined;
}

function sessionWord(n: number): Text {
  return t(`samling ${n}`, `session ${n}`);
}

function readEvaluation(
  plan: GroupPlan,
  form: FilledForm,
  section: GroupSection,
  ratings: Map<number, number[]>,
): void {
  const bySession = new Map(plan.sessions.map((s) => [s.number, s]));
  const ticked = new Map<number, number[]>();
  const goalTicks = new Map<string, GoalAnswer[]>();
  let answered = 0;
  for (const f of form.fields) {
    const v = form.values.get(f.tag);
    if (v === undefined || v === false || v === '') continue;
    answered++;
    const m = f.meaning;
    if (m.what === 'rating') ticked.set(m.session, [...(ticked.get(m.session) ?? []), m.value]);
    else if (m.what === 'goal')
      goalTicks.set(`${m.session}-${m.goal}`, [...(goalTicks.get(`${m.session}-${m.goal}`) ?? []), m.answer]);
    else if (m.what === 'evaluation-text' && typeof v === 'string')
      section.texts.push({
        question: f.alias ? { nb: f.alias, en: f.alias } : EVALUATION_QUESTIONS[m.key],
        answer: v,
        file: form.file,
      });
  }
  for (const o of form.outOfScale ?? []) {
    answered++;
    section.notes.push({
      file: form.file,
      text: t(
        `vurderingen ${o.value} for samling ${o.session} er utenfor skalaen ${RATING_SCALE[0]}–${RATING_SCALE[RATING_SCALE.length - 1]} og er ikke tatt med`,
        `the rating ${o.value} for session ${o.session} is outside the scale ${RATING_SCALE[0]}–${RATING_SCALE[RATING_SCALE.length - 1]} and is left out`,
      ),
    });
  }
  if (!answered) {
    section.notes.push({
      file: form.file,
      text: t('er ikke fylt ut (ingen felt har svar)', 'is not filled in (no field has an answer)'),
    });
    return;
  }
  const rateable = plan.sessions.filter((s) => !s.cancelled);
  let rated = 0;
  for (const s of rateable) {
    const values = ticked.get(s.number) ?? [];
    if (values.length === 1) {
      rated++;
      ratings.set(s.number, [...(ratings.get(s.number) ?? []), values[0]!]);
    } else if (values.length > 1) {
      section.notes.push({
        file: form.file,
        text: t(
          `samling ${s.number} (${s.theme.theme.title}) har ${values.length} kryss i vurderingen (${values.join(' og ')}); ikke tatt med`,
          `session ${s.number} (${s.theme.theme.title}) has ${values.length} ticks in the rating (${values.join(' and ')}); left out`,
        ),
      });
    }
  }
  if (rated < rateable.length) {
    const missing = rateable.filter((s) => !ticked.get(s.number)?.length).map((s) => s.number);
    if (missing.length) {
      section.notes.push({
        file: form.file,
        text: t(
          `delvis utfylt: ${rated} av ${rateable.length} temaer er vurdert (mangler ${missing.map((n) => sessionWord(n).nb).join(', ')})`,
          `partly filled in: ${rated} of ${rateable.length} themes are rated (missing ${missing.map((n) => sessionWord(n).en).join(', ')})`,
        ),
      });
    }
  }
  for (const s of plan.sessions) {
    s.theme.theme.goals.forEach((goal, gi) => {
      const answers = goalTicks.get(`${s.number}-${gi + 1}`) ?? [];
      if (answers.length !== 1) return;
      let row = section.goals.find((g) => g.session === s.number && g.goal === goal);
      if (!row) section.goals.push((row = { session: s.number, goal, counts: { ja: 0, delvis: 0, nei: 0 } }));
      row.counts[answers[0]!]++;
    });
  }
  void bySession;
}

function readFollowUp(plan: GroupPlan, form: FilledForm, section: GroupSection, today: string): void {
  const rows = new Map<string, { session: number; action: string; owner: string; deadline: string }>();
  let answered = 0;
  for (const f of form.fields) {
    const v = form.values.get(f.tag);
    if (typeof v !== 'string' || !v) continue;
    answered++;
    const m = f.meaning;
    if (m.what === 'follow-up-text') {
      // The alias already names the session («Samling 2: …»).
      section.texts.push({
        question: f.alias
          ? { nb: f.alias, en: f.alias }
          : m.key === 'utprovd'
            ? t('Hva har dere prøvd ut siden sist?', 'What have you tried since last time?')
            : t('Erfaringer og refleksjoner', 'Experiences and reflections'),
        ...(f.alias ? {} : { session: m.session }),
        answer: v,
        file: form.file,
      });
    } else if (m.what === 'action') {
      const key = `${m.session}-${m.row}`;
      const row = rows.get(key) ?? { session: m.session, action: '', owner: '', deadline: '' };
      row[m.part === 'tiltak' ? 'action' : m.part === 'ansvarlig' ? 'owner' : 'deadline'] = v;
      rows.set(key, row);
    }
  }
  if (!answered) {
    section.notes.push({
      file: form.file,
      text: t('er ikke fylt ut (ingen felt har svar)', 'is not filled in (no field has an answer)'),
    });
    return;
  }
  for (const r of rows.values()) {
    if (!r.action) {
      section.notes.push({
        file: form.file,
        text: t(
          `${sessionWord(r.session).nb}: ansvarlig eller frist uten tiltak; ikke tatt med`,
          `${sessionWord(r.session).en}: owner or deadline without an action; left out`,
        ),
      });
      continue;
    }
    const iso = r.deadline ? parseFormDate(r.deadline) : undefined;
    section.actions.push({
      ...r,
      ...(iso ? { deadlineIso: iso } : {}),
      overdue: !!iso && iso < today,
      file: form.file,
    });
  }
  void plan;
}

function themeKey(s: PlannedSession): string {
  return `${s.theme.programmeId}/${s.theme.theme.id}`;
}

export function groupSection(
  plan: GroupPlan,
  forms: FilledForm[],
  today: string,
  readNotes: Note[] = [],
): GroupSection {
  const { group } = plan;
  const cert: CertificatePlan = certificatePlan(plan, today);
  const section: GroupSection = {
    id: group.id,
    name: group.name,
    programmeTitle: group.programmeTitle,
    sessions: plan.sessions.map((s) => {
      const list = group.attendance?.sessions.get(s.number);
      return {
        number: s.number,
        date: s.date,
        theme: s.theme.theme.title,
        cancelled: s.cancelled,
        ...(list && !s.cancelled ? { present: list.length } : {}),
      };
    }),
    attendanceRecorded: cert.recorded,
    minSessions: cert.minSessions,
    people: cert.recorded
      ? cert.standings.map((st) => ({
          name: st.participant.name,
          attended: st.attended.map((s) => s.number),
          eligible: st.eligible,
        }))
      : [],
    ratings: [],
    goals: [],
    texts: [],
    actions: [],
    files: forms.map((f) => f.file),
    notes: [...readNotes],
  };
  const ratings = new Map<number, number[]>();
  for (const form of forms) {
    if (form.kind === 'evaluation') readEvaluation(plan, form, section, ratings);
    else if (form.kind === 'follow-up') readFollowUp(plan, form, section, today);
  }
  section.ratings = plan.sessions
    .filter((s) => !s.cancelled)
    .map((s) => ({
      session: s.number,
      themeKey: themeKey(s),
      theme: s.theme.theme.title,
      values: ratings.get(s.number) ?? [],
    }));
  // Notes in file order, as the files were read.
  section.notes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  section.actions.sort((a, b) => a.session - b.session || (a.deadlineIso ?? '9').localeCompare(b.deadlineIso ?? '9'));
  return section;
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

export function workspaceReport(organisation: string, today: string, sections: GroupSection[]): WorkspaceReport {
  const themes = new Map<string, ThemeRating>();
  for (const g of sections) {
    for (const r of g.ratings) {
      if (!r.values.length) continue;
      const th = themes.get(r.themeKey) ?? { themeKey: r.themeKey, theme: r.theme, values: [], mean: NaN, groups: 0 };
      th.values.push(...r.values);
      th.groups++;
      themes.set(r.themeKey, th);
    }
  }
  const list = [...themes.values()].map((th) => ({ ...th, mean: mean(th.values) }));
  list.sort((a, b) => a.themeKey.localeCompare(b.themeKey, 'nb', { numeric: true }));
  return { organisation, today, groups: sections, themes: list };
}

export { GOAL_ANSWERS };
