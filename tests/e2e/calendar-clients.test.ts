/**
 * The calendar files read by the parsers real clients build on: Python's
 * icalendar and vobject (validate on), and libical's iTIP restriction check
 * (RFC 5546, as Evolution applies it) through GObject introspection.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace, ROOT, runCli, filesBelow } from '../helpers/cli.js';
import { hasPythonModule, PYTHON, requireTool } from '../helpers/tools.js';

const CHECK = join(ROOT, 'tests', 'clients', 'check_ics.py');
const havePython =
  requireTool(hasPythonModule('icalendar'), 'python3-icalendar') &&
  requireTool(hasPythonModule('vobject'), 'python3-vobject');
const haveLibical = requireTool(
  existsSync(PYTHON) &&
    spawnSync(PYTHON, [
      '-c',
      "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib; ICalGLib.restriction_check",
    ]).status === 0,
  'libical (python3-gi, gir1.2-ical-3.0)',
);

// A group with the names and places that break naive writers.
const TRICKY = `name: "Tøffe navn; test, gruppe"
programme: mestring
facilitator: { name: "José Ærlig-Müller", email: jose@example.org }
leader: { name: "Åse O'Neill", email: ase@example.org }
participants:
  - { name: "Ola 😀 Nordmann", email: ola@example.org }
  - { name: "Berit Bakke, fagleder", email: berit@example.org }
  - { name: "Øyvind Ødegård-Ærø", email: oyvind@example.org }
  - { name: 'Anne "Annie" Olsen', email: anne@example.org }
location: "Helsehuset, møterom 2; inngang B \\\\ bakside"
start: 2027-03-16
time: "13:00"
duration: 120
interval_weeks: 1
`;

interface EventReport {
  uid: string;
  sequence: number;
  summary: string;
  location: string | null;
  description: string | null;
  dtstart: string;
  status: string;
  organizer: string | null;
  attendees: string[];
  attendee_cns: string[];
  alarms: number;
}
interface Report {
  libical: boolean;
  files: Record<
    string,
    {
      icalendar: { method: string; events: EventReport[] } | { error: string };
      vobject: { events: number } | { error: string };
      libical?: { ok: boolean; errors: string[] } | { error: string };
    }
  >;
}

describe.runIf(havePython)('calendar files in real parsers', () => {
  let ws: string;
  let report: Report;
  let status: number | null;
  let stderr: string;

  beforeAll(async () => {
    ws = copyWorkspace();
    writeFileSync(join(ws, 'groups', 'toffe-navn.yaml'), TRICKY);
    const first = await runCli(['schedule'], { cwd: ws });
    if (first.code !== 0) throw new Error(first.stderr);
    // Cancel one session and move another, so CANCEL and re-issued REQUESTs are checked too.
    writeFileSync(
      join(ws, 'groups', 'toffe-navn.yaml'),
      `${TRICKY}sessions:\n  2: { cancelled: true }\n  3: { date: 2027-04-01 }\n`,
    );
    const second = await runCli(['schedule', 'toffe-navn'], { cwd: ws });
    if (second.code !== 0) throw new Error(second.stderr);
    const files = filesBelow(join(ws, 'ut'), '.ics').map((f) => join('ut', f));
    const r = spawnSync(PYTHON, [CHECK, ...files], { cwd: ws, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    status = r.status;
    stderr = r.stderr;
    report = JSON.parse(r.stdout) as Report;
  });

  it('icalendar and vobject read every file without error', async () => {
    const failures = Object.entries(report.files).flatMap(([f, e]) => [
      ...('error' in e.icalendar ? [`${f} icalendar: ${e.icalendar.error}`] : []),
      ...('error' in e.vobject ? [`${f} vobject: ${e.vobject.error}`] : []),
    ]);
    expect(failures).toEqual([]);
    expect(Object.keys(report.files).length).toBeGreaterThan(70);
  });

  it('icalendar sees one event per invitation, the method, organiser and attendees, and all sessions in kalender.ics', async () => {
    for (const [f, e] of Object.entries(report.files)) {
      if ('error' in e.icalendar) continue;
      const { method, events } = e.icalendar;
      if (f.endsWith('kalender.ics')) {
        expect(method, f).toBe('PUBLISH');
        expect(events.length, f).toBeGreaterThanOrEqual(4);
        expect(
          events.every((ev) => ev.attendees.length === 0),
          f,
        ).toBe(true);
        // A cancelled session stays as STATUS:CANCELLED (no alarm), so a calendar that imported it drops it.
        expect(
          events.every((ev) => (ev.status === 'CANCELLED' ? ev.alarms === 0 : ev.alarms === 1)),
          f,
        ).toBe(true);
      } else {
        expect(['REQUEST', 'CANCEL'], f).toContain(method);
        expect(events, f).toHaveLength(1);
        const ev = events[0]!;
        expect(ev.organizer, f).toBe('mailto:ingrid.solberg@lillevik.kommune.no');
        expect(ev.attendees.length, f).toBeGreaterThan(0);
        expect(ev.dtstart, f).toMatch(/\+00:00$/);
        expect(ev.alarms, f).toBe(method === 'CANCEL' ? 0 : 1);
        expect(ev.status, f).toBe(method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED');
      }
    }
  });

  it('text with commas, semicolons, backslashes, æøå, accents, apostrophes and emoji comes back unchanged', async () => {
    const req = report.files['ut/toffe-navn/invitasjoner/samling-1.ics']!.icalendar;
    if ('error' in req) throw new Error(req.error);
    const ev = req.events[0]!;
    expect(ev.summary.startsWith('Tøffe navn; test, gruppe – samling 1: ')).toBe(true);
    expect(ev.location).toBe('Helsehuset, møterom 2; inngang B \\ bakside');
    expect(ev.description).toContain('\n');
    expect(ev.description).toContain('Sted: Helsehuset, møterom 2; inngang B \\ bakside');
    expect(ev.attendee_cns.slice(0, 5)).toEqual([
      'José Ærlig-Müller',
      "Åse O'Neill",
      'Ola 😀 Nordmann',
      'Berit Bakke, fagleder',
      'Øyvind Ødegård-Ærø',
    ]);
    // A " in a name becomes typographic quotes: RFC 6868's ^' shows literally in icalendar and vobject.
    expect(ev.attendee_cns[5]).toBe('Anne “Annie” Olsen');
    const cancel = report.files['ut/toffe-navn/invitasjoner/samling-2.ics']!.icalendar;
    if ('error' in cancel) throw new Error(cancel.error);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0]!.sequence).toBe(1);
    const moved = report.files['ut/toffe-navn/invitasjoner/samling-3.ics']!.icalendar;
    if ('error' in moved) throw new Error(moved.error);
    expect(moved.events[0]!.sequence).toBe(1);
    expect(moved.events[0]!.dtstart).toBe('2027-04-01T11:00:00+00:00');
  });

  it.runIf(haveLibical)('libical accepts every file under the iTIP restrictions (RFC 5546)', async () => {
    expect(report.libical).toBe(true);
    const failures = Object.entries(report.files).flatMap(([f, e]) =>
      e.libical && ('error' in e.libical || !e.libical.ok) ? [`${f}: ${JSON.stringify(e.libical)}`] : [],
    );
    expect(failures).toEqual([]);
    expect(status, stderr).toBe(0);
  });
});
