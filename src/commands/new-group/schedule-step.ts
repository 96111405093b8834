/**
 * Step 5 of `refleks new-group`: the first session's date (warning about
 * holidays, blackouts and weekends), the start time, the length and the weeks
 * between sessions, the last three defaulting to the programme's.
 */
import { formatDate } from '../../core/format-date.js';
import type { Programme, WorkspaceSettings } from '../../core/model.js';
import { dateConflict } from '../../core/schedule.js';
import { addDays, weekday } from '../../core/zoned-time.js';
import { clockTime, FAIL, isoDate, type Ctx } from '../../load/schema.js';
import { valueFromFlagOrAsk, type WizardState } from './wizard-state.js';
import { t } from '../../core/text.js';

export interface ScheduleAnswer {
  start: string;
  time: string;
  duration: number;
  intervalWeeks: number;
}

export async function chooseSchedule(s: WizardState, base: Programme): Promise<ScheduleAnswer> {
  const { ctx } = s;
  const start = await chooseStart(s);

  // «13.00» is how Norwegians write a time; take it as 13:00.
  const dotted = (v: string) => v.trim().replace(/^(\d{1,2})\.(\d{2})$/, '$1:$2');
  const timeIssue = (v: string): string | undefined => {
    const c: Ctx = { issues: [] };
    if (clockTime().parse(dotted(v), [], c) !== FAIL) return undefined;
    const issue = c.issues[0]!;
    return `${issue.message[ctx.lang]}${issue.hint ? ` ${issue.hint[ctx.lang]}` : ''}`;
  };
  const normTime = (v: string) => {
    const c: Ctx = { issues: [] };
    return clockTime().parse(dotted(v), [], c) as string;
  };
  const intIssue = (v: string, min: number, max: number): string | undefined =>
    /^\s*\d+\s*$/.test(v) && +v >= min && +v <= max
      ? undefined
      : t(`Skriv et helt tall fra ${min} til ${max}.`, `Type a whole number from ${min} to ${max}.`)[ctx.lang];

  const time = normTime(
    await valueFromFlagOrAsk(s, {
      flag: s.opts.time,
      flagName: '--time',
      message: t('Starttidspunkt (TT:MM):', 'Start time (HH:MM):')[ctx.lang],
      default: '13:00',
      issue: timeIssue,
    }),
  );
  const duration = +(await valueFromFlagOrAsk(s, {
    flag: s.opts.duration,
    flagName: '--duration',
    message: t('Varighet i minutter:', 'Length in minutes:')[ctx.lang],
    default: String(base.sessions.durationMinutes),
    issue: (v) => intIssue(v, 15, 600),
  }));
  const intervalWeeks = +(await valueFromFlagOrAsk(s, {
    flag: s.opts.interval,
    flagName: '--interval',
    message: t('Uker mellom samlingene:', 'Weeks between sessions:')[ctx.lang],
    default: String(base.sessions.intervalWeeks),
    issue: (v) => intIssue(v, 1, 12),
  }));
  return { start, time, duration, intervalWeeks };
}

/** --start, or asked with a suggestion; a date that needs a warning is confirmed when asked. */
async function chooseStart({ ctx, opts, deps, settings, prompter, say, usage }: WizardState): Promise<string> {
  const dateIssue = (v: string): string | undefined => {
    const c: Ctx = { issues: [] };
    if (isoDate().parse(v.trim(), [], c) !== FAIL) return undefined;
    const issue = c.issues[0]!;
    return `${issue.message[ctx.lang]}${issue.hint ? `. ${issue.hint[ctx.lang]}` : ''}`;
  };
  const dateWarning = (date: string): string | undefined => {
    const conflict = dateConflict(date, settings);
    if (conflict)
      return t(
        `${formatDate(date, 'nb')} er ${conflict.nb}; samlingen flyttes da en uke senere`,
        `${formatDate(date, 'en')} is ${conflict.en}; the session would move a week later`,
      )[ctx.lang];
    if (weekday(date) >= 5)
      return t(`${formatDate(date, 'nb')} er en helgedag`, `${formatDate(date, 'en')} is a weekend day`)[ctx.lang];
    return undefined;
  };
  if (opts.start !== undefined) {
    const issue = dateIssue(opts.start);
    if (issue) throw usage(`--start: ${issue}`, `--start: ${issue}`);
    const start = opts.start.trim();
    const warn = dateWarning(start);
    if (warn) ctx.err(`${t('advarsel', 'warning')[ctx.lang]}: ${warn}`);
    return start;
  }
  const suggestion = suggestStart(deps.today ?? todayIn(settings.timezone), settings);
  for (;;) {
    const start = (
      await prompter!.input({
        message: t('Første samling (ÅÅÅÅ-MM-DD):', 'First session (YYYY-MM-DD):')[ctx.lang],
        default: suggestion,
        validate: (v) => dateIssue(v) ?? true,
        transformer: (v) => (dateIssue(v) ? v : `${v}  (${formatDate(v.trim(), ctx.lang)})`),
      })
    ).trim();
    const warn = dateWarning(start);
    say(`  → ${formatDate(start, ctx.lang)}`);
    if (!warn) return start;
    say(`  ${t('Merk', 'Note')[ctx.lang]}: ${warn}.`);
    if (
      await prompter!.confirm({
        message: t('Bruke denne datoen likevel?', 'Use this date anyway?')[ctx.lang],
        default: false,
      })
    )
      return start;
  }
}

function todayIn(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** Two weeks from today, on the first weekday that is neither a holiday nor in a blackout. */
export function suggestStart(today: string, settings: Pick<WorkspaceSettings, 'blackouts'>): string {
  let d = addDays(today, 14);
  for (let i = 0; i < 120 && (weekday(d) >= 5 || dateConflict(d, settings)); i++) d = addDays(d, 1);
  return d;
}
