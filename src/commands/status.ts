import { openWorkspace, say, type CliContext } from './support/context.js';
import { count, listed } from './support/print.js';
import { formatDate, formatSessionTime } from '../core/format-date.js';
import { UsageError } from '../core/problems.js';
import { planGroup } from '../core/schedule.js';
import { overview } from '../core/status/overview.js';
import { t } from '../core/text.js';
import { toWallTime } from '../core/zoned-time.js';
import { withoutEmailNote } from '../core/calendar/session-event.js';
import { pendingInvitations } from '../io/calendar-pending.js';
import { orphanedStates, orphanProblem } from '../io/group-identity.js';
import { FAIL, isoDate, type Ctx } from '../load/schema.js';
import { filledFormGroups } from '../pipeline/overview-page.js';

export function run(ctx: CliContext, opts: { days?: string; today?: string; json?: boolean }): number {
  const ws = openWorkspace(ctx);
  const days = Number(opts.days ?? 14);
  if (!Number.isInteger(days) || days < 1 || days > 366)
    throw new UsageError(
      t(
        `--days må være et helt tall fra 1 til 366, fant «${opts.days}»`,
        `--days must be a whole number from 1 to 366, found "${opts.days}"`,
      ),
    );
  let today = toWallTime(Date.now(), ws.settings.timezone).date;
  if (opts.today) {
    const issues: Ctx = { issues: [] };
    const parsed = isoDate().parse(opts.today, [], issues);
    if (parsed === FAIL)
      throw new UsageError(t(`--today: ${issues.issues[0]!.message.nb}`, `--today: ${issues.issues[0]!.message.en}`));
    today = parsed;
  }
  const plans = ws.groups.map((g) => planGroup(g, ws.settings));
  const extra = pendingInvitations(ws);
  for (const g of ws.groups) {
    const note = withoutEmailNote(g, ws.settings.output);
    if (note) extra.set(g.id, [...(extra.get(g.id) ?? []), note]);
  }
  const report = overview(plans, today, days, extra, {
    evaluated: filledFormGroups(
      ws.root,
      ws.groups.map((g) => g.id),
    ),
  });
  if (opts.json) {
    ctx.out(
      JSON.stringify(
        report,
        (key, value) =>
          key === 'theme' && value?.theme
            ? { programme: value.programmeId, id: value.theme.id, title: value.theme.title }
            : value,
        2,
      ),
    );
    return 0;
  }
  const L = ctx.lang;
  say(
    ctx,
    t(
      `Status for ${ws.settings.organisation} – ${formatDate(today, 'nb')}`,
      `Status for ${ws.settings.organisation} – ${formatDate(today, 'en')}`,
    ),
  );
  ctx.out('');
  say(ctx, t(`Samlinger de neste ${days} dagene:`, `Sessions in the next ${days} days:`));
  if (!report.upcoming.length) say(ctx, t('  ingen', '  none'));
  for (const u of report.upcoming) {
    const s = u.session;
    ctx.out(
      `  ${formatSessionTime(s.date, s.start, s.end, L)}  ${u.groupName} · ${t(`samling ${s.number} av ${u.of}`, `session ${s.number} of ${u.of}`)[L]}: ${s.theme.theme.title} · ${s.location.text}`,
    );
  }
  const attention = report.groups.filter((g) => g.attention.length);
  const orphans = orphanedStates(ws.root, ws.groups).map(orphanProblem);
  if (attention.length || orphans.length) {
    ctx.out('');
    say(ctx, t('Trenger oppmerksomhet:', 'Needs attention:'));
    for (const o of orphans) {
      ctx.out(`  ${o.file}:`);
      ctx.out(`    – ${o.message[L]}. ${o.hint![L]}`);
    }
    for (const g of attention) {
      ctx.out(`  ${g.name} (${g.id}):`);
      for (const a of g.attention) ctx.out(`    – ${a[L]}`);
    }
  }
  const by = (phase: string) => report.groups.filter((g) => g.phase === phase);
  ctx.out('');
  // Summarised, so a workspace of thousands of groups gets a line, not a page.
  const names = (gs: { id: string }[]) =>
    gs.length
      ? ` (${listed(
          gs.map((g) => g.id),
          L,
        )})`
      : '';
  const n = (phase: string) => count(by(phase).length, L);
  say(
    ctx,
    t(
      `Ikke startet: ${n('not-started')}${names(by('not-started'))} · Pågår: ${n('running')}${names(by('running'))} · Ferdige: ${n('finished')}${names(by('finished'))}`,
      `Not started: ${n('not-started')}${names(by('not-started'))} · Running: ${n('running')}${names(by('running'))} · Finished: ${n('finished')}${names(by('finished'))}`,
    ),
  );
  return 0;
}
