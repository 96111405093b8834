import { printProblems, say, workspaceRoot, type CliContext } from './support/context.js';
import { table } from './support/table.js';
import { hasErrors, InputError, UsageError } from '../core/problems.js';
import { t } from '../core/text.js';
import { closest } from '../load/did-you-mean.js';
import { loadProgrammes } from '../load/workspace.js';

export function run(ctx: CliContext, sub?: string, id?: string): number {
  const root = workspaceRoot(ctx, true);
  const { programmes, problems } = loadProgrammes(root);
  if (hasErrors(problems)) throw new InputError(problems);
  printProblems(ctx, problems);
  const L = ctx.lang;
  if (sub === undefined) {
    const rows = [...programmes.values()].map((p) => [p.id, p.shortTitle, String(p.themes.length), p.source.origin === 'built-in' ? t('innebygd', 'built-in')[L] : p.source.display]);
    for (const line of table(rows, [t('id', 'id')[L], t('program', 'programme')[L], t('temaer', 'themes')[L], t('kilde', 'source')[L]])) ctx.out(line);
    return 0;
  }
  if (sub !== 'show' && sub !== 'vis') throw new UsageError(t(`ukjent underkommando «${sub}»; bruk «refleks programmes show ID»`, `unknown subcommand "${sub}"; use "refleks programmes show ID"`));
  if (!id) throw new UsageError(t('mangler programmets id, for eksempel «refleks programmes show mestring»', 'missing the programme id, e.g. "refleks programmes show mestring"'));
  const p = programmes.get(id);
  if (!p) {
    const guess = closest(id, [...programmes.keys()]);
    throw new UsageError(t(`ukjent program «${id}»${guess ? `; mente du «${guess}»?` : ''}`, `unknown programme "${id}"${guess ? `; did you mean "${guess}"?` : ''}`));
  }
  ctx.out(p.title);
  ctx.out('');
  ctx.out(p.description);
  ctx.out('');
  const s = p.sessions;
  say(ctx, t(
    `${s.count} samlinger à ${s.durationMinutes} minutter, hver ${s.intervalWeeks}. uke, ${s.betweenSessionHours.min}–${s.betweenSessionHours.max} timer egenarbeid mellom samlingene. Leder deltar på samling ${s.leaderSessions.join(', ')}.`,
    `${s.count} sessions of ${s.durationMinutes} minutes, every ${s.intervalWeeks} weeks, ${s.betweenSessionHours.min}–${s.betweenSessionHours.max} hours of individual work between sessions. The leader joins sessions ${s.leaderSessions.join(', ')}.`,
  ));
  ctx.out('');
  for (const th of p.themes) ctx.out(`  ${p.id}/${th.id}  ${th.title}`);
  return 0;
}
