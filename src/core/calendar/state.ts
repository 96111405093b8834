/**
 * What refleks last issued for a group's sessions, and how a new plan changes
 * it. Calendar clients update an event they already have only when the UID is
 * the same and the SEQUENCE higher; an unchanged event must keep its SEQUENCE
 * and DTSTAMP so that re-running changes no byte. Pure: previous state and
 * new plan in, new state and per-session outcome out.
 *
 * Per person, not only per session (state version 2): each address has the
 * SEQUENCE of the version it was issued, because
 *  - a person removed from the group (or whose address changed) must get a
 *    CANCEL naming only them (RFC 5546 3.2.5 / 3.2.2.x: the organiser
 *    "uninvites" an attendee by sending that attendee a CANCEL with the same
 *    UID; the others get the updated REQUEST without them);
 *  - with one file per person, a removal changes nobody else's file, so
 *    nobody else's SEQUENCE may rise (they would be asked to re-send a file
 *    with nothing new in it).
 *
 * What each client holds, and why every one ends right:
 *  - Whole-group file: every live attendee holds the file's SEQUENCE S. A
 *    removal changes the attendee list, hence the file: the rest get S+1
 *    (REQUEST, without her) and the removed address gets a CANCEL at S+1,
 *    which is higher than the S her client holds, so it drops the event.
 *  - One file per person: person P holds S(P). P's file changes only when
 *    the event itself or P's own entry (name, role) changes. A removal gives
 *    only the removed address a CANCEL at max(S)+1 > S(her); the others keep
 *    S(P) and their bytes. Any change bumps to max(S)+1, so every person's
 *    SEQUENCE only ever rises, and a later switch to the whole-group file
 *    (max(S)+1 as well) is higher than what anybody holds.
 *  - An address removed and later added again gets a REQUEST at max(S)+1,
 *    higher than its CANCEL, so the client takes the event back.
 *  - A whole session cancelled: every live address gets a CANCEL at max(S)+1;
 *    addresses cancelled before keep their CANCEL.
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../text.js';
import type { Invitee } from './session-event.js';

/** Enough of the last issued event to cancel it, even when the session is gone from the plan. */
export interface IssuedEvent {
  summary: string;
  start: string;
  end: string;
  location?: string;
  organizer: { name: string; email: string };
  attendees: Invitee[];
}

/** The version one live attendee holds. */
export interface PersonState {
  sequence: number;
  dtstamp: string;
  /** Hash of the event as this person's own file shows it; absent after a migration from version 1. */
  hash?: string;
}

/** An address that was sent this session and has been (or is to be) sent a CANCEL naming only it. */
export interface RemovedAttendee extends Invitee {
  sequence: number;
  dtstamp: string;
}

export interface SessionState {
  uid: string;
  /** The highest SEQUENCE issued for this UID (the whole-group file's). */
  sequence: number;
  /** ISO instant; DTSTAMP of the last version of the whole-group file. */
  dtstamp: string;
  hash: string;
  cancelled: boolean;
  /** Language of the text last issued. */
  lang?: Lang;
  issued: IssuedEvent;
  /** Lower-case e-mail of each attendee in `issued.attendees` → the version issued to them. */
  people: Record<string, PersonState>;
  /** Addresses no longer invited; each gets a CANCEL naming only itself. */
  removed: RemovedAttendee[];
}

export interface CalendarState {
  version: 2;
  group: string;
  /** The invitations went out as one file per person. */
  perPerson?: boolean;
  sessions: Record<string, SessionState>;
}

/** The format before per-person state (refleks 0.x); read, and written back as version 2. */
export interface CalendarStateV1 {
  version: 1;
  group: string;
  sessions: Record<string, Omit<SessionState, 'people' | 'removed' | 'lang'>>;
}

export type Outcome = 'new' | 'changed' | 'unchanged' | 'cancelled' | 'already-cancelled' | 'not-issued';

