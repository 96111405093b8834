/**
 * `refleks schedule [group…]`: the session dates as people read them, what
 * moved and why, and the calendar files (invitations + kalender.ics) with the
 * state that lets the next run update instead of duplicate.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { openWorkspace, printProblems, type CliContext } from './support/context.js';
import { calendarFiles, type CalendarResult } from '../core/calendar/index.js';
import { describeOutcomes, describePlan } from '../core/calendar/describe.js';
import { formatProblem, hasErrors, InputError, type Problem } from '../core/problems.js';
import { planGroup, type GroupPlan } from '../core/schedule.js';
import { t } from '../core/text.js';
import { calendarIssueTime, calendarStatePath, DamagedStateError, readCalendarState, writeCalendarState } from '../io/calendar-state.js';
import { writeOutputs, type WriteReport } from '../io/write-outputs.js';
import { VERSION } from '../version.js';
import type { CalendarState } from '../core/calendar/state.js';

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
    problems: plan.problems.map((p) => ({ severity: p.severity, file: p.file, line: p.line, field: p.field, message: formatProblem(p, lang) })),
  };
}

export function run(ctx: CliContext, groups: string[] = [], opts: ScheduleOptions = {}): number {
  const ws = openWorkspace(ctx, { only: groups });
  const L = ctx.lang;
  const plans = ws.groups.map((g) => planGroup(g, ws.settings, { strict: !!opts.strict }));
  const problems = plans.flatMap((p) => p.problems);

  if (!opts.json && !ctx.quiet) {
    for (const plan of plans) {
      for (const line of describePlan(plan, L)) ctx.out(line);
      ctx.out('');
    }
  }
  // Nothing is written when any group has an error, so a run never leaves
  // some groups issued and others not.
  if (hasErrors(problems)) throw new InputError(problems);
  printProblems(ctx, problems);

  // Read every state before writing anything: a damaged one stops the run.
  const states = new Map<string, CalendarState | undefined>();
  const damaged: Problem[] = [];
  for (const plan of plans) {
    try {
      states.set(plan.group.id, readCalendarState(ws.root, plan.group.id));
    } catch (err) {
      if (!(err instanceof DamagedStateError)) throw err;
      damaged.push({
        severity: 'error',
        file: relative(ws.root, calendarStatePath(ws.root, plan.group.id)),
        message: t('kalenderstatusen er skadet, så refleks vet ikke hva som er sendt før', 'the calendar state is damaged, so refleks does not know what was sent before'),
        hint: t(
          'Hent filen fra en sikkerhetskopi. Sletter du den, blir alle samlingene i gruppen sendt som nye invitasjoner.',
          'Restore it from a backup. If you delete it, every session of the group is issued as a new invitation.',
        ),
      });
    }
  }
  if (damaged.length) throw new InputError(damaged);

  const issuedAt = calendarIssueTime();
  const results: { plan: GroupPlan; result: CalendarResult; report: WriteReport }[] = [];
  for (const plan of plans) {
    const result = calendarFiles(ws, plan, states.get(plan.group.id), issuedAt, { lang: L, version: VERSION, perPerson: !!opts.perPerson });
    const report = writeOutputs(ws.root, result.files, { dryRun: !!opts.dryRun, force: !!opts.force });
    if (!opts.dryRun) {
      const json = JSON.stringify(result.state, null, 2) + '\n';
      let onDisk: string | undefined;
      try {
        onDisk = readFileSync(calendarStatePath(ws.root, plan.group.id), 'utf8');
      } catch {
        onDisk = undefined;
      }
      if (onDisk !== json) writeCalendarState(ws.root, result.state);
    }
    results.push({ plan, result, report });
  }

  if (opts.json) {
    const data = {
      timezone: ws.settings.timezone,
      dryRun: !!opts.dryRun,
      groups: results.map(({ plan, result, report }) => ({
        ...planJson(plan, L),
        invitations: result.outcomes,
        files: report.files,
      })),
    };
    ctx.out(JSON.stringify(data, null, 2));
    return 0;
  }

  const out = ctx.quiet ? () => {} : ctx.out;
  for (const { plan, result, report } of results) {
    for (const line of describeOutcomes(plan.group.id, result.outcomes, L, { dryRun: !!opts.dryRun })) out(line);
    for (const path of report.edited) {
      ctx.err(t(`advarsel: ${path} er endret for hånd og ble ikke overskrevet (bruk --force)`, `warning: ${path} was edited by hand and was not overwritten (use --force)`)[L]);
    }
  }
  const written = results.reduce((n, r) => n + r.report.written.length, 0);
  const planned = results.reduce((n, r) => n + r.report.files.filter((f) => f.outcome === 'planned').length, 0);
  const unchanged = results.reduce((n, r) => n + r.report.unchanged.length, 0);
  out(
    opts.dryRun
      ? t(`Prøvekjøring: ${planned} ${planned === 1 ? 'fil' : 'filer'} ville blitt skrevet, ${unchanged} er uendret. Ingenting er skrevet.`, `Dry run: ${planned} file${planned === 1 ? '' : 's'} would be written, ${unchanged} unchanged. Nothing was written.`)[L]
      : t(`${written} ${written === 1 ? 'fil' : 'filer'} skrevet, ${unchanged} uendret, under ${ws.settings.output}/.`, `${written} file${written === 1 ? '' : 's'} written, ${unchanged} unchanged, in ${ws.settings.output}/.`)[L],
  );
  return 0;
}
