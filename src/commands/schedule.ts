/**
 * `refleks schedule [group…]`: the session dates as people read them, what
 * moved and why, and the calendar files (invitations + kalender.ics) with the
 * state that lets the next run update instead of duplicate.
 */
import { printProblems, workspaceRoot, type CliContext } from './support/context.js';
import { dedupe, fromContext, printWriteNotes, printInterrupted } from './support/outputs.js';
import { describeOutcomes, describePlan } from '../core/calendar/describe.js';
import { formatProblem, hasErrors, InputError } from '../core/problems.js';
import type { GroupPlan } from '../core/schedule.js';
import { t } from '../core/text.js';
import { pendingText } from '../io/calendar-pending.js';
import { renameGuard } from '../io/group-identity.js';
import { runOutputs } from '../pipeline/run-outputs.js';

export interface ScheduleOptions {
  json?: boolean;
  strict?: boolean;
  perPerson?: boolean;
  dryRun?: boolean;
  force?: boolean;
}

function planJson(plan: GroupPlan, lang: 'nb' | 'en') {
  const { group } = plan;
  return {
    id: group.id,
    name: group.name,
    programme: group.programmeId,
    sessions: plan.sessions.map((s) => ({
      number: s.number,
      programme: s.theme.programmeId,
      theme: s.theme.theme.id,
      title: s.theme.theme.title,
      date: s.date,
      start: s.start,
      end: s.end,
      startUtc: s.startUtc,
      endUtc: s.endUtc,
      durationMinutes: s.durationMinutes,
      location: s.location,
      cancelled: s.cancelled,
      moved: s.moved ? { from: s.moved.from, reason: s.moved.reason[lang] } : null,
      postponedFrom: s.postponed?.from ?? null,
      overridden: s.overridden,
      note: s.note ?? null,
      leaderInvited: s.leaderInvited,
      betweenSessions: s.betweenSessions,
    })),
    problems: plan.problems.map((p) => ({
      severity: p.severity,
      file: p.file,
      line: p.line,
      field: p.field,
      message: formatProblem(p, lang),
    })),
  };
}

export async function run(ctx: CliContext, groups: string[] = [], opts: ScheduleOptions = {}): Promise<number> {
  const { request, hooks } = fromContext(ctx);
  const root = workspaceRoot(ctx);
  const renamed = renameGuard(root);
  if (renamed.length) throw new InputError(renamed);
  const result = await runOutputs(
    root,
    {
      ...request,
      kinds: ['calendar'],
      only: groups,
      strict: !!opts.strict,
      perPerson: !!opts.perPerson,
      dryRun: !!opts.dryRun,
      force: !!opts.force,
      // Nothing is written when any group has an error, so a run never leaves
      // some groups issued and others not.
      allOrNothing: true,
      withPlan: true,
    },
    hooks,
  );
  if (result.interrupted)
    return printInterrupted(ctx, result.groups.filter((g) => g.status === 'built').length, 'schedule');
  const L = ctx.lang;

  // A group that could not even be loaded has no dates: then only the problems are shown.
  const allPlanned = result.groups.every((g) => g.plan || g.status === 'skipped');
  if (!opts.json && !ctx.quiet && allPlanned) {
    for (const { plan } of result.groups) {
      if (!plan) continue;
      for (const line of describePlan(plan, L)) ctx.out(line);
      ctx.out('');
    }
  }
  const problems = dedupe(result.groups.flatMap((g) => g.problems));
  if (hasErrors(problems)) throw new InputError(problems);
  printProblems(ctx, problems);
  const written = result.groups.filter((g) => g.status === 'built');

  if (opts.json) {
    const data = {
      timezone: result.settings.timezone,
      dryRun: !!opts.dryRun,
      groups: written.map((g) => ({
        ...planJson(g.plan!, L),
        invitations: g.outcomes,
        files: g.write.files,
      })),
    };
    ctx.out(JSON.stringify(data, null, 2));
    return 0;
  }

  const out = ctx.quiet ? () => {} : ctx.out;
  for (const g of written) {
    const lines = describeOutcomes(g.groupId, g.outcomes, L, { dryRun: !!opts.dryRun });
    // Nothing new in this run is not the same as nothing to send: the same
    // answer as `status`, from the state and the sent record.
    const waiting = opts.dryRun ? undefined : pendingText(root, g.groupId, result.settings.output);
    if (waiting && lines.at(-1)?.includes(L === 'nb' ? 'ingenting nytt å sende' : 'nothing new to send'))
      lines[lines.length - 1] = `  ${waiting[L]}`;
    for (const line of lines) out(line);
  }
  printWriteNotes(
    ctx,
    written.map((g) => g.write),
  );
  const count = (pick: (g: (typeof written)[number]) => number) => written.reduce((n, g) => n + pick(g), 0);
  const wouldWrite = count((g) => g.write.files.filter((f) => f.outcome === 'planned').length);
  const unchanged = count((g) => g.write.unchanged.length);
  const files = count((g) => g.write.written.length);
  const output = result.settings.output;
  out(
    opts.dryRun
      ? t(
          `Prøvekjøring: ${wouldWrite} ${wouldWrite === 1 ? 'fil' : 'filer'} ville blitt skrevet, ${unchanged} er uendret. Ingenting er skrevet.`,
          `Dry run: ${wouldWrite} file${wouldWrite === 1 ? '' : 's'} would be written, ${unchanged} are unchanged. Nothing was written.`,
        )[L]
      : t(
          `${files} ${files === 1 ? 'fil' : 'filer'} skrevet, ${unchanged} uendret, under ${output}/.`,
          `${files} file${files === 1 ? '' : 's'} written, ${unchanged} unchanged, in ${output}/.`,
        )[L],
  );
  return 0;
}
