import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyWorkspace, DEMO, ROOT, runCli, treeHashes } from '../helpers/cli.js';
import { hasCommand, requireTool } from '../helpers/tools.js';

const HAS_SOFFICE = requireTool(hasCommand('soffice'), 'LibreOffice (soffice)');

const EPOCH = { SOURCE_DATE_EPOCH: '1798761600' };

describe('refleks build', () => {
  it('writes every kind of output for every group', async () => {
    const a = copyWorkspace();
    const built = await runCli(['build'], { cwd: a, env: EPOCH });
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const ta = treeHashes(join(a, 'ut'));
    expect(Object.keys(ta).length).toBeGreaterThan(100);
    for (const g of ['sone-nord', 'rehab-teamet', 'sykehjem-kombinert', 'mestringstreff-var']) {
      const mine = Object.keys(ta).filter((p) => p.startsWith(`${g}/`));
      expect(
        mine.some((p) => p.endsWith('kalender.ics')),
        g,
      ).toBe(true);
      expect(
        mine.some((p) => p.includes('/invitasjoner/')),
        g,
      ).toBe(true);
      expect(
        mine.some((p) => /skjema\/(evalueringsskjema|deltakerevaluering)\.docx$/.test(p)),
        g,
      ).toBe(true);
      expect(
        mine.some((p) => p.endsWith('veileder/index.html')),
        g,
      ).toBe(true);
    }
    // Mestringstreff invites each person separately without being asked.
    expect(Object.keys(ta)).toContain('mestringstreff-var/invitasjoner/arne-fjeld/samling-1.ics');
  });

  it('takes the options of the single commands: --per-person, --templates', async () => {
    const ws = copyWorkspace();
    mkdirSync(join(ws, 'mine', 'partials'), { recursive: true });
    writeFileSync(join(ws, 'mine', 'partials', 'agenda.html.hbs'), '<p>MIN AGENDA</p>\n');
    const r = await runCli(['build', 'sone-nord', '--per-person', '--templates', 'mine'], { cwd: ws, env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    const files = Object.keys(treeHashes(join(ws, 'ut')));
    expect(files).toContain('sone-nord/invitasjoner/siri-odegard/samling-1.ics');
    expect(files).not.toContain('sone-nord/invitasjoner/samling-1.ics');
    // Besides sone-nord's files, only the workspace overview.
    expect(files.filter((f) => f !== 'index.html').every((f) => f.startsWith('sone-nord/'))).toBe(true);
    const pack = files.find((f) => /^sone-nord\/veileder\/tema-1-.*\.html$/.test(f))!;
    expect(readFileSync(join(ws, 'ut', pack), 'utf8')).toContain('MIN AGENDA');
    // A changed option is a changed input: built again, not skipped.
    expect((await runCli(['build', 'sone-nord'], { cwd: ws, env: EPOCH })).stdout).toMatch(
      /sone-nord: \d+ filer skrevet/,
    );
    expect(await runCli(['build', 'sone-sor'], { cwd: ws, env: EPOCH })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('sone-sor'),
    });
  });

  it('reports a damaged calendar state as schedule does, and builds the other groups', async () => {
    const ws = copyWorkspace();
    expect((await runCli(['build'], { cwd: ws, env: EPOCH })).code).toBe(0);
    writeFileSync(join(ws, '.refleks', 'calendar', 'sone-nord.json'), '{ not json');
    rmSync(join(ws, 'ut', 'rehab-teamet'), { recursive: true });
    const r = await runCli(['build'], { cwd: ws, env: EPOCH });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /feil: \.refleks\/calendar\/sone-nord\.json:1:\d+: kalenderstatusen er skadet: filen er ikke gyldig JSON/,
    );
    expect(r.stdout).toMatch(/rehab-teamet: \d+ filer skrevet/);
  });

  it('skips unchanged groups, rebuilds only a changed one, and writes nothing when nothing changed', async () => {
    const ws = copyWorkspace();
    expect((await runCli(['build'], { cwd: ws, env: EPOCH })).code).toBe(0);
    const before = treeHashes(ws);
    const again = await runCli(['build'], { cwd: ws, env: EPOCH });
    expect(again.stdout).toContain('Ingenting å gjøre: alt er oppdatert (4 grupper)');
    expect(treeHashes(ws)).toEqual(before);

    const file = join(ws, 'groups/sone-nord.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nsessions:\n  3: { date: 2027-02-11 }\n');
    const changed = await runCli(['build'], { cwd: ws, env: EPOCH });
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/sone-nord: \d+ filer skrevet.*invitasjoner å sende: 1 endret/);
    expect(changed.stdout).toContain('rehab-teamet: uendret, hoppet over');
    const after = treeHashes(ws);
    const differing = Object.keys(after).filter((p) => before[p] !== after[p] && p.startsWith('ut/'));
    // The overview shows every group's sessions, so it changes with any group.
    expect(differing.filter((p) => p !== 'ut/index.html').every((p) => p.startsWith('ut/sone-nord/'))).toBe(true);
    expect(differing).toContain('ut/index.html');
    expect(differing).toContain('ut/sone-nord/invitasjoner/samling-3.ics');
    expect(differing).not.toContain('ut/sone-nord/invitasjoner/samling-2.ics');
  });

  it('skips an unchanged group whose id differs from its file name', async () => {
    const ws = copyWorkspace();
    const file = join(ws, 'groups/sone-nord.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'name: Hjemmetjenesten sone nord',
        'id: sone-nord-2027\nname: Hjemmetjenesten sone nord',
      ),
    );
    expect((await runCli(['build'], { cwd: ws, env: EPOCH })).stdout).toMatch(/sone-nord: \d+ filer skrevet/);
    expect((await runCli(['build'], { cwd: ws, env: EPOCH })).stdout).toContain('Ingenting å gjøre');
    expect(Object.keys(treeHashes(join(ws, 'ut'))).some((p) => p.startsWith('sone-nord-2027/'))).toBe(true);
  });

  it('rebuilds a group whose outputs were deleted', async () => {
    const ws = copyWorkspace();
    await runCli(['build'], { cwd: ws, env: EPOCH });
    rmSync(join(ws, 'ut/rehab-teamet'), { recursive: true });
    const r = await runCli(['build'], { cwd: ws, env: EPOCH });
    expect(r.stdout).toMatch(/rehab-teamet: \d+ filer skrevet/);
    expect(r.stdout).toContain('sone-nord: uendret');
  });

  it('reports a broken group with its file and still builds the others (exit 1)', async () => {
    const ws = copyWorkspace();
    const file = join(ws, 'groups/rehab-teamet.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('start: 2027-03-11', 'start: 2027-02-30'));
    const r = await runCli(['build'], { cwd: ws, env: EPOCH });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('groups/rehab-teamet.yaml:');
    expect(r.stderr).toContain('«2027-02-30» er ikke en gyldig dato');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toMatch(/sone-nord: \d+ filer skrevet/);
    expect(Object.keys(treeHashes(join(ws, 'ut'))).some((p) => p.startsWith('rehab-teamet/'))).toBe(false);
  });

  it('gives the same result with worker threads as on one thread', async () => {
    const a = copyWorkspace();
    const b = copyWorkspace();
    expect((await runCli(['build', '--jobs', '1'], { cwd: a, env: EPOCH })).code).toBe(0);
    const r = await runCli(['build', '--jobs', '2', '--json'], { cwd: b, env: EPOCH });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.groups.map((g: { id: string; status: string }) => [g.id, g.status])).toEqual([
      ['mestringstreff-var', 'built'],
      ['rehab-teamet', 'built'],
      ['sone-nord', 'built'],
      ['sykehjem-kombinert', 'built'],
    ]);
    expect(report.groups[2].invitations).toEqual({ new: 5 });
    expect(treeHashes(join(a, 'ut'))).toEqual(treeHashes(join(b, 'ut')));
  });

  it('is reproducible: two builds in different folders and time zones are identical', async () => {
    const a = copyWorkspace();
    const b = copyWorkspace();
    expect((await runCli(['build'], { cwd: a, env: { ...EPOCH, TZ: 'UTC' } })).code).toBe(0);
    expect((await runCli(['build'], { cwd: b, env: { ...EPOCH, TZ: 'America/New_York' } })).code).toBe(0);
    expect(treeHashes(join(a, 'ut'))).toEqual(treeHashes(join(b, 'ut')));
  });

  it('writes nothing on a dry run', async () => {
    const ws = copyWorkspace();
    const before = treeHashes(ws);
    const r = await runCli(['build', '--dry-run'], { cwd: ws, env: EPOCH });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ingenting er skrevet');
    expect(treeHashes(ws)).toEqual(before);
  });
});

