/**
 * Wall-clock times in a named zone (Europe/Oslo) to UTC instants and back,
 * using the platform's time-zone database through Intl. Nothing here reads the
 * machine's own TZ, so output is the same on every machine.
 *
 * Norway's clocks follow the EU's summer-time rule, and the first
 * Intl.DateTimeFormat of a process costs ~20 ms of ICU start-up, a tenth of
 * `refleks validate`. So for Europe/Oslo in the years the rule has held and
 * is expected to hold, the offset is computed from the rule; any other zone or
 * year asks Intl. tests/unit/zoned-time.test.ts compares the rule with Intl
 * around every transition of those years, so a change in the time-zone
 * database (the EU ending summer time) fails the tests instead of passing by.
 */

const HOUR = 36e5;

/** Zones on the EU rule, with their standard offset from UTC. */
const EU_RULE_ZONES = new Map<string, number>([['Europe/Oslo', HOUR]]);
export const EU_RULE_YEARS = { from: 1996, to: 2037 } as const;

/** Whether `zone` is one the rule covers, so it needs no check against Intl. */
export function isRuleZone(zone: string): boolean {
  return EU_RULE_ZONES.has(zone);
}

/** 01:00 UTC on the last Sunday of a month (0-based): when EU clocks change. */
function lastSundayAt1Utc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/** The zone's offset at an instant by the EU rule (summer time from the last Sunday of March to the last of October), or undefined where the rule does not decide. */
export function ruleOffset(instant: number, zone: string): number | undefined {
  const standard = EU_RULE_ZONES.get(zone);
  if (standard === undefined || !Number.isFinite(instant)) return undefined;
  const year = new Date(instant).getUTCFullYear();
  if (year < EU_RULE_YEARS.from || year > EU_RULE_YEARS.to) return undefined;
  return instant >= lastSundayAt1Utc(year, 2) && instant < lastSundayAt1Utc(year, 9) ? standard + HOUR : standard;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

export interface WallTime {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
}

/** The wall-clock date and time in `zone` at an instant. */
export function toWallTime(instant: number, zone: string): WallTime {
  const offset = ruleOffset(instant, zone);
  if (offset !== undefined) {
    const iso = new Date(instant + offset).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
  }
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const w = toWallTime(instant, zone);
  const asUtc = Date.UTC(
    +w.date.slice(0, 4),
    +w.date.slice(5, 7) - 1,
    +w.date.slice(8, 10),
    +w.time.slice(0, 2),
    +w.time.slice(3, 5),
  );
  return asUtc - Math.floor(instant / 60000) * 60000;
}

/**
 * The UTC instant of a wall-clock time in a zone, or `undefined` when that
 * time does not exist there (the spring-forward gap). In the autumn, when a
 * time occurs twice, the first occurrence wins, as calendar clients do.
 */
export function zonedToUtc(date: string, time: string, zone: string): number | undefined {
  const naive = Date.UTC(
    +date.slice(0, 4),
    +date.slice(5, 7) - 1,
    +date.slice(8, 10),
    +time.slice(0, 2),
    +time.slice(3, 5),
  );
  const candidates = new Set<number>();
  for (const probe of [naive - 36e5 * 14, naive, naive + 36e5 * 14]) {
    candidates.add(naive - offsetAt(probe - offsetAt(probe, zone), zone));
  }
  const matches = [...candidates].filter((c) => {
    const w = toWallTime(c, zone);
    return w.date === date && w.time === time;
  });
  return matches.length ? Math.min(...matches) : undefined;
}

/** `YYYY-MM-DD` plus a number of days, in plain calendar arithmetic. */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + days));
  return d.toISOString().slice(0, 10);
}

/** Day of the week, 0 = Monday … 6 = Sunday. */
export function weekday(date: string): number {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
  return (d.getUTCDay() + 6) % 7;
}

/** `HH:MM` plus minutes, wrapping at midnight (agenda arithmetic). */
export function addMinutes(time: string, minutes: number): string {
  const total = (((+time.slice(0, 2) * 60 + +time.slice(3, 5) + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
