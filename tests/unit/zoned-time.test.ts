import { describe, expect, it } from 'vitest';
import { EU_RULE_YEARS, isRuleZone, ruleOffset, toWallTime, zonedToUtc } from '../../src/core/zoned-time.js';

const HOUR = 36e5;
const ZONE = 'Europe/Oslo';

/** What the platform's time-zone database says, the way zoned-time asked before the rule. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function intlWall(instant: number, zone = ZONE): string {
  let f = formatters.get(zone);
  if (!f)
    formatters.set(
      zone,
      (f = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })),
    );
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(instant))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The instants where Intl's offset for the zone changes during a year, found by daily steps and bisection. */
function intlTransitions(year: number): number[] {
  const offset = (t: number) => Date.parse(intlWall(t).replace(' ', 'T') + 'Z') - Math.floor(t / 60000) * 60000;
  const found: number[] = [];
  const DAY = 24 * HOUR;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY) {
    if (offset(t) === offset(t + DAY)) continue;
    let [lo, hi] = [t, t + DAY];
    while (hi - lo > 60000) {
      const mid = lo + Math.floor((hi - lo) / 120000) * 60000;
      if (offset(mid) === offset(lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

describe('Europe/Oslo by the EU rule', () => {
  it('agrees with the time-zone database on every transition and the hours around it', () => {
    for (let year = EU_RULE_YEARS.from; year <= EU_RULE_YEARS.to; year++) {
      const transitions = intlTransitions(year);
      // Two a year: if the EU stops changing clocks, this fails and the rule must go.
      expect(transitions, String(year)).toHaveLength(2);
      for (const at of transitions) {
        for (const t of [at - HOUR, at - 60000, at, at + 60000, at + HOUR]) {
          expect(ruleOffset(t, ZONE), new Date(t).toISOString()).toBeDefined();
          const w = toWallTime(t, ZONE);
          expect(`${w.date} ${w.time}`, new Date(t).toISOString()).toBe(intlWall(t));
        }
      }
      // And the middle of winter and summer.
      for (const t of [Date.UTC(year, 0, 15, 12), Date.UTC(year, 6, 15, 12), Date.UTC(year, 11, 31, 23, 30)]) {
        const w = toWallTime(t, ZONE);
        expect(`${w.date} ${w.time}`).toBe(intlWall(t));
      }
    }
  });

  it('converts wall times the way calendar clients do: the gap does not exist, the repeated hour is the first', () => {
    expect(zonedToUtc('2027-03-28', '02:30', ZONE)).toBeUndefined();
    expect(new Date(zonedToUtc('2027-03-28', '03:00', ZONE)!).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(new Date(zonedToUtc('2027-10-31', '02:30', ZONE)!).toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(new Date(zonedToUtc('2027-01-12', '13:00', ZONE)!).toISOString()).toBe('2027-01-12T12:00:00.000Z');
  });

  it('leaves other zones and years to Intl', () => {
    expect(isRuleZone('Europe/Stockholm')).toBe(false);
    expect(ruleOffset(Date.UTC(2027, 5, 1), 'America/New_York')).toBeUndefined();
    expect(ruleOffset(Date.UTC(EU_RULE_YEARS.to + 1, 5, 1), ZONE)).toBeUndefined();
    const t = Date.UTC(1985, 8, 20, 12);
    const w = toWallTime(t, ZONE);
    expect(`${w.date} ${w.time}`).toBe(intlWall(t));
    const ny = toWallTime(Date.UTC(2027, 5, 1, 12), 'America/New_York');
    expect(ny).toEqual({ date: '2027-06-01', time: '08:00' });
  });
});
