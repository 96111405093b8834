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
