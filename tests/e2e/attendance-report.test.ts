/**
 * Closing the loop end to end, the way coordinators do it: attendance typed
 * on the command line or read from a ticked attendance list, evaluation and
 * follow-up forms filled in with python-docx, one copy saved again by
 * LibreOffice (which drops the tags), and `refleks report` reading them all
 * with the same numbers. The CSV and .xlsx open in LibreOffice Calc.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace, runCliProcess } from '../helpers/cli.js';
import { fillForm, libreOfficeConvert, libreOfficeResave, plainDocx } from '../helpers/fill.js';
import { hasCommand, hasPythonModule, requireTool } from '../helpers/tools.js';

const HAVE = requireTool(hasPythonModule('docx'), 'python3-docx') && requireTool(hasCommand('soffice'), 'LibreOffice');

/** The demo without the attendance and filled forms it ships, so each test starts from nothing recorded. */
function bareDemo(): string {
  const ws = copyWorkspace();
  rmSync(join(ws, 'attendance'), { recursive: true, force: true });
  rmSync(join(ws, 'utfylt'), { recursive: true, force: true });
  return ws;
}

function ok(args: string[], cwd: string) {
  const r = runCliProcess(args, { cwd });
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

describe('refleks attendance on the command line', () => {
  it('records names and e-mail addresses, --all and --none, one line per session', () => {
    const ws = bareDemo();
    ok(['attendance', 'sone-nord', '1', '--all'], ws);
    const r = ok(['attendance', 'sone-nord', '2', 'ali khan', 'siri.odegard@lillevik.kommune.no'], ws);
    expect(r.stdout).toContain('Samling 2 (tirsdag 26. januar 2027): 2 av 5 til stede (Ali Khan, Siri Ødegård)');
    ok(['attendance', 'sone-nord', '3', '--none'], ws);
    const file = readFileSync(join(ws, 'attendance', 'sone-nord.yaml'), 'utf8');
    expect(file.split('\n').slice(-5)).toEqual([
      'sessions:',
      '  1: [Ali Khan, Siri Ødegård, Jonas Æsøy, Marte Lien-Åberg, Olena Kovalenko]',
      '  2: [Ali Khan, Siri Ødegård]',
      '  3: []',
      '',
    ]);
    expect(file).toContain('$schema=../.refleks/schemas/attendance.schema.json');
    expect(existsSync(join(ws, '.refleks', 'schemas', 'attendance.schema.json'))).toBe(true);
    ok(['validate'], ws);
    expect(ok(['attendance', 'sone-nord'], ws).stdout).toContain('4. tirsdag 2. mars 2027: ikke registrert');
  });

  it('an unknown name gets a «did you mean» and changes nothing; so does a session that does not exist', () => {
    const ws = bareDemo();
    const r = runCliProcess(['attendance', 'sone-nord', '2', 'Ali Khan', 'Jonas Aesøy'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('«Jonas Aesøy» (mente du «Jonas Æsøy»?)');
    expect(existsSync(join(ws, 'attendance', 'sone-nord.yaml'))).toBe(false);
    expect(runCliProcess(['attendance', 'sone-nord', '9', '--all'], { cwd: ws }).code).toBe(2);
  });
});

describe.runIf(HAVE)('filled-in forms read back', () => {
  let ws: string;
  let forms: string;
  beforeAll(() => {
    ws = bareDemo();
    ok(['forms', 'sone-nord'], ws);
    forms = join(ws, 'ut', 'sone-nord', 'skjema');
  });

  it('an attendance list ticked in Word and the same list saved by LibreOffice record the same attendance', () => {
    // Ali at 1–4, Siri at 1 only, the rest at 1 and 2.
    const ticks: Record<string, boolean> = {};
    for (const s of [1, 2, 3, 4]) ticks[`oppmote-1-${s}`] = true;
    ticks['oppmote-2-1'] = true;
    for (const p of [3, 4, 5]) for (const s of [1, 2]) ticks[`oppmote-${p}-${s}`] = true;
    const word = join(ws, 'oppmote-word.docx');
    fillForm(join(forms, 'oppmoteliste.docx'), word, ticks);
    const lo = join(ws, 'oppmote-lo.docx');
    libreOfficeResave(word, lo);
    expect(readFileSync(lo).includes(Buffer.from('w:tag'))).toBe(false);

    const a = bareDemo();
    const b = bareDemo();
    const r = ok(['attendance', 'sone-nord', '--from-form', word], a);
    expect(r.stdout).toContain('Samling 1 (tirsdag 12. januar 2027): 5 av 5 til stede');
    expect(r.stdout).toContain('Samling 4 (tirsdag 2. mars 2027): 1 av 5 til stede');
    ok(['attendance', 'sone-nord', '--from-form', lo], b);
    const yaml = readFileSync(join(a, 'attendance', 'sone-nord.yaml'), 'utf8');
    expect(readFileSync(join(b, 'attendance', 'sone-nord.yaml'), 'utf8')).toBe(yaml);
    expect(yaml).toContain('  3: [Ali Khan]\n');

    // With a rule of 4 sessions, only Ali gets a certificate; build and status say who falls short.
    writeFileSync(
      join(a, 'groups', 'sone-nord.yaml'),
      readFileSync(join(a, 'groups', 'sone-nord.yaml'), 'utf8') + '\ncertificate: { min_sessions: 4 }\n',
    );
    ok(['attendance', 'sone-nord', '5', '--none'], a);
    const build = runCliProcess(['build', 'sone-nord'], { cwd: a });
    expect(build.code).toBe(0);
    expect(build.stderr).toContain(
      'får ikke kursbevis (minst 4 samlinger): Siri Ødegård (1 av 5), Jonas Æsøy (2 av 5)',
    );
    expect(existsSync(join(a, 'ut', 'sone-nord', 'skjema', 'kursbevis', 'ali-khan.docx'))).toBe(true);
    expect(existsSync(join(a, 'ut', 'sone-nord', 'skjema', 'kursbevis', 'siri-odegard.docx'))).toBe(false);
    const status = ok(['status', '--today', '2027-04-01'], a).stdout;
    expect(status).toContain('1 kursbevis å skrive ut og signere');
    expect(status).toContain('får ikke kursbevis, under 4 samlinger: Siri Ødegård (1 av 5)');
    expect(status).toContain('kurset er ferdig: avtal evalueringsmøtet med Per Hansen');
  });

  it('report reads Word- and LibreOffice-saved forms with the same numbers', () => {
    const evaluation = {
      'tema-1-vurdering-4': true,
      'tema-2-vurdering-5': true,
      'tema-3-vurdering-3': true,
      'tema-4-vurdering-4': true,
      'tema-5-vurdering-2': true,
      'mal-1-1-ja': true,
      'mal-1-2-delvis': true,
      praksis: 'Vi spør brukerne hva som er viktig for dem – også på kveldsvakt (æøå ÆØÅ).',
      videre: 'Refleksjon hver måned; Siri følger opp.',
    };
    const followUp = {
      's1-erfaringer': 'Godt samarbeid i gruppen',
      's2-utprovd': 'Sjekkliste for hverdagsmestring',
      's2-tiltak-1': 'Innføre sjekklisten i sone nord',
      's2-ansvarlig-1': 'Kari Nordmann',
      's2-frist-1': '01.06.2027',
      's3-tiltak-1': 'Lage egen oppskrift',
      's3-frist-1': '15.03.2027',
    };
    const dirs: string[] = [];
    for (const how of ['word', 'libreoffice']) {
      const w = bareDemo();
      const inbox = join(w, 'utfylt', 'sone-nord');
      mkdirSync(inbox, { recursive: true });
      fillForm(join(forms, 'evalueringsskjema.docx'), join(inbox, 'evaluering.docx'), evaluation);
      fillForm(join(forms, 'oppfolgingsskjema.docx'), join(inbox, 'oppfolging.docx'), followUp);
      if (how === 'libreoffice') {
        for (const f of ['evaluering.docx', 'oppfolging.docx']) libreOfficeResave(join(inbox, f), join(inbox, f));
      }
      const r = runCliProcess(['report', '--today', '2027-04-01'], { cwd: w });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('sone-nord: 2 skjema lest, oppmøte ikke registrert');
      dirs.push(join(w, 'ut', 'rapport'));
    }
    for (const f of ['vurderinger.csv', 'svar.csv', 'tiltak.csv', 'oppmote.csv']) {
      expect(readFileSync(join(dirs[1]!, f), 'utf8'), f).toBe(readFileSync(join(dirs[0]!, f), 'utf8'));
    }
    const ratings = readFileSync(join(dirs[0]!, 'vurderinger.csv'), 'utf8');
    expect(ratings.startsWith('\uFEFFGruppe;Samling;Tema;Vurdering (1–5)\r\n')).toBe(true);
    expect(ratings).toContain(
      'Hjemmetjenesten sone nord;5;Funksjons- og mestringsevne, selvstendighet og deltakelse;2\r\n',
    );
    const actions = readFileSync(join(dirs[0]!, 'tiltak.csv'), 'utf8');
    expect(actions).toContain(
      'Hjemmetjenesten sone nord;2;Innføre sjekklisten i sone nord;Kari Nordmann;2027-06-01;nei;utfylt/sone-nord/oppfolging.docx',
    );
    expect(actions).toContain(';3;Lage egen oppskrift;;2027-03-15;ja;');
    const html = readFileSync(join(dirs[0]!, 'rapport.html'), 'utf8');
    expect(html).toContain(
      '<tr><td>5</td><th scope="row">Funksjons- og mestringsevne, selvstendighet og deltakelse</th><td class="num">2,0</td><td class="num">1</td></tr>',
    );
    expect(html).toContain('Vi spør brukerne hva som er viktig for dem – også på kveldsvakt (æøå ÆØÅ).');
    expect(html).toContain('kan inneholde personopplysninger');
    expect(readFileSync(join(dirs[1]!, 'rapport.html'), 'utf8')).toBe(html);
  });

  it('unfilled, half-filled, out-of-scale and not-a-form files each get a line naming the file', () => {
    const w = bareDemo();
    const inbox = join(w, 'utfylt', 'sone-nord');
    mkdirSync(inbox, { recursive: true });
    copyFileSync(join(forms, 'evalueringsskjema.docx'), join(inbox, 'a-tomt.docx'));
    fillForm(join(forms, 'evalueringsskjema.docx'), join(inbox, 'b-halvt.docx'), {
      'tema-1-vurdering-5': true,
      'tema-2-vurdering-4': true,
    });
    fillForm(join(forms, 'evalueringsskjema.docx'), join(inbox, 'c-skala.docx'), {
      'tema-1-vurdering-1': true,
      'tema-1-vurdering-5': true,
      'tema-2-vurdering-4': true,
      'tema-3-vurdering-3': true,
      'tema-4-vurdering-4': true,
      'tema-5-vurdering-5': { tag: 'tema-5-vurdering-7', value: true },
    });
    plainDocx(join(inbox, 'd-referat.docx'));
    writeFileSync(join(inbox, 'e-ødelagt.docx'), 'dette er ingen Word-fil');
    const r = runCliProcess(['report', '--today', '2027-04-01'], { cwd: w });
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'advarsel: utfylt/sone-nord/a-tomt.docx: er ikke fylt ut (ingen felt har svar)',
      'advarsel: utfylt/sone-nord/b-halvt.docx: delvis utfylt: 2 av 5 temaer er vurdert (mangler samling 3, samling 4, samling 5)',
      'advarsel: utfylt/sone-nord/c-skala.docx: vurderingen 7 for samling 5 er utenfor skalaen 1–5 og er ikke tatt med',
      'advarsel: utfylt/sone-nord/c-skala.docx: samling 1 (Hva er et refleksjonsprogram?) har 2 kryss i vurderingen (1 og 5); ikke tatt med',
      'advarsel: utfylt/sone-nord/c-skala.docx: delvis utfylt: 3 av 5 temaer er vurdert (mangler samling 5)',
      'advarsel: utfylt/sone-nord/d-referat.docx: er ikke et skjema fra refleks (fant ingen av feltene refleks skriver)',
      'advarsel: utfylt/sone-nord/e-ødelagt.docx: er ikke en Word-fil (.docx) – kunne ikke pakke den ut',
    ]);
    const html = readFileSync(join(w, 'ut', 'rapport', 'rapport.html'), 'utf8');
    expect(html).toContain('utfylt/sone-nord/d-referat.docx: er ikke et skjema fra refleks');
    // The usable ratings still count: theme 2 rated 4 twice.
    expect(
      readFileSync(join(w, 'ut', 'rapport', 'vurderinger.csv'), 'utf8').match(
        /;2;Hva er mestringsfremmende praksis\?;4\r\n/g,
      ),
    ).toHaveLength(2);

    const bad = runCliProcess(['attendance', 'sone-nord', '--from-form', join(inbox, 'd-referat.docx')], { cwd: w });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('d-referat.docx: er ikke et skjema fra refleks');
  });

  it('the CSV opens in LibreOffice Calc with æøå intact, and the .xlsx reads back in exceljs and LibreOffice', async () => {
    const w = bareDemo();
    ok(['attendance', 'sone-nord', '1', '--all'], w);
    ok(['attendance', 'sone-nord', '2', 'Siri Ødegård', 'Jonas Æsøy'], w);
    ok(['report', '--today', '2027-04-01'], w);
    const dir = join(w, 'ut', 'rapport');
    // Semicolon-separated, UTF-8, as Calc's import dialog would be set for a Norwegian CSV.
    const xlsx = libreOfficeConvert(join(dir, 'oppmote.csv'), 'xlsx', join(w, 'calc'), 'CSV:59,34,76,1');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const rows = wb.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['Gruppe', 'Samling', 'Dato', 'Tema', 'Deltaker', 'Til stede']);
    // Calc reads the ISO dates as dates.
    expect(rows).toContainEqual([
      'Hjemmetjenesten sone nord',
      2,
      new Date('2027-01-26T00:00:00Z'),
      'Hva er mestringsfremmende praksis?',
      'Marte Lien-Åberg',
      'nei',
    ]);

    const ours = new ExcelJS.Workbook();
    await ours.xlsx.readFile(join(dir, 'rapport.xlsx'));
    expect(ours.worksheets.map((s) => s.name)).toEqual(['Oppmøte', 'Vurderinger', 'Svar', 'Tiltak']);
    expect(ours.worksheets[0]!.getRow(3).values).toEqual([
      undefined,
      'Hjemmetjenesten sone nord',
      1,
      '2027-01-12',
      'Hva er et refleksjonsprogram?',
      'Siri Ødegård',
      'ja',
    ]);
    // The library that reads .xlsx rosters (read-excel-file) reads it too.
    const { readSheet } = await import('read-excel-file/universal');
    const bytes = readFileSync(join(dir, 'rapport.xlsx'));
    const sheet = (await readSheet(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      1,
    )) as unknown[][];
    expect(sheet[0]).toEqual(['Gruppe', 'Samling', 'Dato', 'Tema', 'Deltaker', 'Til stede']);
    expect(sheet).toContainEqual([
      'Hjemmetjenesten sone nord',
      2,
      '2027-01-26',
      'Hva er mestringsfremmende praksis?',
      'Jonas Æsøy',
      'ja',
    ]);
    const csv = libreOfficeConvert(
      join(dir, 'rapport.xlsx'),
      'csv:Text - txt - csv (StarCalc):59,34,76',
      join(w, 'calc'),
    );
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain('Hjemmetjenesten sone nord;2;2027-01-26;Hva er mestringsfremmende praksis?;Jonas Æsøy;ja');
    // The same report twice gives the same bytes.
    const before = readFileSync(join(dir, 'rapport.xlsx'));
    rmSync(join(dir, 'rapport.xlsx'));
    ok(['report', '--today', '2027-04-01'], w);
    expect(readFileSync(join(dir, 'rapport.xlsx')).equals(before)).toBe(true);
  });
});
