/**
 * The wording of the forms: headings, questions and labels. It lives in YAML
 * (templates/forms/<lang>.yaml) so a coordinator can change a question
 * without touching code; src/load/form-wording.ts reads and checks the
 * layers and hands the forms this model.
 */
import { fillWords, type Vocabulary } from '../vocabulary.js';

export interface DidacticElement {
  label: string;
  question: string;
}

/** Mirrors templates/forms/nb.yaml; the unit tests check both built-in files against each other. */
export interface FormWording {
  common: {
    field_column: string;
    value_column: string;
    question_column: string;
    answer_column: string;
    organisation: string;
    group: string;
    programme: string;
    facilitator: string;
    co_facilitator: string;
    leader: string;
    no_leader: string;
    participants: string;
    participant: string;
    number: string;
    name: string;
    role: string;
    location: string;
    period: string;
    session: string;
    session_number: string;
    theme: string;
    date: string;
    date_only: string;
    leader_joins: string;
    yes_value: string;
    cancelled: string;
    moved: string;
    sessions_count: string;
    sessions_summary: string;
    between_sessions: string;
    between_sessions_voluntary: string;
    between_sessions_suggestions: string;
    between_sessions_range: string;
    between_sessions_upto: string;
    between_sessions_exact: string;
    between_sessions_none: string;
    hours_unit: string;
    hour_unit: string;
    text_placeholder: string;
    date_placeholder: string;
    page: string;
  };
  planning: {
    title: string;
    subject: string;
    intro: string;
    meeting_date: string;
    present: string;
    group_heading: string;
    participants_heading: string;
    programme_heading: string;
    frame_heading: string;
    frame: string[];
    questions_heading: string;
    questions: string[];
    didactic_heading: string;
    didactic_intro: string;
    didactic_element_column: string;
    didactic_plan_column: string;
    didactic: {
      target_group: DidacticElement;
      goals: DidacticElement;
      frame: DidacticElement;
      content: DidacticElement;
      methods: DidacticElement;
      evaluation: DidacticElement;
    };
  };
  follow_up: {
    title: string;
    subject: string;
    intro: string;
    tried: string;
    experiences: string;
    homework: string;
    no_homework: string;
    actions_heading: string;
    action: string;
    owner: string;
    deadline: string;
    cancelled_text: string;
  };
  evaluation: {
    title: string;
    subject: string;
    intro: string;
    goals_heading: string;
    goal_column: string;
    reached: string;
    partly: string;
    not_reached: string;
    goals_comment: string;
    rating_heading: string;
    rating_intro: string;
    rating_column: string;
    practice_heading: string;
    practice_question: string;
    continue_heading: string;
    continue_question: string;
  };
  attendance: {
    title: string;
    subject: string;
    intro: string;
    cancelled_cell: string;
  };
  /** Filled in anonymously by each participant: plain words, large print. */
  participant_evaluation: {
    title: string;
    subject: string;
    intro: string;
    rating_heading: string;
    rating_intro: string;
    rating_column: string;
    overall_heading: string;
    overall_question: string;
    overall_yes: string;
    overall_partly: string;
    overall_no: string;
    questions_heading: string;
    questions: string[];
    thanks: string;
  };
  certificate: {
    title: string;
    subject: string;
    confirms: string;
    has_completed: string;
    in_group: string;
    at_organisation: string;
    period: string;
    themes_heading: string;
    hours_column: string;
    one_session: string;
    many_sessions: string;
    scope: string;
    scope_between: string;
    between_upto: string;
    signature: string;
    leader_role: string;
    place_and_date: string;
    logo: string;
  };
}

type Tree = string | string[] | { [key: string]: Tree };

function mapTree(node: Tree, f: (s: string) => string): Tree {
  if (typeof node === 'string') return f(node);
  if (Array.isArray(node)) return node.map(f);
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapTree(v, f)]));
}

const worded = new WeakMap<FormWording, WeakMap<Vocabulary, FormWording>>();

/**
 * The wording in a programme's own words ({session} → «treff»). Remembered
 * per wording and vocabulary object, so every group of a programme shares one
 * object: the merge names wording by identity (merge.ts).
 */
export function inWords(w: FormWording, words: Vocabulary): FormWording {
  let byWords = worded.get(w);
  if (!byWords) worded.set(w, (byWords = new WeakMap()));
  let out = byWords.get(words);
  if (!out)
    byWords.set(words, (out = mapTree(w as unknown as Tree, (s) => fillWords(s, words)) as unknown as FormWording));
  return out;
}

/** `{name}` placeholders in a wording text; an override may use only the built-in text's. */
const PLACEHOLDER = /\{([a-z_]+)\}/g;

export function placeholders(s: string): string[] {
  return [...s.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
