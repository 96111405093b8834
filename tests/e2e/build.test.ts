import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyWorkspace, DEMO, ROOT, runCli, treeHashes } from '../helpers/cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1798761600' };

describe('refleks build', () => {
  it('produces the same bytes as schedule, forms and packs run one by one', async () => {
    const a = copyWorkspace();
    const b = copyWorkspace();
    const built = (await runCli(['build'], { cwd: a, env: EPOCH }));
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    for (const cmd of ['schedule', 'forms', 'packs']) {
      const r = (await runCli([cmd], { cwd: b, env: EPOCH }));
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(0);
    }
    const ta = treeHashes(join(a, 'ut'));
    const tb = treeHashes(join(b, 'ut'));
    expect(Object.keys(ta).length).toBeGreaterThan(100);
    expect(ta).toEqual(tb);
    // Every kind of output is there for every group.
    for (const g of ['sone-nord', 'rehab-teamet', 'sykehjem-kombinert', 'mestringstreff-var']) {
      const mine = Object.keys(ta).filter((p) => p.startsWith(`${g}/`));
      expect(mine.some((p) => p.endsWith('kalender.ics')), g).toBe(true);
      expect(mine.some((p) => p.includes('/invitasjoner/')), g).toBe(true);
      expect(mine.some((p) => p.endsWith('skjema/evalueringsskjema.docx')), g).toBe(true);
      expect(mine.some((p) => p.endsWith('veileder/index.html')), g).toBe(true);
    }
  });

  it('skips unchanged groups, rebuilds only a changed one, and writes nothing when nothing changed', async () => {
    const ws = copyWorkspace();
    expect((await runCli(['build'], { cwd: ws, env: EPOCH })).code).toBe(0);
    const before = treeHashes(ws);
    const again = (await runCli(['build'], { cwd: ws, env: EPOCH }));
    expect(again.stdout).toContain('Ingenting å gjøre: alt er oppdatert (4 grupper)');
    expect(treeHashes(ws)).toEqual(before);

    const file = join(ws, 'groups/sone-nord.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nsessions:\n  3: { date: 2027-02-11 }\n');
    const changed = (await runCli(['build'], { cwd: ws, env: EPOCH }));
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/sone-nord: \d+ filer skrevet.*invitasjoner å sende: 1 endret/);
    expect(changed.stdout).toContain('rehab-teamet: uendret, hoppet over');
    const after = treeHashes(ws);
    const differing = Object.keys(after).filter((p) => before[p] !== after[p] && p.startsWith('ut/'));
    expect(differing.every((p) => p.startsWith('ut/sone-nord/'))).toBe(true);
    expect(differing).toContain('ut/sone-nord/invitasjoner/samling-3.ics');
    expect(differing).not.toContain('ut/sone-nord/invitasjoner/samling-2.ics');
  });

  it('skips an unchanged group whose id differs from its file name', async () => {
    const ws = copyWorkspace();
    const file = join(ws, 'groups/sone-nord.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Hjemmetjenesten sone nord', 'id: sone-nord-2027\nname: Hjemmetjenesten sone nord'));
    expect((await runCli(['build'], { cwd: ws, env: EPOCH })).stdout).toMatch(/sone-nord: \d+ filer skrevet/);
    expect((await runCli(['build'], { cwd: ws, env: EPOCH })).stdout).toContain('Ingenting å gjøre');
    expect(Object.keys(treeHashes(join(ws, 'ut'))).some((p) => p.startsWith('sone-nord-2027/'))).toBe(true);
  });

  it('rebuilds a group whose outputs were deleted', async () => {
    const ws = copyWorkspace();
    (await runCli(['build'], { cwd: ws, env: EPOCH }));
    rmSync(join(ws, 'ut/rehab-teamet'), { recursive: true });
    const r = (await runCli(['build'], { cwd: ws, env: EPOCH }));
    expect(r.stdout).toMatch(/rehab-teamet: \d+ filer skrevet/);
    expect(r.stdout).toContain('sone-nord: uendret');
  });

  it('reports a broken group with its file and still builds the others (exit 1)', async () => {
    const ws = copyWorkspace();
    const file = join(ws, 'groups/rehab-teamet.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('start: 2027-03-11', 'start: 2027-02-30'));
    const r = (await runCli(['build'], { cwd: ws, env: EPOCH }));
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
    const r = (await runCli(['build', '--jobs', '2', '--json'], { cwd: b, env: EPOCH }));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.groups.map((g: { id: string; status: string }) => [g.id, g.status])).toEqual([
      ['mestringstreff-var', 'built'], ['rehab-teamet', 'built'], ['sone-nord', 'built'], ['sykehjem-kombinert', 'built'],
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
    const r = (await runCli(['build', '--dry-run'], { cwd: ws, env: EPOCH }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ingenting er skrevet');
    expect(treeHashes(ws)).toEqual(before);
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

  it.each([[['--help']], [['validate', '-w', DEMO]], [['status', '-w', DEMO, '--today', '2027-01-01']], [['groups', '-w', DEMO]]])('%j loads neither docx, Handlebars nor the prompts', async (args) => {
    const imports = traced(args);
    expect(imports).toContain('/dist/bundle/cli.js');
    for (const heavy of ['/node_modules/docx/', '/node_modules/handlebars/', '/node_modules/@inquirer/', '/node_modules/csv-parse/', '/node_modules/date-holidays']) {
      expect(imports, heavy).not.toContain(heavy);
    }
  });

  it('--help does not even load the YAML parser', async () => {
    const loaded = traced(['--help']).split('\n').filter((u) => u.startsWith('file:'));
    expect(loaded.some((u) => u.includes('/node_modules/yaml/'))).toBe(false);
    // In the bundle, yaml lives in a chunk of its own that --help must not load.
    for (const url of loaded.filter((u) => u.includes('/dist/bundle/'))) {
      expect(readFileSync(new URL(url), 'utf8'), url).not.toContain('YAMLMap');
    }
  });
});
