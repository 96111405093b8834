import { existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyWorkspace, DEMO, runCli } from '../helpers/cli.js';

describe('refleks (foundation commands)', () => {
  it('prints help in Norwegian with examples, and in English on request', async () => {
    const nb = await runCli(['--help']);
    expect(nb.code).toBe(0);
    expect(nb.stdout).toContain('Bruk: refleks');
    expect(nb.stdout).toContain('Kommandoer:');
    const sub = await runCli(['programmes', '--help']);
    expect(sub.stdout).toContain('Eksempler:');
    expect(sub.stdout).toContain('refleks programmes show mestring');
    const en = await runCli(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: refleks');
    expect(en.stdout).toContain('Commands:');
  });

  it('prints its version from package.json', async () => {
    const r = await runCli(['--version']);
    const pkg = JSON.parse(readFileSync(join(DEMO, '../../package.json'), 'utf8'));
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 on wrong usage, with a Norwegian message', async () => {
    const r = await runCli(['validat']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ukjent kommando');
    const o = await runCli(['validate', '--nonsense', '-w', DEMO]);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain("ukjent valg '--nonsense'");
  });

  it('validates the demo workspace', async () => {
    const r = await runCli(['validate', '-w', DEMO]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Alt i orden: 4 grupper, 3 program/);
  });

  it('finds the workspace by walking up from a subfolder', async () => {
    const r = await runCli(['groups'], { cwd: join(DEMO, 'groups') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sone-nord');
    expect(r.stdout).toContain('Hjemmetjenesten sone nord');
  });

  it('says how to create a workspace when there is none (exit 2)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'refleks-none-'));
    const r = await runCli(['validate'], { cwd: empty });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refleks init');
  });

  it('lists groups with programme, facilitator, participant count and first date', async () => {
    const r = await runCli(['groups', '-w', DEMO]);
    const line = r.stdout.split('\n').find((l) => l.startsWith('sykehjem-kombinert'))!;
    expect(line).toContain('kombinert');
    expect(line).toContain('Tone Bakke');
    expect(line).toMatch(/\s6\s/);
    expect(line).toContain('22.04.2027');
  });

  it('lists the built-in programmes and shows one', async () => {
    const list = await runCli(['programmes']);
    for (const id of ['rehabilitering', 'mestring', 'mestringstreff']) expect(list.stdout).toContain(id);
    const show = await runCli(['programmes', 'show', 'rehabilitering']);
    expect(show.stdout).toContain('rehabilitering/2  Brukermedvirkning og samskaping');
    const typo = await runCli(['programmes', 'show', 'mestrng']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('mente du «mestring»');
  });

  it('lets a workspace programme replace a built-in one by id', async () => {
    const ws = copyWorkspace();
    const original = readFileSync(join(DEMO, '../../programmes/mestring.yaml'), 'utf8');
    mkdirSync(join(ws, 'programmes'), { recursive: true });
    writeFileSync(
      join(ws, 'programmes/mestring.yaml'),
      original.replace(/^short_title: .*$/m, 'short_title: Mestring (Lillevik)'),
    );
    const r = await runCli(['programmes', '-w', ws]);
    const line = r.stdout.split('\n').find((l) => l.startsWith('mestring '))!;
    expect(line).toContain('Mestring (Lillevik)');
    expect(line).toContain('programmes/mestring.yaml');
  });

  it('init creates a commented workspace that validates, and never overwrites one', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'refleks-init-')), 'kurs-2027');
    const r = await runCli([
      'init',
      dir,
      '--organisation',
      'Lillevik kommune',
      '--organiser',
      'Ingrid Solberg <ingrid@lillevik.kommune.no>',
    ]);
    expect(r.code).toBe(0);
    for (const sub of ['groups', 'programmes', 'templates']) expect(existsSync(join(dir, sub))).toBe(true);
    const text = readFileSync(join(dir, 'refleks.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*workspace\.schema\.json$/m);
    expect(text).toContain('# Kommune og tjeneste');
    const data = parse(text);
    expect(data.organisation).toBe('Lillevik kommune');
    expect(data.organiser).toEqual({ name: 'Ingrid Solberg', email: 'ingrid@lillevik.kommune.no' });
    expect((await runCli(['validate', '-w', dir])).code).toBe(0);
    const again = await runCli(['init', dir]);
    expect(again.code).toBe(2);
    expect(readFileSync(join(dir, 'refleks.yaml'), 'utf8')).toBe(text);
  });

  it('status shows the coming sessions and what moved', async () => {
    const r = await runCli(['status', '-w', DEMO, '--today', '2027-02-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tirsdag 9. februar 2027 kl. 13.00–15.00  Hjemmetjenesten sone nord');
    expect(r.stdout).toContain(
      'samling 4 er flyttet fra tirsdag 23. februar 2027 (Vinterferie) til tirsdag 2. mars 2027',
    );
    expect(r.stdout).toMatch(/Pågår: 1 \(sone-nord\)/);
    const later = await runCli(['status', '-w', DEMO, '--today', '2027-12-01', '--json']);
    const data = JSON.parse(later.stdout);
    expect(data.upcoming).toEqual([]);
    expect(data.groups.every((g: { phase: string }) => g.phase === 'finished')).toBe(true);
  });

  it("validate also checks the workspace's templates and form wording, and lists what scheduling moves", async () => {
    const ok = await runCli(['validate', '-w', DEMO]);
    expect(ok.stdout).toContain(
      'merk: groups/sykehjem-kombinert.yaml: samling 2 flyttes fra torsdag 6. mai 2027 (Kristi himmelfartsdag) til torsdag 13. mai 2027',
    );
    const ws = copyWorkspace();
    mkdirSync(join(ws, 'templates/partials'), { recursive: true });
    writeFileSync(
      join(ws, 'templates/partials/agenda.html.hbs'),
      '<ol>\n{{#each agenda}}<li>{{title}}</li>{{/eac}}</ol>\n',
    );
    mkdirSync(join(ws, 'templates/forms'), { recursive: true });
    writeFileSync(join(ws, 'templates/forms/nb.yaml'), 'planing:\n  title: Plan\n');
    const r = await runCli(['validate'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/partials/agenda.html.hbs:2:');
    expect(r.stderr).toContain('{{/eac}}');
    expect(r.stderr).toContain('templates/forms/nb.yaml:1:1: planing: ukjent felt «planing». Mente du «planning»?');
  });
});
