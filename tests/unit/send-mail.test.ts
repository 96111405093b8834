/**
 * `refleks send` without a server: the messages the core describes, who is
 * pending, the journal, and the delivery loop's retries, refusals and rate
 * limit with a scripted sender and a fake clock.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarFiles, type CalendarState } from '../../src/core/calendar/index.js';
import { groupMails, invitationMessageId, type MailDelivery } from '../../src/core/mail/index.js';
import type { Group } from '../../src/core/model.js';
import { InputError } from '../../src/core/problems.js';
import { planGroup } from '../../src/core/schedule.js';
import { markSent, pendingDeliveries, pendingFor } from '../../src/io/calendar-pending.js';
import { saveCalendarState } from '../../src/io/calendar-state.js';
import { deliver, type Outgoing } from '../../src/io/deliver.js';
import { mailBytes, type MailSender } from '../../src/io/mail.js';
import { SendLog } from '../../src/io/send-log.js';
import { group, workspace } from './calendar-fixture.js';

const T0 = new Date('2026-09-01T08:00:00Z');
const T1 = new Date('2026-10-01T08:00:00Z');

function issue(g: Group, prev?: CalendarState, at = T0, lang: 'nb' | 'en' = 'nb'): CalendarState {
  const ws = workspace([g]);
  return calendarFiles(ws, planGroup(g, ws.settings), prev ? JSON.parse(JSON.stringify(prev)) : undefined, at, {
    lang,
    version: '9.9.9',
  }).state;
}

function deliveriesOf(state: CalendarState): MailDelivery[] {
  return Object.entries(state.sessions).flatMap(([n, s]) =>
    s.issued.attendees.map((person) => ({
      session: Number(n),
      sequence: s.sequence,
      kind: s.cancelled ? ('cancelled' as const) : ('new' as const),
      person,
    })),
  );
}

function mails(g: Group, state: CalendarState, lang: 'nb' | 'en' = 'nb') {
  const ws = workspace([g]);
  return groupMails(ws, planGroup(g, ws.settings), state, deliveriesOf(state), {
    lang,
    version: '9.9.9',
    dateFor: () => T1,
  });
}

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});
function tempRoot(): string {
  const r = mkdtempSync(join(tmpdir(), 'refleks-send-unit-'));
  roots.push(r);
  return r;
}

describe('the messages', () => {
  const g = group();
  const state = issue(g);
  const { mails: all, stale } = mails(g, state);

  it('one per attendee per session, each addressed to that person alone', () => {
    expect(stale).toEqual([]);
    const expected = Object.values(state.sessions).reduce((n, s) => n + s.issued.attendees.length, 0);
    expect(all).toHaveLength(expected);
    const everyone = [
      'kari@testvik.kommune.no',
      'per@testvik.kommune.no',
      'ali@testvik.kommune.no',
      'siri@testvik.kommune.no',
    ];
    for (const { mail } of all) {
      const cal = new ICAL.Component(ICAL.parse(mail.calendar));
      const ev = cal.getFirstSubcomponent('vevent')!;
      expect(ev.getAllProperties('attendee').map((p) => String(p.getFirstValue()))).toEqual([
        `mailto:${mail.to.email}`,
      ]);
      expect(cal.getFirstPropertyValue('method')).toBe(mail.method);
      const visible = [mail.subject, mail.text, mail.html, mail.calendar].join('\n');
      for (const other of everyone.filter((e) => e !== mail.to.email)) expect(visible).not.toContain(other);
    }
  });

  it('says what, when, where and what to prepare, in Norwegian', () => {
    const m = all.find((x) => x.delivery.session === 2 && x.mail.to.email === 'ali@testvik.kommune.no')!.mail;
    expect(m.subject).toBe('Invitasjon: Sone nord – samling 2: Tittel 2, tirsdag 26. januar 2027');
    expect(m.text).toContain('Når: tirsdag 26. januar 2027 kl. 13.00–15.00');
    expect(m.text).toContain('Hvor: Helsehuset, møterom 2');
    expect(m.text).toContain('  – Egenarbeid etter tema 1');
    expect(m.text).toContain('Veileder: Kari Nordmann.');
    expect(m.html).toContain('<html lang="nb">');
    expect(m.html).toContain('<li>Egenarbeid etter tema 1</li>');
  });

  it('escapes HTML in names and places', () => {
    const tricky = group({
      location: { text: '<b>Rom & co</b>' },
      participants: [{ name: 'Ola <script>', email: 'ola@testvik.kommune.no' }],
    });
    const { mails: ms } = mails(tricky, issue(tricky));
    const html = ms.find((x) => x.mail.to.email === 'ola@testvik.kommune.no')!.mail.html;
    expect(html).toContain('Hei Ola &lt;script&gt;,');
    expect(html).toContain('&lt;b&gt;Rom &amp; co&lt;/b&gt;');
    expect(html).not.toContain('<script>');
  });

  it('Message-IDs are deterministic, unique per person and version, in the organiser domain', () => {
    const ids = all.map((x) => x.mail.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(mails(g, state).mails.map((x) => x.mail.messageId)).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^<refleks\.[0-9a-f]{32}@testvik\.kommune\.no>$/);
    const a = invitationMessageId('g', 'u', 0, 'REQUEST', 'a@x.no', 'o@x.no');
    expect(invitationMessageId('g', 'u', 1, 'REQUEST', 'a@x.no', 'o@x.no')).not.toBe(a);
    expect(invitationMessageId('g', 'u', 0, 'CANCEL', 'a@x.no', 'o@x.no')).not.toBe(a);
    expect(invitationMessageId('g', 'u', 0, 'REQUEST', 'A@X.NO', 'o@x.no')).toBe(a);
  });

  it('«Endret:» and «Avlyst:» with METHOD:CANCEL built from what was issued', () => {
    const moved = group({ sessions: { 3: { date: '2027-02-10' }, 5: { cancelled: true } } });
    const next = issue(moved, state, T1);
    const deliveries = deliveriesOf(next)
      .filter((d) => d.session === 3 || d.session === 5)
      .map((d) => ({ ...d, kind: d.session === 5 ? ('cancelled' as const) : ('changed' as const) }));
    const ws = workspace([moved]);
    const { mails: ms } = groupMails(ws, planGroup(moved, ws.settings), next, deliveries, {
      lang: 'nb',
      version: '9.9.9',
      dateFor: () => T1,
    });
    const changed = ms.find((x) => x.delivery.session === 3)!.mail;
    expect(changed.subject).toMatch(/^Endret: Sone nord – samling 3: Tittel 3, onsdag 10\. februar 2027$/);
    expect(changed.calendar).toContain('SEQUENCE:1');
    const cancel = ms.find((x) => x.delivery.session === 5)!.mail;
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.subject).toBe('Avlyst: Sone nord – samling 5: Tittel 5, tirsdag 9. mars 2027');
    expect(cancel.calendar).toContain('METHOD:CANCEL');
    expect(cancel.calendar).toContain('STATUS:CANCELLED');
    expect(cancel.text).toContain('Samling 5 i Sone nord er avlyst.');
  });

  it('a group file changed since the last build makes its sessions stale, not wrong e-mails', () => {
    const later = group({ time: '14:00' });
    const ws = workspace([later]);
    const r = groupMails(ws, planGroup(later, ws.settings), state, deliveriesOf(state), {
      lang: 'nb',
      version: '9.9.9',
      dateFor: () => T1,
    });
    expect(r.stale).toEqual([1, 2, 3, 4, 5]);
    expect(r.mails).toEqual([]);
  });

  it('is written in the language the invitations were issued in', () => {
    const en = issue(g, undefined, T0, 'en');
    const { mails: ms, stale: st } = mails(g, en, 'nb');
    expect(st).toEqual([]);
    expect(ms[0]!.mail.subject).toMatch(/^Invitation: Sone nord – session 1: /);
    expect(ms[0]!.mail.text).toMatch(/^Hello /);
  });

  it('MIME: the same bytes every time; a draft carries X-Unsent: 1', async () => {
    const m = all[0]!.mail;
    const a = await mailBytes(m, { draft: true });
    const b = await mailBytes(m, { draft: true });
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toMatch(/^X-Unsent: 1\r\n/m);
    const sent = (await mailBytes(m, { draft: false })).toString('latin1');
    expect(sent).not.toContain('X-Unsent');
    expect(sent).toContain('Content-Type: text/calendar; charset=utf-8; method=REQUEST');
    expect(sent).toMatch(/filename=invitasjon\.ics/);
  });
});

describe('what is pending, per person', () => {
  it('marks per person; a session counts as sent when everyone got it; «changed» only to those told before', () => {
    const root = tempRoot();
    const g = group();
    const s0 = issue(g);
    saveCalendarState(root, s0);
    const all = pendingDeliveries(root, s0);
    expect(all.every((d) => d.kind === 'new')).toBe(true);
    expect(pendingFor(root, s0).map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    markSent(root, g.id);
    expect(pendingDeliveries(root, s0)).toEqual([]);
    const s1 = issue(group({ sessions: { 2: { date: '2027-01-27' } } }), s0, T1);
    saveCalendarState(root, s1);
    const changed = pendingDeliveries(root, s1);
    expect(changed.map((d) => [d.session, d.kind])).toEqual(
      s1.sessions['2']!.issued.attendees.map(() => [2, 'changed']),
    );
  });
});

describe('the journal', () => {
  it('a damaged file is an InputError naming the file and the field', () => {
    const root = tempRoot();
    mkdirSync(join(root, '.refleks', 'sent-mail'), { recursive: true });
    writeFileSync(
      join(root, '.refleks', 'sent-mail', 'g.json'),
      JSON.stringify({ version: 1, group: 'g', messages: [{ message_id: '<x>', sequence: -1 }] }),
    );
    let err: unknown;
    try {
      SendLog.open(root, 'g');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const p = (err as InputError).problems;
    expect(p[0]!.file).toBe('.refleks/sent-mail/g.json');
    expect(p.map((x) => x.field)).toContain('messages[0].sequence');
  });
});

describe('the delivery loop', () => {
  const g = group();
  const state = issue(g);
  const outgoing: Outgoing[] = mails(g, state)
    .mails.slice(0, 4)
    .map((m) => ({ ...m, group: g.id, uid: state.sessions[String(m.delivery.session)]!.uid }));

  function setup(script: (to: string, attempt: number) => Error | undefined, opts: { perMinute?: number } = {}) {
    const root = tempRoot();
    saveCalendarState(root, state);
    const attempts = new Map<string, number>();
    const sent: string[] = [];
    const sleeps: number[] = [];
    let clock = 1_000_000;
    const sender: MailSender = {
      async send(_raw, env) {
        const n = (attempts.get(env.to) ?? 0) + 1;
        attempts.set(env.to, n);
        clock += 100;
        const err = script(env.to, n);
        if (err) throw err;
        sent.push(env.to);
        return { response: '250 OK' };
      },
      close() {},
    };
    const logs = new Map<string, SendLog>();
    const run = () =>
      deliver(outgoing, {
        root,
        sender,
        log: (id) => logs.get(id) ?? logs.set(id, SendLog.open(root, id)).get(id)!,
        bytes: async () => Buffer.from('x'),
        sleep: async (ms) => {
          sleeps.push(ms);
          clock += ms;
        },
        now: () => clock,
        retryDelays: [10, 20],
        perMinute: opts.perMinute ?? 6000,
      });
    return { root, run, attempts, sent, sleeps, logs };
  }
  const smtpErr = (code: number, text: string) =>
    Object.assign(new Error(text), { responseCode: code, response: `${code} ${text}` });
  const to = (i: number) => outgoing[i]!.mail.to.email;

  it('retries a 451 with backoff, reports a 550 and goes on', async () => {
    const t = setup((addr, n) =>
      addr === to(0) && n <= 2 ? smtpErr(451, 'later') : addr === to(1) ? smtpErr(550, 'no such user') : undefined,
    );
    const r = await t.run();
    expect(t.attempts.get(to(0))).toBe(3);
    expect(t.sleeps.filter((s) => s === 10 || s === 20)).toEqual([10, 20]);
    expect(r.rejected.map((x) => [x.outgoing.mail.to.email, x.response])).toEqual([[to(1), '550 no such user']]);
    expect(r.accepted.map((o) => o.mail.to.email)).toEqual([to(0), to(2), to(3)]);
    const journal = JSON.parse(readFileSync(join(t.root, '.refleks', 'sent-mail', `${g.id}.json`), 'utf8')) as {
      messages: { email: string; status: string }[];
    };
    expect(journal.messages.filter((m) => m.status === 'rejected').map((m) => m.email)).toEqual([to(1)]);
    // The refused person is still pending; the others are not.
    expect(
      pendingDeliveries(t.root, state)
        .filter((d) => outgoing.some((o) => o.mail.to.email === d.person.email && o.delivery.session === d.session))
        .map((d) => d.person.email),
    ).toEqual([to(1)]);
  });

  it('stops on a login failure, and on a server that stays away; a second run sends the rest once', async () => {
    const auth = setup(() =>
      Object.assign(new Error('Invalid login'), { code: 'EAUTH', responseCode: 535, response: '535 bad' }),
    );
    const r = await auth.run();
    expect(r.stopped?.reason).toBe('fatal');
    expect(r.remaining).toBe(4);
    expect(auth.attempts.get(to(0))).toBe(1);

    let down = true;
    const t = setup((addr) =>
      down && addr === to(2) ? Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' }) : undefined,
    );
    const first = await t.run();
    expect(first.stopped?.reason).toBe('temporary');
    expect(first.remaining).toBe(2);
    expect(t.attempts.get(to(2))).toBe(3);
    down = false;
    const second = await t.run();
    expect(second.already.length + second.accepted.length + second.resent.length).toBe(4);
    // Accepted before: not sent again. The dropped one (no answer) is sent again as the same message.
    expect(second.already.map((o) => o.mail.to.email)).toEqual([to(0), to(1)]);
    expect(second.resent.map((o) => o.mail.to.email)).toEqual([to(2)]);
    expect(t.sent).toEqual([to(0), to(1), to(2), to(3)]);
  });

  it('keeps to per_minute', async () => {
    const t = setup(() => undefined, { perMinute: 30 });
    await t.run();
    // 2 s between starts; each send took 100 ms of the fake clock.
    expect(t.sleeps).toEqual([1900, 1900, 1900]);
  });
});
