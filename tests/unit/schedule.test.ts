import { describe, expect, it } from 'vitest';
import { publicHoliday } from '../../src/core/holidays.js';
import { planGroup } from '../../src/core/schedule.js';
import { group, settings } from './calendar-fixture.js';

// Dates from the Norwegian almanac (Easter Sunday: 2025-04-20, 2026-04-05,
// 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21), written out by hand rather
// than computed, so the test does not share an Easter algorithm with the code.
const EASTER_DEPENDENT: Record<number, Record<string, string>> = {
  2025: {
    skjaertorsdag: '2025-04-17',
    langfredag: '2025-04-18',
    paaske1: '2025-04-20',
    paaske2: '2025-04-21',
    himmelfart: '2025-05-29',
    pinse1: '2025-06-08',
    pinse2: '2025-06-09',
  },
  2026: {
    skjaertorsdag: '2026-04-02',
    langfredag: '2026-04-03',
    paaske1: '2026-04-05',
    paaske2: '2026-04-06',
    himmelfart: '2026-05-14',
    pinse1: '2026-05-24',
    pinse2: '2026-05-25',
  },
  2027: {
    skjaertorsdag: '2027-03-25',
    langfredag: '2027-03-26',
    paaske1: '2027-03-28',
    paaske2: '2027-03-29',
    himmelfart: '2027-05-06',
    pinse1: '2027-05-16',
    pinse2: '2027-05-17',
  },
  2028: {
    skjaertorsdag: '2028-04-13',
    langfredag: '2028-04-14',
    paaske1: '2028-04-16',
    paaske2: '2028-04-17',
    himmelfart: '2028-05-25',
    pinse1: '2028-06-04',
    pinse2: '2028-06-05',
  },
  2029: {
    skjaertorsdag: '2029-03-29',
    langfredag: '2029-03-30',
    paaske1: '2029-04-01',
    paaske2: '2029-04-02',
    himmelfart: '2029-05-10',
    pinse1: '2029-05-20',
    pinse2: '2029-05-21',
  },
  2030: {
    skjaertorsdag: '2030-04-18',
    langfredag: '2030-04-19',
    paaske1: '2030-04-21',
    paaske2: '2030-04-22',
    himmelfart: '2030-05-30',
    pinse1: '2030-06-09',
    pinse2: '2030-06-10',
  },
};
const NAMES: Record<string, RegExp> = {
  skjaertorsdag: /skjærtorsdag/i,
  langfredag: /langfredag/i,
  paaske1: /første påskedag/i,
  paaske2: /andre påskedag/i,
  himmelfart: /kristi himmelfartsdag/i,
  pinse1: /første pinsedag/i,
  pinse2: /andre pinsedag/i,
};

describe('Norwegian public holidays', () => {
  for (const [year, days] of Object.entries(EASTER_DEPENDENT)) {
    it(`knows the Easter-dependent holidays of ${year}`, () => {
      for (const [key, date] of Object.entries(days)) {
        expect(publicHoliday(date)?.nb, `${key} ${date}`).toMatch(NAMES[key]!);
        // The day before Maundy Thursday and the day after Whit Monday are ordinary days.
      }
      const before = new Date(`${days.skjaertorsdag}T12:00:00Z`);
      before.setUTCDate(before.getUTCDate() - 1);
      expect(publicHoliday(before.toISOString().slice(0, 10))).toBeUndefined();
      const after = new Date(`${days.pinse2}T12:00:00Z`);
      after.setUTCDate(after.getUTCDate() + 1);
      expect(publicHoliday(after.toISOString().slice(0, 10))).toBeUndefined();
    });
  }

  it('knows the fixed public holidays and leaves out observances', () => {
    expect(publicHoliday('2027-01-01')?.nb).toMatch(/nyttårsdag/i);
    expect(publicHoliday('2027-05-01')).toBeDefined();
    expect(publicHoliday('2028-05-17')?.nb).toMatch(/grunnlovsdag/i);
    expect(publicHoliday('2027-12-25')?.nb).toMatch(/første juledag/i);
    expect(publicHoliday('2027-12-26')?.nb).toMatch(/andre juledag/i);
    // Julaften, nyttårsaften and påskeaften are not public holidays.
    expect(publicHoliday('2027-12-24')).toBeUndefined();
    expect(publicHoliday('2027-12-31')).toBeUndefined();
    expect(publicHoliday('2027-03-27')).toBeUndefined();
  });

  it('falls back to the library outside the generated years', () => {
    expect(publicHoliday('2105-05-17')?.nb).toMatch(/grunnlovsdag/i);
    expect(publicHoliday('2105-05-18')).toBeUndefined();
  });
});

