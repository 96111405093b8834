import type { Lang, Text } from './text.js';

export type Severity = 'error' | 'warning';

/** One thing wrong (or worth a warning) with the input, located as precisely as we can. */
export interface Problem {
  severity: Severity;
  /** Path relative to the workspace, as the user would type it. */
  file?: string;
  line?: number;
  column?: number;
  /** Field path such as `participants[2].email`. */
  field?: string;
  message: Text;
  /** How to fix it, when we can say. */
  hint?: Text;
}

export function formatProblem(p: Problem, lang: Lang): string {
  const where: string[] = [];
  if (p.file) {
    let loc = p.file;
    if (p.line !== undefined) loc += `:${p.line}`;
    if (p.line !== undefined && p.column !== undefined) loc += `:${p.column}`;
    where.push(loc);
  }
  if (p.field) where.push(p.field);
  const prefix = where.length ? `${where.join(': ')}: ` : '';
  const message = p.message[lang];
  // Message and hint are separate sentences; messages carry no full stop of their own.
  const hint = p.hint ? `${/[.!?:]$/.test(message) ? '' : '.'} ${p.hint[lang]}` : '';
  return `${prefix}${message}${hint}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/**
 * Bad input: the user can fix it. The CLI prints the problems and exits 1,
 * without a stack trace.
 */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => formatProblem(p, 'en')).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** Wrong use of the command line itself: exit 2. */
export class UsageError extends Error {
  readonly text: Text;
  constructor(text: Text) {
    super(text.en);
    this.name = 'UsageError';
    this.text = text;
  }
}

/** Formats a field path the way people read it: `participants[2].email`. */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}
