/**
 * A Prompter that answers from a script, for testing `refleks new-group`'s
 * dialogue without a terminal. Each step names the question it expects (a
 * regular expression on the message), so a test reads like the conversation
 * and fails clearly when the flow asks something else. An input whose
 * validation fails records the message and takes the next step, just as the
 * real prompt shows the message and waits for a new answer.
 */
import type { CliContext } from '../../src/commands/support/context.js';
import { handleError } from '../../src/cli.js';
import { run, type NewGroupOptions } from '../../src/commands/new-group.js';
import { PromptCancelled, type Choice, type Prompter } from '../../src/io/prompter.js';

export const DEFAULT = Symbol('default');
export const CTRL_C = Symbol('ctrl-c');
export type Answer = string | boolean | string[] | typeof DEFAULT | typeof CTRL_C;
export type Step = [RegExp, Answer];

export class ScriptedPrompter implements Prompter {
  /** Every question asked, in order. */
  readonly asked: string[] = [];
  /** Validation messages shown (answers that were refused). */
  readonly refused: string[] = [];
  /** What the choices offered were, per select/checkbox message. */
  readonly offered = new Map<string, string[]>();

  constructor(private readonly steps: Step[]) {}

  get remaining(): number {
    return this.steps.length;
  }

  private next(kind: string, message: string): Answer {
    this.asked.push(message);
    const step = this.steps.shift();
    if (!step) throw new Error(`no scripted answer left for ${kind} «${message}»`);
    const [expect, answer] = step;
    if (!expect.test(message))
      throw new Error(`expected a question matching ${expect}, but ${kind} asked «${message}»`);
    if (answer === CTRL_C) throw new PromptCancelled();
    return answer;
  }

  async input(q: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string> {
    for (;;) {
      const a = this.next('input', q.message);
      const value = a === DEFAULT ? (q.default ?? '') : String(a);
      const ok = q.validate ? q.validate(value) : true;
      if (ok === true) return value;
      this.refused.push(ok);
    }
  }

  async select<T>(q: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
    this.offered.set(
      q.message,
      q.choices.map((c) => String(c.value)),
    );
    const a = this.next('select', q.message);
    if (a === DEFAULT) {
      if (q.default === undefined) throw new Error(`select «${q.message}» has no default`);
      return q.default;
    }
    const choice = q.choices.find((c) => String(c.value) === a || c.name.startsWith(String(a)));
    if (!choice)
      throw new Error(
        `select «${q.message}» has no choice «${String(a)}»; offered ${q.choices.map((c) => String(c.value)).join(', ')}`,
      );
    return choice.value;
  }

  async checkbox<T>(q: {
    message: string;
    choices: Choice<T>[];
    validate?: (values: T[]) => true | string;
  }): Promise<T[]> {
    this.offered.set(
      q.message,
      q.choices.map((c) => String(c.value)),
    );
    for (;;) {
      const a = this.next('checkbox', q.message);
      if (!Array.isArray(a)) throw new Error(`checkbox «${q.message}» needs a list`);
      const values = a.map((v) => {
        const c = q.choices.find((ch) => String(ch.value) === v);
        if (!c) throw new Error(`checkbox «${q.message}» has no choice «${v}»`);
        return c.value;
      });
      const ok = q.validate ? q.validate(values) : true;
      if (ok === true) return values;
      this.refused.push(ok);
    }
  }

  async confirm(q: { message: string; default?: boolean }): Promise<boolean> {
    const a = this.next('confirm', q.message);
    if (a === DEFAULT) return q.default ?? false;
    if (typeof a !== 'boolean') throw new Error(`confirm «${q.message}» needs true or false`);
    return a;
  }
}

export interface FlowResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the command as the CLI would (errors become exit codes), with a scripted or no prompter. */
export async function runNewGroup(
  dir: string,
  opts: NewGroupOptions,
  prompter?: Prompter,
  lang?: 'nb' | 'en',
): Promise<FlowResult> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    lang: lang ?? 'nb',
    langFromFlag: !!lang,
    cwd: dir,
    workspaceDir: dir,
    debug: false,
    quiet: false,
    isTTY: !!prompter,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  let code: number;
  try {
    code = await run(ctx, opts, { ...(prompter ? { prompter } : {}), today: '2027-02-01' });
  } catch (e) {
    code = handleError(ctx, e);
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}
