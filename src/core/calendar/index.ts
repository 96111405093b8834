/**
 * A group's calendar files: one invitation per session (METHOD:REQUEST, or
 * CANCEL once a session is cancelled or gone), optionally one per person, and
 * `kalender.ics` (METHOD:PUBLISH, organiser but no attendees) for importing. Pure: plan and
 * previous state in, files and new state out; `refleks schedule` and
 * `refleks build` write them.
 */
import type { OutputFile } from '../output.js';
import type { Workspace } from '../model.js';
import { hasErrors } from '../problems.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import { serializeCalendar, type CalEvent } from './ical.js';
import { eventHash, sessionEvent, type SessionEvent } from './session-event.js';
import { advanceState, sessionUid, type CalendarState, type IssuedEvent, type Outcome, type SessionState, type WantedSession } from './state.js';

export type { CalendarState, Outcome } from './state.js';

export interface CalendarOptions {
  lang: Lang;
  /** refleks version, for PRODID. */
  version: string;
  /** One invitation file per person (also when the group asks for it). */
  perPerson?: boolean;
}

export interface SessionOutcome {
  number: number;
  outcome: Outcome;
  sequence?: number;
  /** Invitation files for this session (empty for `not-issued`). */
  files: string[];
}

export interface CalendarResult {
  files: OutputFile[];
  state: CalendarState;
  outcomes: SessionOutcome[];
}

function withIdentity(e: SessionEvent, s: SessionState): CalEvent {
  return {
    uid: s.uid,
    sequence: s.sequence,
    dtstamp: s.dtstamp,
    start: e.start,
    end: e.end,
    summary: e.summary,
    description: e.description,
    ...(e.location ? { location: e.location } : {}),
    ...(e.url ? { url: e.url } : {}),
    categories: e.categories,
    status: 'CONFIRMED',
  };
}

function cancelEvent(s: SessionState): CalEvent {
  const i: IssuedEvent = s.issued;
  return {
    uid: s.uid,
    sequence: s.sequence,
    dtstamp: s.dtstamp,
    start: i.start,
    end: i.end,
    summary: i.summary,
    ...(i.location ? { location: i.location } : {}),
    status: 'CANCELLED',
    organizer: i.organizer,
    attendees: i.attendees.map(({ name, email, role }) => ({ name, email, role })),
  };
}

/**
 * The event as issued in the state: the full event for a live session, or the
 * cancellation built from what was last sent. `refleks send` builds the same
 * event for its messages, so the files and the e-mails never disagree.
 */
export function invitationEvent(s: SessionState, e: SessionEvent | undefined): CalEvent {
  return s.cancelled || !e
    ? cancelEvent(s)
    : { ...withIdentity(e, s), organizer: e.organizer, attendees: e.attendees.map(({ name, email, role }) => ({ name, email, role })), alarm: e.alarm };
}

/** A calendar addressed to one attendee only (RFC 5546: the organiser and that attendee). */
export function personalCalendar(prodId: string, method: 'REQUEST' | 'CANCEL', event: CalEvent, email: string): string {
  const one = event.attendees!.filter((x) => x.email === email);
  return serializeCalendar({ prodId, method, events: [{ ...event, attendees: one }] });
}

/** The last field of PRODID names the language of the calendar's text (RFC 5545, 3.7.3). */
export function prodIdFor(version: string, lang: Lang): string {
  return `-//refleks//refleks ${version}//${lang.toUpperCase()}`;
}

export function calendarFiles(
  ws: Pick<Workspace, 'settings' | 'programmes'>,
  plan: GroupPlan,
  previous: CalendarState | undefined,
  issuedAt: Date,
  opts: CalendarOptions,
): CalendarResult {
  // A plan with errors lacks sessions (a time in the DST gap); treating those as
  // removed would send cancellations.
  if (hasErrors(plan.problems)) throw new Error(`calendarFiles: the plan for ${plan.group.id} has errors`);
  const { group } = plan;
  const { settings } = ws;
  const base = `${settings.output}/${group.id}`;
  const perPerson = opts.perPerson || group.perPersonInvitations;
  const prodId = prodIdFor(opts.version, opts.lang);
  const stamp = issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');

  const events = new Map<number, SessionEvent>();
  const wanted: WantedSession[] = plan.sessions.map((s) => {
    if (s.cancelled) return { number: s.number, cancelled: true };
    const e = sessionEvent(ws, plan, s, opts.lang);
    events.set(s.number, e);
    const issued: IssuedEvent = { summary: e.summary, start: e.start, end: e.end, ...(e.location ? { location: e.location } : {}), organizer: e.organizer, attendees: e.attendees };
    return { number: s.number, cancelled: false, hash: eventHash(e), issued };
  });
  const uidFor = (n: number) => sessionUid(settings.organisation, settings.organiser.email, group.id, n);
  const { state, outcomes } = advanceState(previous, group.id, wanted, stamp, uidFor);

  const files: OutputFile[] = [];
  const results: SessionOutcome[] = [];
  const published: CalEvent[] = [];
  for (const [n, outcome] of outcomes) {
    const s = state.sessions[String(n)];
    const paths: string[] = [];
    if (s) {
      const e = events.get(n);
      const event = invitationEvent(s, e);
      const method = s.cancelled ? 'CANCEL' : 'REQUEST';
      if (perPerson) {
        for (const a of s.cancelled || !e ? s.issued.attendees : e.attendees) {
          const path = `${base}/invitasjoner/${a.slug}/samling-${n}.ics`;
          files.push({ path, bytes: personalCalendar(prodId, method, event, a.email) });
          paths.push(path);
        }
      } else {
        const path = `${base}/invitasjoner/samling-${n}.ics`;
        files.push({ path, bytes: serializeCalendar({ prodId, method, events: [event] }) });
        paths.push(path);
      }
      // ORGANIZER but no ATTENDEE: RFC 5546 (3.2.1) requires the organiser in a
      // PUBLISH, and libical's iTIP check rejects the file without it.
      if (!s.cancelled && e) published.push({ ...withIdentity(e, s), organizer: e.organizer, alarm: e.alarm });
    }
    results.push({ number: n, outcome, ...(s ? { sequence: s.sequence } : {}), files: paths });
  }
  // RFC 5545 wants at least one component; with every session cancelled there is nothing to import.
  if (published.length) {
    files.push({ path: `${base}/kalender.ics`, bytes: serializeCalendar({ prodId, method: 'PUBLISH', name: group.name, events: published }) });
  }
  return { files, state, outcomes: results };
}
