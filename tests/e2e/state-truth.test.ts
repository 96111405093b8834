/**
 * Issue 11, part A: refleks never says "up to date" over stale invitations.
 * After each scenario (manifest deleted, cut short, with git conflict markers;
 * an invitation edited by hand; a full disk; kill -9 in the middle of a
 * build; two builds at once) every .ics on disk, read by ical.js, agrees with
 * the calendar state in .refleks/calendar/ (UID, SEQUENCE, DTSTART, METHOD),
 * or refleks exits non-zero and says what to do.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, copyInputs, filesBelow, ROOT, runCli, runCliProcess, treeHashes } from '../helpers/cli.js';

const BASE = join(ROOT, 'tests', 'corpus', '_base');
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function workspace(from = BASE): string {
  const dir = mkdtempSync(join(tmpdir(), 'refleks-truth-'));
  temps.push(dir);
  copyInputs(from, dir);
  return dir;
}

function setTime(ws: string, group: string, time: string): void {
  const file = join(ws, 'groups', `${group}.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^time: .*$/m, `time: "${time}"`));
}

interface StateFile {
  group: string;
  sessions: Record<string, { uid: string; sequence: number; cancelled: boolean; issued: { start: string } }>;
}

/**
 * Every way an .ics on disk disagrees with the calendar state, read by
 * ical.js: UID, SEQUENCE, DTSTART and METHOD of each invitation, and each
 * event of kalender.ics. Empty when they agree.
 */
