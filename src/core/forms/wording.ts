/**
 * The wording of the forms: headings, questions and labels. It lives in YAML
 * (templates/forms/<lang>.yaml) so a coordinator can change a question
 * without touching code. Layers are merged by key, later ones winning:
 * built-in, then the workspace's templates/forms/, then
 * templates/<programme-id>/forms/. The built-in file defines the shape; an
 * override may only use its keys (a misspelt key is reported, never silently
 * ignored), with the same kind of value and the same {placeholders}.
 */
import { closest } from '../../load/did-you-mean.js';
import type { Issue, Path } from '../../load/schema.js';
import { parseYaml } from '../../load/yaml-file.js';
import type { Problem } from '../problems.js';
import { t, type Lang } from '../text.js';

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
  certificate: {
    title: string;
    subject: string;
    has_completed: string;
    in_group: string;
    themes_heading: string;
    hours: string;
    hours_text: string;
    hours_text_no_between: string;
    between_upto: string;
    completed: string;
    facilitator_signature: string;
    place_and_date: string;
  };
}

/** One YAML file of wording, as read by the adapter. */
export interface WordingLayer {
  /** Path as shown to the user. */
  display: string;
  bytes: Uint8Array;
}

/** Where wording files are looked for, relative to their root, in increasing priority (built-in first). */
export function wordingPaths(programmeId: string, lang: Lang): { origin: 'built-in' | 'workspace'; path: string }[] {
  return [
    { origin: 'built-in', path: `templates/forms/${lang}.yaml` },
    { origin: 'workspace', path: `templates/forms/${lang}.yaml` },
    { origin: 'workspace', path: `templates/${programmeId}/forms/${lang}.yaml` },
  ];
}

type Tree = { [key: string]: Node };
type Node = string | string[] | Tree;

function isTree(v: unknown): v is Tree {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

const PLACEHOLDER = /\{([a-z_]+)\}/g;

function placeholders(s: string): string[] {
  return [...s.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

function kind(v: unknown): 'text' | 'list' | 'mapping' | 'other' {
  if (typeof v === 'string' || typeof v === 'number') return 'text';
  if (Array.isArray(v)) return 'list';
  if (isTree(v)) return 'mapping';
  return 'other';
}

const KIND_TEXT = {
  text: t('en tekst', 'a text'),
  list: t('en liste med tekster', 'a list of texts'),
  mapping: t('en tabell med felt', 'a mapping of fields'),
  other: t('en annen verdi', 'another value'),
};

/**
 * Checks an override against the built-in shape and merges it in. Returns the
 * merged tree; issues carry field paths for `file:line:column` messages.
 */
function mergeLayer(base: Node, over: unknown, path: Path, issues: Issue[]): Node {
  const want = kind(base);
  const got = kind(over);
  if (want !== got) {
    issues.push({ path, message: t(`forventet ${KIND_TEXT[want].nb}, fant ${KIND_TEXT[got].nb}`, `expected ${KIND_TEXT[want].en}, found ${KIND_TEXT[got].en}`) });
    return base;
  }
  if (want === 'text') {
    const text = String(over).trim();
    if (!text) {
      issues.push({ path, message: t('kan ikke være tom', 'must not be empty') });
      return base;
    }
    const allowed = placeholders(base as string);
    const unknown = placeholders(text).filter((p) => !allowed.includes(p));
    if (unknown.length) {
      issues.push({
        path,
        message: t(`ukjent plassholder ${unknown.map((u) => `{${u}}`).join(', ')}`, `unknown placeholder ${unknown.map((u) => `{${u}}`).join(', ')}`),
        hint: allowed.length
          ? t(`Her kan du bruke ${allowed.map((a) => `{${a}}`).join(', ')}.`, `Here you can use ${allowed.map((a) => `{${a}}`).join(', ')}.`)
          : t('Denne teksten har ingen plassholdere.', 'This text takes no placeholders.'),
      });
      return base;
    }
    return text;
  }
  if (want === 'list') {
    const items = over as unknown[];
    let ok = items.length > 0;
    if (!ok) issues.push({ path, message: t('listen kan ikke være tom', 'the list must not be empty') });
    items.forEach((item, i) => {
      if (kind(item) !== 'text' || !String(item).trim()) {
        issues.push({ path: [...path, i], message: t('forventet en tekst', 'expected a text') });
        ok = false;
      }
    });
    return ok ? items.map((i) => String(i).trim()) : base;
  }
  const baseTree = base as Tree;
  const overTree = over as Record<string, unknown>;
  const keys = Object.keys(baseTree);
  const out: Tree = { ...baseTree };
  for (const [key, value] of Object.entries(overTree)) {
    if (!Object.prototype.hasOwnProperty.call(baseTree, key)) {
      const guess = closest(key, keys);
      issues.push({
        path: [...path, key],
        onKey: true,
        message: t(`ukjent felt «${key}»`, `unknown field "${key}"`),
        hint: guess ? t(`Mente du «${guess}»?`, `Did you mean "${guess}"?`) : t(`Gyldige felt her: ${keys.join(', ')}.`, `Valid fields here: ${keys.join(', ')}.`),
      });
      continue;
    }
    if (value === null || value === undefined) continue;
    out[key] = mergeLayer(baseTree[key]!, value, [...path, key], issues);
  }
  return out;
}

/**
 * Merges the wording layers (built-in first). The first layer is trusted as
 * the shape; problems in later layers are reported with their positions.
 */
export function buildWording(layers: WordingLayer[]): { wording?: FormWording; problems: Problem[] } {
  const problems: Problem[] = [];
  let merged: Node | undefined;
  for (const layer of layers) {
    const parsed = parseYaml(layer.display, layer.bytes);
    problems.push(...parsed.problems);
    if (!parsed.file) continue;
    const data = parsed.file.data ?? {};
    if (merged === undefined) {
      if (!isTree(data)) {
        problems.push({ severity: 'error', file: layer.display, message: t('forventet en tabell med felt', 'expected a mapping of fields') });
        continue;
      }
      merged = data;
      continue;
    }
    const issues: Issue[] = [];
    merged = mergeLayer(merged, data, [], issues);
    problems.push(...parsed.file.problems(issues));
  }
  if (merged === undefined || problems.some((p) => p.severity === 'error')) return { problems };
  return { wording: merged as unknown as FormWording, problems };
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
