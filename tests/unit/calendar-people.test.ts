/**
 * Per-person calendar state (version 2): what each address holds, so every
 * client ends right after a removal, an address change, a re-add and a mode
 * switch; and version 1 files read without anyone's SEQUENCE moving.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { personalHashes, type SessionEvent } from '../../src/core/calendar/session-event.js';
import {
  advanceState,
  heldBy,
  migrateState,
  type CalendarStateV1,
  type WantedSession,
} from '../../src/core/calendar/state.js';

const person = (name: string) => ({ name, email: `${name}@x.no`, role: 'REQ-PARTICIPANT' as const, slug: name });
const want = (people: string[], content = 'c1'): WantedSession => ({
  number: 1,
  cancelled: false,
  hash: `${content}|${people.join(',')}`,
  issued: {
    summary: 's',
    start: '2027-01-01T10:00:00Z',
    end: '2027-01-01T12:00:00Z',
    organizer: { name: 'o', email: 'o@x.no' },
    attendees: people.map(person),
  },
  personal: Object.fromEntries(people.map((p) => [`${p}@x.no`, `${content}|${p}`])),
});
const uid = (n: number) => `g-${n}`;
const step = (
  prev: ReturnType<typeof advanceState>['state'] | undefined,
  people: string[],
  at: string,
  perPerson = false,
  content = 'c1',
) => advanceState(prev, 'g', [want(people, content)], at, uid, { perPerson });

describe('per-person calendar state', () => {
  it('whole-group file: a removal raises everyone to S+1 and gives the removed address a CANCEL at S+1', () => {
    const a = step(undefined, ['ann', 'bo', 'cy'], 'T0').state;
    const b = step(a, ['ann', 'cy'], 'T1');
    const s = b.state.sessions['1']!;
    expect(s.sequence).toBe(1);
    expect(Object.values(s.people).map((p) => p.sequence)).toEqual([1, 1]);
    expect(s.removed).toMatchObject([{ email: 'bo@x.no', sequence: 1, dtstamp: 'T1' }]);
    expect(heldBy(s, 'bo@x.no')).toMatchObject({
      cancelled: true,
      sequence: 1,
      issued: { attendees: [{ email: 'bo@x.no' }] },
    });
    expect(b.people.get(1)!.removed.map((r) => r.email)).toEqual(['bo@x.no']);
    // Nothing new on the next run: the CANCEL stays as it was.
    const c = step(b.state, ['ann', 'cy'], 'T2');
    expect(c.outcomes.get(1)).toBe('unchanged');
    expect(c.state).toEqual(b.state);
  });

  it('one file per person: a removal changes only the removed address; a later change lifts everyone above what they hold', () => {
    const a = step(undefined, ['ann', 'bo', 'cy'], 'T0', true).state;
    const b = step(a, ['ann', 'cy'], 'T1', true).state.sessions['1']!;
    expect(b.people['ann@x.no']).toMatchObject({ sequence: 0, dtstamp: 'T0' });
    expect(b.removed).toMatchObject([{ email: 'bo@x.no', sequence: 1 }]);
    const moved = step(step(a, ['ann', 'cy'], 'T1', true).state, ['ann', 'cy'], 'T2', true, 'c2').state.sessions['1']!;
    expect(moved.people['ann@x.no']).toMatchObject({ sequence: 2, dtstamp: 'T2' });
    expect(moved.sequence).toBe(2);
  });

  it('an address removed and added again gets a REQUEST above its CANCEL', () => {
    const a = step(undefined, ['ann', 'bo'], 'T0').state;
    const b = step(a, ['ann'], 'T1').state;
    const c = step(b, ['ann', 'bo'], 'T2').state.sessions['1']!;
    expect(c.removed).toEqual([]);
    expect(c.people['bo@x.no']!.sequence).toBe(2);
    expect(heldBy(c, 'bo@x.no').cancelled).toBe(false);
  });

  it('a cancelled session cancels every live address at S+1 and keeps earlier removals', () => {
    const a = step(undefined, ['ann', 'bo'], 'T0').state;
    const b = step(a, ['ann'], 'T1').state;
    const c = advanceState(b, 'g', [{ number: 1, cancelled: true }], 'T2', uid).state.sessions['1']!;
    expect(c).toMatchObject({ cancelled: true, sequence: 2 });
    expect(c.people['ann@x.no']!.sequence).toBe(2);
    expect(c.removed).toMatchObject([{ email: 'bo@x.no', sequence: 1 }]);
  });

  it("reads a version 1 state with every address at the session's SEQUENCE, and changes nothing while the plan is the same", () => {
    const v2 = step(undefined, ['ann', 'bo'], 'T0').state;
    const { people: _p, removed: _r, ...s1 } = v2.sessions['1']!;
    const v1: CalendarStateV1 = { version: 1, group: 'g', sessions: { '1': { ...s1, sequence: 3 } } };
    const migrated = migrateState(v1);
    expect(migrated.version).toBe(2);
    expect(migrated.sessions['1']!.people['bo@x.no']).toEqual({ sequence: 3, dtstamp: 'T0' });
    for (const perPerson of [false, true]) {
      const next = step(migrated, ['ann', 'bo'], 'T1', perPerson);
      expect(next.outcomes.get(1)).toBe('unchanged');
      expect(next.state.sessions['1']!.sequence).toBe(3);
    }
  });
});

describe('personal hashes', () => {
  it("are the hash of each person's own content, kept from state files already written", () => {
    const e: SessionEvent = {
      number: 2,
      start: '2027-03-30T11:00:00Z',
      end: '2027-03-30T13:00:00Z',
      summary: 'Samling 2: «Brukermedvirkning»',
      description: 'Tema 2\n\nLes "heftet" før, og ta med\u2028spørsmål',
      categories: ['Refleksjon', 'Mestring'],
      organizer: { name: 'Kari Koordinator', email: 'Kari@Kommune.no' },
      attendees: [
        { name: 'Åse Ødegård', email: 'ASE@x.no', role: 'REQ-PARTICIPANT', slug: 'ase-odegard' },
        { name: 'Per "Pelle" Olsen', email: 'per@x.no', role: 'CHAIR', slug: 'per-pelle-olsen' },
      ],
      alarm: { hoursBefore: 24, description: 'Påminnelse: Samling 2' },
    };
    // The definition, written out: changing what is hashed would move every person's SEQUENCE on the next build.
    const expected = (a: SessionEvent['attendees'][number]) =>
      createHash('sha256')
        .update(
          JSON.stringify([
            e.start,
            e.end,
            e.summary,
            e.description,
            '',
            '',
            e.categories,
            e.organizer.name,
            'kari@kommune.no',
            [a.name, a.email.toLowerCase(), a.role],
            24,
            e.alarm.description,
            'CONFIRMED',
          ]),
        )
        .digest('hex')
        .slice(0, 32);
    expect(personalHashes(e)).toEqual({ 'ase@x.no': expected(e.attendees[0]!), 'per@x.no': expected(e.attendees[1]!) });
  });
});
