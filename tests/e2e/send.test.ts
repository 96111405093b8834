/**
 * `refleks send` end to end: the real CLI against a real SMTP server in this
 * process (STARTTLS with a certificate made for the run, AUTH), every message
 * read by mailparser and by Python's email package, every calendar part by
 * ical.js and by libical's iTIP check. Then the faults: a dropped connection,
 * 4xx answers, a refused address, `kill -9` in the middle of a run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { filesBelow, ROOT, runCli } from '../helpers/cli.js';
import { makeCert, PASSWORD, runCliAsync, startServer, USER, type Cert, type TestServer } from '../helpers/smtp.js';
import { hasPythonModule, PYTHON, requireTool } from '../helpers/tools.js';

const CHECK_EML = join(ROOT, 'tests', 'clients', 'check_eml.py');
const CHECK_ICS = join(ROOT, 'tests', 'clients', 'check_ics.py');
const havePython = requireTool(hasPythonModule('icalendar') && hasPythonModule('vobject'), 'python3-icalendar');
const haveLibical = havePython && spawnSync(PYTHON, ['-c', "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib; ICalGLib.restriction_check"]).status === 0;

const PEOPLE = [
  { name: 'Kåre Øvrebø', email: 'kare.ovrebo@lillevik.kommune.no' },
  { name: 'Åse Ærlig', email: 'ase.aerlig@lillevik.kommune.no' },
  { name: 'Bjørn Sæther', email: 'bjorn.saether@example.org' },
];
const SESSIONS = 5;
const TOTAL = PEOPLE.length * SESSIONS;

const GROUP = `name: Sone sør – æøå-gruppa
programme: mestring
facilitator: { name: ${PEOPLE[0]!.name}, email: ${PEOPLE[0]!.email} }
participants:
  - { name: ${PEOPLE[1]!.name}, email: ${PEOPLE[1]!.email} }
  - { name: ${PEOPLE[2]!.name}, email: ${PEOPLE[2]!.email} }
  - { name: Per Uten Epost }
location: { room: "Helsehuset, møterom 2", address: "Storgata 1, 1234 Lillevik" }
start: 2027-03-02
time: "13:00"
`;

let cert: Cert;
let server: TestServer;
const dirs: string[] = [];

beforeAll(async () => {
  cert = makeCert();
  server = await startServer(cert);
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  expect(server.errors).toEqual([]);
  server.received.length = 0;
  server.onRcpt = undefined;
  server.onData = undefined;
  server.down = false;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function workspace(smtp = `{ host: 127.0.0.1, port: PORT, security: starttls, user: ${USER}, per_minute: 6000 }`): string {
  const ws = mkdtempSync(join(tmpdir(), 'refleks-send-'));
  dirs.push(ws);
  writeFileSync(join(ws, 'refleks.yaml'), `organisation: Lillevik kommune, helse og omsorg
organiser: { name: Ingrid Solberg, email: ${USER} }
smtp: ${smtp.replace('PORT', String(server.port))}
`);
  mkdirSync(join(ws, 'groups'));
  writeFileSync(join(ws, 'groups', 'sone-sor.yaml'), GROUP);
  const b = runCli(['schedule', '-q'], { cwd: ws });
  if (b.code !== 0) throw new Error(b.stderr);
  return ws;
}

const ENV = { NODE_EXTRA_CA_CERTS: '', REFLEKS_SMTP_PASSWORD: PASSWORD, REFLEKS_SMTP_RETRY_MS: '10,20' };
function send(ws: string, args: string[] = [], extra: Record<string, string> = {}, onStart?: Parameters<typeof runCliAsync>[1]['onStart']) {
  return runCliAsync(['send', '--smtp', '--yes', ...args], { cwd: ws, env: { ...ENV, NODE_EXTRA_CA_CERTS: cert.certPath, ...extra }, ...(onStart ? { onStart } : {}) });
}

function messageId(raw: Buffer): string {
  return /^Message-ID: (<[^>]+>)/im.exec(raw.toString('latin1'))![1]!;
}

interface EmlReport {
  from: string;
  to: string;
  to_count: number;
  cc: string | null;
  bcc: string | null;
  subject: string;
  message_id: string;
  x_unsent: string | null;
  tree: { type: string; parts?: { type: string; parts?: { type: string }[]; filename?: string | null }[] };
  defects: string[];
  text: string | null;
  html: string | null;
  calendars: { method_param: string; charset: string; file: string; content: string }[];
  attachments: { type: string; filename: string; content: string }[];
}

/**
 * Every check a message must pass in every reader; returns what Python saw,
 * per file, for further assertions.
 */
