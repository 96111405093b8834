/**
 * `refleks send` end to end: the real CLI against a real SMTP server in this
 * process (STARTTLS with a certificate made for the run, AUTH); every message
 * read by mailparser and Python's email package, every calendar part by ical.js
 * and libical (tests/helpers/send-fixture.ts). The faults are in send-faults.test.ts.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { filesBelow, runCliProcess as runCli } from '../helpers/cli.js';
import {
  checkMessages,
  GROUP,
  havePython,
  messageId,
  PEOPLE,
  send,
  server,
  TOTAL,
  USER,
  workspace,
} from '../helpers/send-fixture.js';

describe.runIf(havePython)('refleks send --smtp', () => {
  it('sends one message per person and session over STARTTLS with AUTH, then nothing; a moved session sends one «Endret:» to each', async () => {
    const ws = workspace();
    const r = await send(ws);
    expect(r.stderr).toContain('Per Uten Epost i sone-sor har ingen e-postadresse');
    expect(r.stderr).toContain('ut/sone-sor/veileder/');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${TOTAL} av ${TOTAL} e-poster sendt.`);
    expect(server.received).toHaveLength(TOTAL);
    for (const m of server.received) {
      expect(m.secure).toBe(true);
      expect(m.user).toBe(USER);
      expect(m.to).toHaveLength(1);
      expect(m.from).toBe(USER);
    }
    // Each person gets each session once.
    const pairs = server.received.map((m) => `${m.to[0]} ${/samling (\d)/.exec(m.raw.toString('utf8'))?.[1] ?? ''}`);
    expect(new Set(server.received.map((m) => messageId(m.raw))).size).toBe(TOTAL);
    expect(new Set(server.received.map((m) => m.to[0])).size).toBe(PEOPLE.length);
    expect(pairs.length).toBe(TOTAL);
    const reports = await checkMessages(server.received.map((m) => m.raw));
    expect(reports.every((e) => e.subject.startsWith('Invitasjon:'))).toBe(true);

    // status no longer asks; a second run sends nothing.
    expect(runCli(['status', '--today', '2027-02-20'], { cwd: ws }).stdout).not.toContain('ikke sendt');
    server.received.length = 0;
    const again = await send(ws);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Ingen invitasjoner venter på å bli sendt.');
    expect(server.received).toHaveLength(0);

    // Move session 3: exactly one «Endret:» to each person in it.
    writeFileSync(join(ws, 'groups', 'sone-sor.yaml'), `${GROUP}sessions:\n  3: { date: 2027-04-06 }\n`);
    expect(runCli(['schedule', '-q'], { cwd: ws }).code).toBe(0);
    const moved = await send(ws);
    expect(moved.code).toBe(0);
    expect(server.received.map((m) => m.to[0]).sort()).toEqual(PEOPLE.map((p) => p.email).sort());
    const changed = await checkMessages(server.received.map((m) => m.raw));
    for (const e of changed) {
      expect(e.subject).toMatch(/^Endret: Sone sør – æøå-gruppa – samling 3: .*, tirsdag 6\. april 2027$/);
      expect(e.calendars[0]!.content).toContain('SEQUENCE:1');
      expect(e.text).toContain('er endret');
    }
    // A cancelled session: one «Avlyst:» (METHOD:CANCEL) to each.
    server.received.length = 0;
    writeFileSync(
      join(ws, 'groups', 'sone-sor.yaml'),
      `${GROUP}sessions:\n  3: { date: 2027-04-06 }\n  5: { cancelled: true }\n`,
    );
    expect(runCli(['schedule', '-q'], { cwd: ws }).code).toBe(0);
    expect((await send(ws)).code).toBe(0);
    const cancelled = await checkMessages(server.received.map((m) => m.raw));
    expect(cancelled).toHaveLength(PEOPLE.length);
    for (const e of cancelled) {
      expect(e.subject).toMatch(/^Avlyst: .* – samling 5: /);
      expect(e.calendars[0]!.method_param).toBe('CANCEL');
    }
  });
});

describe.runIf(havePython)('refleks send (dry run) and --drafts', () => {
  it('shows the table without sending; --drafts writes .eml files Outlook opens as drafts, and marks nothing sent', async () => {
    const ws = workspace();
    const dry = runCli(['send'], { cwd: ws });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/sone-sor\s+Åse Ærlig\s+1\s+ny/);
    expect(dry.stdout).toContain(`Prøvekjøring: ${TOTAL} e-poster til ${PEOPLE.length} personer. Ingenting er sendt.`);

    const env = { SOURCE_DATE_EPOCH: '1800000000' };
    const drafts = runCli(['send', '--drafts'], { cwd: ws, env });
    expect(drafts.code).toBe(0);
    const files = filesBelow(join(ws, 'ut', 'sone-sor', 'epost'), '.eml');
    expect(files).toHaveLength(TOTAL);
    expect(files).toContain('ase-aerlig/samling-1.eml');
    const raws = files.map((f) => readFileSync(join(ws, 'ut', 'sone-sor', 'epost', f)));
    const reports = await checkMessages(raws, { draft: true });
    expect(reports.every((e) => e.subject.startsWith('Invitasjon:'))).toBe(true);
    // Reproducible, and nothing marked sent.
    const before = raws.map((r) => r.toString('base64'));
    expect(runCli(['send', '--drafts'], { cwd: ws, env }).stdout).toContain(`(0 skrevet, ${TOTAL} uendret)`);
    expect(files.map((f) => readFileSync(join(ws, 'ut', 'sone-sor', 'epost', f)).toString('base64'))).toEqual(before);
    expect(runCli(['status', '--today', '2027-02-20'], { cwd: ws }).stdout).toContain(
      '5 invitasjoner er ikke sendt ennå',
    );
  });

  it('in English when the documents are English', async () => {
    const ws = workspace();
    writeFileSync(join(ws, 'refleks.yaml'), readFileSync(join(ws, 'refleks.yaml'), 'utf8') + 'language: en\n');
    rmSync(join(ws, '.refleks'), { recursive: true });
    rmSync(join(ws, 'ut'), { recursive: true });
    expect(runCli(['schedule', '-q'], { cwd: ws }).code).toBe(0);
    expect(runCli(['send', '--drafts'], { cwd: ws }).code).toBe(0);
    const raw = readFileSync(join(ws, 'ut', 'sone-sor', 'epost', 'ase-aerlig', 'samling-2.eml'));
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toMatch(/^Invitation: Sone sør – æøå-gruppa – session 2: .*, Tuesday 16 March 2027$/);
    expect(parsed.text).toContain('Hello Åse Ærlig,');
    expect(parsed.text).toContain('When: Tuesday 16 March 2027, 13:00–15:00');
  });
});
