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
import { eventHash, personalHashes, sessionEvent, type Invitee, type SessionEvent } from './session-event.js';
import {
  advanceState,
  heldBy,
  sessionUid,
  type CalendarState,
  type IssuedEvent,
  type Outcome,
  type SessionState,
  type WantedSession,
} from './state.js';

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
  /** People sent a CANCEL in this run because they left the group or their address changed. */
  removed?: { name: string; files: string[] }[];
  /** The language of the invitations changed in this run. */
  lang?: { from: Lang; to: Lang };
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
    : {
        ...withIdentity(e, s),
        organizer: e.organizer,
        attendees: e.attendees.map(({ name, email, role }) => ({ name, email, role })),
        alarm: e.alarm,
      };
}

/** A calendar addressed to one attendee only (RFC 5546: the organiser and that attendee). */
export function personalCalendar(prodId: string, method: 'REQUEST' | 'CANCEL', event: CalEvent, email: string): string {
  const one = event.attendees!.filter((x) => x.email.toLowerCase() === email.toLowerCase());
  return serializeCalendar({ prodId, method, events: [{ ...event, attendees: one }] });
}

/** The last field of PRODID names the language of the calendar's text (RFC 5545, 3.7.3). */
export function prodIdFor(version: string, lang: Lang): string {
  return `-//refleks//refleks ${version}//${lang.toUpperCase()}`;
}

/**
 * SEQUENCE and DTSTAMP of the session in kalender.ics, which has no
 * attendees: those of the newest version anyone invited holds. A removal in
 * per-person mode raises only the removed address, so kalender.ics stays
 * byte for byte as it was; a change to the event raises everyone, and it.
 */
function publishedIdentity(s: SessionState): SessionState {
  const held = Object.values(s.people);
  if (!held.length) return s;
  const newest = held.reduce((a, b) => (b.sequence > a.sequence ? b : a));
  return { ...s, sequence: newest.sequence, dtstamp: newest.dtstamp };
}

/**
 * Where the CANCEL for an address no longer invited goes. With one file per
 * person it replaces that person's own file, unless the same folder now holds
 * the person's invitation at a new address; with one file for the group it is
 * a file of its own that says whom it is for.
 */
function removedPath(base: string, n: number, who: Invitee, perPerson: boolean, liveSlugs: Set<string>): string {
  if (!perPerson) return `${base}/invitasjoner/samling-${n}-avlyst-for-${who.slug}.ics`;
  return liveSlugs.has(who.slug)
    ? `${base}/invitasjoner/${who.slug}/samling-${n}-avlyst-gammel-adresse.ics`
    : `${base}/invitasjoner/${who.slug}/samling-${n}.ics`;
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
  const perPerson = !!(opts.perPerson || group.perPersonInvitations);
  const prodId = prodIdFor(opts.version, opts.lang);
  const stamp = issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');

  const events = new Map<number, SessionEvent>();
  const wanted: WantedSession[] = plan.sessions.map((s) => {
    if (s.cancelled) return { number: s.number, cancelled: true };
    const e = sessionEvent(ws, plan, s, opts.lang);
    events.set(s.number, e);
    const issued: IssuedEvent = {
      summary: e.summary,
      start: e.start,
      end: e.end,
      ...(e.location ? { location: e.location } : {}),
      organizer: e.organizer,
      attendees: e.attendees,
    };
    const personal = personalHashes(e);
    return { number: s.number, cancelled: false, hash: eventHash(e), issued, personal, lang: opts.lang };
  });
  const uidFor = (n: number) => sessionUid(settings.organisation, settings.organiser.email, group.id, n);
  const advanced = advanceState(previous, group.id, wanted, stamp, uidFor, { perPerson });
  const { outcomes, people } = advanced;
  // Remembered so that `refleks cancel` can write the cancellations in the same layout once the group file is gone.
  const { perPerson: _was, ...rest } = advanced.state;
  const state: CalendarState = perPerson ? { ...rest, perPerson: true } : rest;

  const files: OutputFile[] = [];
  const results: SessionOutcome[] = [];
  const published: CalEvent[] = [];
  for (const [n, outcome] of outcomes) {
    const s = state.sessions[String(n)];
    const paths: string[] = [];
    const removedFiles = new Map<string, string[]>();
    if (s) {
      const e = s.cancelled ? undefined : events.get(n);
      const method = s.cancelled ? 'CANCEL' : 'REQUEST';
      if (perPerson) {
        // Each person's file at the version that person holds.
        for (const a of e ? e.attendees : s.issued.attendees) {
          const path = `${base}/invitasjoner/${a.slug}/samling-${n}.ics`;
          files.push({
            path,
            bytes: personalCalendar(prodId, method, invitationEvent(heldBy(s, a.email), e), a.email),
          });
          paths.push(path);
        }
      } else {
        const path = `${base}/invitasjoner/samling-${n}.ics`;
        files.push({ path, bytes: serializeCalendar({ prodId, method, events: [invitationEvent(s, e)] }) });
        paths.push(path);
      }
      // Everyone no longer invited keeps getting their CANCEL file, so a re-run writes the same files.
      const liveSlugs = new Set(s.issued.attendees.map((a) => a.slug));
      const live = new Set(s.issued.attendees.map((a) => a.email.toLowerCase()));
      for (const r of s.removed) {
        if (live.has(r.email.toLowerCase())) continue;
        const path = removedPath(base, n, r, perPerson, liveSlugs);
        files.push({ path, bytes: personalCalendar(prodId, 'CANCEL', cancelEvent(heldBy(s, r.email)), r.email) });
        removedFiles.set(r.email.toLowerCase(), [path]);
      }
      // ORGANIZER but no ATTENDEE: RFC 5546 (3.2.1) requires the organiser in a
      // PUBLISH, and libical's iTIP check rejects the file without it.
      if (e) published.push({ ...withIdentity(e, publishedIdentity(s)), organizer: e.organizer, alarm: e.alarm });
      else if (s.cancelled) published.push({ ...cancelEvent(s), attendees: [] });
    }
    const change = people.get(n);
    // Only the files that changed for somebody are to be sent.
    const changedFiles =
      perPerson && change && outcome === 'changed'
        ? paths.filter((p) =>
            s
              ? s.issued.attendees.some(
                  (a) => change.changed.includes(a.email.toLowerCase()) && p.endsWith(`/${a.slug}/samling-${n}.ics`),
                )
              : false,
          )
        : paths;
    results.push({
      number: n,
      outcome,
      ...(s ? { sequence: s.sequence } : {}),
      files: changedFiles,
      ...(change?.removed.length
        ? {
            removed: change.removed.map((r) => ({
              name: r.name,
              files: removedFiles.get(r.email.toLowerCase()) ?? [],
            })),
          }
        : {}),
      ...(change?.lang ? { lang: change.lang } : {}),
    });
  }
  // RFC 5545 wants at least one component; with no session ever issued there
  // is nothing to import. A cancelled session stays in as
  // STATUS:CANCELLED with its higher SEQUENCE, so a calendar that imported the
  // file drops the event on the next import instead of keeping it.
  if (published.length) {
    files.push({
      path: `${base}/kalender.ics`,
      bytes: serializeCalendar({ prodId, method: 'PUBLISH', name: group.name, events: published }),
    });
  }
  return { files, state, outcomes: results };
}

