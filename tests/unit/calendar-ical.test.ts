import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertWellFormed, physicalLines } from './calendar-fixture.js';
import {
  contentLine,
  escapeText,
  foldLine,
  paramValue,
  serializeCalendar,
  utcDateTime,
  type CalEvent,
} from '../../src/core/calendar/ical.js';

const TRICKY_NAMES = [
  'Åse Grønli-Æsøy',
  'José Müller-Lüdenscheidt',
  "Camilla O'Neill",
  'Anne "Annie" Olsen',
  'Ola 😀 Nordmann',
  'Berit; Bakke, fagleder: sone ^2',
];

function event(extra: Partial<CalEvent> = {}): CalEvent {
  return {
    uid: 'sone-nord-samling-1-0a1b2c3d@refleks',
    sequence: 0,
    dtstamp: '2026-09-21T14:13:20Z',
    start: '2027-03-30T11:00:00Z',
    end: '2027-03-30T13:00:00Z',
    summary: 'Sone nord – samling 1: Hva er et refleksjonsprogram?',
    description: 'Første linje, med komma; og semikolon\nAndre linje med \\ backslash\n\n– punkt æøå ÆØÅ 😀',
    location: 'Helsehuset, møterom 2; inngang B',
    url: 'https://example.org/møte?id=1',
    categories: ['Refleksjonsgruppe', 'Mestring, del 1'],
    status: 'CONFIRMED',
    organizer: { name: 'Ingrid Solberg', email: 'ingrid@lillevik.kommune.no' },
    attendees: TRICKY_NAMES.map((name, i) => ({
      name,
      email: `p${i}@example.org`,
      role: i === 0 ? 'CHAIR' : 'REQ-PARTICIPANT',
    })),
    alarm: { hoursBefore: 24, description: 'Påminnelse: samling 1, rom 2; husk notater' },
    ...extra,
  };
}

