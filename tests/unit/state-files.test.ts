/**
 * The records behind "state never lies": the manifest's journal (a run
 * stopped between its renames and its save), the workspace lock, and the
 * adoption checks of --adopt.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockWorkspace, WorkspaceLockedError } from '../../src/io/workspace-lock.js';
import { interruptedRun, OutputManifest, sha256, writeOutputs } from '../../src/io/write-outputs.js';
import { checkDocx, checkInvitation } from '../../src/pipeline/adopt.js';
import type { CalendarState } from '../../src/core/calendar/state.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function fresh(): string {
  const d = mkdtempSync(join(tmpdir(), 'refleks-state-'));
  dirs.push(d);
  return d;
}

describe('the manifest journal', () => {
  it("a file renamed by a run that died before saving is still refleks's own; the next save folds it in", () => {
    const root = fresh();
    writeOutputs(root, [{ path: 'ut/a.ics', bytes: 'v1' }]);
    // A run that noted its intent, renamed, and was killed before saving its manifest.
    const dying = new OutputManifest(root);
    dying.intend([{ path: 'ut/a.ics', hash: sha256('v2') }]);
    writeFileSync(join(root, 'ut/a.ics'), 'v2');
    expect(interruptedRun(root)?.message.nb).toContain('ble avbrutt');

    const next = new OutputManifest(root);
    expect(next.owns('ut/a.ics', sha256('v2'))).toBe(true);
    const r = writeOutputs(root, [{ path: 'ut/a.ics', bytes: 'v3' }], {}, next);
    expect(r.written).toEqual(['ut/a.ics']);
    next.save();
    expect(existsSync(join(root, '.refleks/manifest.journal'))).toBe(false);
    expect(interruptedRun(root)).toBeUndefined();
    expect(new OutputManifest(root).get('ut/a.ics')).toBe(sha256('v3'));
  });

  it('ignores a line cut short by a crash', () => {
    const root = fresh();
    writeOutputs(root, [{ path: 'ut/a.ics', bytes: 'v1' }]);
    writeFileSync(join(root, '.refleks/manifest.journal'), '\n{"files":{"ut/a.ics":"ab');
    const m = new OutputManifest(root);
    expect(m.status).toBe('ok');
    expect(m.owns('ut/a.ics', sha256('v1'))).toBe(true);
  });

  it('a standalone write with a lost manifest refuses instead of starting a partial one', () => {
    const root = fresh();
    writeOutputs(root, [{ path: 'ut/a.ics', bytes: 'v1' }]);
    mkdirSync(join(root, '.refleks/calendar'), { recursive: true });
    writeFileSync(join(root, '.refleks/calendar/g.json'), '{}');
    rmSync(join(root, '.refleks/manifest.json'));
    expect(() => writeOutputs(root, [{ path: 'ut/a.ics', bytes: 'v2' }])).toThrow(/manifest/);
    expect(readFileSync(join(root, 'ut/a.ics'), 'utf8')).toBe('v1');
    expect(existsSync(join(root, '.refleks/manifest.json'))).toBe(false);
  });
});

describe('the workspace lock', () => {
  it('is re-entrant in one process and removed when the last holder releases it', () => {
    const root = fresh();
    const outer = lockWorkspace(root, { command: 'build' });
    const inner = lockWorkspace(root, { command: 'build' });
    inner();
    expect(existsSync(join(root, '.refleks/lock'))).toBe(true);
    outer();
    expect(existsSync(join(root, '.refleks/lock'))).toBe(false);
  });

  it('names a live holder after waiting, and takes over from a dead one', async () => {
    const root = fresh();
    mkdirSync(join(root, '.refleks'));
    const sleeper = spawn('sleep', ['20']);
    try {
      writeFileSync(
        join(root, '.refleks/lock'),
        JSON.stringify({ pid: sleeper.pid, host: hostname(), started: new Date().toISOString(), command: 'send' }),
      );
      let waited = false;
      expect(() => lockWorkspace(root, { command: 'build', waitMs: 100, onWait: () => (waited = true) })).toThrow(
        WorkspaceLockedError,
      );
      expect(waited).toBe(true);
    } finally {
      sleeper.kill();
      await new Promise((r) => sleeper.on('exit', r));
    }
    let stale = 0;
    const release = lockWorkspace(root, { command: 'build', waitMs: 100, onStale: () => stale++ });
    expect(stale).toBe(1);
    expect(JSON.parse(readFileSync(join(root, '.refleks/lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });
});

describe('--adopt checks', () => {
  const state: CalendarState = {
    version: 2,
    group: 'g',
    sessions: {
      1: {
        uid: 'g-samling-1-x@refleks',
        sequence: 2,
        dtstamp: '2027-01-01T00:00:00Z',
        hash: 'abcdef12',
        cancelled: false,
        issued: {
          summary: 's',
          start: '2027-01-12T09:00:00Z',
          end: '2027-01-12T11:00:00Z',
          organizer: { name: 'O', email: 'o@x.no' },
          attendees: [],
        },
        people: {},
        removed: [],
      },
    },
  };
  const ics = (method: string, seq: number) =>
    `BEGIN:VCALENDAR\r\nMETHOD:${method}\r\nBEGIN:VEVENT\r\nUID:g-samling-1-\r\n x@refleks\r\nSEQUENCE:${seq}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
  it("takes an invitation whose UID and SEQUENCE (folded lines too) are the state's", () => {
    expect(checkInvitation(Buffer.from(ics('REQUEST', 2)), state).ok).toBe(true);
    const older = checkInvitation(Buffer.from(ics('REQUEST', 1)), state);
    expect(older.ok ? '' : older.why.nb).toContain('SEQUENCE 1, men kalenderstatusen sier 2');
    expect(checkInvitation(Buffer.from(ics('CANCEL', 2)), state).ok).toBe(false);
    expect(checkInvitation(Buffer.from(ics('REQUEST', 2).slice(0, 60)), state).ok).toBe(false);
  });
  it("takes a person's own file at that person's version, and a removed address's CANCEL at its version", () => {
    const session = state.sessions[1]!;
    const perPerson: CalendarState = {
      ...state,
      sessions: {
        1: {
          ...session,
          people: { 'kari@x.no': { sequence: 1, dtstamp: '2027-01-01T00:00:00Z' } },
          removed: [
            {
              name: 'Ola',
              email: 'ola@x.no',
              role: 'REQ-PARTICIPANT',
              slug: 'ola',
              sequence: 2,
              dtstamp: '2027-01-01T00:00:00Z',
            },
          ],
        },
      },
    };
    const forOne = (method: string, seq: number, email: string) =>
      ics(method, seq).replace('END:VEVENT', `ATTENDEE;CN=X:mailto:${email}\r\nEND:VEVENT`);
    expect(checkInvitation(Buffer.from(forOne('REQUEST', 1, 'kari@x.no')), perPerson).ok).toBe(true);
    expect(checkInvitation(Buffer.from(forOne('CANCEL', 2, 'ola@x.no')), perPerson).ok).toBe(true);
    expect(checkInvitation(Buffer.from(forOne('REQUEST', 1, 'ola@x.no')), perPerson).ok).toBe(false);
    expect(checkInvitation(Buffer.from(forOne('CANCEL', 1, 'kari@x.no')), perPerson).ok).toBe(false);
  });
  it('refuses a Word document that is no zip', () => {
    expect(checkDocx(Buffer.from('utfylt')).ok).toBe(false);
  });
});
