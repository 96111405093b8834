/**
 * MIME and SMTP for `refleks send`, through nodemailer (imported only here,
 * and only when a message is built), so that no other command pays for it
 * and refleks writes neither MIME nor SMTP by hand.
 *
 * The message is `multipart/mixed`: a `multipart/alternative` with the text,
 * the HTML and the `text/calendar; method=…` part (how Outlook, Google and
 * Apple Mail expect an iMIP invitation), plus the same calendar as an
 * `invitasjon.ics` attachment for clients that ignore the inline part.
 */
import { createHash } from 'node:crypto';
import type { SmtpSettings } from '../core/model.js';
import type { InvitationMail } from '../core/mail/index.js';

/**
 * The message as bytes. The boundaries are derived from the Message-ID, so
 * the same message always has the same bytes: drafts are reproducible, and a
 * message re-sent after an interrupted run is the same message.
 */
export async function mailBytes(mail: InvitationMail, opts: { draft: boolean }): Promise<Buffer> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const baseBoundary = createHash('sha256').update(mail.messageId).digest('hex').slice(0, 16);
  const composer = new MailComposer({
    from: { name: mail.from.name, address: mail.from.email },
    to: { name: mail.to.name, address: mail.to.email },
    subject: mail.subject,
    messageId: mail.messageId,
    date: mail.date,
    text: mail.text,
    html: mail.html,
    icalEvent: { method: mail.method, filename: mail.attachmentName, content: mail.calendar },
    baseBoundary,
    // Outlook opens an .eml with this header as a draft ready to send.
    ...(opts.draft ? { headers: { 'X-Unsent': '1' } } : {}),
  });
  return composer.compile().build();
}

/** What a server said about one message. */
export interface SendResult {
  response: string;
}

export interface MailSender {
  send(raw: Buffer, envelope: { from: string; to: string }): Promise<SendResult>;
  close(): void;
}

/**
 * One pooled connection, reused from message to message and opened again
 * when the server drops it. `security: tls` is TLS from the first byte (port
 * 465); `starttls` refuses to go on unencrypted; `none` is for a local relay.
 * Certificates are checked as everywhere else in Node: a municipality's own
 * CA is added with NODE_EXTRA_CA_CERTS.
 */
export async function smtpSender(smtp: SmtpSettings, password: string | undefined): Promise<MailSender> {
  const nodemailer = await import('nodemailer');
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    maxMessages: Infinity,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    ...(smtp.user ? { auth: { user: smtp.user, pass: password ?? '' } } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(raw, envelope) {
      const info = await transport.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw });
      return { response: String(info.response ?? '') };
    },
    close: () => transport.close(),
  };
}

export type FailureKind = 'temporary' | 'permanent' | 'fatal';

/** What a failed send means for the run: try again, give up on this person, or stop. */
export function classifyFailure(err: unknown): { kind: FailureKind; response: string; code?: string } {
  const e = err as { code?: string; responseCode?: number; response?: string; message?: string };
  const response = (e.response ?? e.message ?? String(err)).trim();
  const code = e.code;
  const base = code ? { response, code } : { response };
  // A wrong password or a certificate that does not verify is the same for every message.
  if (
    code === 'EAUTH' ||
    code === 'ENOAUTH' ||
    code === 'ETLS' ||
    code === 'EREQUIRETLS' ||
    code === 'EDNS' ||
    code === 'ECONFIG'
  )
    return { kind: 'fatal', ...base };
  if (/certificate|self[- ]signed|CERT_|unable to verify/i.test(response)) return { kind: 'fatal', ...base };
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 400 && e.responseCode < 500) return { kind: 'temporary', ...base };
    if (e.responseCode >= 500) return { kind: 'permanent', ...base };
  }
  if (
    code === 'ECONNECTION' ||
    code === 'ETIMEDOUT' ||
    code === 'ESOCKET' ||
    code === 'EPROTOCOL' ||
    code === 'ECONNRESET' ||
    code === 'ECONNREFUSED'
  )
    return { kind: 'temporary', ...base };
  return { kind: 'temporary', ...base };
}
