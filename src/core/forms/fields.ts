/**
 * The fillable fields of the forms refleks reads back, defined once: the
 * form documents take their tags from here, and the reader (read-back.ts)
 * knows from the same lists what each field means. Each list is in document
 * order, which is what the reader falls back to when a file lost its tags
 * (LibreOffice keeps a checkbox's state but drops its tag and alias).
 */
import type { SessionShape } from './view.js';

/** What the fields depend on: a session's number, whether it is held, its theme's goals (the FormView's shape). */
export type FieldSession = Pick<SessionShape, 'number' | 'cancelled'> & { theme: { goals: readonly string[] } };

export type FormKind = 'attendance' | 'evaluation' | 'follow-up';
export type FieldKind = 'checkbox' | 'text' | 'date';

/** The evaluation's rating scale, 1 (little) to 5 (much). */
export const RATING_SCALE = [1, 2, 3, 4, 5] as const;
export const GOAL_ANSWERS = ['ja', 'delvis', 'nei'] as const;
export type GoalAnswer = (typeof GOAL_ANSWERS)[number];
export const ACTION_ROWS = 3;
export const ACTION_PARTS = ['tiltak', 'ansvarlig', 'frist'] as const;
export type ActionPart = (typeof ACTION_PARTS)[number];
export type EvaluationText = 'mal-kommentar' | 'praksis' | 'videre';

export type FieldMeaning =
  | { what: 'present'; participant: number; session: number }
  | { what: 'goal'; session: number; goal: number; answer: GoalAnswer }
  | { what: 'rating'; session: number; value: number }
  | { what: 'evaluation-text'; key: EvaluationText }
  | { what: 'follow-up-text'; session: number; key: 'utprovd' | 'erfaringer' }
  | { what: 'action'; session: number; row: number; part: ActionPart };

export interface FieldDef {
  tag: string;
  kind: FieldKind;
  meaning: FieldMeaning;
}

/** Tags, one function per field family: the writer calls these. */
export const tags = {
  present: (participant: number, session: number) => `oppmote-${participant}-${session}`,
  goal: (session: number, goal: number, answer: GoalAnswer) => `mal-${session}-${goal}-${answer}`,
  rating: (session: number, value: number) => `tema-${session}-vurdering-${value}`,
  followUp: (session: number, key: 'utprovd' | 'erfaringer') => `s${session}-${key}`,
  action: (session: number, row: number, part: ActionPart) => `s${session}-${part}-${row}`,
};

/** The attendance list: a checkbox per participant (1-based) and session held. */
export function attendanceFields(sessions: readonly FieldSession[], participants: number): FieldDef[] {
  const out: FieldDef[] = [];
  for (let p = 1; p <= participants; p++) {
    for (const s of sessions) {
      if (!s.cancelled)
        out.push({
          tag: tags.present(p, s.number),
          kind: 'checkbox',
          meaning: { what: 'present', participant: p, session: s.number },
        });
    }
  }
  return out;
}

/** Only sessions that were held have goals to reach and a theme to rate (documents.ts, evaluationForm). */
export function evaluationFields(sessions: readonly FieldSession[]): FieldDef[] {
  const out: FieldDef[] = [];
  const held = sessions.filter((s) => !s.cancelled);
  for (const s of held) {
    s.theme.goals.forEach((_, gi) => {
      for (const answer of GOAL_ANSWERS)
        out.push({
          tag: tags.goal(s.number, gi + 1, answer),
          kind: 'checkbox',
          meaning: { what: 'goal', session: s.number, goal: gi + 1, answer },
        });
    });
  }
  out.push({ tag: 'mal-kommentar', kind: 'text', meaning: { what: 'evaluation-text', key: 'mal-kommentar' } });
  for (const s of held) {
    for (const v of RATING_SCALE)
      out.push({
        tag: tags.rating(s.number, v),
        kind: 'checkbox',
        meaning: { what: 'rating', session: s.number, value: v },
      });
  }
  out.push({ tag: 'praksis', kind: 'text', meaning: { what: 'evaluation-text', key: 'praksis' } });
  out.push({ tag: 'videre', kind: 'text', meaning: { what: 'evaluation-text', key: 'videre' } });
  return out;
}

export function followUpFields(sessions: readonly FieldSession[]): FieldDef[] {
  const out: FieldDef[] = [];
  for (const s of sessions) {
    if (s.cancelled) continue;
    const n = s.number;
    if (n > 1)
      out.push({
        tag: tags.followUp(n, 'utprovd'),
        kind: 'text',
        meaning: { what: 'follow-up-text', session: n, key: 'utprovd' },
      });
    out.push({
      tag: tags.followUp(n, 'erfaringer'),
      kind: 'text',
      meaning: { what: 'follow-up-text', session: n, key: 'erfaringer' },
    });
    for (let row = 1; row <= ACTION_ROWS; row++) {
      for (const part of ACTION_PARTS)
        out.push({
          tag: tags.action(n, row, part),
          kind: part === 'frist' ? 'date' : 'text',
          meaning: { what: 'action', session: n, row, part },
        });
    }
  }
  return out;
}

export function formFields(kind: FormKind, sessions: readonly FieldSession[], participants: number): FieldDef[] {
  return kind === 'attendance'
    ? attendanceFields(sessions, participants)
    : kind === 'evaluation'
      ? evaluationFields(sessions)
      : followUpFields(sessions);
}
