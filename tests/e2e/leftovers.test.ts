/**
 * What earlier runs leave behind (issue 12, item 8): temporary files of a
 * killed run, outputs refleks no longer makes, and lists too long for a line.
 */
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyWorkspace, ROOT, runCli, treeHashes } from '../helpers/cli.js';

const BASE = join(ROOT, 'tests', 'corpus', '_base');
const EPOCH = { SOURCE_DATE_EPOCH: '1798761600' };

function dropParticipants(ws: string, ...names: string[]): void {
  const path = join(ws, 'groups', 'gruppe.yaml');
  let text = readFileSync(path, 'utf8');
  for (const name of names) text = text.replace(new RegExp(`  - name: ${name}\\n    email: .*\\n`), '');
  writeFileSync(path, text);
}

describe('leftovers of earlier runs', () => {
  it("temporary files a killed run left are removed by the next run (it holds the workspace lock); a person's own are not", async () => {
    const ws = copyWorkspace(BASE);
    expect((await runCli(['build'], { cwd: ws, env: EPOCH })).code).toBe(0);
    const dir = join(ws, 'ut', 'gruppe', 'veileder');
    // What kill -9 between writing and renaming leaves: the writer's own name, empty.
    const killed = join(dir, '.0123456789ab.tmp');
    const young = join(dir, '.ba9876543210.tmp');
    const own = join(dir, '.mine.tmp');
    for (const f of [killed, young, own]) writeFileSync(f, '');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(killed, hourAgo, hourAgo);
    utimesSync(own, hourAgo, hourAgo);
    writeFileSync(
      join(ws, 'groups', 'gruppe.yaml'),
      readFileSync(join(ws, 'groups', 'gruppe.yaml'), 'utf8') + '# endret\n',
    );
    expect((await runCli(['build'], { cwd: ws, env: EPOCH })).code).toBe(0);
    expect(existsSync(killed)).toBe(false);
    // No other run can be writing now: every writer holds .refleks/lock, so a new one goes too.
    expect(existsSync(young)).toBe(false);
    expect(existsSync(own)).toBe(true);
  });

  it("a removed participant's certificate is removed (her invitations become cancellations); one edited by hand is kept and named", async () => {
    const ws = copyWorkspace(BASE);
    expect((await runCli(['build', '--per-person'], { cwd: ws, env: EPOCH })).code).toBe(0);
    const certs = join(ws, 'ut', 'gruppe', 'skjema', 'kursbevis');
    expect(existsSync(join(certs, 'marte-lien.docx'))).toBe(true);
    writeFileSync(join(certs, 'marte-lien.docx'), 'fylt ut for hånd\n');
    dropParticipants(ws, 'Marte Lien', 'Jonas Æsøy');

    const r = await runCli(['build', '--per-person'], { cwd: ws, env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(certs, 'jonas-aesoy.docx'))).toBe(false);
    // Her calendar still holds the sessions: her own files now cancel them (issue 11), not vanish.
    const jonas = readFileSync(join(ws, 'ut', 'gruppe', 'invitasjoner', 'jonas-aesoy', 'samling-1.ics'), 'utf8');
    expect(jonas).toContain('METHOD:CANCEL');
    expect(readFileSync(join(certs, 'marte-lien.docx'), 'utf8')).toBe('fylt ut for hånd\n');
    expect(r.stderr).toContain(
      'advarsel: ut/gruppe/skjema/kursbevis/marte-lien.docx lages ikke lenger, men er endret for hånd og ble beholdt',
    );
    expect(r.stderr).toMatch(
      /Fjernet \d+ fil(er)? som refleks ikke lager lenger: .*ut\/gruppe\/skjema\/kursbevis\/jonas-aesoy\.docx/,
    );
    // What is still made is still there.
    expect(existsSync(join(certs, 'ali-khan.docx'))).toBe(true);
    expect(existsSync(join(ws, 'ut', 'gruppe', 'invitasjoner', 'ali-khan', 'samling-1.ics'))).toBe(true);

    // A clean build of the same input gives the same documents, apart from the kept one
    // (calendar files differ: they were updated and cancelled, not new; the overview lists what to send).
    const clean = copyWorkspace(BASE);
    dropParticipants(clean, 'Marte Lien', 'Jonas Æsøy');
    expect((await runCli(['build', '--per-person'], { cwd: clean, env: EPOCH })).code).toBe(0);
    const docs = (tree: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(tree).filter(
          ([f]) => !f.endsWith('.ics') && f !== 'index.html' && f !== 'gruppe/skjema/kursbevis/marte-lien.docx',
        ),
      );
    expect(docs(treeHashes(join(ws, 'ut')))).toEqual(docs(treeHashes(join(clean, 'ut'))));
  });

  it('per-person invitation folders go when the option does, and a forms run never removes calendar files', async () => {
    const ws = copyWorkspace(BASE);
    expect((await runCli(['build', '--per-person'], { cwd: ws, env: EPOCH })).code).toBe(0);
    const person = join(ws, 'ut', 'gruppe', 'invitasjoner', 'ali-khan');
    expect(existsSync(person)).toBe(true);
    dropParticipants(ws, 'Marte Lien');
    expect((await runCli(['forms'], { cwd: ws, env: EPOCH })).code).toBe(0);
    expect(existsSync(join(person, 'samling-1.ics'))).toBe(true);
    expect(existsSync(join(ws, 'ut', 'gruppe', 'skjema', 'kursbevis', 'marte-lien.docx'))).toBe(false);
    expect((await runCli(['schedule'], { cwd: ws, env: EPOCH })).code).toBe(0);
    expect(existsSync(person)).toBe(false);
    expect(existsSync(join(ws, 'ut', 'gruppe', 'invitasjoner', 'samling-1.ics'))).toBe(true);
  });

  it('status with hundreds of groups names a few per phase and says how many more', async () => {
    const ws = copyWorkspace(BASE);
    const group = readFileSync(join(ws, 'groups', 'gruppe.yaml'), 'utf8');
    mkdirSync(join(ws, 'groups'), { recursive: true });
    for (let i = 1; i < 1200; i++) writeFileSync(join(ws, 'groups', `g${String(i).padStart(4, '0')}.yaml`), group);
    const r = await runCli(['status', '--today', '2026-12-01'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const long = r.stdout.split('\n').filter((l) => l.length > 300);
    expect(long).toEqual([]);
    expect(r.stdout).toContain('Ikke startet: 1 200 (g0001, g0002');
    expect(r.stdout).toContain('… og 1 192 til)');
  });
});
