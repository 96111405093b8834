/**
 * A group's session plan: dates, times in the workspace's zone, holiday and
 * blackout moves, overrides and cancellations. Pure: group and settings in,
 * plan and problems out.
 */
import type { Group, GroupTheme, Location, WorkspaceSettings } from './model.js';
import type { Problem } from './problems.js';
import { formatDate } from './format-date.js';
import { publicHoliday } from './holidays.js';
import { t, type Text } from './text.js';
import { addDays, toWallTime, weekday, zonedToUtc } from './zoned-time.js';

export interface PlannedSession {
  /** 1-based. */
  number: number;
  theme: GroupTheme;
  /** Local date and times in the workspace's zone. */
  date: string;
  start: string;
  end: string;
  /** UTC instants, ISO 8601 with `Z`. */
  startUtc: string;
  endUtc: string;
  durationMinutes: number;
  location: Location;
  cancelled: boolean;
  /** Set when a holiday or blackout moved the session. */
  moved?: { from: string; reason: Text };
  /** Set when the group file postponed this session; `from` is the date it had before. */
  postponed?: { from: string };
  /** The group file changed this session's date, time or place. */
  overridden: boolean;
  note?: string;
  leaderInvited: boolean;
  /**
   * Between-session work (egenarbeid) handed out after this session; empty
   * after the last session held and for a cancelled one, which hands nothing out.
   */
  betweenSessions: string[];
  /** What participants prepare for this session: the work handed out at the last session held before it. */
  preparation: string[];
}

export interface GroupPlan {
  group: Group;
  sessions: PlannedSession[];
  problems: Problem[];
}

export interface PlanOptions {
  /** Refuse to move sessions off holidays and blackouts: report an error instead. */
  strict?: boolean;
}

/** Why a date cannot hold a session, if it cannot. */
export function dateConflict(date: string, settings: Pick<WorkspaceSettings, 'blackouts'>): Text | undefined {
  const holiday = publicHoliday(date);
  if (holiday) return holiday;
  const blackout = settings.blackouts.find((b) => b.from <= date && date <= b.to);
  return blackout ? { nb: blackout.name, en: blackout.name } : undefined;
}

/** How many weeks later a session must move to leave holidays and blackouts. */
const MAX_WEEKS_MOVED = 26;

