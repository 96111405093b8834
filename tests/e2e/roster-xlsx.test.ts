/**
 * Excel rosters: a workbook made here with write-excel-file (the sister of
 * the reader refleks uses), and the same workbook re-saved by LibreOffice
 * Calc as a coordinator's spreadsheet program would write it, read through
 * the built CLI with the same rules and messages as a CSV roster.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { parseXlsxRoster } from '../../src/load/roster-xlsx.js';
import { runCli, scratchWorkspaces } from '../helpers/cli.js';
import { hasCommand, requireTool } from '../helpers/tools.js';

const workspace = scratchWorkspaces();
const scratch = mkdtempSync(join(tmpdir(), 'refleks-xlsx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FLAGS = [
  'new-group',
  '--programme',
  'mestring',
  '--name',
  'Hjemmetjenesten sone sør',
  '--facilitator',
  'Kari Nordmann <kari.nordmann@lillevik.kommune.no>',
  '--start',
  '2027-03-02',
  '--time',
  '13:00',
  '--location',
  'Helsehuset, møterom 2',
];

const cell = (value: string | null) => (value === null ? null : { value });

/** A sheet as a coordinator keeps it: a title row left empty, headers, people, one empty row between. */
async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  return Buffer.from(await writeExcelFile([[null], ...rows.map((r) => r.map(cell))]).toBuffer());
}

const GOOD = [
  ['Navn', 'E-post', 'Enhet', 'Stilling'],
  ['Åse Grønli', 'ase.gronli@lillevik.kommune.no', 'Sone sør', 'Sykepleier'],
  ['Bjørn Ærøy', 'bjorn.aeroy@lillevik.kommune.no', 'Sone sør', 'Helsefagarbeider'],
  [null, null, null, null],
  ['Søren Ødegård', null, 'Sone sør', 'Ergoterapeut'],
  ['Marthe Lien-Åberg', 'marthe@lillevik.kommune.no', null, null],
];

/** LibreOffice Calc opens the workbook and saves it again as .xlsx. */
function resaveWithCalc(file: string): string {
  const out = join(scratch, 'calc');
  const r = spawnSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${join(scratch, 'profile')}`,
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  return join(out, 'deltakere.xlsx');
}

describe('Excel rosters (.xlsx)', () => {
  it('reads names with æøå and gives the row number Excel shows for a bad row', async () => {
    const bytes = await workbook([
      ...GOOD,
      ['Per Feil', 'per@', null, null],
      [null, 'uten.navn@example.org', null, null],
    ]);
    const r = await parseXlsxRoster(bytes);
    expect(r.people.map((p) => p.name)).toEqual(['Åse Grønli', 'Bjørn Ærøy', 'Søren Ødegård', 'Marthe Lien-Åberg']);
    expect(r.people[0]).toEqual({
      name: 'Åse Grønli',
      email: 'ase.gronli@lillevik.kommune.no',
      unit: 'Sone sør',
      role: 'Sykepleier',
    });
    // Row 1 is empty, the header is row 2, so «Per Feil» is row 8 and the nameless one row 9.
    expect(r.problems.map((p) => [p.row, p.message.nb])).toEqual([
      [8, '«per@» er ikke en gyldig e-postadresse (Per Feil)'],
      [9, 'mangler navn'],
    ]);
  });

  it('a zip file that is not a workbook is refused with advice, not a stack trace', async () => {
    await expect(parseXlsxRoster(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).rejects.toMatchObject({
      text: { nb: expect.stringContaining('kunne ikke lese Excel-filen') },
    });
  });

  it('new-group --roster takes a workbook re-saved by LibreOffice Calc, with æøå intact', async () => {
    if (!requireTool(hasCommand('soffice'), 'soffice')) return;
    const made = join(scratch, 'deltakere.xlsx');
    writeFileSync(made, await workbook(GOOD));
    const resaved = resaveWithCalc(made);
    expect(readFileSync(resaved).equals(readFileSync(made))).toBe(false);
    const dir = workspace();
    const r = await runCli([...FLAGS, '--roster', resaved, '--yes'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Leste 4 av 4 rader fra');
    expect(r.stdout).toContain('(Excel-arbeidsbok, første ark).');
    const text = readFileSync(join(dir, 'groups/hjemmetjenesten-sone-sor.yaml'), 'utf8');
    for (const name of ['Åse Grønli', 'Bjørn Ærøy', 'Søren Ødegård', 'Marthe Lien-Åberg'])
      expect(text).toContain(`{ name: ${name}`);
    expect((await runCli(['validate', '-w', dir])).code).toBe(0);
  });

  it('a bad row in a workbook stops new-group with its Excel row number, as in a CSV', async () => {
    const file = join(scratch, 'feil.xlsx');
    writeFileSync(file, await workbook([...GOOD, ['Kari Nordmann', 'kari.nordmann@lillevik.kommune.no', null, null]]));
    const r = await runCli([...FLAGS, '--roster', file, '--yes'], { cwd: workspace() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /feil\.xlsx: rad 8: samme person to ganger: navnet Kari Nordmann står også på lokal veileder/,
    );
  });
});