async function checkMessages(raws: Buffer[], opts: { draft?: boolean } = {}): Promise<EmlReport[]> {
  const dir = mkdtempSync(join(tmpdir(), 'refleks-eml-'));
  dirs.push(dir);
  const files = raws.map((raw, i) => {
    const f = join(dir, `m${i}.eml`);
    writeFileSync(f, raw);
    return f;
  });
  const py = spawnSync(PYTHON, [CHECK_EML, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(py.stderr).toBe('');
  expect(py.status).toBe(0);
  const report = JSON.parse(py.stdout) as Record<string, EmlReport>;
  const out = files.map((f) => report[f]!);

  for (const [i, e] of out.entries()) {
    const raw = raws[i]!;
    // One recipient, nobody else's address anywhere in the message.
    expect(e.to_count).toBe(1);
    expect(e.cc).toBeNull();
    expect(e.bcc).toBeNull();
    const recipient = PEOPLE.find((p) => e.to.includes(p.email))!;
    expect(recipient).toBeDefined();
    const decoded = [e.subject, e.text, e.html, ...e.calendars.map((c) => c.content), raw.toString('utf8')].join('\n');
    for (const other of PEOPLE.filter((p) => p !== recipient)) expect(decoded).not.toContain(other.email);
    expect(e.from).toBe(`Ingrid Solberg <${USER}>`);
    expect(e.x_unsent).toBe(opts.draft ? '1' : null);
    // multipart/mixed: alternative (text, html, calendar) + invitasjon.ics.
    expect(e.tree.type).toBe('multipart/mixed');
    expect(e.tree.parts!.map((p) => p.type)).toEqual(['multipart/alternative', 'application/ics']);
    expect(e.tree.parts![0]!.parts!.map((p) => p.type)).toEqual(['text/plain', 'text/html', 'text/calendar']);
    expect(e.attachments.map((a) => a.filename)).toEqual(['invitasjon.ics']);
    // UTF-8 intact, in the subject (RFC 2047) and in the bodies.
    expect(e.subject).toMatch(/^(Invitasjon|Endret|Avlyst): Sone sør – æøå-gruppa – samling \d: /);
    expect(raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(e.text).toContain(`Hei ${recipient.name},`);
    expect(e.text).toMatch(/Når: \w+dag \d+\. \w+ 2027 kl\. \d\d\.\d\d–\d\d\.\d\d/);
    expect(e.html).toContain(`<p>Hei ${recipient.name},</p>`);
    // The calendar: METHOD matches the part's method=, one attendee, the same file attached.
    expect(e.calendars).toHaveLength(1);
    const cal = e.calendars[0]!;
    expect(cal.charset).toBe('utf-8');
    const method = /^METHOD:(\S+)/m.exec(cal.content)![1];
    expect(cal.method_param).toBe(method);
    expect(e.attachments[0]!.content.replace(/\r\n/g, '\n')).toBe(cal.content.replace(/\r\n/g, '\n'));
    const comp = new ICAL.Component(ICAL.parse(cal.content));
    expect(comp.getFirstPropertyValue('method')).toBe(method);
    const vevent = comp.getFirstSubcomponent('vevent')!;
    const attendees = vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue()));
    expect(attendees).toEqual([`mailto:${recipient.email}`]);
    expect(String(vevent.getFirstPropertyValue('organizer'))).toBe(`mailto:${USER}`);
    expect(e.subject.startsWith('Avlyst:')).toBe(method === 'CANCEL');

    // mailparser, as Node mail software reads it.
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(e.subject);
    expect(parsed.messageId).toBe(e.message_id);
    expect(parsed.text).toContain(`Hei ${recipient.name},`);
    expect(parsed.html).toContain(recipient.name);
    const toValue = Array.isArray(parsed.to) ? parsed.to : [parsed.to!];
    expect(toValue.flatMap((a) => a.value.map((v) => v.address))).toEqual([recipient.email]);
    const icsParts = parsed.attachments.filter((a) => /calendar|ics/.test(a.contentType));
    expect(icsParts.length).toBeGreaterThanOrEqual(1);
    for (const a of icsParts) expect(a.content.toString('utf8')).toContain(`METHOD:${method}`);
  }

  if (haveLibical) {
    const r = spawnSync(PYTHON, [CHECK_ICS, ...out.map((e) => e.calendars[0]!.file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ics = JSON.parse(r.stdout) as { files: Record<string, { libical?: { ok: boolean; errors: string[] } | { error: string } }> };
    const bad = Object.entries(ics.files).filter(([, v]) => !v.libical || 'error' in v.libical || !v.libical.ok);
    expect(bad).toEqual([]);
    expect(r.status).toBe(0);
  }
  return out;
}

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
    writeFileSync(join(ws, 'groups', 'sone-sor.yaml'), `${GROUP}sessions:\n  3: { date: 2027-04-06 }\n  5: { cancelled: true }\n`);
    expect(runCli(['schedule', '-q'], { cwd: ws }).code).toBe(0);
    expect((await send(ws)).code).toBe(0);
    const cancelled = await checkMessages(server.received.map((m) => m.raw));
    expect(cancelled).toHaveLength(PEOPLE.length);
    for (const e of cancelled) {
      expect(e.subject).toMatch(/^Avlyst: .* – samling 5: /);
      expect(e.calendars[0]!.method_param).toBe('CANCEL');
    }
  });

  it('the connection dropped after N messages: a second run sends exactly the rest', async () => {
    const ws = workspace();
    const N = 4;
    server.onRcpt = ({ count }) => {
      if (count >= N) {
        server.down = true;
        return 'drop';
      }
    };
    const first = await send(ws);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`${TOTAL - N} er ikke sendt; kjør kommandoen igjen senere`);
    expect(server.received).toHaveLength(N);
    const firstIds = server.received.map((m) => messageId(m.raw));
    server.onRcpt = undefined;
    server.down = false;
    const second = await send(ws);
    expect(second.code).toBe(0);
    expect(server.received).toHaveLength(TOTAL);
    const ids = server.received.map((m) => messageId(m.raw));
    expect(new Set(ids).size).toBe(TOTAL);
    expect(ids.slice(0, N)).toEqual(firstIds);
  });

  it('retries 421 and 451; a 550 for one address is reported and the others are delivered (exit 1)', async () => {
    const ws = workspace();
    const tries = new Map<string, number>();
    server.onRcpt = ({ address }) => {
      const n = (tries.get(address!) ?? 0) + 1;
      tries.set(address!, n);
      if (address === PEOPLE[2]!.email) return { code: 550, message: '5.1.1 Mailbox unavailable' };
      if (address === PEOPLE[1]!.email && n === 1) return { code: 451, message: '4.7.1 Try again later' };
    };
    let first421 = true;
    server.onData = ({ raw }) => {
      if (first421 && raw!.toString('utf8').includes(PEOPLE[0]!.email)) {
        first421 = false;
        return { code: 421, message: '4.3.2 Shutting down, try again' };
      }
    };
    const r = await send(ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`tjeneren avviste e-posten til ${PEOPLE[2]!.name} <${PEOPLE[2]!.email}>, sone-sor samling 1: 550 5.1.1 Mailbox unavailable`);
    expect(server.received).toHaveLength(TOTAL - SESSIONS);
    expect(server.received.some((m) => m.to[0] === PEOPLE[2]!.email)).toBe(false);
    expect(tries.get(PEOPLE[1]!.email)).toBe(SESSIONS + 1);
    expect(first421).toBe(false);
    expect(new Set(server.received.map((m) => messageId(m.raw))).size).toBe(TOTAL - SESSIONS);
    // status names who is still missing.
    expect(runCli(['status', '--today', '2027-02-20'], { cwd: ws }).stdout).toContain(`mangler for ${PEOPLE[2]!.name}`);
  });

  it('kill -9 in the middle: the resumed run re-sends only the message in the acceptance window, with the same Message-ID', async () => {
    const ws = workspace();
    const K = 6;
    let victim: import('node:child_process').ChildProcess | undefined;
    server.onData = async ({ count }) => {
      if (count === K && victim) {
        const v = victim;
        victim = undefined;
        await new Promise<void>((resolve) => {
          v.once('close', () => resolve());
          v.kill('SIGKILL');
        });
        // The server then accepts the message: the client never hears it.
      }
    };
    const killed = await send(ws, [], {}, (child) => (victim = child));
    expect(killed.signal).toBe('SIGKILL');
    // The server's side of that message finishes after the client is gone.
    await vi.waitFor(() => expect(server.received).toHaveLength(K + 1));
    const windowMsg = server.received[K]!;
    server.onData = undefined;
    // Killed again, this time before the server has the message (at RCPT TO).
    const K2 = K + 4;
    server.onRcpt = async ({ count }) => {
      if (count === K2 + 1 && victim) {
        const v = victim;
        victim = undefined;
        await new Promise<void>((resolve) => {
          v.once('close', () => resolve());
          v.kill('SIGKILL');
        });
        return 'drop';
      }
    };
    const killedAgain = await send(ws, [], {}, (child) => (victim = child));
    expect(killedAgain.signal).toBe('SIGKILL');
    expect(server.received).toHaveLength(K2 + 1);
    server.onRcpt = undefined;
    const resumed = await send(ws);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('sendt på nytt med samme Message-ID');
    expect(resumed.stdout).toContain(`${TOTAL - K2} av ${TOTAL - K2} e-poster sendt.`);
    const ids = server.received.map((m) => messageId(m.raw));
    expect(ids).toHaveLength(TOTAL + 1);
    expect(new Set(ids).size).toBe(TOTAL);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(twice).toEqual([messageId(windowMsg.raw)]);
    // The same message, byte for byte (same Date, same boundaries).
    const again = server.received.slice(K + 1).find((m) => messageId(m.raw) === twice[0])!;
    expect(again).toBeDefined();
    expect(again.raw.equals(windowMsg.raw)).toBe(true);
  });

  it('without a terminal and without --yes it exits 2 and says why; a wrong password stops with exit 1', async () => {
    const ws = workspace();
    const r = await runCliAsync(['send', '--smtp'], { cwd: ws, env: { ...ENV, NODE_EXTRA_CA_CERTS: cert.certPath } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ingen terminal å spørre i. Legg til --yes');
    const bad = await send(ws, [], { REFLEKS_SMTP_PASSWORD: 'feil' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/stoppet: .*535/);
    expect(server.received).toHaveLength(0);
    // The server's certificate is checked: without the CA it stops too.
    const untrusted = await runCliAsync(['send', '--smtp', '--yes'], { cwd: ws, env: { ...ENV } });
    expect(untrusted.code).toBe(1);
    expect(server.received).toHaveLength(0);
  });

  it('a damaged e-mail log is an error naming the file (exit 1), and nothing is sent', async () => {
    const ws = workspace();
    mkdirSync(join(ws, '.refleks', 'sent-mail'), { recursive: true });
    writeFileSync(join(ws, '.refleks', 'sent-mail', 'sone-sor.json'), '{"version":1,"group":"sone-sor","messages":[{"session":"tre"}]}');
    const r = await send(ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.refleks/sent-mail/sone-sor.json: messages[0].session: e-postloggen er skadet');
    writeFileSync(join(ws, '.refleks', 'sent-mail', 'sone-sor.json'), '{"version":1,');
    const truncated = await send(ws);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('.refleks/sent-mail/sone-sor.json: e-postloggen er skadet');
    expect(server.received).toHaveLength(0);
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
    expect(runCli(['status', '--today', '2027-02-20'], { cwd: ws }).stdout).toContain('5 invitasjoner er ikke sendt ennå');
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
