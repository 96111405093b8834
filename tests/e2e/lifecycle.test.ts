/**
 * Every change reaches every calendar: a person removed, an address changed,
 * a group renamed or deleted, a language switched, a session cancelled in the
 * imported calendar. Each scenario runs the real CLI and reads the files with
 * the parsers real clients build on: ical.js, Python icalendar and libical's
 * iTIP check (tests/clients/check_ics.py).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { copyWorkspace, filesBelow, ROOT, runCli, treeHashes } from '../helpers/cli.js';
import { hasPythonModule, PYTHON, requireTool } from '../helpers/tools.js';

const BASE = join(ROOT, 'tests', 'corpus', '_base');
const CHECK = join(ROOT, 'tests', 'clients', 'check_ics.py');
const havePython =
  requireTool(hasPythonModule('icalendar'), 'python3-icalendar') &&
  requireTool(hasPythonModule('vobject'), 'python3-vobject');
const GROUP = 'groups/gruppe.yaml';
const SIRI = '  - name: Siri Ødegård\n    email: siri.odegard@lillevik.kommune.no\n';

interface Seen {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  attendees: string[];
  summary: string;
}

/** One file as icalendar and libical see it; fails the test when a parser refuses it. */
function clients(ws: string, files: string[]): Record<string, Seen> {
  const r = spawnSync(PYTHON, [CHECK, ...files], { cwd: ws, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(r.stdout) as {
    files: Record<
      string,
      {
        icalendar:
          | {
              method: string;
              events: { uid: string; sequence: number; status: string; attendees: string[]; summary: string }[];
            }
          | { error: string };
        libical?: { ok: boolean } | { error: string };
      }
    >;
  };
  expect(r.status, r.stdout).toBe(0);
  const out: Record<string, Seen> = {};
  for (const [f, e] of Object.entries(report.files)) {
    if ('error' in e.icalendar) throw new Error(`${f}: ${e.icalendar.error}`);
    const ev = e.icalendar.events[0]!;
    out[f] = {
      method: e.icalendar.method,
      uid: ev.uid,
      sequence: ev.sequence,
      status: ev.status,
      attendees: ev.attendees.map((a) => a.replace(/^mailto:/i, '')),
      summary: ev.summary,
    };
    // ical.js reads the same.
    const vevent = new ICAL.Component(ICAL.parse(readFileSync(join(ws, f), 'utf8'))).getFirstSubcomponent('vevent')!;
    expect(new ICAL.Event(vevent).uid, f).toBe(ev.uid);
    expect(new ICAL.Event(vevent).sequence, f).toBe(ev.sequence);
  }
  return out;
}

function edit(ws: string, change: (s: string) => string): void {
  const p = join(ws, GROUP);
  writeFileSync(p, change(readFileSync(p, 'utf8')));
}

async function ok(ws: string, args: string[], env: Record<string, string> = {}) {
  const r = await runCli(args, { cwd: ws, env });
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r;
}

describe.runIf(havePython)('every change reaches every calendar', () => {
  it('a removed person gets a CANCEL naming only her; the rest an update without her; an e-mail change cancels the old address', async () => {
    const ws = copyWorkspace(BASE);
    await ok(ws, ['schedule', '-q'], { SOURCE_DATE_EPOCH: '1790000000' });
    await ok(ws, ['sent', 'gruppe']);
    const before = clients(ws, ['ut/gruppe/invitasjoner/samling-1.ics'])['ut/gruppe/invitasjoner/samling-1.ics']!;
    edit(ws, (s) => s.replace(SIRI, '').replace('marte.lien@', 'marte.lien.ny@'));
    const run = await ok(ws, ['schedule'], { SOURCE_DATE_EPOCH: '1790100000' });
    expect(run.stdout).toContain(
      'avlysning til Siri Ødegård (samling 1, 2, 3, 4, 5), Marte Lien (samling 1, 2, 3, 4, 5)',
    );

    const seen = clients(ws, [
      'ut/gruppe/invitasjoner/samling-1.ics',
      'ut/gruppe/invitasjoner/samling-1-avlyst-for-siri-odegard.ics',
      'ut/gruppe/invitasjoner/samling-1-avlyst-for-marte-lien.ics',
    ]);
    const request = seen['ut/gruppe/invitasjoner/samling-1.ics']!;
    expect(request).toMatchObject({ method: 'REQUEST', uid: before.uid, sequence: 1 });
    expect(request.attendees).not.toContain('siri.odegard@lillevik.kommune.no');
    expect(request.attendees).toContain('marte.lien.ny@lillevik.kommune.no');
    // SEQUENCE 1 is above the 0 her client holds, so it removes the event.
    expect(seen['ut/gruppe/invitasjoner/samling-1-avlyst-for-siri-odegard.ics']).toMatchObject({
      method: 'CANCEL',
      uid: before.uid,
      sequence: 1,
      status: 'CANCELLED',
      attendees: ['siri.odegard@lillevik.kommune.no'],
    });
    expect(seen['ut/gruppe/invitasjoner/samling-1-avlyst-for-marte-lien.ics']).toMatchObject({
      method: 'CANCEL',
      sequence: 1,
      attendees: ['marte.lien@lillevik.kommune.no'],
    });

    // One list of what must be sent: status and send agree, the CANCEL to the old address included.
    const status = (await ok(ws, ['status', '--today', '2027-01-05'])).stdout;
    expect(status).toContain('avlysning til Siri Ødegård, Marte Lien');
    const send = (await ok(ws, ['send'])).stdout;
    expect(send).toMatch(/Siri Ødegård\s+1\s+avlyst/);
    expect(send).toMatch(/Marte Lien\s+1\s+ny/);
    // Drafts: the CANCEL to the old address does not overwrite the invitation to the new one.
    await ok(ws, ['send', '--drafts'], { SOURCE_DATE_EPOCH: '1790100000' });
    const drafts = filesBelow(join(ws, 'ut/gruppe/epost/marte-lien'));
    expect(drafts).toContain('samling-1.eml');
    expect(drafts).toContain('samling-1-avlyst.eml');
    expect(readFileSync(join(ws, 'ut/gruppe/epost/marte-lien/samling-1-avlyst.eml'), 'utf8')).toContain(
      'marte.lien@lillevik.kommune.no',
    );
    // A re-run changes no byte.
    const tree = treeHashes(join(ws, 'ut'));
    await ok(ws, ['schedule', '-q'], { SOURCE_DATE_EPOCH: '1790200000' });
    expect(treeHashes(join(ws, 'ut'))).toEqual(tree);
  });

  it("with one file per person, only the removed person's files change", async () => {
    const ws = copyWorkspace(BASE);
    await ok(ws, ['schedule', '-q', '--per-person'], { SOURCE_DATE_EPOCH: '1790000000' });
    await ok(ws, ['sent', 'gruppe']);
    const before = treeHashes(join(ws, 'ut/gruppe'));
    edit(ws, (s) => s.replace(SIRI, ''));
    await ok(ws, ['schedule', '-q', '--per-person'], { SOURCE_DATE_EPOCH: '1790100000' });
    const after = treeHashes(join(ws, 'ut/gruppe'));
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    // Nobody else's file, and not kalender.ics either.
    expect(changed.sort()).toEqual([1, 2, 3, 4, 5].map((n) => `invitasjoner/siri-odegard/samling-${n}.ics`));
    const seen = clients(ws, [
      'ut/gruppe/invitasjoner/siri-odegard/samling-2.ics',
      'ut/gruppe/invitasjoner/ali-khan/samling-2.ics',
    ]);
    expect(seen['ut/gruppe/invitasjoner/siri-odegard/samling-2.ics']).toMatchObject({
      method: 'CANCEL',
      sequence: 1,
      attendees: ['siri.odegard@lillevik.kommune.no'],
    });
    expect(seen['ut/gruppe/invitasjoner/ali-khan/samling-2.ics']).toMatchObject({ method: 'REQUEST', sequence: 0 });
    // Only Siri is waiting to be sent anything.
    const send = (await ok(ws, ['send'])).stdout;
    expect(send).toContain('5 e-poster til 1 person');
  });

  it('a renamed group file: build refuses new UIDs, refleks rename moves the state, and nothing is issued twice', async () => {
    const ws = copyWorkspace(BASE);
    await ok(ws, ['schedule', '-q']);
    const uid = clients(ws, ['ut/gruppe/invitasjoner/samling-3.ics'])['ut/gruppe/invitasjoner/samling-3.ics']!.uid;
    renameSync(join(ws, GROUP), join(ws, 'groups/gruppe-var2027.yaml'));
    expect((await runCli(['validate'], { cwd: ws })).stderr).toContain('refleks rename gruppe gruppe-var2027');
    expect((await ok(ws, ['status', '--today', '2027-01-05'])).stdout).toContain('refleks cancel gruppe');
    const refused = await runCli(['build'], { cwd: ws });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('det ser ut som gruppen er omdøpt til «gruppe-var2027»');
    expect(existsSync(join(ws, 'ut/gruppe-var2027'))).toBe(false);

    await ok(ws, ['rename', 'gruppe', 'gruppe-var2027']);
    expect(existsSync(join(ws, '.refleks/calendar/gruppe.json'))).toBe(false);
    const run = await ok(ws, ['schedule']);
    expect(run.stdout).toContain('uendret 1, 2, 3, 4, 5');
    expect(
      clients(ws, ['ut/gruppe-var2027/invitasjoner/samling-3.ics'])['ut/gruppe-var2027/invitasjoner/samling-3.ics']!
        .uid,
    ).toBe(uid);
    expect((await runCli(['validate'], { cwd: ws })).stderr).not.toContain('finnes ikke lenger');
  });

  it('a group file with id: (as new-group writes it) can be renamed by hand: same state, same UIDs, found by either name', async () => {
    const ws = copyWorkspace(BASE);
    edit(ws, (s) => `id: gruppe\n${s}`);
    await ok(ws, ['schedule', '-q']);
    const uid = clients(ws, ['ut/gruppe/invitasjoner/samling-2.ics'])['ut/gruppe/invitasjoner/samling-2.ics']!.uid;
    renameSync(join(ws, GROUP), join(ws, 'groups/gruppe-var2027.yaml'));
    expect((await ok(ws, ['schedule', 'gruppe'])).stdout).toContain('uendret 1, 2, 3, 4, 5');
    expect((await ok(ws, ['send', 'gruppe-var2027'])).stdout).toContain('25 e-poster til 5 personer');
    expect((await ok(ws, ['validate'])).stderr).not.toContain('finnes ikke lenger');
    expect(clients(ws, ['ut/gruppe/invitasjoner/samling-2.ics'])['ut/gruppe/invitasjoner/samling-2.ics']!.uid).toBe(
      uid,
    );
  });

  it('a deleted group: refleks cancel writes a CANCEL for every session to everyone, and archives the state', async () => {
    const ws = copyWorkspace(BASE);
    await ok(ws, ['schedule', '-q'], { SOURCE_DATE_EPOCH: '1790000000' });
    rmSync(join(ws, GROUP));
    expect((await runCli(['validate'], { cwd: ws })).stderr).toContain('refleks cancel gruppe');
    const r = await ok(ws, ['cancel', 'gruppe'], { SOURCE_DATE_EPOCH: '1790100000' });
    expect(r.stdout).toContain('Avlyst: samling 1, 2, 3, 4, 5');
    const files = filesBelow(join(ws, 'ut/gruppe/invitasjoner'), '.ics').map((f) => `ut/gruppe/invitasjoner/${f}`);
    const seen = clients(ws, files);
    for (const f of files) expect(seen[f], f).toMatchObject({ method: 'CANCEL', sequence: 1, status: 'CANCELLED' });
    expect(seen[files[0]!]!.attendees).toHaveLength(5);
    expect(existsSync(join(ws, '.refleks/calendar/gruppe.json'))).toBe(false);
    expect((await runCli(['validate'], { cwd: ws })).stderr).not.toContain('finnes ikke lenger');
  });

  it("--lang changes messages only; a group's language: is a real change, said so", async () => {
    const ws = copyWorkspace(BASE);
    await ok(ws, ['schedule', '-q']);
    const tree = treeHashes(join(ws, 'ut'));
    const en = await ok(ws, ['--lang', 'en', 'build']);
    expect(en.stdout).toContain('invitations');
    const after = treeHashes(join(ws, 'ut'));
    for (const f of Object.keys(tree)) expect(after[f], f).toBe(tree[f]);
    edit(ws, (s) => s.replace('programme: mestring', 'programme: mestring\nlanguage: en'));
    const run = await ok(ws, ['schedule']);
    expect(run.stdout).toContain('språket er endret fra bokmål til engelsk');
    const seen = clients(ws, ['ut/gruppe/invitasjoner/samling-1.ics'])['ut/gruppe/invitasjoner/samling-1.ics']!;
    expect(seen).toMatchObject({ method: 'REQUEST', sequence: 1 });
    expect(seen.summary).toContain('session 1');
  });

  it('kalender.ics keeps a cancelled session as STATUS:CANCELLED with a higher SEQUENCE', async () => {
    const ws = copyWorkspace(BASE);
    await ok(ws, ['schedule', '-q']);
    edit(ws, (s) => `${s}sessions:\n  2: { cancelled: true }\n`);
    await ok(ws, ['schedule', '-q']);
    const r = spawnSync(PYTHON, [CHECK, 'ut/gruppe/kalender.ics'], { cwd: ws, encoding: 'utf8' });
    expect(r.status, r.stdout).toBe(0);
    const cal = JSON.parse(r.stdout).files['ut/gruppe/kalender.ics'].icalendar as {
      method: string;
      events: { summary: string; sequence: number; status: string }[];
    };
    expect(cal.method).toBe('PUBLISH');
    expect(cal.events).toHaveLength(5);
    expect(cal.events.filter((e) => e.status === 'CANCELLED').map((e) => e.sequence)).toEqual([1]);
    const vevents = new ICAL.Component(
      ICAL.parse(readFileSync(join(ws, 'ut/gruppe/kalender.ics'), 'utf8')),
    ).getAllSubcomponents('vevent');
    expect(vevents.map((v) => v.getFirstPropertyValue('status'))).toEqual([
      'CONFIRMED',
      'CANCELLED',
      'CONFIRMED',
      'CONFIRMED',
      'CONFIRMED',
    ]);
  });

  it('people without an e-mail address are named by validate, build and status, with where their dates are', async () => {
    const ws = copyWorkspace(BASE);
    edit(ws, (s) => s.replace('  - name: Ali Khan\n    email: ali.khan@lillevik.kommune.no\n', '  - name: Ali Khan\n'));
    const note =
      'Ali Khan i gruppe har ingen e-postadresse og får ingen kalenderinvitasjon. Gi personen datoene på papir: de står i deltakerarkene i ut/gruppe/deltaker/.';
    expect((await ok(ws, ['validate'])).stdout).toContain(note);
    expect((await ok(ws, ['build'])).stdout).toContain(note);
    expect((await ok(ws, ['status', '--today', '2027-01-05'])).stdout).toContain(note);
    const request = clients(ws, ['ut/gruppe/invitasjoner/samling-1.ics'])['ut/gruppe/invitasjoner/samling-1.ics']!;
    expect(request.attendees).toHaveLength(4);
  });
});
