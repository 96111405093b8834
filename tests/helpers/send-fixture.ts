/**
 * Shared by the `refleks send` end-to-end tests: a workspace with one group
 * (three people with e-mail, one without), the SMTP server the test file
 * starts (importing this module registers its hooks), and `checkMessages`,
 * which reads every message with mailparser and Python's email package and
 * every calendar part with ical.js and libical's iTIP check.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { ROOT, runCliProcess as runCli } from './cli.js';
import { makeCert, PASSWORD, runCliAsync, startServer, USER, type Cert, type TestServer } from './smtp.js';
import { hasPythonModule, PYTHON, requireTool } from './tools.js';

export { runCliAsync, USER };

const CHECK_EML = join(ROOT, 'tests', 'clients', 'check_eml.py');
const CHECK_ICS = join(ROOT, 'tests', 'clients', 'check_ics.py');
export const havePython = requireTool(hasPythonModule('icalendar') && hasPythonModule('vobject'), 'python3-icalendar');
export const haveLibical =
  havePython &&
  spawnSync(PYTHON, [
    '-c',
    "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib; ICalGLib.restriction_check",
  ]).status === 0;

export const PEOPLE = [
  { name: 'Kåre Øvrebø', email: 'kare.ovrebo@lillevik.kommune.no' },
  { name: 'Åse Ærlig', email: 'ase.aerlig@lillevik.kommune.no' },
  { name: 'Bjørn Sæther', email: 'bjorn.saether@example.org' },
];
export const SESSIONS = 5;
export const TOTAL = PEOPLE.length * SESSIONS;

export const GROUP = `name: Sone sør – æøå-gruppa
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

export let cert: Cert;
export let server: TestServer;
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

export function workspace(
  smtp = `{ host: 127.0.0.1, port: PORT, security: starttls, user: ${USER}, per_minute: 6000 }`,
): string {
  const ws = mkdtempSync(join(tmpdir(), 'refleks-send-'));
  dirs.push(ws);
  writeFileSync(
    join(ws, 'refleks.yaml'),
    `organisation: Lillevik kommune, helse og omsorg
organiser: { name: Ingrid Solberg, email: ${USER} }
smtp: ${smtp.replace('PORT', String(server.port))}
`,
  );
  mkdirSync(join(ws, 'groups'));
  writeFileSync(join(ws, 'groups', 'sone-sor.yaml'), GROUP);
  const b = runCli(['schedule', '-q'], { cwd: ws });
  if (b.code !== 0) throw new Error(b.stderr);
  return ws;
}

export const ENV = { NODE_EXTRA_CA_CERTS: '', REFLEKS_SMTP_PASSWORD: PASSWORD, REFLEKS_SMTP_RETRY_MS: '10,20' };
export function send(
  ws: string,
  args: string[] = [],
  extra: Record<string, string> = {},
  onStart?: Parameters<typeof runCliAsync>[1]['onStart'],
) {
  return runCliAsync(['send', '--smtp', '--yes', ...args], {
    cwd: ws,
    env: { ...ENV, NODE_EXTRA_CA_CERTS: cert.certPath, ...extra },
    ...(onStart ? { onStart } : {}),
  });
}

export function messageId(raw: Buffer): string {
  return /^Message-ID: (<[^>]+>)/im.exec(raw.toString('latin1'))![1]!;
}

export interface EmlReport {
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
export async function checkMessages(raws: Buffer[], opts: { draft?: boolean } = {}): Promise<EmlReport[]> {
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
    const r = spawnSync(PYTHON, [CHECK_ICS, ...out.map((e) => e.calendars[0]!.file)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const ics = JSON.parse(r.stdout) as {
      files: Record<string, { libical?: { ok: boolean; errors: string[] } | { error: string } }>;
    };
    const bad = Object.entries(ics.files).filter(([, v]) => !v.libical || 'error' in v.libical || !v.libical.ok);
    expect(bad).toEqual([]);
    expect(r.status).toBe(0);
  }
  return out;
}