export function planGroup(group: Group, settings: WorkspaceSettings, opts: PlanOptions = {}): GroupPlan {
  const problems: Problem[] = [];
  const where = (key: string) => ({
    file: group.source.display,
    ...(group.positions[key] ?? group.positions[key.replace(/\.[a-z]+$/, '')] ?? {}),
  });
  const sessions: PlannedSession[] = [];
  let shiftWeeks = 0;
  const count = group.themes.length;

  if (weekday(group.start) >= 5) {
    problems.push({
      severity: 'warning',
      ...where('start'),
      field: 'start',
      message: t(
        `første samling er på en helgedag: ${formatDate(group.start, 'nb')}`,
        `the first session is on a weekend day: ${formatDate(group.start, 'en')}`,
      ),
    });
  }

  for (let number = 1; number <= count; number++) {
    const override = group.overrides.get(number);
    let postponed: PlannedSession['postponed'];
    if (override?.postponed && !override.cancelled) {
      // The theme takes the next slot and every later session follows it, so
      // the course ends one interval later; numbers (and calendar UIDs) stay.
      postponed = { from: addDays(group.start, 7 * ((number - 1) * group.intervalWeeks + shiftWeeks)) };
      shiftWeeks += group.intervalWeeks;
    }
    const planned = addDays(group.start, 7 * ((number - 1) * group.intervalWeeks + shiftWeeks));
    let date = override?.date ?? planned;
    let moved: PlannedSession['moved'];
    const conflict = dateConflict(date, settings);
    if (conflict && override?.date) {
      problems.push({
        severity: 'warning',
        ...where(`sessions.${number}.date`),
        field: `sessions.${number}.date`,
        message: t(
          `samling ${number} er lagt til ${formatDate(date, 'nb')}, som er ${conflict.nb}`,
          `session ${number} is set on ${formatDate(date, 'en')}, which is ${conflict.en}`,
        ),
      });
    } else if (conflict && !override?.cancelled) {
      if (opts.strict) {
        problems.push({
          severity: 'error',
          ...where('start'),
          field: 'start',
          message: t(
            `samling ${number} faller på ${formatDate(date, 'nb')}: ${conflict.nb}`,
            `session ${number} falls on ${formatDate(date, 'en')}: ${conflict.en}`,
          ),
          hint: t(
            'Velg en annen dato med sessions: { ' +
              number +
              ': { date: … } }, eller kjør uten --strict for å flytte den automatisk.',
            'Choose another date with sessions: { ' +
              number +
              ': { date: … } }, or run without --strict to move it automatically.',
          ),
        });
      } else {
        let weeks = 0;
        while (dateConflict(date, settings) && weeks < MAX_WEEKS_MOVED) {
          date = addDays(date, 7);
          weeks++;
        }
        shiftWeeks += weeks;
        moved = { from: planned, reason: conflict };
      }
    }
    const start = override?.time ?? group.time;
    const durationMinutes = override?.durationMinutes ?? group.durationMinutes;
    const startUtc = zonedToUtc(date, start, settings.timezone);
    if (startUtc === undefined) {
      problems.push({
        severity: 'error',
        ...where(override?.time ? `sessions.${number}.time` : 'time'),
        field: override?.time ? `sessions.${number}.time` : 'time',
        message: t(
          `klokken ${start} finnes ikke ${formatDate(date, 'nb')} i ${settings.timezone}: klokken stilles fram til sommertid den natten (samling ${number})`,
          `${start} does not exist on ${formatDate(date, 'en')} in ${settings.timezone}: clocks go forward that night (session ${number})`,
        ),
        hint: t(
          'Velg et klokkeslett utenfor overgangen, for eksempel en time senere.',
          'Choose a time outside the change, e.g. an hour later.',
        ),
      });
      continue;
    }
    const endInstant = startUtc + durationMinutes * 60000;
    const endWall = toWallTime(endInstant, settings.timezone);
    const theme = group.themes[number - 1]!;
    sessions.push({
      number,
      theme,
      date,
      start,
      end: endWall.time,
      startUtc: new Date(startUtc).toISOString().replace('.000Z', 'Z'),
      endUtc: new Date(endInstant).toISOString().replace('.000Z', 'Z'),
      durationMinutes,
      location: override?.location ?? group.location,
      cancelled: override?.cancelled ?? false,
      ...(moved ? { moved } : {}),
      ...(postponed && !override?.date ? { postponed } : {}),
      overridden: !!(override?.date || override?.time || override?.location || override?.durationMinutes),
      ...(override?.note ? { note: override.note } : {}),
      leaderInvited: group.leaderSessions.includes(number),
      betweenSessions: theme.theme.betweenSessions,
      preparation: [],
    });
  }

  // Work is handed out at a session that is held, for the next one that is
  // held: a cancelled session hands out nothing, and the session after it
  // prepares with what the last one held handed out.
  let handedOut: string[] = [];
  const lastHeld = [...sessions].reverse().find((s) => !s.cancelled);
  for (const s of sessions) {
    if (s.cancelled) {
      s.betweenSessions = [];
      continue;
    }
    s.preparation = handedOut;
    if (s === lastHeld) s.betweenSessions = [];
    handedOut = s.betweenSessions;
  }

  const active = sessions.filter((s) => !s.cancelled);
  for (let i = 1; i < active.length; i++) {
    if (active[i]!.startUtc <= active[i - 1]!.startUtc) {
      const s = active[i]!;
      problems.push({
        severity: 'warning',
        ...where(`sessions.${s.number}.date`),
        field: `sessions.${s.number}`,
        message: t(
          `samling ${s.number} (${formatDate(s.date, 'nb')}) kommer ikke etter samling ${active[i - 1]!.number}`,
          `session ${s.number} (${formatDate(s.date, 'en')}) does not come after session ${active[i - 1]!.number}`,
        ),
      });
    }
  }
  return { group, sessions, problems };
}
