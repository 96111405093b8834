/**
 * The few kinds of question `refleks new-group` asks, behind an interface so
 * that the flow can be tested with scripted answers. The real implementation
 * uses @inquirer/prompts, imported only when a terminal is there to ask in.
 */
import type { Lang } from '../core/text.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  /** Shown as the answer once chosen (default: name). */
  short?: string;
}

export interface Prompter {
  /** Free text. `validate` returns true or the message to show before asking again. */
  input(q: {
    message: string;
    default?: string;
    validate?: (value: string) => true | string;
    transformer?: (value: string) => string;
  }): Promise<string>;
  select<T>(q: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T>(q: {
    message: string;
    choices: (Choice<T> & { checked?: boolean; group?: string })[];
    validate?: (values: T[]) => true | string;
  }): Promise<T[]>;
  confirm(q: { message: string; default?: boolean }): Promise<boolean>;
  /** Hidden input (a password); optional so scripted prompters need not have it. */
  password?(q: { message: string }): Promise<string>;
}

/** The person pressed Ctrl+C (or closed the terminal): stop, write nothing. */
export class PromptCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PromptCancelled';
  }
}

function isExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}

export async function inquirerPrompter(lang: Lang): Promise<Prompter> {
  const inq = await import('@inquirer/prompts');
  const nb = lang === 'nb';
  const words: Record<string, string> = nb
    ? { navigate: 'flytt', select: 'velg', submit: 'ferdig', all: 'alle', invert: 'snu' }
    : {};
  const keysHelpTip = (keys: [string, string][]) =>
    keys.map(([key, action]) => `${key} ${words[action] ?? action}`).join(' • ');
  const listTheme = { style: { keysHelpTip } };
  const guard = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (err) {
      if (isExit(err)) throw new PromptCancelled();
      throw err;
    }
  };
  return {
    input: (q) =>
      guard(
        inq.input({
          message: q.message,
          ...(q.default !== undefined ? { default: q.default } : {}),
          ...(q.validate ? { validate: q.validate } : {}),
          ...(q.transformer
            ? { transformer: (v: string, { isFinal }: { isFinal: boolean }) => (isFinal ? v : q.transformer!(v)) }
            : {}),
        }),
      ),
    select: <T>(q: { message: string; choices: Choice<T>[]; default?: T }) =>
      guard(
        inq.select<T>({
          message: q.message,
          choices: q.choices,
          ...(q.default !== undefined ? { default: q.default } : {}),
          pageSize: 12,
          theme: listTheme,
        }),
      ),
    checkbox: <T>(q: {
      message: string;
      choices: (Choice<T> & { checked?: boolean; group?: string })[];
      validate?: (values: T[]) => true | string;
    }) => {
      const items: (Choice<T> | InstanceType<typeof inq.Separator>)[] = [];
      let group: string | undefined;
      for (const c of q.choices) {
        if (c.group && c.group !== group) items.push(new inq.Separator(`── ${c.group}`));
        group = c.group;
        items.push({
          name: c.name,
          value: c.value,
          ...(c.short ? { short: c.short } : {}),
          ...(c.checked ? { checked: true } : {}),
          ...(c.description ? { description: c.description } : {}),
        });
      }
      return guard(
        inq.checkbox<T>({
          message: q.message,
          choices: items,
          pageSize: 14,
          theme: listTheme,
          ...(q.validate
            ? { validate: (chosen: readonly { value: T }[]) => q.validate!(chosen.map((c) => c.value)) }
            : {}),
        }),
      );
    },
    password: (q) => guard(inq.password({ message: q.message, mask: '*' })),
    confirm: (q) =>
      guard(
        inq.confirm({
          message: q.message,
          ...(q.default !== undefined ? { default: q.default } : {}),
          ...(nb ? { theme: { keywords: { yes: 'ja', no: 'nei', error: () => 'Svar ja eller nei' } } } : {}),
        }),
      ),
  };
}