/** A session as the new plan wants it. */
export interface WantedSession {
  number: number;
  cancelled: boolean;
  /** Present unless cancelled. */
  hash?: string;
  issued?: IssuedEvent;
  /** Lower-case e-mail → hash of that person's own file (present unless cancelled). */
  personal?: Record<string, string>;
  lang?: Lang;
}

/** Who a run changed, per session, beyond the session's own outcome. */
export interface PeopleChange {
  /** Addresses sent a CANCEL in this run (removed, or their address changed). */
  removed: Invitee[];
  /** Live addresses whose version changed in this run. */
  changed: string[];
  /** The language changed in this run (from → to). */
  lang?: { from: Lang; to: Lang };
}

/**
 * `sone-nord-samling-3-1a2b3c4d@refleks`: ASCII, no personal data, the same
 * on every machine; the hash keeps two organisations' `sone-nord` apart.
 */
export function sessionUid(organisation: string, organiserEmail: string, groupId: string, number: number): string {
  const h = createHash('sha256')
    .update(JSON.stringify([organisation, organiserEmail.toLowerCase(), groupId, number]))
    .digest('hex')
    .slice(0, 8);
  const safeGroup = groupId.replace(/[^A-Za-z0-9-]/g, '-');
  return `${safeGroup}-samling-${number}-${h}@refleks`;
}

const key = (email: string) => email.toLowerCase();

/** Version 1 → 2: every attendee held the session's SEQUENCE; nobody was removed (v1 could not say). */
export function migrateState(s: CalendarStateV1 | CalendarState): CalendarState {
  if (s.version === 2) return s;
  const sessions: Record<string, SessionState> = {};
  for (const [n, v] of Object.entries(s.sessions)) {
    const people: Record<string, PersonState> = {};
    for (const a of v.issued.attendees) people[key(a.email)] = { sequence: v.sequence, dtstamp: v.dtstamp };
    sessions[n] = { ...v, people, removed: [] };
  }
  return { version: 2, group: s.group, sessions };
}

/**
 * The session as one address holds it: its own SEQUENCE and DTSTAMP, and
 * cancelled when the address was removed. What the person-file and the
 * e-mail to that person are built from.
 */
export function heldBy(s: SessionState, email: string): SessionState {
  const k = key(email);
  const gone = s.removed.find((r) => key(r.email) === k);
  if (gone && !s.issued.attendees.some((a) => key(a.email) === k)) {
    const { sequence, dtstamp, ...who } = gone;
    return { ...s, sequence, dtstamp, cancelled: true, issued: { ...s.issued, attendees: [who] } };
  }
  const p = s.people[k];
  return p ? { ...s, sequence: p.sequence, dtstamp: p.dtstamp } : s;
}

