import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFiles, type CalendarResult, type CalendarState } from '../../src/core/calendar/index.js';
import { describeOutcomes, describePlan } from '../../src/core/calendar/describe.js';
import { advanceState, sessionUid } from '../../src/core/calendar/state.js';
import type { Group } from '../../src/core/model.js';
import { planGroup } from '../../src/core/schedule.js';
import { assertWellFormed, group, workspace } from './calendar-fixture.js';

const T0 = new Date('2026-09-01T08:00:00Z');
const T1 = new Date('2026-10-01T08:00:00Z');

function run(
  g: Group,
  state?: CalendarState,
  at = T0,
  opts: { perPerson?: boolean; lang?: 'nb' | 'en'; reminderHours?: number } = {},
): CalendarResult {
  const ws = workspace([g], opts.reminderHours ? { reminderHours: opts.reminderHours } : {});
  const plan = planGroup(g, ws.settings);
  // The state goes through JSON as it does on disk.
  const prev = state ? (JSON.parse(JSON.stringify(state)) as CalendarState) : undefined;
  return calendarFiles(ws, plan, prev, at, { lang: opts.lang ?? 'nb', version: '9.9.9', perPerson: opts.perPerson });
}

function file(r: CalendarResult, path: string): string {
  const f = r.files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path} in ${r.files.map((x) => x.path).join(', ')}`);
  return String(f.bytes);
}

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent') };
}

const byPath = (r: CalendarResult) => Object.fromEntries(r.files.map((f) => [f.path, String(f.bytes)]));

describe('calendarFiles', () => {
  it('writes one REQUEST per session with exactly one event, organiser and attendees; the leader only where invited', () => {
    const r = run(group());
    expect(r.files.map((f) => f.path).sort()).toEqual([
      'ut/sone-nord/invitasjoner/samling-1.ics',
      'ut/sone-nord/invitasjoner/samling-2.ics',
      'ut/sone-nord/invitasjoner/samling-3.ics',
      'ut/sone-nord/invitasjoner/samling-4.ics',
      'ut/sone-nord/invitasjoner/samling-5.ics',
      'ut/sone-nord/kalender.ics',
    ]);
    for (const n of [1, 2, 3, 4, 5]) {
      const text = file(r, `ut/sone-nord/invitasjoner/samling-${n}.ics`);
      assertWellFormed(text);
      const { cal, events } = parse(text);
      expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
      expect(cal.getFirstPropertyValue('prodid')).toBe('-//refleks//refleks 9.9.9//NB');
      expect(events).toHaveLength(1);
      const ev = events[0]!;
      expect(ev.getFirstProperty('organizer')!.getParameter('cn')).toBe('Ola Arrangør');
      expect(ev.getFirstPropertyValue('organizer')).toBe('mailto:ola@testvik.kommune.no');
      const attendees = ev.getAllProperties('attendee').map((a) => [a.getParameter('cn'), a.getParameter('role')]);
      const expected: [string, string][] = [['Kari Nordmann', 'CHAIR']];
      if ([1, 3, 5].includes(n)) expected.push(['Per Leder', 'REQ-PARTICIPANT']);
      expected.push(['Ali Khan', 'REQ-PARTICIPANT'], ['Siri Ødegård', 'REQ-PARTICIPANT']);
      // «Uten Epost» has no address and is simply not an attendee.
      expect(attendees).toEqual(expected);
      expect(ev.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(ev.getFirstPropertyValue('sequence')).toBe(0);
      expect(String(ev.getFirstPropertyValue('dtstamp'))).toBe('2026-09-01T08:00:00Z');
      expect(ev.getFirstSubcomponent('valarm')).toBeTruthy();
    }
  });

  it('gives every event summary, description with what to prepare and where, location, categories and a reminder', () => {
    const g = group({ location: { text: 'Nettmøte', url: 'https://meet.example.org/abc' } });
    const ev = parse(file(run(g, undefined, T0, { reminderHours: 48 }), 'ut/sone-nord/invitasjoner/samling-2.ics'))
      .events[0]!;
    expect(ev.getFirstPropertyValue('summary')).toBe('Sone nord – samling 2: Tittel 2');
    const description = String(ev.getFirstPropertyValue('description'));
    expect(description).toContain('Sammendrag for tema 2.');
    // What to prepare is the previous theme's between-session work.
    expect(description).toContain('– Egenarbeid etter tema 1');
    expect(description).not.toContain('Egenarbeid etter tema 2');
    expect(description).toContain('Møtelenke: https://meet.example.org/abc');
    expect(ev.getFirstPropertyValue('location')).toBe('Nettmøte');
    expect(ev.getFirstPropertyValue('url')).toBe('https://meet.example.org/abc');
    expect(ev.getFirstProperty('categories')!.getValues()).toEqual(['Refleksjonsgruppe', 'Mestring']);
    const alarm = ev.getFirstSubcomponent('valarm')!;
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT48H');
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
  });

  it('writes kalender.ics as PUBLISH with every session that is not cancelled and no attendees', () => {
    const r = run(group({ sessions: { 4: { cancelled: true } } }));
    const text = file(r, 'ut/sone-nord/kalender.ics');
    assertWellFormed(text);
    const { cal, events } = parse(text);
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events.map((e) => e.getFirstPropertyValue('summary'))).toEqual(
      [1, 2, 3, 5].map((n) => `Sone nord – samling ${n}: Tittel ${n}`),
    );
    expect(text).not.toMatch(/^ATTENDEE/m);
    expect(events.every((e) => e.getFirstSubcomponent('valarm'))).toBe(true);
    // UIDs in the import calendar match the invitations, so both update the same event.
    const invitation = parse(file(r, 'ut/sone-nord/invitasjoner/samling-1.ics')).events[0]!;
    expect(events[0]!.getFirstPropertyValue('uid')).toBe(invitation.getFirstPropertyValue('uid'));
  });

  it('keeps 13.00 local across the last Sunday of March: 12:00Z before, 11:00Z after', () => {
    const r = run(group({ start: '2027-03-16', intervalWeeks: 1, count: 4 }));
    const starts = parse(file(r, 'ut/sone-nord/kalender.ics')).events.map((e) =>
      String(e.getFirstPropertyValue('dtstart')),
    );
    expect(starts).toEqual([
      '2027-03-16T12:00:00Z',
      '2027-03-23T12:00:00Z',
      '2027-03-30T11:00:00Z',
      '2027-04-06T11:00:00Z',
    ]);
    expect(file(r, 'ut/sone-nord/kalender.ics')).toContain('DTSTART:20270330T110000Z\r\n');
  });

  it('is byte-identical when re-run with nothing changed, even at a later issue time', () => {
    const first = run(group());
    const second = run(group(), first.state, T1);
    expect(byPath(second)).toEqual(byPath(first));
    expect(second.outcomes.map((o) => o.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(second.state).toEqual(first.state);
  });

  it('moving one session gives that session alone a higher SEQUENCE and a new DTSTAMP under the same UID', () => {
    const first = run(group());
    const second = run(group({ sessions: { 3: { date: '2027-02-11' } } }), first.state, T1);
    expect(second.outcomes.map((o) => o.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'changed',
      'unchanged',
      'unchanged',
    ]);
    const a = byPath(first);
    const b = byPath(second);
    const changed = Object.keys(b)
      .filter((p) => a[p] !== b[p])
      .sort();
    expect(changed).toEqual(['ut/sone-nord/invitasjoner/samling-3.ics', 'ut/sone-nord/kalender.ics']);
    const before = parse(a['ut/sone-nord/invitasjoner/samling-3.ics']!).events[0]!;
    const after = parse(b['ut/sone-nord/invitasjoner/samling-3.ics']!).events[0]!;
    expect(after.getFirstPropertyValue('uid')).toBe(before.getFirstPropertyValue('uid'));
    expect(after.getFirstPropertyValue('sequence')).toBe(1);
    expect(String(after.getFirstPropertyValue('dtstamp'))).toBe('2026-10-01T08:00:00Z');
    expect(String(after.getFirstPropertyValue('dtstart'))).toBe('2027-02-11T12:00:00Z');
    // A third run with the same move changes nothing more.
    const third = run(
      group({ sessions: { 3: { date: '2027-02-11' } } }),
      second.state,
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(byPath(third)).toEqual(b);
  });

  it('a new participant changes every invitation, each once', () => {
    const first = run(group());
    const g = group();
    g.participants.push({ name: 'Ny Deltaker', email: 'ny@testvik.kommune.no' });
    const second = run(g, first.state, T1);
    expect(second.outcomes.map((o) => [o.outcome, o.sequence])).toEqual([1, 2, 3, 4, 5].map(() => ['changed', 1]));
  });

  it('cancelling an issued session writes a CANCEL: same UID, SEQUENCE+1, STATUS:CANCELLED, organiser and attendees, no alarm', () => {
    const first = run(group());
    const second = run(group({ sessions: { 2: { cancelled: true } } }), first.state, T1);
    expect(second.outcomes.find((o) => o.number === 2)).toMatchObject({ outcome: 'cancelled', sequence: 1 });
    const text = file(second, 'ut/sone-nord/invitasjoner/samling-2.ics');
    assertWellFormed(text);
    const { cal, events } = parse(text);
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(events).toHaveLength(1);
    const ev = events[0]!;
    const was = parse(file(first, 'ut/sone-nord/invitasjoner/samling-2.ics')).events[0]!;
    expect(ev.getFirstPropertyValue('uid')).toBe(was.getFirstPropertyValue('uid'));
    expect(ev.getFirstPropertyValue('sequence')).toBe(1);
    expect(ev.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ev.getFirstPropertyValue('organizer')).toBe('mailto:ola@testvik.kommune.no');
    expect(ev.getAllProperties('attendee').map((a) => a.getParameter('cn'))).toEqual([
      'Kari Nordmann',
      'Ali Khan',
      'Siri Ødegård',
    ]);
    expect(ev.getFirstSubcomponent('valarm')).toBeNull();
    expect(String(ev.getFirstPropertyValue('dtstamp'))).toBe('2026-10-01T08:00:00Z');
    // Re-running keeps the cancellation as it was.
    const third = run(group({ sessions: { 2: { cancelled: true } } }), second.state, new Date('2026-12-01T00:00:00Z'));
    expect(third.outcomes.find((o) => o.number === 2)!.outcome).toBe('already-cancelled');
    expect(byPath(third)).toEqual(byPath(second));
  });

  it('a session cancelled before it was ever issued gets no invitation at all', () => {
    const r = run(group({ sessions: { 2: { cancelled: true } } }));
    expect(r.files.map((f) => f.path)).not.toContain('ut/sone-nord/invitasjoner/samling-2.ics');
    expect(r.outcomes.find((o) => o.number === 2)).toMatchObject({ outcome: 'not-issued', files: [] });
    expect(r.state.sessions['2']).toBeUndefined();
  });

  it('a session that disappears (theme removed) is cancelled from what was last sent', () => {
    const first = run(group());
    const second = run(group({ count: 4 }), first.state, T1);
    expect(second.outcomes.find((o) => o.number === 5)!.outcome).toBe('cancelled');
    const ev = parse(file(second, 'ut/sone-nord/invitasjoner/samling-5.ics')).events[0]!;
    expect(ev.getFirstPropertyValue('summary')).toBe('Sone nord – samling 5: Tittel 5');
    expect(ev.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(String(ev.getFirstPropertyValue('dtstart'))).toBe(
      String(parse(file(first, 'ut/sone-nord/invitasjoner/samling-5.ics')).events[0]!.getFirstPropertyValue('dtstart')),
    );
  });

  it('a cancelled session that is reinstated is sent again as a change', () => {
    const first = run(group());
    const second = run(group({ sessions: { 2: { cancelled: true } } }), first.state, T1);
    const third = run(group(), second.state, new Date('2026-12-01T00:00:00Z'));
    expect(third.outcomes.find((o) => o.number === 2)).toMatchObject({ outcome: 'changed', sequence: 2 });
    expect(parse(file(third, 'ut/sone-nord/invitasjoner/samling-2.ics')).cal.getFirstPropertyValue('method')).toBe(
      'REQUEST',
    );
  });

  it('per person: one file per person and session with only that attendee, and no shared file', () => {
    const r = run(group(), undefined, T0, { perPerson: true });
    const paths = r.files.map((f) => f.path);
    expect(paths.filter((p) => /invitasjoner\/samling-\d\.ics$/.test(p))).toEqual([]);
    expect(paths).toContain('ut/sone-nord/invitasjoner/siri-odegard/samling-2.ics');
    expect(paths).toContain('ut/sone-nord/invitasjoner/per-leder/samling-1.ics');
    expect(paths).not.toContain('ut/sone-nord/invitasjoner/per-leder/samling-2.ics');
    expect(paths.some((p) => p.includes('uten-epost'))).toBe(false);
    for (const f of r.files.filter((x) => x.path.includes('/invitasjoner/'))) {
      const ev = parse(String(f.bytes)).events[0]!;
      expect(ev.getAllProperties('attendee'), f.path).toHaveLength(1);
      const me = f.path.split('/')[3];
      expect(String(f.bytes)).not.toContain(me === 'ali-khan' ? 'siri@' : 'ali@');
    }
    // The group file can ask for it too.
    const byGroup = run(group({ perPersonInvitations: true }));
    expect(byGroup.files.map((f) => f.path)).toEqual(paths);
  });

  it('per person: cancelling sends a CANCEL to each person who had the invitation', () => {
    const first = run(group(), undefined, T0, { perPerson: true });
    const second = run(group({ sessions: { 3: { cancelled: true } } }), first.state, T1, { perPerson: true });
    const cancels = second.files.filter((f) => /samling-3\.ics$/.test(f.path));
    expect(cancels.map((f) => f.path.split('/')[3]).sort()).toEqual([
      'ali-khan',
      'kari-nordmann',
      'per-leder',
      'siri-odegard',
    ]);
    for (const f of cancels) expect(String(f.bytes)).toContain('METHOD:CANCEL\r\n');
  });

  it('writes descriptions in English when asked', () => {
    const ev = parse(file(run(group(), undefined, T0, { lang: 'en' }), 'ut/sone-nord/invitasjoner/samling-2.ics'))
      .events[0]!;
    expect(ev.getFirstPropertyValue('summary')).toBe('Sone nord – session 2: Tittel 2');
    expect(String(ev.getFirstPropertyValue('description'))).toContain('To prepare');
  });
});

describe('calendar state', () => {
  it('derives ASCII UIDs without personal data, stable for the same input and distinct across organisations', () => {
    const uid = sessionUid('Lillevik kommune, helse og omsorg', 'Ingrid.Solberg@lillevik.kommune.no', 'sone-nord', 3);
    expect(uid).toMatch(/^sone-nord-samling-3-[0-9a-f]{8}@refleks$/);
    expect(sessionUid('Lillevik kommune, helse og omsorg', 'ingrid.solberg@lillevik.kommune.no', 'sone-nord', 3)).toBe(
      uid,
    );
    expect(sessionUid('Annevik kommune', 'ingrid.solberg@lillevik.kommune.no', 'sone-nord', 3)).not.toBe(uid);
    expect(
      sessionUid('Lillevik kommune, helse og omsorg', 'ingrid.solberg@lillevik.kommune.no', 'sone-nord', 4),
    ).not.toBe(uid);
    expect(uid).not.toMatch(/ingrid|solberg|lillevik/i);
  });

  it('keeps the UID it issued even when the organiser changes', () => {
    const first = run(group());
    const ws = workspace([group()], { organiser: { name: 'Ny Arrangør', email: 'ny@testvik.kommune.no' } });
    const second = calendarFiles(ws, planGroup(group(), ws.settings), first.state, T1, {
      lang: 'nb',
      version: '9.9.9',
    });
    expect(second.state.sessions['1']!.uid).toBe(first.state.sessions['1']!.uid);
    expect(second.outcomes[0]!.outcome).toBe('changed');
  });

  it('is a pure function of previous state and plan', () => {
    const wanted = [
      {
        number: 1,
        cancelled: false,
        hash: 'h1',
        issued: {
          summary: 's',
          start: '2027-01-01T10:00:00Z',
          end: '2027-01-01T12:00:00Z',
          organizer: { name: 'o', email: 'o@x' },
          attendees: [],
        },
      },
    ];
    const a = advanceState(undefined, 'g', wanted, '2026-01-01T00:00:00Z', (n) => `g-${n}`);
    const b = advanceState(undefined, 'g', wanted, '2026-01-01T00:00:00Z', (n) => `g-${n}`);
    expect(a).toEqual(b);
    const c = advanceState(a.state, 'g', [{ ...wanted[0]!, hash: 'h2' }], '2026-02-01T00:00:00Z', (n) => `other-${n}`);
    expect(c.state.sessions['1']).toMatchObject({
      uid: 'g-1',
      sequence: 1,
      dtstamp: '2026-02-01T00:00:00Z',
      hash: 'h2',
    });
    expect(a.state.sessions['1']).toMatchObject({ sequence: 0, hash: 'h1' });
  });

  it('refuses a plan with errors rather than cancelling the sessions it lacks', () => {
    const g = group({ start: '2028-03-26', time: '02:30', intervalWeeks: 1, count: 1 });
    const ws = workspace([g]);
    expect(() => calendarFiles(ws, planGroup(g, ws.settings), undefined, T0, { lang: 'nb', version: 'x' })).toThrow(
      /errors/,
    );
  });
});

describe('describePlan and describeOutcomes', () => {
  it('prints sessions as people read them, with moves, places, egenarbeid', () => {
    const g = group({
      start: '2027-04-22',
      time: '14:30',
      sessions: { 4: { location: { text: 'Rådhuset' }, note: 'Annet rom' } },
    });
    const lines = describePlan(planGroup(g, workspace([g]).settings), 'nb');
    expect(lines).toContain('  1. torsdag 22. april 2027 kl. 14.30–16.30 · Tema 1: Tittel 1');
    expect(lines).toContain('     flyttet fra torsdag 6. mai 2027: Kristi himmelfartsdag');
    expect(lines).toContain('     sted: Rådhuset');
    expect(lines).toContain('     merk: Annet rom');
    expect(lines).toContain('     egenarbeid: Egenarbeid etter tema 1.');
    expect(lines.filter((l) => l.includes('egenarbeid'))).toHaveLength(4);
  });

  it('summarises what to send', () => {
    const first = run(group());
    const second = run(group({ sessions: { 3: { date: '2027-02-11' }, 5: { cancelled: true } } }), first.state, T1);
    const lines = describeOutcomes('sone-nord', second.outcomes, 'nb');
    expect(lines[0]).toBe('sone-nord: invitasjoner nye – · endret 3 · avlyst 5 · uendret 1, 2, 4');
    expect(lines[1]).toBe('  send ut/sone-nord/invitasjoner/ samling-3.ics, samling-5.ics');
  });
});
