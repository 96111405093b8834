/**
 * The real clients read the forms: LibreOffice converts every one of the
 * demo's .docx files (tagged PDF, headings, language), python-docx reads them
 * back and finds the group, the participants and the dates where they
 * belong, and `forms --pdf` writes PDF/A-2.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatSessionTime, formatShortDate } from '../../src/core/format-date.js';
import { planGroup } from '../../src/core/schedule.js';
import { copyWorkspace, ROOT, runCli, treeHashes } from '../helpers/cli.js';
import { hasCommand, hasPythonModule, PYTHON, requireTool } from '../helpers/tools.js';
import { loadDemo } from '../unit/forms.helpers.js';

const HAS_SOFFICE = requireTool(
  hasCommand('soffice') && hasCommand('pdfinfo'),
  'LibreOffice (soffice) and poppler-utils',
);
const HAS_DOCX = requireTool(hasPythonModule('docx'), 'python3-docx');
const READER = join(ROOT, 'tests', 'clients', 'read_docx.py');
const EPOCH = { SOURCE_DATE_EPOCH: '1793520000' };

let dir = '';
let docs: string[] = [];

function walk(d: string): string[] {
  return readdirSync(d)
    .sort()
    .flatMap((name) => (statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [join(d, name)]));
}

beforeAll(async () => {
  dir = copyWorkspace();
  const r = await runCli(['forms'], { cwd: dir, env: EPOCH });
  if (r.code !== 0) throw new Error(r.stderr);
  docs = walk(join(dir, 'ut')).filter((p) => p.endsWith('.docx'));
});

function pdfinfo(args: string[]): string {
  const r = spawnSync('pdfinfo', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe.runIf(HAS_SOFFICE)('LibreOffice', () => {
  it('converts every generated form to a tagged PDF with headings and language, in one run', async () => {
    // Three staff groups with four forms, Mestringstreff with three (no follow-up), and the certificates.
    expect(docs.length).toBe(3 * 4 + 3 + 5 + 4 + 6 + 7);
    const work = mkdtempSync(join(tmpdir(), 'refleks-lo-'));
    // Names collide across groups; LibreOffice names its output after the input.
    const flat = docs.map((d, i) => {
      const p = join(work, `${String(i).padStart(3, '0')}.docx`);
      copyFileSync(d, p);
      return p;
    });
    const started = Date.now();
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}',
        '--outdir',
        join(work, 'pdf'),
        ...flat,
      ],
      { encoding: 'utf8', timeout: 300_000, env: { ...process.env, HOME: work } },
    );
    expect(r.status, r.stderr).toBe(0);
    console.log(`LibreOffice converted ${docs.length} forms in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    docs.forEach((doc, i) => {
      const name = relative(dir, doc);
      const pdf = join(work, 'pdf', `${String(i).padStart(3, '0')}.pdf`);
      expect(existsSync(pdf), name).toBe(true);
      const info = pdfinfo([pdf]);
      expect(info, name).toMatch(/Tagged:\s+yes/);
      expect(info, name).toMatch(/Page size:.*\(A4\)/);
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1]), name).toBeGreaterThanOrEqual(1);
      expect(info, name).toMatch(/Title:\s+\S/);
      expect(readFileSync(pdf).toString('latin1'), name).toContain('/Lang(nb-NO)');
      const struct = pdfinfo(['-struct', pdf]);
      expect(struct, name).toMatch(/^\s*H1\b/m);
      // The attendance list is one table under its title; the others have sections.
      if (!name.includes('oppmoteliste')) expect(struct, name).toMatch(/^\s*H2\b/m);
      expect(struct, name).toMatch(/^\s*Table\b/m);
      if (name.includes('oppfolgingsskjema') || name.includes('evalueringsskjema'))
        expect(struct, name).toMatch(/^\s*H3\b/m);
      // A certificate is one page with the workspace's logo on it, and no page number.
      if (name.includes('/kursbevis/')) {
        expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1]), name).toBe(1);
        const images = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
        expect(images.length, name).toBeGreaterThanOrEqual(1);
      }
    });
    const cert = docs.findIndex((d) => d.endsWith('kursbevis/siri-odegard.docx'));
    const txt = spawnSync('pdftotext', [join(work, 'pdf', `${String(cert).padStart(3, '0')}.pdf`), '-'], {
      encoding: 'utf8',
    }).stdout;
    expect(txt).toContain('Siri Ødegård');
    expect(txt).toContain('Kursbevis');
    expect(txt).not.toMatch(/Side \d+ av \d+/);
    rmSync(work, { recursive: true, force: true });
  });

  it('writes PDF/A-2 with --pdf, and leaves them alone when run again', async () => {
    const ws = copyWorkspace();
    const first = await runCli(['forms', 'sone-nord', '--pdf'], { cwd: ws, env: EPOCH });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('sone-nord: 18 skrevet, 0 uendret');
    const pdf = join(ws, 'ut', 'sone-nord', 'skjema', 'planleggingsskjema.pdf');
    const meta = pdfinfo(['-meta', pdf]);
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(pdfinfo([pdf])).toMatch(/Tagged:\s+yes/);
    // The document dates are the issue time, not the time of conversion.
    expect(pdfinfo(['-isodates', pdf])).toMatch(/CreationDate:\s+2026-11-01T08:00:00/);
    expect(existsSync(join(ws, 'ut', 'sone-nord', 'skjema', 'kursbevis', 'jonas-aesoy.pdf'))).toBe(true);
    const before = treeHashes(join(ws, 'ut'));
    const again = await runCli(['forms', 'sone-nord', '--pdf'], { cwd: ws, env: EPOCH });
    expect(again.stdout).toContain('sone-nord: 0 skrevet, 18 uendret');
    expect(treeHashes(join(ws, 'ut'))).toEqual(before);
  });
});

interface ReadBack {
  title: string;
  subject: string;
  language: string;
  paragraphs: { style: string; text: string }[];
  tables: string[][][];
  sections: { width_mm: number; height_mm: number; left_mm: number; header: string }[];
}

describe.runIf(HAS_DOCX)('python-docx', () => {
  it('reads every form back and finds the group, the participants and the dates where they belong', async () => {
    const r = spawnSync(PYTHON, [READER, ...docs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    const read = JSON.parse(r.stdout) as Record<string, ReadBack>;
    const ws = loadDemo();
    for (const g of ws.groups) {
      const sessions = planGroup(g, ws.settings).sessions;
      const folder = join(dir, 'ut', g.id, 'skjema');
      const get = (name: string) => {
        const doc = read[join(folder, name)];
        if (!doc) throw new Error(`python-docx did not read ${name}`);
        return doc;
      };
      const forms = [
        'planleggingsskjema.docx',
        'oppfolgingsskjema.docx',
        'evalueringsskjema.docx',
        'deltakerevaluering.docx',
        'oppmoteliste.docx',
      ].filter((n) => existsSync(join(folder, n)));
      expect(forms).toHaveLength(g.programmeId === 'mestringstreff' ? 3 : 4);
      for (const name of forms) {
        const doc = get(name);
        expect(doc.title, name).toContain(g.name);
        expect(doc.language).toBe('nb-NO');
        expect(doc.paragraphs[0]!.style, name).toBe('Heading 1');
        // The participants' evaluation is headed by its question; its properties name the group as well.
        expect(doc.title.startsWith(doc.paragraphs[0]!.text), name).toBe(true);
        expect(doc.sections[0]!.header).toBe(ws.settings.organisation);
        expect([doc.sections[0]!.width_mm, doc.sections[0]!.height_mm].sort()).toEqual([210, 297]);
      }

      // Planning: the participants in the participants' table, each session's date and time in the programme table.
      const planning = get('planleggingsskjema.docx');
      const people = planning.tables.find((t) => t[0]![1] === 'Navn')!;
      expect(people.slice(1).map((row) => row[1])).toEqual(g.participants.map((p) => p.name));
      const programme = planning.tables.find((t) => t[0]![2] === 'Dato og tid')!;
      expect(programme.slice(1).map((row) => row[1]!.split('\n')[0])).toEqual(sessions.map((s) => s.theme.theme.title));
      sessions.forEach((s, i) =>
        expect(programme[i + 1]![2]).toContain(formatSessionTime(s.date, s.start, s.end, 'nb')),
      );
      const facts = planning.tables[0]!;
      expect(facts.find((row) => row[0] === 'Gruppe')?.[1]).toBe(g.name);
      // «Veileder», or «Kursleder (fagperson)» where two lead as equals.
      expect(facts.find((row) => /^(Veileder|Kursleder)\b/.test(row[0]!))?.[1]).toContain(g.facilitator.name);

      // Follow-up: a heading per session with its date under it.
      const followUp = forms.includes('oppfolgingsskjema.docx') ? get('oppfolgingsskjema.docx') : undefined;
      for (const s of followUp ? sessions : []) {
        const at = followUp!.paragraphs.findIndex(
          (p) => p.style === 'Heading 2' && p.text.startsWith(`Samling ${s.number}:`),
        );
        expect(at, `${g.id} session ${s.number}`).toBeGreaterThan(0);
        expect(followUp!.paragraphs[at + 1]!.text).toBe(formatSessionTime(s.date, s.start, s.end, 'nb'));
      }

      // Attendance: participants down the first column, session dates across the header.
      const attendance = get('oppmoteliste.docx').tables[0]!;
      expect(attendance.slice(1).map((row) => row[0])).toEqual(g.participants.map((p) => p.name));
      expect(attendance[0]!.slice(1).map((h) => h.split('\n')[1])).toEqual(
        sessions.map((s) => formatShortDate(s.date, 'nb')),
      );

      // Certificates: one's own name, nobody else's.
      const certs = readdirSync(join(folder, 'kursbevis'));
      expect(certs).toHaveLength(g.participants.length);
      for (const file of certs) {
        const cert = get(`kursbevis/${file}`);
        const all = [...cert.paragraphs.map((p) => p.text), ...cert.tables.flat(2)].join('\n');
        const named = g.participants.filter((p) => all.includes(p.name));
        expect(named, file).toHaveLength(1);
        expect(cert.title).toBe(`Kursbevis – ${named[0]!.name}`);
        expect(
          cert.paragraphs.filter((p) => p.text === named[0]!.name),
          file,
        ).toHaveLength(1);
        expect(all).toContain(g.facilitator.name);
      }
    }
  });
});
