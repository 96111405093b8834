/**
 * What refleks last issued for a group's sessions, and how a new plan changes
 * it. Calendar clients update an event they already have only when the UID is
 * the same and the SEQUENCE higher; an unchanged event must keep its SEQUENCE
 * and DTSTAMP so that re-running changes no byte. Pure: previous state and
 * new plan in, new state and per-session outcome out.
 */
import { createHash } from 'node:crypto';
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

export interface SessionState {
  uid: string;
  sequence: number;
  /** ISO instant; DTSTAMP of the last version sent. */
  dtstamp: string;
  hash: string;
  cancelled: boolean;
  issued: IssuedEvent;
}

export interface CalendarState {
  version: 1;
  group: string;
  sessions: Record<string, SessionState>;
}

export type Outcome = 'new' | 'changed' | 'unchanged' | 'cancelled' | 'already-cancelled' | 'not-issued';

/** A session as the new plan wants it. */
export interface WantedSession {
  number: number;
  cancelled: boolean;
  /** Present unless cancelled. */
  hash?: string;
  issued?: IssuedEvent;
}

/**
 * `sone-nord-samling-3-1a2b3c4d@refleks`: ASCII, no personal data, the same
 * on every machine; the hash keeps two organisations' `sone-nord` apart.
 */
export function sessionUid(organisation: string, organiserEmail: string, groupId: string, number: number): string {
  const h = createHash('sha256').update(JSON.stringify([organisation, organiserEmail.toLowerCase(), groupId, number])).digest('hex').slice(0, 8);
  const safeGroup = groupId.replace(/[^A-Za-z0-9-]/g, '-');
  return `${safeGroup}-samling-${number}-${h}@refleks`;
}

export function advanceState(
  previous: CalendarState | undefined,
  group: string,
  wanted: WantedSession[],
  issuedAt: string,
  uidFor: (number: number) => string,
): { state: CalendarState; outcomes: Map<number, Outcome> } {
  const before = previous?.sessions ?? {};
  const sessions: Record<string, SessionState> = {};
  const outcomes = new Map<number, Outcome>();
  const wantedBy = new Map(wanted.map((w) => [w.number, w]));
  const numbers = [...new Set([...wanted.map((w) => w.number), ...Object.keys(before).map(Number)])].sort((a, b) => a - b);

  for (const n of numbers) {
    const prev = before[String(n)];
    const want = wantedBy.get(n);
    if (want && !want.cancelled && want.hash && want.issued) {
      if (!prev) {
        sessions[n] = { uid: uidFor(n), sequence: 0, dtstamp: issuedAt, hash: want.hash, cancelled: false, issued: want.issued };
        outcomes.set(n, 'new');
      } else if (prev.cancelled || prev.hash !== want.hash) {
        // Reinstating a cancelled session is a change too: same UID, next SEQUENCE.
        sessions[n] = { uid: prev.uid, sequence: prev.sequence + 1, dtstamp: issuedAt, hash: want.hash, cancelled: false, issued: want.issued };
        outcomes.set(n, 'changed');
      } else {
        sessions[n] = { ...prev, issued: want.issued };
        outcomes.set(n, 'unchanged');
      }
    } else if (!prev) {
      // Cancelled before anyone was told about it: nothing to send.
      outcomes.set(n, 'not-issued');
    } else if (prev.cancelled) {
      sessions[n] = prev;
      outcomes.set(n, 'already-cancelled');
    } else {
      // Cancelled in the group file, or gone because the theme was removed.
      sessions[n] = { ...prev, sequence: prev.sequence + 1, dtstamp: issuedAt, cancelled: true };
      outcomes.set(n, 'cancelled');
    }
  }
  return { state: { version: 1, group, sessions }, outcomes };
}