/**
 * `refleks cancel`: a group that has ended or was made by mistake. Every
 * session still live becomes a CANCEL (same UID, SEQUENCE+1) to everyone it
 * was sent to, in the layout the group used; addresses removed before keep
 * their CANCEL. Built from the state alone, since the group file is gone.
 */
export function cancelGroupFiles(
  previous: CalendarState,
  output: string,
  issuedAt: Date,
  opts: { version: string; lang: Lang; groupName?: string },
): CalendarResult {
  const stamp = issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const perPerson = !!previous.perPerson;
  const { state, outcomes } = advanceState(previous, previous.group, [], stamp, () => '', { perPerson });
  const base = `${output}/${previous.group}`;
  const prodId = prodIdFor(opts.version, opts.lang);
  const files: OutputFile[] = [];
  const results: SessionOutcome[] = [];
  const published: CalEvent[] = [];
  for (const [n, outcome] of outcomes) {
    const s = state.sessions[String(n)]!;
    const paths: string[] = [];
    if (perPerson) {
      for (const a of s.issued.attendees) {
        const path = `${base}/invitasjoner/${a.slug}/samling-${n}.ics`;
        files.push({ path, bytes: personalCalendar(prodId, 'CANCEL', cancelEvent(heldBy(s, a.email)), a.email) });
        paths.push(path);
      }
    } else {
      const path = `${base}/invitasjoner/samling-${n}.ics`;
      files.push({ path, bytes: serializeCalendar({ prodId, method: 'CANCEL', events: [cancelEvent(s)] }) });
      paths.push(path);
    }
    const liveSlugs = new Set(s.issued.attendees.map((a) => a.slug));
    for (const r of s.removed) {
      const path = removedPath(base, n, r, perPerson, liveSlugs);
      files.push({ path, bytes: personalCalendar(prodId, 'CANCEL', cancelEvent(heldBy(s, r.email)), r.email) });
    }
    published.push({ ...cancelEvent(s), attendees: [] });
    results.push({ number: n, outcome, sequence: s.sequence, files: outcome === 'cancelled' ? paths : [] });
  }
  if (published.length)
    files.push({
      path: `${base}/kalender.ics`,
      bytes: serializeCalendar({
        prodId,
        method: 'PUBLISH',
        ...(opts.groupName ? { name: opts.groupName } : {}),
        events: published,
      }),
    });
  return { files, state, outcomes: results };
}
