/**
 * One invitation e-mail (iMIP, RFC 6047) for one person and one invitation
 * version: subject, a short text and HTML body, and the calendar addressed to
 * that person alone. Pure: it describes the message; `src/io/mail.ts` turns the
 * description into MIME with nodemailer.
 *
 * Privacy: a message carries the recipient's own address and the organiser's,
 * nobody else's. The calendar inside names the organiser and this attendee
 * only, which is all RFC 5546 needs for a REQUEST or CANCEL to one attendee;
 * the body names the facilitator but gives no address but the organiser's.
 */
import { createHash } from 'node:crypto';
import { invitationEvent, personalCalendar, prodIdFor } from '../calendar/index.js';
import type { CalAttendee } from '../calendar/ical.js';
import type { SessionEvent } from '../calendar/session-event.js';
import type { SessionState } from '../calendar/state.js';
import { formatDate, formatSessionTime } from '../format-date.js';
import type { Group, WorkspaceSettings } from '../model.js';
import type { PlannedSession } from '../schedule.js';
import type { Lang } from '../text.js';
import { toWallTime } from '../zoned-time.js';

export type MailKind = 'new' | 'changed' | 'cancelled';

export interface InvitationInput {
  settings: Pick<WorkspaceSettings, 'organisation' | 'organiser' | 'timezone'>;
  group: Group;
  number: number;
  state: SessionState;
  /** The planned session and its event; both absent for a cancellation. */
  session?: PlannedSession;
  event?: SessionEvent;
  kind: MailKind;
  recipient: Pick<CalAttendee, 'name' | 'email'>;
  lang: Lang;
  /** The Date header. */
  date: Date;
  /** refleks version, for PRODID. */
  version: string;
}

export interface InvitationMail {
  from: { name: string; email: string };
  to: { name: string; email: string };
  subject: string;
  text: string;
  html: string;
  method: 'REQUEST' | 'CANCEL';
  /** The calendar (CRLF lines) for the inline text/calendar part and the attachment. */
  calendar: string;
  attachmentName: string;
  /** With angle brackets: `<…@lillevik.kommune.no>`. */
  messageId: string;
  date: Date;
}

/**
 * The same invitation version to the same person always gets the same
 * Message-ID, so a message re-sent after an interrupted run is recognised as
 * the same message by mail systems and clients. The organiser's domain makes
 * it globally unique the way RFC 5322 asks; the hash keeps addresses out of it.
 */
export function invitationMessageId(
  group: string,
  uid: string,
  sequence: number,
  method: string,
  recipient: string,
  organiserEmail: string,
): string {
  const h = createHash('sha256')
    .update(JSON.stringify([group, uid, sequence, method, recipient.toLowerCase()]))
    .digest('hex')
    .slice(0, 32);
  const domain = organiserEmail.slice(organiserEmail.lastIndexOf('@') + 1).toLowerCase();
  return `<refleks.${h}@${domain}>`;
}

const WORDS = {
  nb: {
    prefix: { new: 'Invitasjon:', changed: 'Endret:', cancelled: 'Avlyst:' },
    hello: 'Hei',
    when: 'Når',
    where: 'Hvor',
    link: 'Møtelenke',
    theme: 'Tema',
    prepare: 'Forbered til denne samlingen',
    note: 'Merk',
    facilitator: 'Veileder',
    attached:
      'Invitasjonen ligger ved. Godta den i kalenderen din, så står samlingen der, og den oppdateres hvis noe endres.',
    cancelledNote: 'Kalenderen din fjerner samlingen når du åpner denne meldingen (eller den vedlagte filen).',
    questions: 'Spørsmål? Svar på denne e-posten, eller kontakt',
    regards: 'Hilsen',
  },
  en: {
    prefix: { new: 'Invitation:', changed: 'Updated:', cancelled: 'Cancelled:' },
    hello: 'Hello',
    when: 'When',
    where: 'Where',
    link: 'Meeting link',
    theme: 'Theme',
    prepare: 'To prepare for this session',
    note: 'Note',
    facilitator: 'Facilitator',
    attached:
      'The invitation is attached. Accept it in your calendar to have the session there; it is updated if anything changes.',
    cancelledNote: 'Your calendar removes the session when you open this message (or the attached file).',
    questions: 'Questions? Reply to this e-mail, or contact',
    regards: 'Regards',
  },
} as const;

function lead(input: InvitationInput): string {
  const { group, number, lang, kind } = input;
  const count = group.themes.length;
  const nb = lang === 'nb';
  // The session goes on, but not for this address (removed from the group, or a new address).
  if (kind === 'cancelled' && input.session) {
    return nb
      ? `Du står ikke lenger på listen for samling ${number} i ${group.name} med denne adressen, så samlingen tas ut av kalenderen din.`
      : `You are no longer on the list for session ${number} of ${group.name} at this address, so the session is taken out of your calendar.`;
  }
  if (kind === 'cancelled')
    return nb ? `Samling ${number} i ${group.name} er avlyst.` : `Session ${number} of ${group.name} is cancelled.`;
  if (kind === 'changed')
    return nb
      ? `Samling ${number} av ${count} i ${group.name} er endret. Her er den oppdaterte invitasjonen.`
      : `Session ${number} of ${count} of ${group.name} has changed. Here is the updated invitation.`;
  return nb
    ? `Du er invitert til samling ${number} av ${count} i ${group.name}.`
    : `You are invited to session ${number} of ${count} of ${group.name}.`;
}

interface Detail {
  label: string;
  value: string;
  /** Lines shown as a list under the label. */
  items?: string[];
}

