/**
 * The delivery loop of `refleks send --smtp`: one message at a time, at most
 * `perMinute` a minute, each recorded in the group's journal before and after
 * the server takes it (see send-log.ts), so that a run stopped at any point
 * resumes with the rest. Temporary failures (4xx, a dropped connection, a
 * timeout) are retried with backoff; a permanent one (5xx) is reported and
 * the others go on; a login or certificate failure stops the run, since it
 * would fail the same way for everyone. Clock, sleep and sender are passed
 * in, so the tests run the retries without waiting.
 */
import type { GroupMail } from '../core/mail/index.js';
import { markDelivered } from './calendar-pending.js';
import { classifyFailure, type MailSender } from './mail.js';
import type { SendLog, SendLogEntry } from './send-log.js';

export interface Outgoing extends GroupMail {
  group: string;
  uid: string;
}

export interface DeliverDeps {
  root: string;
  sender: MailSender;
  log: (group: string) => SendLog;
  bytes: (o: Outgoing) => Promise<Buffer>;
  /** Resolves after `ms`, or early when the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  /** Waits before each retry of a temporary failure; its length is the number of retries. */
  retryDelays: number[];
  perMinute: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, current: Outgoing) => void;
}

export interface DeliverReport {
  accepted: Outgoing[];
  /** Sent again after an interrupted run, with the same Message-ID. */
  resent: Outgoing[];
  /** Accepted in an earlier run (the journal knew, the sent record did not yet). */
  already: Outgoing[];
  rejected: { outgoing: Outgoing; response: string }[];
  /** Why the run stopped before the end, if it did. */
  stopped?: { reason: 'fatal' | 'temporary' | 'interrupted'; response?: string; at?: Outgoing };
  /** Messages not attempted because the run stopped. */
  remaining: number;
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function deliver(outgoing: Outgoing[], deps: DeliverDeps): Promise<DeliverReport> {
  const report: DeliverReport = { accepted: [], resent: [], already: [], rejected: [], remaining: 0 };
  const interval = 60_000 / deps.perMinute;
  let lastStart: number | undefined;
  for (let i = 0; i < outgoing.length; i++) {
    const o = outgoing[i]!;
    if (deps.signal?.aborted) {
      report.stopped = { reason: 'interrupted' };
      report.remaining = outgoing.length - i;
      break;
    }
    deps.onProgress?.(i, outgoing.length, o);
    const log = deps.log(o.group);
    const { mail, delivery } = o;
    const before = log.get(mail.messageId);
    const mark = () =>
      markDelivered(deps.root, o.group, [
        { session: delivery.session, email: delivery.person.email, sequence: delivery.sequence },
      ]);
    if (before?.status === 'accepted') {
      mark();
      report.already.push(o);
      continue;
    }
    const base: SendLogEntry = {
      message_id: mail.messageId,
      session: delivery.session,
      uid: o.uid,
      sequence: delivery.sequence,
      method: mail.method,
      name: delivery.person.name,
      email: delivery.person.email,
      date: iso(mail.date.getTime()),
      status: 'intent',
      intent_at: iso(deps.now()),
    };
    const raw = await deps.bytes(o);
    if (lastStart !== undefined) await deps.sleep(Math.max(0, lastStart + interval - deps.now()), deps.signal);
    if (deps.signal?.aborted) {
      report.stopped = { reason: 'interrupted' };
      report.remaining = outgoing.length - i;
      break;
    }
    lastStart = deps.now();
    log.record(base);
    let outcome:
      | { ok: true; response: string }
      | { ok: false; kind: 'temporary' | 'permanent' | 'fatal'; response: string; answered: boolean }
      | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await deps.sender.send(raw, { from: mail.from.email, to: mail.to.email });
        outcome = { ok: true, response: r.response };
        break;
      } catch (err) {
        const c = classifyFailure(err);
        // A server's answer means it did not take the message; a dropped
        // connection leaves that open, so the entry stays an intent.
        const answered = typeof (err as { responseCode?: unknown }).responseCode === 'number';
        outcome = { ok: false, kind: c.kind, response: c.response, answered };
        if (c.kind !== 'temporary' || attempt >= deps.retryDelays.length || deps.signal?.aborted) break;
        await deps.sleep(deps.retryDelays[attempt]!, deps.signal);
        if (deps.signal?.aborted) break;
      }
    }
    if (outcome.ok) {
      log.record({
        ...base,
        status: 'accepted',
        answered_at: iso(deps.now()),
        response: outcome.response.slice(0, 2000) || 'OK',
      });
      mark();
      (before?.status === 'intent' ? report.resent : report.accepted).push(o);
      continue;
    }
    const response = outcome.response.slice(0, 2000) || '?';
    if (outcome.kind === 'permanent') {
      log.record({ ...base, status: 'rejected', answered_at: iso(deps.now()), response });
      report.rejected.push({ outgoing: o, response });
      continue;
    }
    if (outcome.answered) log.record({ ...base, status: 'failed', answered_at: iso(deps.now()), response });
    report.stopped = {
      reason: deps.signal?.aborted ? 'interrupted' : outcome.kind === 'fatal' ? 'fatal' : 'temporary',
      response,
      at: o,
    };
    report.remaining = outgoing.length - i;
    break;
  }
  if (!report.stopped) deps.onProgress?.(outgoing.length, outgoing.length, outgoing[outgoing.length - 1]!);
  return report;
}

/** A sleep that ends early when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