describe.runIf(HAS_SOFFICE)('refleks build --pdf', () => {
  it('writes a PDF next to every form, and skips the group when run again', async () => {
    const ws = copyWorkspace();
    const r = await runCli(['build', 'rehab-teamet', '--pdf'], { cwd: ws, env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    const files = Object.keys(treeHashes(join(ws, 'ut', 'rehab-teamet', 'skjema')));
    const docx = files.filter((f) => f.endsWith('.docx'));
    expect(docx.length).toBeGreaterThan(4);
    expect(files.filter((f) => f.endsWith('.pdf')).sort()).toEqual(
      docx.map((f) => f.replace(/\.docx$/, '.pdf')).sort(),
    );
    const pdf = readFileSync(join(ws, 'ut', 'rehab-teamet', 'skjema', 'evalueringsskjema.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // No PDFs of calendars or packs.
    expect(existsSync(join(ws, 'ut', 'rehab-teamet', 'kalender.pdf'))).toBe(false);
    expect((await runCli(['build', 'rehab-teamet', '--pdf'], { cwd: ws, env: EPOCH })).stdout).toContain(
      'Ingenting å gjøre',
    );
  });
});

describe('start-up', () => {
  const traced = (args: string[]) => {
    const log = join(mkdtempSync(join(tmpdir(), 'refleks-trace-')), 'imports.txt');
    writeFileSync(log, '');
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'tests/helpers/trace-imports.mjs'), BIN, ...args], {
      encoding: 'utf8',
      env: { ...process.env, REFLEKS_TRACE_IMPORTS: log, NO_COLOR: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(log, 'utf8');
  };

  it.each([
    [['--help']],
    [['validate', '-w', DEMO]],
    [['status', '-w', DEMO, '--today', '2027-01-01']],
    [['groups', '-w', DEMO]],
  ])('%j loads neither docx, Handlebars nor the prompts', async (args) => {
    const imports = traced(args);
    expect(imports).toContain('/dist/bundle/cli.js');
    for (const heavy of [
      '/node_modules/docx/',
      '/node_modules/handlebars/',
      '/node_modules/@inquirer/',
      '/node_modules/csv-parse/',
      '/node_modules/date-holidays',
    ]) {
      expect(imports, heavy).not.toContain(heavy);
    }
  });

  it('--help does not even load the YAML parser', async () => {
    const loaded = traced(['--help'])
      .split('\n')
      .filter((u) => u.startsWith('file:'));
    expect(loaded.some((u) => u.includes('/node_modules/yaml/'))).toBe(false);
    // In the bundle, yaml lives in a chunk of its own that --help must not load.
    for (const url of loaded.filter((u) => u.includes('/dist/bundle/'))) {
      expect(readFileSync(new URL(url), 'utf8'), url).not.toContain('YAMLMap');
    }
  });
});
