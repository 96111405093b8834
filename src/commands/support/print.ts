/** Printing for commands; kept free of heavy imports so `--help` stays fast. */
import { formatProblem, type Problem } from '../../core/problems.js';
import { t, type Lang, type Text } from '../../core/text.js';

export interface Printer {
  lang: Lang;
  out(line: string): void;
  err(line: string): void;
}

export function say(ctx: Printer, text: Text): void {
  ctx.out(text[ctx.lang]);
}

export function printProblems(ctx: Printer, problems: Problem[]): void {
  for (const p of problems) {
    const label = p.severity === 'error' ? t('feil', 'error') : t('advarsel', 'warning');
    ctx.err(`${label[ctx.lang]}: ${formatProblem(p, ctx.lang)}`);
  }
}

/** 9990 → «9 990» (bokmål groups thousands with a space), "9,990" in English. */
export function count(n: number, lang: Lang): string {
  return lang === 'nb' ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : n.toLocaleString('en-GB');
}

/**
 * A list as one readable line: the first `max` items, then how many more, so
 * a workspace of 10,000 groups never prints a line of 80 KB.
 */
export function listed(items: string[], lang: Lang, max = 8): string {
  if (items.length <= max) return items.join(', ');
  const rest = items.length - max;
  return `${items.slice(0, max).join(', ')} ${t(`… og ${count(rest, 'nb')} til`, `… and ${count(rest, 'en')} more`)[lang]}`;
}
