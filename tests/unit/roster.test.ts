import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ROSTER_ROWS, parseRoster, RosterError } from '../../src/load/roster.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/rosters/${name}`, import.meta.url));

function rosterError(fn: () => unknown): RosterError {
  try {
    fn();
  } catch (err) {
    if (err instanceof RosterError) return err;
    throw err;
  }
  throw new Error('expected a RosterError');
}

describe('parseRoster', () => {
  it('reads Windows-1252 with semicolons, CRLF and trailing empty rows, with æøå intact', () => {
    const bytes = fixture('windows-1252-semikolon.csv');
    // The fixture really is not UTF-8: «Å» is the single byte 0xC5.
    expect(bytes.includes(0xc5)).toBe(true);
    const r = parseRoster(bytes);
    expect(r.encoding).toBe('windows-1252');
    expect(r.separator).toBe(';');
    expect(r.problems).toEqual([]);
    expect(r.people.map((p) => p.name)).toEqual([
      'Åse Grønli',
      'Bjørn Ærøy',
      'Søren Ødegård',
      'Marthe Lien-Åberg',
      'René Bakke',
    ]);
    expect(r.people[0]).toEqual({
      name: 'Åse Grønli',
      email: 'ase.gronli@lillevik.kommune.no',
      unit: 'Sone sør',
      role: 'Helsefagarbeider',
    });
  });

  it('reads UTF-8 with BOM and joins Fornavn and Etternavn; the e-mail may be missing', () => {
    const r = parseRoster(fixture('utf8-bom-semikolon.csv'));
    expect(r.encoding).toBe('utf-8');
    expect(r.problems).toEqual([]);
    expect(r.people).toEqual([
      { name: 'Kjersti Vik', email: 'kjersti.vik@lillevik.kommune.no', unit: 'Avdeling 2' },
      { name: 'Tomasz Nowak', email: 'tomasz.nowak@lillevik.kommune.no', unit: 'Avdeling 2' },
      { name: 'Åshild Ødegaard', email: 'ashild.odegaard@lillevik.kommune.no', unit: 'Avdeling 3' },
      { name: 'Mohammed Yusuf', unit: 'Avdeling 3' },
    ]);
  });

  it('reads UTF-8 with commas and quoted fields that hold commas', () => {
    const r = parseRoster(fixture('utf8-komma.csv'));
    expect(r.separator).toBe(',');
    expect(r.people).toHaveLength(4);
    expect(r.people[1]).toEqual({
      name: 'Ødegård, Siri',
      email: 'siri.odegard@lillevik.kommune.no',
      unit: 'Sone nord',
      role: 'Sykepleier, natt',
    });
  });

  it('understands English headers in any case', () => {
    const r = parseRoster(fixture('english-headers.csv'));
    expect(r.problems).toEqual([]);
    expect(r.people[0]).toEqual({
      name: "Camilla O'Neill",
      email: 'camilla.oneill@example.org',
      unit: 'Ward 2',
      role: 'Nurse',
    });
    expect(r.people).toHaveLength(4);
  });

  it('reads Excel «Unicode text» (UTF-16, tabs)', () => {
    const r = parseRoster(fixture('utf16-tabulator.txt'));
    expect(r.encoding).toBe('utf-16');
    expect(r.separator).toBe('\t');
    expect(r.people.map((p) => p.name)).toEqual(['Åse Grønli', 'Jonas Æsøy']);
  });

  it('reports bad rows with the row numbers Excel shows, and keeps the good ones', () => {
    const r = parseRoster(fixture('feil-rader.csv'));
    expect(r.problems.map((p) => p.row)).toEqual([3, 4, 6, 7]);
    expect(r.problems[0]!.message.nb).toContain('mangler navn');
    expect(r.problems[1]!.message.nb).toContain('per.hansen(at)lillevik.kommune.no');
    expect(r.problems[2]!.message.nb).toMatch(/e-postadressen .* rad 2/);
    expect(r.problems[3]!.message.nb).toMatch(/navnet .* rad 2/);
    expect(r.people.map((p) => p.name)).toEqual(['Kari Nordmann', 'Jonas Æsøy', 'Siri Ødegård', 'Ali Khan']);
    expect(r.rows).toBe(8);
  });

  it('reports a row naming someone already in the group (the facilitator)', () => {
    const r = parseRoster(fixture('utf8-komma.csv'), {
      taken: [
        { person: { name: 'Ali Khan', email: 'a@b.no' }, what: { nb: 'lokal veileder', en: 'local facilitator' } },
      ],
    });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.row).toBe(2);
    expect(r.problems[0]!.message.nb).toContain('lokal veileder');
  });

  it('refuses a list without a header row, naming what it found', () => {
    const err = rosterError(() => parseRoster(fixture('uten-overskrift.csv')));
    expect(err.text.nb).toContain('fant ingen kolonne med navn');
    expect(err.text.nb).toContain('Kari Nordmann');
  });

  it(`refuses more than ${MAX_ROSTER_ROWS} rows`, () => {
    const rows = [
      'Navn;E-post',
      ...Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => `Person ${i};p${i}@example.org`),
    ];
    expect(parseRoster(Buffer.from(rows.slice(0, MAX_ROSTER_ROWS + 1).join('\n'))).people).toHaveLength(
      MAX_ROSTER_ROWS,
    );
    const err = rosterError(() => parseRoster(Buffer.from(rows.join('\n'))));
    expect(err.text.nb).toContain(`${MAX_ROSTER_ROWS + 1} rader`);
  });

  it('refuses an .xlsx workbook as CSV and names the workbook reader (new-group uses it for .xlsx)', () => {
    const err = rosterError(() => parseRoster(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])));
    expect(err.text.nb).toContain('Excel-arbeidsbok');
    expect(err.hint?.nb).toContain('parseXlsxRoster');
  });

  it('refuses an empty file and an unclosed quote', () => {
    expect(rosterError(() => parseRoster(Buffer.from(''))).text.nb).toContain('tom');
    expect(rosterError(() => parseRoster(Buffer.from('Navn,E-post\n"Kari,k@x.no\n'))).text.nb).toContain(
      'kunne ikke lese CSV',
    );
  });
});