function disagreements(ws: string): string[] {
  const out: string[] = [];
  const dir = join(ws, '.refleks', 'calendar');
  const states = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  for (const f of states) {
    const state = JSON.parse(readFileSync(join(dir, f), 'utf8')) as StateFile;
    const byUid = new Map(Object.values(state.sessions).map((s) => [s.uid, s]));
    for (const rel of filesBelow(join(ws, 'ut', state.group), '.ics')) {
      const path = `ut/${state.group}/${rel}`;
      const cal = new ICAL.Component(ICAL.parse(readFileSync(join(ws, path), 'utf8')));
      const method = cal.getFirstPropertyValue('method');
      const number = /samling-(\d+)\.ics$/.exec(rel)?.[1];
      for (const ev of cal.getAllSubcomponents('vevent')) {
        const uid = String(ev.getFirstPropertyValue('uid'));
        const s = number ? state.sessions[number] : byUid.get(uid);
        if (!s) {
          out.push(`${path}: UID ${uid} not in the state`);
          continue;
        }
        const start = (ev.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString().replace('.000Z', 'Z');
        const sequence = Number(ev.getFirstPropertyValue('sequence'));
        if (uid !== s.uid) out.push(`${path}: UID ${uid}, state ${s.uid}`);
        if (sequence !== s.sequence) out.push(`${path}: SEQUENCE ${sequence}, state ${s.sequence}`);
        if (start !== s.issued.start) out.push(`${path}: DTSTART ${start}, state ${s.issued.start}`);
        if (number && (method === 'CANCEL') !== s.cancelled)
          out.push(`${path}: METHOD ${method}, state cancelled=${s.cancelled}`);
      }
    }
  }
  return out;
}

/** What refleks says after a scenario: either everything agrees, or it exits non-zero naming what to do. */
function agreesOrSaysWhatToDo(ws: string, r: { code: number; stderr: string; stdout: string }, todo: RegExp): void {
  const stale = disagreements(ws);
  if (r.code === 0) {
    expect(stale, r.stderr).toEqual([]);
  } else {
    expect(r.stderr).toMatch(todo);
    expect(`${r.stdout}${r.stderr}`).not.toContain('alt er oppdatert');
  }
}

const sequenceOf = (ws: string, n = 1) =>
  (JSON.parse(readFileSync(join(ws, '.refleks/calendar/gruppe.json'), 'utf8')) as StateFile).sessions[n]!.sequence;
const ics = (ws: string, n = 1) => readFileSync(join(ws, `ut/gruppe/invitasjoner/samling-${n}.ics`), 'utf8');

describe('a lost or damaged manifest', () => {
  const damages: [string, (ws: string) => void, RegExp][] = [
    [
      'deleted',
      (ws) => rmSync(join(ws, '.refleks/manifest.json')),
      /\.refleks\/manifest\.json: oversikten over filene refleks har skrevet mangler/,
    ],
    [
      'cut short',
      (ws) =>
        writeFileSync(
          join(ws, '.refleks/manifest.json'),
          readFileSync(join(ws, '.refleks/manifest.json'), 'utf8').slice(0, 200),
        ),
      /\.refleks\/manifest\.json:\d+:\d+: oversikten over filene refleks har skrevet er skadet: filen er tom eller avkortet/,
    ],
    [
      'with git conflict markers',
      (ws) => {
        const m = readFileSync(join(ws, '.refleks/manifest.json'), 'utf8');
        writeFileSync(join(ws, '.refleks/manifest.json'), `<<<<<<< HEAD\n${m}=======\n${m}>>>>>>> annen-gren\n`);
      },
      /\.refleks\/manifest\.json:1:1: oversikten over filene refleks har skrevet er skadet: filen har konfliktmarkører fra git/,
    ],
  ];
  for (const [name, damage, message] of damages) {
    it(`${name}: build stops before writing, names the file and --adopt; --adopt then checks, takes over and updates`, async () => {
      const ws = workspace();
      expect((await runCli(['build'], { cwd: ws })).code).toBe(0);
      damage(ws);
      setTime(ws, 'gruppe', '10:00');
      const before = treeHashes(ws);
      const r = await runCli(['build'], { cwd: ws });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('refleks build --adopt');
      expect(treeHashes(ws)).toEqual(before);
      agreesOrSaysWhatToDo(ws, r, /refleks build --adopt/);
      // status does not ask to send files that do not exist yet: the state did not move.
      expect(sequenceOf(ws)).toBe(0);

      const adopted = await runCli(['build', '--adopt'], { cwd: ws });
      expect(adopted.code, adopted.stderr).toBe(0);
      expect(adopted.stdout).toMatch(/filer i ut\/ er sjekket og tatt inn som refleks sine/);
      expect(sequenceOf(ws)).toBe(1);
      expect(ics(ws)).toMatch(/DTSTART:20270112T090000Z/);
      expect(disagreements(ws)).toEqual([]);
      const again = await runCli(['build'], { cwd: ws });
      expect(again.stdout).toContain('alt er oppdatert');
      expect(disagreements(ws)).toEqual([]);
    });
  }

  it('--adopt keeps an invitation that is not the one refleks last issued, and a form saved in Word, and says why', async () => {
    const ws = workspace();
    expect((await runCli(['build'], { cwd: ws })).code).toBe(0);
    rmSync(join(ws, '.refleks/manifest.json'));
    // An invitation from another run (another SEQUENCE), and a form someone saved.
    writeFileSync(join(ws, 'ut/gruppe/invitasjoner/samling-2.ics'), ics(ws, 2).replace('SEQUENCE:0', 'SEQUENCE:3'));
    setTime(ws, 'gruppe', '10:00');
    const r = await runCli(['build', '--adopt'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'ut/gruppe/invitasjoner/samling-2.ics: refleks har ingen oversikt over å ha skrevet denne filen (den har SEQUENCE 3, men kalenderstatusen sier 0)',
    );
    expect(r.stderr).toContain('--force');
    expect(sequenceOf(ws, 2)).toBe(0);
    agreesOrSaysWhatToDo(ws, r, /--force/);
    const forced = await runCli(['build', '--force'], { cwd: ws });
    expect(forced.code, forced.stderr).toBe(0);
    expect(disagreements(ws)).toEqual([]);
  });
});

describe('an invitation edited by hand', () => {
  it('stops its group when the session changes: nothing written, state as before; --force writes it', async () => {
    const ws = workspace();
    expect((await runCli(['build'], { cwd: ws })).code).toBe(0);
    writeFileSync(join(ws, 'ut/gruppe/invitasjoner/samling-3.ics'), ics(ws, 3).replace('SUMMARY:', 'SUMMARY:NB! '));
    setTime(ws, 'gruppe', '12:00');
    const r = await runCli(['build'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ut/gruppe/invitasjoner/samling-3.ics: er endret for hånd etter at refleks skrev den');
    expect(r.stdout).not.toContain('alt er oppdatert');
    expect(sequenceOf(ws)).toBe(0);
    expect(ics(ws)).toContain('DTSTART:20270112T120000Z');
    // Not cached as up to date: the next build says the same.
    expect((await runCli(['build'], { cwd: ws })).code).toBe(1);
    const forced = await runCli(['build', '--force'], { cwd: ws });
    expect(forced.code).toBe(0);
    expect(sequenceOf(ws)).toBe(1);
    expect(disagreements(ws)).toEqual([]);
  });

  it("per person (Mestringstreff): one person's edited file holds the group; schedule writes no group at all", async () => {
    const ws = workspace(join(ROOT, 'examples', 'demo'));
    expect((await runCli(['schedule'], { cwd: ws })).code).toBe(0);
    const mine = 'ut/mestringstreff-var/invitasjoner/arne-fjeld/samling-2.ics';
    writeFileSync(join(ws, mine), readFileSync(join(ws, mine), 'utf8').replace('SUMMARY:', 'SUMMARY:Husk! '));
    setTime(ws, 'mestringstreff-var', '17:00');
    setTime(ws, 'sone-nord', '12:00');
    const before = treeHashes(ws);
    const r = await runCli(['schedule'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${mine}: er endret for hånd`);
    // All or nothing: not even the other group moved on.
    expect(treeHashes(ws)).toEqual(before);
    const b = await runCli(['build'], { cwd: ws });
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('1 gruppe kunne ikke bygges: groups/mestringstreff-var.yaml');
    expect(b.stdout).toMatch(/sone-nord: \d+ filer skrevet/);
    expect(disagreements(ws)).toEqual([]);
    const state = JSON.parse(readFileSync(join(ws, '.refleks/calendar/mestringstreff-var.json'), 'utf8')) as StateFile;
    expect(Object.values(state.sessions).every((s) => s.sequence === 0)).toBe(true);
  });

  it('a filled-in form is kept with a warning, and the group is looked at again next time', async () => {
    const ws = workspace();
    expect((await runCli(['build'], { cwd: ws })).code).toBe(0);
    writeFileSync(join(ws, 'ut/gruppe/skjema/planleggingsskjema.docx'), 'utfylt');
    setTime(ws, 'gruppe', '12:00');
    const r = await runCli(['build'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('planleggingsskjema.docx er endret for hånd');
    expect(disagreements(ws)).toEqual([]);
    const again = await runCli(['build'], { cwd: ws });
    expect(again.stderr).toContain('planleggingsskjema.docx er endret for hånd');
    expect(again.stdout).not.toContain('alt er oppdatert');
  });
});

describe('a full disk (ENOSPC on a small tmpfs)', () => {
  const mnt = mkdtempSync(join(tmpdir(), 'refleks-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=640k', 'tmpfs', mnt]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  });

  it.skipIf(!mounted)(
    'stops the build naming the full disk, the state does not move; after freeing space the build agrees',
    () => {
      const ws = join(mnt, 'ws');
      copyInputs(BASE, ws);
      const first = runCliProcess(['build'], { cwd: ws });
      expect(first.code, first.stderr).toBe(0);
      setTime(ws, 'gruppe', '10:00');
      // Every file of the group is written beside the old one before the first rename: no room for that.
      const full = runCliProcess(['build'], { cwd: ws });
      expect(full.code).toBe(1);
      expect(full.stderr).toContain('disken er full (ENOSPC)');
      expect(full.stderr).toContain('Ingenting i gruppen ble endret');
      expect(full.stdout).not.toContain('alt er oppdatert');
      expect(full.stderr).not.toMatch(/^\s+at /m);
      expect(sequenceOf(ws)).toBe(0);
      expect(disagreements(ws)).toEqual([]);
      expect(filesBelow(ws).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(spawnSync('mount', ['-o', 'remount,size=4m', mnt]).status).toBe(0);
      const after = runCliProcess(['build'], { cwd: ws });
      expect(after.code, after.stderr).toBe(0);
      expect(sequenceOf(ws)).toBe(1);
      expect(disagreements(ws)).toEqual([]);
    },
  );
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NO_COLOR: '1',
    TZ: 'Europe/Oslo',
    REFLEKS_CACHE: 'off',
    ...extra,
  };
}

function start(args: string[], cwd: string, extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env(extra) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => void (stdout += d));
  child.stderr.on('data', (d) => void (stderr += d));
  const done = new Promise<{ code: number; stdout: string; stderr: string; signal: string | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? -1, stdout, stderr, signal })),
  );
  return { child, done };
}

describe('one writer at a time', () => {
  it('two builds of different groups at once: the second waits, and both groups are recorded', async () => {
    const ws = workspace(join(ROOT, 'examples', 'demo'));
    const a = start(['build', 'sone-nord'], ws, { REFLEKS_LOCK_WAIT_MS: '60000' });
    const b = start(['build', 'rehab-teamet'], ws, { REFLEKS_LOCK_WAIT_MS: '60000' });
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(ws, '.refleks/manifest.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    expect(Object.keys(manifest.files).some((f) => f.startsWith('ut/sone-nord/'))).toBe(true);
    expect(Object.keys(manifest.files).some((f) => f.startsWith('ut/rehab-teamet/'))).toBe(true);
    expect(existsSync(join(ws, '.refleks/lock'))).toBe(false);
    // Neither build saved its records over the other's: the next build finds those two up to date.
    const next = runCliProcess(['build', 'sone-nord', 'rehab-teamet'], { cwd: ws });
    expect(next.stdout).toContain('alt er oppdatert');
    expect(disagreements(ws)).toEqual([]);
  }, 120_000);

  it('a lock held by a running process: waits, then names the holder and exits 1', () => {
    const ws = workspace();
    const sleeper = spawn('sleep', ['30']);
    try {
      mkdirSync(join(ws, '.refleks'), { recursive: true });
      const started = new Date().toISOString();
      writeFileSync(
        join(ws, '.refleks/lock'),
        JSON.stringify({ pid: sleeper.pid, host: hostname(), started, command: 'build', token: 'x' }),
      );
      const r = runCliProcess(['build'], { cwd: ws, env: { REFLEKS_LOCK_WAIT_MS: '400' } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Venter på en annen refleks');
      expect(r.stderr).toContain(
        `feil: .refleks/lock: en annen refleks skriver i arbeidsområdet («refleks build», prosess ${sleeper.pid}`,
      );
      expect(existsSync(join(ws, 'ut'))).toBe(false);
      const sent = runCliProcess(['sent'], { cwd: ws, env: { REFLEKS_LOCK_WAIT_MS: '0' } });
      expect(sent.code).toBe(1);
      expect(sent.stderr).toContain('.refleks/lock');
    } finally {
      sleeper.kill();
    }
  });

  it('a lock left by a process that no longer runs is taken over, with a line saying so', () => {
    const ws = workspace();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(join(ws, '.refleks'), { recursive: true });
    writeFileSync(
      join(ws, '.refleks/lock'),
      JSON.stringify({
        pid: Number(gone.stdout),
        host: hostname(),
        started: new Date().toISOString(),
        command: 'build',
        token: 'x',
      }),
    );
    const r = runCliProcess(['build'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Tok over .refleks/lock etter «refleks build» (prosess ${gone.stdout}`);
    expect(existsSync(join(ws, '.refleks/lock'))).toBe(false);
  });
});

describe('kill -9 in the middle of a many-group build', () => {
  it('at six random points, each followed by an edit: refleks says what to do, and the final build agrees', async () => {
    // 100 groups (not 200) and six rounds keep this near half a minute on a 2-core machine; each kill lands while groups are written.
    const ws = mkdtempSync(join(tmpdir(), 'refleks-kill-'));
    temps.push(ws);
    const { generateWorkspace } = (await import(join(ROOT, 'bench', 'generate.mjs'))) as {
      generateWorkspace(dir: string, n: number): void;
    };
    generateWorkspace(ws, 100);
    const groups = readdirSync(join(ws, 'groups')).map((f) => f.replace(/\.yaml$/, ''));
    const times = ['08:00', '08:30', '10:15', '11:45', '15:00'];
    let killed = 0;
    for (let round = 0; round < 6; round++) {
      // Killed at a random time once groups are being written (a line per group when piped), so
      // the kill lands among renames, state saves and checkpoints rather than in start-up.
      const run = start(['build'], ws);
      let timer: NodeJS.Timeout | undefined;
      run.child.stdout.once('data', () => {
        timer = setTimeout(() => run.child.kill('SIGKILL'), Math.floor(Math.random() * 2000));
      });
      const r = await run.done;
      clearTimeout(timer);
      if (r.signal === 'SIGKILL') killed++;
      else expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      // An edit between runs: a session moves in one group.
      setTime(ws, groups[Math.floor(Math.random() * groups.length)]!, times[round % times.length]!);
      // Right after the kill: what status says, and that every disagreement is a stopped run's, known as such.
      const status = runCliProcess(['status'], { cwd: ws });
      if (status.code === 0) expect(disagreements(ws)).toEqual([]);
      else expect(status.stderr).toMatch(/refleks build/);
      expect(`${status.stdout}${status.stderr}`).not.toMatch(/^\s+at /m);
    }
    expect(killed).toBeGreaterThan(0);
    const final = runCliProcess(['build', '-q'], { cwd: ws });
    expect(final.code, final.stderr).toBe(0);
    expect(disagreements(ws)).toEqual([]);
    expect(filesBelow(join(ws, 'ut')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const status = runCliProcess(['status'], { cwd: ws });
    expect(status.code, status.stderr).toBe(0);
    const again = runCliProcess(['build'], { cwd: ws });
    expect(again.stdout).toContain('alt er oppdatert');
  }, 300_000);
});
