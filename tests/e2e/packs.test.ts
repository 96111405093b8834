/**
 * `refleks packs` and `refleks templates` as a coordinator runs them on a
 * copy of the demo: the files, overriding one partial or one programme's
 * templates, template mistakes reported with file and line, nothing written
 * on an error or a dry run.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyWorkspace, ROOT, runCli, treeHashes } from '../helpers/cli.js';

const PACKS = (dir: string, group: string) => join(dir, 'ut', group, 'veileder');

function readPacks(dir: string, group: string): Record<string, string> {
  const folder = PACKS(dir, group);
  return Object.fromEntries(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
}

const AGENDA_HEADER = '<th scope="col">Tid</th><th scope="col">Innhold</th><th scope="col">Minutter</th>';

describe('refleks packs', () => {
  it('writes a pack and a handout per theme for every demo group, then leaves them alone', async () => {
    const dir = copyWorkspace();
    const r = await runCli(['packs'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const [group, themes] of [
      ['sone-nord', 5],
      ['rehab-teamet', 5],
      ['sykehjem-kombinert', 5],
      ['mestringstreff-var', 6],
    ] as const) {
      const files = readdirSync(PACKS(dir, group));
      expect(files.filter((f) => /^tema-\d+-[a-z0-9-]+\.html$/.test(f))).toHaveLength(themes);
      expect(files.filter((f) => /^tema-\d+-[a-z0-9-]+\.md$/.test(f))).toHaveLength(themes);
      // Handouts are in a folder of their own, next to the facilitator's.
      expect(files.filter((f) => f.startsWith('deltakerark-'))).toEqual([]);
      const handouts = readdirSync(join(dir, 'ut', group, 'deltaker'));
      expect(handouts.filter((f) => /^deltakerark-\d+-[a-z0-9-]+\.html$/.test(f))).toHaveLength(themes);
      expect(handouts.filter((f) => /^deltakerark-\d+-[a-z0-9-]+\.md$/.test(f))).toHaveLength(themes);
      expect(files).toContain('index.html');
      expect(files).toContain('alle.html');
      expect(r.stdout).toContain(`${group}: ${themes * 4 + 2} skrevet, 0 uendret`);
    }
    const kombinert = readPacks(dir, 'sykehjem-kombinert');
    const first = Object.entries(kombinert).find(([f]) => f.startsWith('tema-1-') && f.endsWith('.html'))![1];
    expect(first).toContain('<tr><th scope="row">14.30–14.40</th>');
    expect(first).toContain('<tr><th scope="row">14.40–14.55</th>');

    const before = treeHashes(dir);
    const again = await runCli(['packs'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('sone-nord: 0 skrevet, 22 uendret');
    const after = treeHashes(dir);
    for (const [path, hash] of Object.entries(before))
      if (!path.startsWith('.refleks')) expect(after[path], path).toBe(hash);
  });

  it('--dry-run writes nothing and lists the files; one group only when named', async () => {
    const dir = copyWorkspace();
    const before = treeHashes(dir);
    const r = await runCli(['packs', 'sone-nord', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+ ut/sone-nord/veileder/index.html');
    expect(r.stdout).not.toContain('rehab-teamet');
    expect(treeHashes(dir)).toEqual(before);
  });

  it('an override of one partial changes only that part', async () => {
    const dir = copyWorkspace();
    expect((await runCli(['packs', 'sone-nord'], { cwd: dir })).code).toBe(0);
    const original = readPacks(dir, 'sone-nord');

    const eject = await runCli(['templates', 'eject', 'partials/agenda.html.hbs'], { cwd: dir });
    expect(eject.code).toBe(0);
    const path = join(dir, 'templates', 'partials', 'agenda.html.hbs');
    expect(eject.stdout).toContain(path);
    writeFileSync(path, readFileSync(path, 'utf8').replace('{{labels.agendaTime}}', 'Klokka'));

    const r = await runCli(['packs', 'sone-nord', '--force'], { cwd: dir });
    expect(r.stderr).toBe('');
    const changed = readPacks(dir, 'sone-nord');
    for (const [name, text] of Object.entries(original)) {
      if (/^tema-.*\.html$/.test(name)) {
        expect(text).toContain(AGENDA_HEADER);
        expect(changed[name], name).toBe(text.replace(AGENDA_HEADER, AGENDA_HEADER.replace('>Tid<', '>Klokka<')));
      } else if (name === 'alle.html') {
        expect(changed[name]).toBe(text.split(AGENDA_HEADER).join(AGENDA_HEADER.replace('>Tid<', '>Klokka<')));
      } else {
        expect(changed[name], name).toBe(text);
      }
    }
  });

  it('a programme-specific template wins over the workspace one, also inside a combined group', async () => {
    const dir = copyWorkspace();
    mkdirSync(join(dir, 'templates', 'partials'), { recursive: true });
    mkdirSync(join(dir, 'templates', 'mestring', 'partials'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'partials', 'agenda.html.hbs'), '<p>AGENDA FOR ALLE</p>\n');
    writeFileSync(join(dir, 'templates', 'mestring', 'partials', 'agenda.html.hbs'), '<p>AGENDA FOR MESTRING</p>\n');
    const r = await runCli(['packs'], { cwd: dir });
    expect(r.stderr).toBe('');
    const pack = (group: string, n: number) =>
      Object.entries(readPacks(dir, group)).find(([f]) => f.startsWith(`tema-${n}-`) && f.endsWith('.html'))![1];
    expect(pack('sone-nord', 1)).toContain('AGENDA FOR MESTRING');
    expect(pack('rehab-teamet', 1)).toContain('AGENDA FOR ALLE');
    // sykehjem-kombinert: mestring/1, rehabilitering/1, mestring/3, …
    expect(pack('sykehjem-kombinert', 1)).toContain('AGENDA FOR MESTRING');
    expect(pack('sykehjem-kombinert', 2)).toContain('AGENDA FOR ALLE');

    const list = await runCli(['templates'], { cwd: dir });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      /partials\/agenda\.html\.hbs\s+arbeidsområdet\s+templates\/partials\/agenda\.html\.hbs/,
    );
    expect(list.stdout).toMatch(
      /partials\/agenda\.html\.hbs\s+arbeidsområdet, bare mestring\s+templates\/mestring\/partials\/agenda\.html\.hbs/,
    );
    expect(list.stdout).toMatch(/packs\/pack\.html\.hbs\s+innebygd/);
  });

  it('--templates DIR wins over the workspace', async () => {
    const dir = copyWorkspace();
    mkdirSync(join(dir, 'templates', 'partials'), { recursive: true });
    mkdirSync(join(dir, 'mine', 'partials'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'partials', 'agenda.html.hbs'), '<p>WORKSPACE</p>\n');
    writeFileSync(join(dir, 'mine', 'partials', 'agenda.html.hbs'), '<p>MINE</p>\n');
    expect((await runCli(['packs', 'sone-nord', '--templates', 'mine'], { cwd: dir })).code).toBe(0);
    const pack = Object.entries(readPacks(dir, 'sone-nord')).find(
      ([f]) => f.startsWith('tema-1-') && f.endsWith('.html'),
    )![1];
    expect(pack).toContain('MINE');
    expect(pack).not.toContain('WORKSPACE');
    const missing = await runCli(['packs', '--templates', 'finnes-ikke'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('finnes-ikke');
  });

  it('a misspelt variable stops with file, line and variable, no stack trace and no files', async () => {
    const dir = copyWorkspace();
    mkdirSync(join(dir, 'templates', 'partials'), { recursive: true });
    const agenda = readFileSync(join(ROOT, 'templates', 'partials', 'agenda.html.hbs'), 'utf8');
    const lines = agenda.split('\n');
    const at = lines.findIndex((l) => l.includes('{{title}}'));
    lines[at] = lines[at]!.replace('{{title}}', '{{titel}}');
    writeFileSync(join(dir, 'templates', 'partials', 'agenda.html.hbs'), lines.join('\n'));
    const r = await runCli(['packs'], { cwd: dir });
    expect(r.code).toBe(1);
    const column = lines[at]!.indexOf('titel') + 1;
    expect(r.stderr).toContain(`templates/partials/agenda.html.hbs:${at + 1}:${column}: ukjent variabel «titel»`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'ut'))).toBe(false);
  });

  it('a syntax error names file and line; English messages with --lang en', async () => {
    const dir = copyWorkspace();
    mkdirSync(join(dir, 'templates', 'packs'), { recursive: true });
    writeFileSync(
      join(dir, 'templates', 'packs', 'handout.md.hbs'),
      '# {{theme.title}}\n\n{{#each theme.questions}}\n- {{this}\n{{/each}}\n',
    );
    const r = await runCli(['packs', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: templates\/packs\/handout\.md\.hbs:4: syntax error in the template/m);
    expect(existsSync(join(dir, 'ut'))).toBe(false);
  });

  it('a missing template names every path tried', async () => {
    const dir = copyWorkspace();
    mkdirSync(join(dir, 'templates', 'packs'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'packs', 'pack.html.hbs'), '{{> finnes-ikke}}\n');
    const r = await runCli(['packs', 'sone-nord'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/packs/pack.html.hbs:1:1');
    for (const p of [
      'templates/mestring/partials/finnes-ikke.html.hbs',
      'templates/partials/finnes-ikke.html.hbs',
      'refleks:templates/partials/finnes-ikke.html.hbs',
    ])
      expect(r.stderr).toContain(p);
  });
});

describe('refleks templates', () => {
  it('lists every built-in template and ejects one, refusing to overwrite', async () => {
    const dir = copyWorkspace();
    const list = await runCli(['templates'], { cwd: dir });
    expect(list.code).toBe(0);
    for (const name of [
      'packs/layout.html.hbs',
      'packs/pack.html.hbs',
      'packs/handout.html.hbs',
      'packs/index.html.hbs',
      'packs/pack.md.hbs',
      'partials/agenda.html.hbs',
      'partials/agenda.md.hbs',
      'partials/header.html.hbs',
      'partials/materials.html.hbs',
      'partials/people.html.hbs',
    ]) {
      expect(list.stdout).toMatch(new RegExp(`${name.replace(/\./g, '\\.')}\\s+innebygd`));
    }
    const first = await runCli(['templates', 'eject', 'packs/handout.md.hbs'], { cwd: dir });
    expect(first.code).toBe(0);
    const dest = join(dir, 'templates', 'packs', 'handout.md.hbs');
    expect(readFileSync(dest, 'utf8')).toBe(readFileSync(join(ROOT, 'templates', 'packs', 'handout.md.hbs'), 'utf8'));
    writeFileSync(dest, 'mine');
    const second = await runCli(['templates', 'eject', 'packs/handout.md.hbs'], { cwd: dir });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('templates/packs/handout.md.hbs');
    expect(readFileSync(dest, 'utf8')).toBe('mine');
    expect((await runCli(['templates'], { cwd: dir })).stdout).toMatch(/packs\/handout\.md\.hbs\s+arbeidsområdet/);
    const typo = await runCli(['templates', 'eject', 'partials/agenda.htm.hbs'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('partials/agenda.html.hbs');
  });
});
