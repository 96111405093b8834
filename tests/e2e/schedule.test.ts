import ICAL from 'ical.js';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace, filesBelow, runCli, treeHashes, type CliResult } from '../helpers/cli.js';
import { assertWellFormed } from '../unit/calendar-fixture.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1790000000' }; // 2026-09-21T14:13:20Z

function vevents(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { method: cal.getFirstPropertyValue('method'), events: cal.getAllSubcomponents('vevent') };
}

const read = (ws: string, rel: string) => readFileSync(join(ws, rel), 'utf8');

describe('refleks schedule on the demo', () => {
  let ws: string;
  let first: CliResult;
  beforeAll(async () => {
    ws = copyWorkspace();
    first = await runCli(['schedule'], { cwd: ws });
  });

  it('prints the dates as people read them, the moves and why, and the between-session work', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^ {2}1\. tirsdag 12\. januar 2027 kl\. 13\.00–15\.00 · Tema 1: \S/m);
    // sykehjem-kombinert crosses Kristi himmelfartsdag (6 May 2027).
    expect(first.stdout).toMatch(
      /2\. torsdag 13\. mai 2027 kl\. 14\.30–16\.30 · Tema 1 \(rehabilitering\): .*\n\s+flyttet fra torsdag 6\. mai 2027: Kristi himmelfartsdag/,
    );
    // rehab-teamet crosses skjærtorsdag; its session 4 is elsewhere.
    expect(first.stdout).toContain('flyttet fra torsdag 25. mars 2027: skjærtorsdag');
    expect(first.stdout).toContain('sted: Kommunestyresalen, Rådhuset');
    expect(first.stdout).toMatch(/egenarbeid: \S/);
    expect(first.stdout).toContain('sone-nord: invitasjoner nye 1, 2, 3, 4, 5 · endret – · avlyst – · uendret –');
  });

  it('writes invitations and an import calendar per group, and the state', async () => {
    for (const g of ['sone-nord', 'rehab-teamet', 'sykehjem-kombinert']) {
      expect(filesBelow(join(ws, 'ut', g), '.ics')).toEqual([
        'invitasjoner/samling-1.ics',
        'invitasjoner/samling-2.ics',
        'invitasjoner/samling-3.ics',
        'invitasjoner/samling-4.ics',
        'invitasjoner/samling-5.ics',
        'kalender.ics',
      ]);
      expect(existsSync(join(ws, '.refleks', 'calendar', `${g}.json`))).toBe(true);
    }
    // Mestringstreff invites each person separately: nobody sees the others' addresses.
    const treff = filesBelow(join(ws, 'ut', 'mestringstreff-var'), '.ics');
    expect(treff.filter((p) => /^invitasjoner\/samling-/.test(p))).toEqual([]);
    expect(treff).toContain('invitasjoner/wenche-odegaard/samling-6.ics');
    expect(treff).toContain('invitasjoner/arne-fjeld/samling-1.ics');
    for (const p of treff.filter((x) => x.startsWith('invitasjoner/'))) {
      expect(vevents(read(ws, `ut/mestringstreff-var/${p}`)).events[0]!.getAllProperties('attendee'), p).toHaveLength(
        1,
      );
    }
  });

  it('every file is CRLF, folded at 75 octets, parses, and invitations hold exactly one event and one UID', async () => {
    const files = filesBelow(join(ws, 'ut'), '.ics');
    expect(files.length).toBeGreaterThan(60);
    for (const rel of files) {
      const text = read(ws, `ut/${rel}`);
      assertWellFormed(text);
      const { method, events } = vevents(text);
      if (rel.endsWith('kalender.ics')) {
        expect(method).toBe('PUBLISH');
        expect(text).not.toMatch(/^ATTENDEE/m);
      } else {
        expect(method, rel).toBe('REQUEST');
        expect(events, rel).toHaveLength(1);
        expect(text.match(/^UID:/gm), rel).toHaveLength(1);
      }
      for (const ev of events) {
        for (const prop of [
          'uid',
          'sequence',
          'dtstamp',
          'dtstart',
          'dtend',
          'summary',
          'description',
          'location',
          'categories',
          'status',
        ]) {
          expect(ev.getFirstProperty(prop), `${rel} ${prop}`).toBeTruthy();
        }
        expect(String(ev.getFirstPropertyValue('dtstart'))).toMatch(/Z$/);
      }
    }
  });

  it('keeps 13.00 local across the change to summer time (rehab-teamet)', async () => {
    const starts = vevents(read(ws, 'ut/rehab-teamet/kalender.ics')).events.map((e) =>
      String(e.getFirstPropertyValue('dtstart')),
    );
    expect(starts[0]).toBe('2027-03-11T12:00:00Z');
    expect(starts.slice(1).every((s) => s.endsWith('T11:00:00Z'))).toBe(true);
  });

  it('re-running with nothing changed changes no byte', async () => {
    const before = treeHashes(ws);
    const again = await runCli(['schedule'], { cwd: ws });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('sone-nord: invitasjoner nye – · endret – · avlyst – · uendret 1, 2, 3, 4, 5');
    expect(again.stdout).toContain('0 filer skrevet');
    expect(treeHashes(ws)).toEqual(before);
  });

  it('moving session 3 re-issues that invitation alone, with a higher SEQUENCE', async () => {
    const before = treeHashes(join(ws, 'ut'));
    appendFileSync(join(ws, 'groups', 'sone-nord.yaml'), '\nsessions:\n  3:\n    date: 2027-02-11\n');
    const r = await runCli(['schedule', 'sone-nord'], { cwd: ws, env: { SOURCE_DATE_EPOCH: '1800000000' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sone-nord: invitasjoner nye – · endret 3 · avlyst – · uendret 1, 2, 4, 5');
    const after = treeHashes(join(ws, 'ut'));
    const changed = Object.keys(after)
      .filter((p) => after[p] !== before[p])
      .sort();
    expect(changed).toEqual(['sone-nord/invitasjoner/samling-3.ics', 'sone-nord/kalender.ics']);
    const ev = vevents(read(ws, 'ut/sone-nord/invitasjoner/samling-3.ics')).events[0]!;
    expect(ev.getFirstPropertyValue('sequence')).toBe(1);
    expect(String(ev.getFirstPropertyValue('dtstart'))).toBe('2027-02-11T12:00:00Z');
    // A new DTSTAMP: the time of this run.
    expect(String(ev.getFirstPropertyValue('dtstamp'))).toBe('2027-01-15T08:00:00Z');
    const other = vevents(read(ws, 'ut/sone-nord/invitasjoner/samling-4.ics')).events[0]!;
    expect(other.getFirstPropertyValue('sequence')).toBe(0);
    expect(String(other.getFirstPropertyValue('dtstamp'))).not.toBe('2027-01-15T08:00:00Z');
  });

  it('cancelling a session writes a CANCEL for it', async () => {
    appendFileSync(join(ws, 'groups', 'sone-nord.yaml'), '  4:\n    cancelled: true\n');
    const r = await runCli(['schedule', 'sone-nord'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('avlyst 4');
    expect(r.stdout).toContain('4. tirsdag 23. februar 2027 kl. 13.00–15.00');
    const text = read(ws, 'ut/sone-nord/invitasjoner/samling-4.ics');
    assertWellFormed(text);
    const { method, events } = vevents(text);
    expect(method).toBe('CANCEL');
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0]!.getFirstPropertyValue('sequence')).toBe(1);
    expect(events[0]!.getAllProperties('attendee').length).toBeGreaterThan(0);
    expect(events[0]!.getFirstSubcomponent('valarm')).toBeNull();
    // The imported calendar drops it too: the event stays as STATUS:CANCELLED with a higher SEQUENCE.
    const published = vevents(read(ws, 'ut/sone-nord/kalender.ics')).events.find((e) =>
      String(e.getFirstPropertyValue('uid')).includes('samling-4-'),
    )!;
    expect(published.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(published.getFirstPropertyValue('sequence')).toBe(1);
  });
});

describe('refleks schedule options', () => {
  it('--dry-run writes nothing, not even state', async () => {
    const ws = copyWorkspace();
    const before = treeHashes(ws);
    const r = await runCli(['schedule', '--dry-run'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Prøvekjøring');
    expect(r.stdout).toContain('ville sendt');
    expect(treeHashes(ws)).toEqual(before);
  });

  it('--json prints the plan for all groups as data', async () => {
    const ws = copyWorkspace();
    const before = treeHashes(ws);
    const r = await runCli(['schedule', '--json', '--dry-run'], { cwd: ws });
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as {
      groups: {
        id: string;
        sessions: { number: number; date: string; startUtc: string; moved: { from: string; reason: string } | null }[];
        invitations: { outcome: string }[];
      }[];
    };
    expect(data.groups.map((g) => g.id).sort()).toEqual([
      'mestringstreff-var',
      'rehab-teamet',
      'sone-nord',
      'sykehjem-kombinert',
    ]);
    const syk = data.groups.find((g) => g.id === 'sykehjem-kombinert')!;
    expect(syk.sessions[1]).toMatchObject({
      number: 2,
      date: '2027-05-13',
      startUtc: '2027-05-13T12:30:00Z',
      moved: { from: '2027-05-06', reason: 'Kristi himmelfartsdag' },
    });
    expect(syk.invitations.every((i) => i.outcome === 'new')).toBe(true);
    expect(treeHashes(ws)).toEqual(before);
  });

  it('--strict turns moves into errors: exit 1, nothing written', async () => {
    const ws = copyWorkspace();
    const before = treeHashes(ws);
    const r = await runCli(['schedule', '--strict'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('feil: groups/sykehjem-kombinert.yaml');
    expect(r.stderr).toContain('torsdag 6. mai 2027: Kristi himmelfartsdag');
    expect(treeHashes(ws)).toEqual(before);
  });

  it("gives the same files whatever the machine's TZ", async () => {
    const a = copyWorkspace();
    const b = copyWorkspace();
    const ra = await runCli(['schedule'], { cwd: a, env: { ...EPOCH, TZ: 'UTC' } });
    const rb = await runCli(['schedule'], { cwd: b, env: { ...EPOCH, TZ: 'America/New_York' } });
    expect(ra.code).toBe(0);
    expect(rb.stdout).toBe(ra.stdout);
    const ha = treeHashes(join(a, 'ut'));
    expect(Object.keys(ha).length).toBeGreaterThan(60);
    expect(treeHashes(join(b, 'ut'))).toEqual(ha);
    expect(read(b, 'ut/sone-nord/invitasjoner/samling-1.ics')).toContain('DTSTAMP:20260921T141320Z\r\n');
  });

  it("--per-person splits one group's invitations; only the named group is written", async () => {
    const ws = copyWorkspace();
    const r = await runCli(['schedule', 'sone-nord', '--per-person'], { cwd: ws });
    expect(r.code).toBe(0);
    const files = filesBelow(join(ws, 'ut'), '.ics');
    expect(files).toContain('sone-nord/invitasjoner/siri-odegard/samling-1.ics');
    expect(files).toContain('sone-nord/invitasjoner/per-hansen/samling-3.ics');
    expect(files).not.toContain('sone-nord/invitasjoner/per-hansen/samling-2.ics');
    expect(files.every((f) => f.startsWith('sone-nord/'))).toBe(true);
  });

  it("--lang en gives English messages but leaves the documents in the workspace's language; language: en in the group gives English documents", async () => {
    const ws = copyWorkspace();
    const r = await runCli(['schedule', 'sykehjem-kombinert', '--lang', 'en'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('moved from Thursday 6 May 2027: Ascension Day');
    expect(read(ws, 'ut/sykehjem-kombinert/invitasjoner/samling-2.ics')).toContain(
      'SUMMARY:Lillevik sykehjem\\, avdeling 2 – samling 2',
    );
    const file = join(ws, 'groups/sykehjem-kombinert.yaml');
    writeFileSync(file, `language: en\n${readFileSync(file, 'utf8')}`);
    expect((await runCli(['schedule', 'sykehjem-kombinert'], { cwd: ws })).stdout).toContain(
      'språket er endret fra bokmål til engelsk',
    );
    expect(read(ws, 'ut/sykehjem-kombinert/invitasjoner/samling-2.ics')).toContain(
      'SUMMARY:Lillevik sykehjem\\, avdeling 2 – session 2',
    );
  });

  it('a damaged state file stops the run with a message naming it', async () => {
    const ws = copyWorkspace();
    expect((await runCli(['schedule'], { cwd: ws })).code).toBe(0);
    writeFileSync(join(ws, '.refleks', 'calendar', 'sone-nord.json'), '{ not json');
    rmSync(join(ws, 'ut', 'rehab-teamet'), { recursive: true });
    const r = await runCli(['schedule'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.refleks/calendar/sone-nord.json');
    expect(r.stderr).toContain('kalenderstatusen er skadet');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    // Nothing was written for any group.
    expect(existsSync(join(ws, 'ut', 'rehab-teamet'))).toBe(false);
  });
});