// Mostly multi-byte characters (2-, 3- and 4-byte UTF-8), plus any code point.
const anyChar = fc.oneof(
  fc.constantFrom('a', ' ', 'æ', 'Å', '€', '😀', '👩\u200d👧', '\u0301'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('iCalendar serializer', () => {
  it('escapes TEXT values per RFC 5545: backslash, semicolon, comma, newline; drops control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('bell\u0007 tab\tend')).toBe('bell tab\tend');
  });

  it('writes enumerated parameters bare and rejects anything else in them (ics quoted ROLE="REQ-PARTICIPANT")', () => {
    expect(paramValue('ROLE', 'REQ-PARTICIPANT')).toBe('REQ-PARTICIPANT');
    expect(paramValue('PARTSTAT', 'NEEDS-ACTION')).toBe('NEEDS-ACTION');
    expect(() => paramValue('ROLE', 'CHAIR"; X=1')).toThrow();
    const line = contentLine('ATTENDEE', 'mailto:a@b.no', [
      ['ROLE', 'REQ-PARTICIPANT'],
      ['PARTSTAT', 'NEEDS-ACTION'],
      ['RSVP', 'TRUE'],
    ]);
    expect(line).toContain(';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:');
  });

  it('encodes " ^ and newlines in names per RFC 6868 and quotes CN only when it holds : ; , (ics wrote \\")', () => {
    // Typographic quotes, not RFC 6868's ^', which Python icalendar and vobject show as is.
    expect(paramValue('CN', 'Anne "Annie" Olsen')).toBe('Anne “Annie” Olsen');
    expect(paramValue('CN', 'Tom "Tommy Berg')).toBe('Tom ”Tommy Berg');
    expect(paramValue('CN', 'a^b\nc')).toBe('a^^b^nc');
    expect(paramValue('CN', 'Bakke, Berit')).toBe('"Bakke, Berit"');
    expect(paramValue('CN', 'x:y')).toBe('"x:y"');
    expect(paramValue('CN', 'Kari Nordmann')).toBe('Kari Nordmann');
    expect(paramValue('CN', 'nul\u0000bell\u0007')).toBe('nulbell');
  });

  it('folds at 75 octets, not characters (ics gave 78–86-byte lines with æøå)', () => {
    const line = `DESCRIPTION:${'æøå'.repeat(60)}`;
    const folded = foldLine(line);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded.split('\r\n').length).toBeGreaterThan(Math.ceil(line.length / 75));
  });

  it('never splits a UTF-8 character and always unfolds to the original (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyChar, minLength: 40, maxLength: 400 }), (s) => {
        const clean = s.replace(/[\r\n]/g, '');
        const folded = foldLine(`X:${clean}`);
        const lines = physicalLines(`${folded}\r\n`);
        return lines.every((l) => Buffer.byteLength(l) <= 75) && folded.replace(/\r\n /g, '') === `X:${clean}`;
      }),
      { numRuns: 300 },
    );
  });

  it('folds each line as late as it can: the same lines as a fold by code points (property)', () => {
    // The straightforward fold foldLine replaced for speed, kept here as the reference.
    const reference = (line: string) => {
      const out: string[] = [];
      let current = '';
      let octets = 0;
      for (const ch of line) {
        const size = Buffer.byteLength(ch);
        if (octets + size > 75) {
          out.push(current);
          current = ' ';
          octets = 1;
        }
        current += ch;
        octets += size;
      }
      out.push(current);
      return out.join('\r\n');
    };
    const lone = fc.constantFrom('\ud83d', '\ude00', 'a\ud83d', '\ude00b');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: anyChar, maxLength: 120 }), lone), { maxLength: 6 }), (parts) => {
        const line = `X:${parts.join('')}`;
        return foldLine(line) === reference(line);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects impossible dates (ics accepted them) and writes UTC DATE-TIMEs', () => {
    expect(utcDateTime('2027-03-30T11:00:00Z')).toBe('20270330T110000Z');
    expect(utcDateTime('2027-03-30T11:00Z')).toBe('20270330T110000Z');
    for (const bad of [
      '2027-02-30T10:00:00Z',
      '2027-13-01T10:00:00Z',
      '2027-03-30T24:00:00Z',
      '2027-03-30T11:00:00',
      '2027-03-30 11:00',
    ]) {
      expect(() => utcDateTime(bad), bad).toThrow();
    }
    expect(() =>
      serializeCalendar({ prodId: 'x', method: 'PUBLISH', events: [event({ start: '2027-02-29T10:00:00Z' })] }),
    ).toThrow();
  });

  it('escapes commas and semicolons in alarm text and categories (ics left them bare)', () => {
    const text = serializeCalendar({ prodId: 'x', method: 'REQUEST', events: [event()] });
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('DESCRIPTION:Påminnelse: samling 1\\, rom 2\\; husk notater\r\n');
    expect(unfolded).toContain('CATEGORIES:Refleksjonsgruppe,Mestring\\, del 1\r\n');
  });

  it('round-trips names, places and multi-line text through ical.js', () => {
    const bytes = serializeCalendar({ prodId: '-//refleks//refleks 0.0.0//NB', method: 'REQUEST', events: [event()] });
    assertWellFormed(bytes);
    const cal = new ICAL.Component(ICAL.parse(bytes));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevents = cal.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const ev = vevents[0]!;
    const e = event();
    expect(ev.getFirstPropertyValue('summary')).toBe(e.summary);
    expect(ev.getFirstPropertyValue('description')).toBe(e.description);
    expect(ev.getFirstPropertyValue('location')).toBe(e.location);
    expect(ev.getFirstProperty('categories')!.getValues()).toEqual(e.categories);
    expect(ev.getFirstPropertyValue('uid')).toBe(e.uid);
    expect(String(ev.getFirstPropertyValue('dtstart'))).toBe('2027-03-30T11:00:00Z');
    const attendees = ev.getAllProperties('attendee');
    // A " in a name comes back as typographic quotes (see typographicQuotes in ical.ts).
    expect(attendees.map((a) => a.getParameter('cn'))).toEqual(
      TRICKY_NAMES.map((n) => n.replace(/"([^"]*)"/g, '“$1”')),
    );
    expect(attendees.map((a) => a.getFirstValue())).toEqual(TRICKY_NAMES.map((_, i) => `mailto:p${i}@example.org`));
    expect(attendees.map((a) => a.getParameter('role'))).toEqual([
      'CHAIR',
      ...TRICKY_NAMES.slice(1).map(() => 'REQ-PARTICIPANT'),
    ]);
    expect(
      attendees.every((a) => a.getParameter('partstat') === 'NEEDS-ACTION' && a.getParameter('rsvp') === 'TRUE'),
    ).toBe(true);
    const alarm = ev.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT24H');
    expect(alarm.getFirstPropertyValue('description')).toBe(e.alarm!.description);
  });

  it('writes CRLF and lines of at most 75 octets even for long Norwegian text', () => {
    const long = event({
      description: 'Før første samling bør du lese fagartikkelen og tenke på én situasjon i hverdagen. '.repeat(20),
      summary: 'Æ'.repeat(100),
    });
    assertWellFormed(serializeCalendar({ prodId: 'x', method: 'PUBLISH', events: [long, long] }));
  });
});
