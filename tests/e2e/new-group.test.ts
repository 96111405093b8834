/**
 * `refleks new-group` as a coordinator meets it: the built CLI from flags
 * alone, without a terminal, and in a real pseudo-terminal driven through tmux
 * (keys in, screen out), on copies of the demo workspace.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, scratchWorkspaces, treeHashes } from '../helpers/cli.js';
import { hasCommand, requireTool } from '../helpers/tools.js';

const ROSTERS = new URL('../fixtures/rosters/', import.meta.url).pathname;
const workspace = scratchWorkspaces();

const FLAGS = [
  'new-group',
  '--programme',
  'mestring',
  '--name',
  'Hjemmetjenesten sone sør',
  '--facilitator',
  'Kari Nordmann <kari.nordmann@lillevik.kommune.no>',
  '--leader',
  'Per Hansen <per.hansen@lillevik.kommune.no>',
  '--start',
  '2027-03-02',
  '--time',
  '13:00',
  '--location',
  'Helsehuset, møterom 2',
];

async function validates(dir: string): Promise<void> {
  const v = await runCli(['validate', '-w', dir]);
  expect(v.stderr).toBe('');
  expect(v.code).toBe(0);
}

describe('refleks new-group (built CLI, no terminal)', () => {
  it('creates the group from flags alone; the file validates and carries its comments', async () => {
    const dir = workspace();
    const r = await runCli(
      [
        ...FLAGS,
        '--participant',
        'Ali Khan <ali.khan@lillevik.kommune.no>',
        '--participant',
        'Siri Ødegård',
        '--participant',
        'Jonas Æsøy <jonas.aesoy@lillevik.kommune.no>',
        '--participant',
        'Olena Kovalenko',
        '--yes',
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Skrev groups/hjemmetjenesten-sone-sor.yaml.');
    expect(r.stdout).toContain('refleks schedule hjemmetjenesten-sone-sor');
    const text = readFileSync(join(dir, 'groups/hjemmetjenesten-sone-sor.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\S+\/schemas\/group\.schema\.json\n/);
    // The schema path resolves from the group file's folder.
    expect(existsSync(join(dir, 'groups', /\$schema=(\S+)/.exec(text)![1]!))).toBe(true);
    expect(text).toContain('# Lokal veileder: leder samlingene');
    expect(text).toContain('  - { name: Siri Ødegård }');
    await validates(dir);
    const list = await runCli(['groups', '-w', dir]);
    expect(list.stdout).toContain('hjemmetjenesten-sone-sor');
  });

  it('creates the group from a semicolon-separated Windows-1252 roster with æøå', async () => {
    const dir = workspace();
    copyFileSync(join(ROSTERS, 'windows-1252-semikolon.csv'), join(dir, 'deltakere.csv'));
    const r = await runCli([...FLAGS, '--roster', 'deltakere.csv', '--yes'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Leste 5 av 5 rader fra deltakere.csv (Windows-1252, semikolon).');
    const text = readFileSync(join(dir, 'groups/hjemmetjenesten-sone-sor.yaml'), 'utf8');
    for (const name of ['Åse Grønli', 'Bjørn Ærøy', 'Søren Ødegård', 'Marthe Lien-Åberg', 'René Bakke'])
      expect(text).toContain(`{ name: ${name},`);
    await validates(dir);
  });

  it('does not wait for answers without a terminal: exit 2 with the missing flags', async () => {
    const dir = workspace();
    const before = treeHashes(dir);
    const started = Date.now();
    const r = await runCli(['new-group', '--name', 'Sone sør'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ingen terminal å spørre i');
    for (const flag of ['--programme', '--facilitator', '--participant', '--start', '--location', '--yes'])
      expect(r.stderr).toContain(flag);
    expect(treeHashes(dir)).toEqual(before);
  });

  it('refuses a roster with bad rows (exit 1, row numbers) and writes nothing; --skip-bad-rows goes on', async () => {
    const dir = workspace();
    const before = treeHashes(dir);
    const args = [
      ...FLAGS.map((a) => (a.startsWith('Kari') ? 'Hilde Strand <hilde.strand@lillevik.kommune.no>' : a)),
      '--roster',
      join(ROSTERS, 'feil-rader.csv'),
      '--yes',
    ];
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/feil-rader\.csv: rad 3: mangler navn/);
    expect(r.stderr).toMatch(
      /rad 6: samme person to ganger: e-postadressen KARI\.NORDMANN@lillevik\.kommune\.no står også på rad 2/,
    );
    expect(treeHashes(dir)).toEqual(before);
    const skipped = await runCli([...args, '--skip-bad-rows'], { cwd: dir });
    expect(skipped.code).toBe(0);
    await validates(dir);
  });

  it('refuses a bad e-mail in a flag with exit 2', async () => {
    const dir = workspace();
    const r = await runCli([...FLAGS, '--participant', 'Ola <ola@>', '--yes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('«ola@» er ikke en gyldig e-postadresse');
  });
});

/** A tmux server of our own, so that a developer's tmux is never touched. */
class Tmux {
  readonly socket = `refleks-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly session = 'ng';
  constructor(cwd: string, command: string) {
    this.run('new-session', '-d', '-s', this.session, '-x', '120', '-y', '40', '-c', cwd, command);
  }
  run(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
    return r.stdout;
  }
  screen(): string {
    return this.run('capture-pane', '-p', '-J', '-S', '-200', '-t', this.session);
  }
  type(text: string): void {
    this.run('send-keys', '-t', this.session, '-l', text);
  }
  keys(...keys: string[]): void {
    this.run('send-keys', '-t', this.session, ...keys);
  }
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 80));
    }
  }
  /** Waits for a question to be asked (not answered: «?» before it, not «✔»), then answers. */
  async answer(question: RegExp, ...input: (string | { key: string })[]): Promise<void> {
    await this.waitFor(new RegExp(`^\\? ${question.source}`, 'm'));
    for (const i of input) {
      if (typeof i === 'string') this.type(i);
      else this.keys(i.key);
    }
    this.keys('Enter');
  }
  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

const CLEAR = { key: 'C-u' };

describe.runIf(requireTool(hasCommand('tmux'), 'tmux'))('refleks new-group in a terminal (tmux)', () => {
  it('a coordinator sets up a group in a minute: name taken, typo in an e-mail, Windows-1252 roster, a holiday, defaults', async () => {
    const dir = workspace();
    copyFileSync(join(ROSTERS, 'windows-1252-semikolon.csv'), join(dir, 'deltakere.csv'));
    const started = Date.now();
    const tmux = new Tmux(
      dir,
      `env NO_COLOR=1 TZ=Europe/Oslo ${process.execPath} ${BIN} new-group; echo EXIT=$?; sleep 120`,
    );
    try {
      await tmux.answer(/Hvilket program/); // Mestring is the default
      await tmux.answer(/Gruppens navn/, 'Sone nord');
      await tmux.waitFor(/Det finnes allerede en gruppe med id «sone-nord» \(groups\/sone-nord\.yaml\)/);
      tmux.keys('C-u');
      tmux.type('Hjemmetjenesten sone sør');
      tmux.keys('Enter');
      await tmux.waitFor(/Filen blir groups\/hjemmetjenesten-sone-sor\.yaml/);
      await tmux.answer(/Lokal veileder – navn/, 'Kari Nordmann');
      await tmux.answer(/Lokal veileder – e-post/, 'kari.nordmann(at)lillevik.kommune.no');
      await tmux.waitFor(/«kari\.nordmann\(at\)lillevik\.kommune\.no» er ikke en gyldig e-postadresse/);
      tmux.keys('C-u');
      tmux.type('kari.nordmann@lillevik.kommune.no');
      tmux.keys('Enter');
      await tmux.answer(/Leder – navn/, 'Per Hansen');
      await tmux.answer(/Leder – e-post/, 'per.hansen@lillevik.kommune.no');
      await tmux.answer(/Hvordan vil du legge inn deltakerne/, { key: 'Down' });
      await tmux.answer(/Filen med deltakerlisten/, 'deltakere.csv');
      await tmux.waitFor(/Leste 5 av 5 rader fra deltakere\.csv \(Windows-1252, semikolon\)\./);
      await tmux.answer(/Legge til flere deltakere/); // default: no
      await tmux.answer(/Første samling/, CLEAR, '2027-05-17');
      await tmux.waitFor(/Merk: mandag 17\. mai 2027 er grunnlovsdagen/);
      await tmux.answer(/Bruke denne datoen likevel/); // default: no
      await tmux.answer(/Første samling/, CLEAR, '2027-03-02');
      await tmux.answer(/Starttidspunkt/);
      await tmux.answer(/Varighet i minutter/);
      await tmux.answer(/Uker mellom samlingene/);
      await tmux.answer(/Hvor møtes gruppen/);
      await tmux.answer(/Rom/, 'Helsehuset, møterom 2');
      await tmux.answer(/Adresse/, 'Storgata 1, 1234 Lillevik');
      const summary = await tmux.waitFor(/^\? Skrive groups\/hjemmetjenesten-sone-sor\.yaml\?/m);
      expect(summary).toContain('Deltakere:   5 deltakere (anbefalt 4–6)');
      expect(summary).toContain('1. tirsdag 2. mars 2027 kl. 13.00–15.00');
      expect(summary).toContain('5. tirsdag 27. april 2027 kl. 13.00–15.00');
      tmux.keys('Enter');
      const end = await tmux.waitFor(/EXIT=\d+/);
      expect(end).toContain('Skrev groups/hjemmetjenesten-sone-sor.yaml.');
      expect(end).toContain('EXIT=0');
    } finally {
      tmux.kill();
    }
    expect(Date.now() - started).toBeLessThan(60_000);
    await validates(dir);
    const text = readFileSync(join(dir, 'groups/hjemmetjenesten-sone-sor.yaml'), 'utf8');
    expect(text).toContain('# Deltakere: 4–6 er anbefalt.');
    expect(text).toContain('facilitator: { name: Kari Nordmann, email: kari.nordmann@lillevik.kommune.no }');
    expect(text).toContain(
      '{ name: Åse Grønli, email: ase.gronli@lillevik.kommune.no, unit: Sone sør, role: Helsefagarbeider }',
    );
    expect(text).toContain('location: { room: "Helsehuset, møterom 2", address: "Storgata 1, 1234 Lillevik" }');
  });

  it('Ctrl+C exits 130 with a short message and writes nothing', async () => {
    const dir = workspace();
    const before = treeHashes(dir);
    const tmux = new Tmux(dir, `env NO_COLOR=1 ${process.execPath} ${BIN} new-group; echo EXIT=$?; sleep 120`);
    try {
      await tmux.answer(/Hvilket program/);
      await tmux.answer(/Gruppens navn/, 'Ny gruppe');
      await tmux.waitFor(/^\? Lokal veileder – navn/m);
      tmux.type('Kari');
      tmux.keys('C-c');
      const end = await tmux.waitFor(/EXIT=\d+/);
      expect(end).toContain('Avbrutt – ingenting er skrevet.');
      expect(end).toContain('EXIT=130');
    } finally {
      tmux.kill();
    }
    expect(treeHashes(dir)).toEqual(before);
  });
});