function details(input: InvitationInput, when: string): Detail[] {
  const w = WORDS[input.lang];
  const out: Detail[] = [{ label: w.when, value: when }];
  const s = input.session;
  if (!s || input.kind === 'cancelled') {
    const where = input.state.issued.location;
    if (where) out.push({ label: w.where, value: where });
    return out;
  }
  if (s.location.text && s.location.text !== s.location.url) out.push({ label: w.where, value: s.location.text });
  if (s.location.url) out.push({ label: w.link, value: s.location.url });
  out.push({
    label: w.theme,
    value: `${s.theme.theme.title}${s.theme.theme.summary ? `\n${s.theme.theme.summary.trim()}` : ''}`,
  });
  const previous = input.group.themes[s.number - 2];
  if (previous?.theme.betweenSessions.length)
    out.push({ label: w.prepare, value: '', items: previous.theme.betweenSessions });
  const notes: string[] = [];
  if (s.note) notes.push(s.note);
  if (s.moved) {
    notes.push(
      input.lang === 'nb'
        ? `Flyttet fra ${formatDate(s.moved.from, 'nb')}: ${s.moved.reason.nb}`
        : `Moved from ${formatDate(s.moved.from, 'en')}: ${s.moved.reason.en}`,
    );
  }
  if (notes.length) out.push({ label: w.note, value: notes.join('\n') });
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A URL as a link only when it is plainly one; anything else stays text. */
function linkOrText(value: string): string {
  return /^https?:\/\/[^\s"<>]+$/.test(value)
    ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`
    : escapeHtml(value).replace(/\n/g, '<br>\n');
}

export function invitationMail(input: InvitationInput): InvitationMail {
  const { settings, group, state, lang, kind } = input;
  const w = WORDS[lang];
  const method = state.cancelled ? 'CANCEL' : 'REQUEST';
  const event = invitationEvent(state, state.cancelled ? undefined : input.event);
  const calendar = personalCalendar(prodIdFor(input.version, input.lang), method, event, input.recipient.email);

  let when: string;
  let date: string;
  if (input.session && !state.cancelled) {
    when = formatSessionTime(input.session.date, input.session.start, input.session.end, lang);
    date = input.session.date;
  } else {
    const start = toWallTime(Date.parse(state.issued.start), settings.timezone);
    const end = toWallTime(Date.parse(state.issued.end), settings.timezone);
    when = formatSessionTime(start.date, start.time, end.time, lang);
    date = start.date;
  }
  const summary = input.event && !state.cancelled ? input.event.summary : state.issued.summary;
  const subject = `${w.prefix[kind]} ${summary}, ${formatDate(date, lang)}`;

  const facilitator = group.facilitator.name;
  const contact = `${settings.organiser.name} (${settings.organiser.email})`;
  const rows = details(input, when);
  const closing = kind === 'cancelled' ? w.cancelledNote : w.attached;

  const text = [
    `${w.hello} ${input.recipient.name},`,
    '',
    lead(input),
    '',
    ...rows.flatMap((r) => [
      r.items ? `${r.label}:` : `${r.label}: ${r.value.split('\n')[0]}`,
      ...r.value
        .split('\n')
        .slice(1)
        .map((l) => `  ${l}`),
      ...(r.items ?? []).map((i) => `  – ${i}`),
    ]),
    '',
    closing,
    '',
    `${w.facilitator}: ${facilitator}. ${w.questions} ${contact}.`,
    '',
    w.regards,
    settings.organiser.name,
    settings.organisation,
    '',
  ].join('\n');

  const htmlRows = rows
    .map((r) => {
      const [first, ...rest] = r.value.split('\n');
      const value = r.items
        ? `<ul>\n${r.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`
        : `${linkOrText(first ?? '')}${rest.length ? `<br>\n${rest.map(escapeHtml).join('<br>\n')}` : ''}`;
      return r.items
        ? `<p><strong>${escapeHtml(r.label)}:</strong></p>\n${value}`
        : `<p><strong>${escapeHtml(r.label)}:</strong> ${value}</p>`;
    })
    .join('\n');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'nb' ? 'nb' : 'en'}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body>',
    `<p>${escapeHtml(`${w.hello} ${input.recipient.name},`)}</p>`,
    `<p>${escapeHtml(lead(input))}</p>`,
    htmlRows,
    `<p>${escapeHtml(closing)}</p>`,
    `<p>${escapeHtml(`${w.facilitator}: ${facilitator}. ${w.questions} ${contact}.`)}</p>`,
    `<p>${escapeHtml(w.regards)}<br>\n${escapeHtml(settings.organiser.name)}<br>\n${escapeHtml(settings.organisation)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');

  return {
    from: { name: settings.organiser.name, email: settings.organiser.email },
    to: { name: input.recipient.name, email: input.recipient.email },
    subject,
    text,
    html,
    method,
    calendar,
    attachmentName: 'invitasjon.ics',
    messageId: invitationMessageId(
      group.id,
      state.uid,
      state.sequence,
      method,
      input.recipient.email,
      settings.organiser.email,
    ),
    date: input.date,
  };
}

/** `epost/<person>/samling-<n>.eml`, below the group's output folder. */
export function draftPath(output: string, groupId: string, slug: string, number: number, removed = false): string {
  // A CANCEL to an address no longer invited sits beside the person's new
  // invitation when only the address changed, so it needs a name of its own.
  return `${output}/${groupId}/epost/${slug}/samling-${number}${removed ? '-avlyst' : ''}.eml`;
}