export function advanceState(
  previous: CalendarState | undefined,
  group: string,
  wanted: WantedSession[],
  issuedAt: string,
  uidFor: (number: number) => string,
  opts: { perPerson?: boolean } = {},
): { state: CalendarState; outcomes: Map<number, Outcome>; people: Map<number, PeopleChange> } {
  const before = previous?.sessions ?? {};
  const sessions: Record<string, SessionState> = {};
  const outcomes = new Map<number, Outcome>();
  const changes = new Map<number, PeopleChange>();
  const wantedBy = new Map(wanted.map((w) => [w.number, w]));
  const numbers = [...new Set([...wanted.map((w) => w.number), ...Object.keys(before).map(Number)])].sort(
    (a, b) => a - b,
  );

  for (const n of numbers) {
    const prev = before[String(n)];
    const want = wantedBy.get(n);
    if (want && !want.cancelled && want.hash && want.issued) {
      const personal = want.personal ?? {};
      const live = want.issued.attendees;
      if (!prev) {
        const people = Object.fromEntries(
          live.map((a) => [key(a.email), { sequence: 0, dtstamp: issuedAt, hash: personal[key(a.email)]! }]),
        );
        sessions[n] = {
          uid: uidFor(n),
          sequence: 0,
          dtstamp: issuedAt,
          hash: want.hash,
          cancelled: false,
          ...(want.lang ? { lang: want.lang } : {}),
          issued: want.issued,
          people,
          removed: [],
        };
        outcomes.set(n, 'new');
        continue;
      }
      const next = prev.sequence + 1;
      const fileChanged = prev.cancelled || prev.hash !== want.hash;
      const liveKeys = new Set(live.map((a) => key(a.email)));
      // Addresses that held a live version and are no longer invited: a CANCEL to each.
      const newlyRemoved: RemovedAttendee[] = prev.cancelled
        ? []
        : prev.issued.attendees
            .filter((a) => !liveKeys.has(key(a.email)))
            .map((a) => ({ ...a, sequence: next, dtstamp: issuedAt }));
      const removed = [
        ...prev.removed.filter(
          (r) => !liveKeys.has(key(r.email)) && !newlyRemoved.some((x) => key(x.email) === key(r.email)),
        ),
        ...newlyRemoved,
      ];
      const people: Record<string, PersonState> = {};
      const changed: string[] = [];
      for (const a of live) {
        const k = key(a.email);
        const had = prev.cancelled ? undefined : prev.people[k];
        const mine = personal[k]!;
        // Without a per-person hash (a state from version 1) the session's own hash decides.
        const same = opts.perPerson
          ? had && (had.hash ? had.hash === mine : !fileChanged)
          : had && !fileChanged && had.sequence === prev.sequence;
        if (same) people[k] = { ...had!, hash: mine };
        else {
          people[k] = { sequence: next, dtstamp: issuedAt, hash: mine };
          changed.push(k);
        }
      }
      // The whole-group file changes for all when anything in it changes.
      if (!opts.perPerson && (fileChanged || newlyRemoved.length)) {
        for (const a of live) {
          const k = key(a.email);
          if (!changed.includes(k)) changed.push(k);
          people[k] = { sequence: next, dtstamp: issuedAt, hash: personal[k]! };
        }
      }
      // A session nobody can be e-mailed about still changes (kalender.ics, the group file).
      const anything = fileChanged || changed.length > 0 || newlyRemoved.length > 0;
      const sequence = anything ? next : prev.sequence;
      const wholeFileChanged = anything;
      sessions[n] = {
        uid: prev.uid,
        sequence,
        dtstamp: wholeFileChanged ? issuedAt : prev.dtstamp,
        hash: want.hash,
        cancelled: false,
        ...(want.lang ? { lang: want.lang } : prev.lang ? { lang: prev.lang } : {}),
        issued: want.issued,
        people,
        removed,
      };
      outcomes.set(n, anything ? 'changed' : 'unchanged');
      const langChange =
        anything && prev.lang && want.lang && prev.lang !== want.lang
          ? { lang: { from: prev.lang, to: want.lang } }
          : {};
      if (anything)
        changes.set(n, {
          removed: newlyRemoved.map(({ sequence: _s, dtstamp: _d, ...who }) => who),
          changed,
          ...langChange,
        });
    } else if (!prev) {
      // Cancelled before anyone was told about it: nothing to send.
      outcomes.set(n, 'not-issued');
    } else if (prev.cancelled) {
      sessions[n] = prev;
      outcomes.set(n, 'already-cancelled');
    } else {
      // Cancelled in the group file, or gone because the theme was removed:
      // every live address gets the CANCEL; those removed before keep theirs.
      const next = prev.sequence + 1;
      const people = Object.fromEntries(
        Object.keys(prev.people).map((k) => [k, { ...prev.people[k]!, sequence: next, dtstamp: issuedAt }]),
      );
      sessions[n] = { ...prev, sequence: next, dtstamp: issuedAt, cancelled: true, people };
      outcomes.set(n, 'cancelled');
    }
  }
  return {
    state: { version: 2, group, ...(previous?.perPerson ? { perPerson: true } : {}), sessions },
    outcomes,
    people: changes,
  };
}