describe('planGroup', () => {
  it('keeps 13.00 local time on both sides of the change to summer time', () => {
    // Weekly on Tuesdays across Sunday 28 March 2027.
    const plan = planGroup(group({ start: '2027-03-16', intervalWeeks: 1, count: 4 }), settings());
    expect(plan.problems).toEqual([]);
    expect(plan.sessions.map((s) => [s.date, s.start, s.end])).toEqual([
      ['2027-03-16', '13:00', '15:00'],
      ['2027-03-23', '13:00', '15:00'],
      ['2027-03-30', '13:00', '15:00'],
      ['2027-04-06', '13:00', '15:00'],
    ]);
    expect(plan.sessions.map((s) => s.startUtc)).toEqual([
      '2027-03-16T12:00:00Z',
      '2027-03-23T12:00:00Z',
      '2027-03-30T11:00:00Z',
      '2027-04-06T11:00:00Z',
    ]);
    expect(plan.sessions.map((s) => s.endUtc)).toEqual([
      '2027-03-16T14:00:00Z',
      '2027-03-23T14:00:00Z',
      '2027-03-30T13:00:00Z',
      '2027-04-06T13:00:00Z',
    ]);
  });

  it('keeps local time across the change back to winter time', () => {
    const plan = planGroup(group({ start: '2027-10-26', intervalWeeks: 1, count: 2 }), settings());
    expect(plan.sessions.map((s) => s.startUtc)).toEqual(['2027-10-26T11:00:00Z', '2027-11-02T12:00:00Z']);
  });

  it('refuses a start time that does not exist on the night clocks go forward, naming the date', () => {
    // Sunday 26 March 2028 (not 2027: 28 March 2027 is Easter Sunday and would move).
    const plan = planGroup(group({ start: '2028-03-26', time: '02:30', intervalWeeks: 1, count: 1 }), settings());
    const errors = plan.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message.nb).toContain('søndag 26. mars 2028');
    expect(errors[0]!.message.nb).toContain('02:30');
    expect(errors[0]!.field).toBe('time');
  });

  it('moves a session off Kristi himmelfartsdag to the same weekday a week later, and later sessions keep their spacing', () => {
    // Thursdays every two weeks from 22 April 2027; 6 May 2027 is Ascension Day.
    const plan = planGroup(group({ start: '2027-04-22', time: '14:30' }), settings());
    expect(plan.problems).toEqual([]);
    expect(plan.sessions.map((s) => s.date)).toEqual([
      '2027-04-22',
      '2027-05-13',
      '2027-05-27',
      '2027-06-10',
      '2027-06-24',
    ]);
    const moved = plan.sessions[1]!;
    expect(moved.moved?.from).toBe('2027-05-06');
    expect(moved.moved?.reason.nb).toBe('Kristi himmelfartsdag');
    expect(plan.sessions.filter((s) => s.moved)).toHaveLength(1);
  });

  it('moves a session off 17 May', () => {
    // Wednesdays, weekly, from 10 May 2028; 17 May 2028 is a Wednesday.
    const plan = planGroup(group({ start: '2028-05-10', intervalWeeks: 1, count: 3 }), settings());
    expect(plan.sessions.map((s) => s.date)).toEqual(['2028-05-10', '2028-05-24', '2028-05-31']);
    expect(plan.sessions[1]!.moved).toEqual({
      from: '2028-05-17',
      reason: expect.objectContaining({ nb: 'grunnlovsdagen' }),
    });
  });

  it('moves past a whole blackout period and names it', () => {
    const plan = planGroup(
      group({ start: '2027-06-29', intervalWeeks: 1, count: 2 }),
      settings({ blackouts: [{ name: 'Fellesferie', from: '2027-07-05', to: '2027-08-01' }] }),
    );
    expect(plan.sessions.map((s) => s.date)).toEqual(['2027-06-29', '2027-08-03']);
    expect(plan.sessions[1]!.moved).toEqual({ from: '2027-07-06', reason: { nb: 'Fellesferie', en: 'Fellesferie' } });
  });

  it('with strict, a holiday is an error naming the date and the holiday, and nothing moves', () => {
    const plan = planGroup(group({ start: '2027-04-22' }), settings(), { strict: true });
    const errors = plan.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message.nb).toContain('torsdag 6. mai 2027');
    expect(errors[0]!.message.nb).toContain('Kristi himmelfartsdag');
    expect(plan.sessions.some((s) => s.moved)).toBe(false);
  });

  it('lets an override win: own date, time, place; no automatic move for a chosen date', () => {
    const plan = planGroup(
      group({
        sessions: {
          2: { date: '2027-01-28', time: '09:00', durationMinutes: 90, location: { text: 'Rådhuset' } },
          4: { date: '2027-05-17' },
        },
      }),
      settings(),
    );
    const s2 = plan.sessions[1]!;
    expect([s2.date, s2.start, s2.end, s2.location.text, s2.overridden]).toEqual([
      '2027-01-28',
      '09:00',
      '10:30',
      'Rådhuset',
      true,
    ]);
    expect(s2.startUtc).toBe('2027-01-28T08:00:00Z');
    // A date the coordinator chose stays, with a warning, even on 17 May.
    expect(plan.sessions[3]!.date).toBe('2027-05-17');
    expect(plan.sessions[3]!.moved).toBeUndefined();
    expect(plan.problems.map((p) => [p.severity, p.field])).toContainEqual(['warning', 'sessions.4.date']);
    // Sessions without an override keep the regular rhythm.
    expect(plan.sessions[2]!.date).toBe('2027-02-09');
    expect(plan.sessions[4]!.date).toBe('2027-03-09');
  });

  it('keeps a cancelled session in the plan, marked, without moving it', () => {
    const plan = planGroup(group({ start: '2027-04-22', sessions: { 2: { cancelled: true } } }), settings());
    expect(plan.sessions[1]).toMatchObject({ number: 2, cancelled: true, date: '2027-05-06' });
    expect(plan.sessions[1]!.moved).toBeUndefined();
    expect(plan.sessions.map((s) => s.date)).toEqual([
      '2027-04-22',
      '2027-05-06',
      '2027-05-20',
      '2027-06-03',
      '2027-06-17',
    ]);
  });

  it("invites the leader only to the marked sessions and hands out each theme's between-session work", () => {
    const plan = planGroup(group(), settings());
    expect(plan.sessions.map((s) => s.leaderInvited)).toEqual([true, false, true, false, true]);
    expect(plan.sessions[0]!.betweenSessions).toEqual(['Egenarbeid etter tema 1']);
    expect(plan.sessions[4]!.betweenSessions).toEqual([]);
  });
});
