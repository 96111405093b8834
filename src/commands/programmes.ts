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
    const rows = [...programmes.values()].map((p) => [
      p.id,
      p.shortTitle,
      String(p.themes.length),
      p.source.origin === 'built-in' ? t('innebygd', 'built-in')[L] : p.source.display,
    ]);
    for (const line of table(rows, [
      t('id', 'id')[L],
      t('program', 'programme')[L],
      t('temaer', 'themes')[L],
      t('kilde', 'source')[L],
    ]))
      ctx.out(line);
    return 0;
  }
  if (sub !== 'show' && sub !== 'vis')
    throw new UsageError(
      t(
        `ukjent underkommando «${sub}»; bruk «refleks programmes show ID»`,
        `unknown subcommand "${sub}"; use "refleks programmes show ID"`,
      ),
    );
  if (!id)
    throw new UsageError(
      t(
        'mangler programmets id, for eksempel «refleks programmes show mestring»',
        'missing the programme id, e.g. "refleks programmes show mestring"',
      ),
    );
  const p = programmes.get(id);
  if (!p) {
    const guess = closest(id, [...programmes.keys()]);
    throw new UsageError(
      t(
        `ukjent program «${id}»${guess ? `; mente du «${guess}»?` : ''}`,
        `unknown programme "${id}"${guess ? `; did you mean "${guess}"?` : ''}`,
      ),
    );
  }
  ctx.out(p.title);
  ctx.out('');
  ctx.out(p.description);
  ctx.out('');
  const s = p.sessions;
  const w = p.vocabulary;
  const hours = s.betweenSessionHours;
  const between = p.betweenSessionsVoluntary
    ? t(`frivillige forslag mellom ${w.nb.sessions}`, `voluntary suggestions between ${w.en.sessions}`)
    : t(
        `${hours.min}–${hours.max} timer egenarbeid mellom ${w.nb.sessions}`,
        `${hours.min}–${hours.max} hours of individual work between ${w.en.sessions}`,
      );
  // Which sessions the leader joins is refleks's suggestion, not the programme's: say so.
  const leader = s.leaderSessions.length
    ? t(
        `Forslag: leder er med på ${w.nb.session} ${s.leaderSessions.join(', ')}.`,
        `Suggestion: the leader joins ${w.en.session} ${s.leaderSessions.join(', ')}.`,
      )
    : t('Ingen leder inviteres.', 'No leader is invited.');
  say(
    ctx,
    t(
      `${s.count} ${w.nb.sessions} à ${s.durationMinutes} minutter, ${s.intervalWeeks === 1 ? 'hver uke' : `hver ${s.intervalWeeks}. uke`}, ${between.nb}. ${leader.nb}`,
      `${s.count} ${w.en.sessions} of ${s.durationMinutes} minutes, ${s.intervalWeeks === 1 ? 'every week' : `every ${s.intervalWeeks} weeks`}, ${between.en}. ${leader.en}`,
    ),
  );
  if (p.sourceLink)
    say(
      ctx,
      t(`Kilde: ${p.sourceLink.title}, ${p.sourceLink.url}`, `Source: ${p.sourceLink.title}, ${p.sourceLink.url}`),
    );
  ctx.out('');
  for (const th of p.themes) ctx.out(`  ${p.id}/${th.id}  ${th.title}`);
  return 0;
}
