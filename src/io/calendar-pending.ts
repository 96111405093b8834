/**
 * Which invitations refleks has issued (new, changed or cancelled) that the
 * coordinator has not yet sent. refleks cannot see the sending, so the
 * coordinator says so with `refleks sent`, which records the SEQUENCE sent
 * per session in `.refleks/sent/<group>.json`. Kept apart from the calendar
 * state so that marking something sent never counts as a change to rebuild.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { CalendarState } from '../core/calendar/state.js';
import type { Invitee } from '../core/calendar/session-event.js';
import type { Workspace } from '../core/model.js';
import { InputError, type Problem } from '../core/problems.js';
import { t, type Text } from '../core/text.js';
import { parseStateFile, sentRecordSchema } from '../load/state-schemas.js';
import { readCalendarState } from './calendar-state.js';
import { interruptedRun, writeFileAtomic } from './write-outputs.js';

interface SentFile {
  version: 1;
  /** Session number → SEQUENCE of the invitation sent (to everyone, by hand). */
  sessions: Record<string, number>;
  /**
   * Session number → lower-case e-mail → SEQUENCE delivered to that person
   * (by `refleks send`). Absent in files written before refleks could send.
   */
  people?: Record<string, Record<string, number>>;
}

function sentPath(root: string, groupId: string): string {
  return join(root, '.refleks', 'sent', `${groupId}.json`);
}

/**
 * The sent record, checked like every state file. A damaged one is an error
 * naming it: counting everything as unsent would ask for invitations to be
 * sent again, and counting it as sent would hide them.
 */
function readSent(root: string, groupId: string): SentFile {
  const path = sentPath(root, groupId);
  if (!existsSync(path)) return { version: 1, sessions: {}, people: {} };
  const display = relative(root, path).split(sep).join('/');
  const s = parseStateFile(display, readFileSync(path, 'utf8'), sentRecordSchema, {
    what: t('oversikten over sendte invitasjoner', 'the record of sent invitations'),
    hint: t(
      'Hent filen fra en sikkerhetskopi eller fra git, eller slett den og merk det du har sendt på nytt med «refleks sent».',
      'Restore the file from a backup or from git, or delete it and mark what you have sent again with "refleks sent".',
    ),
  });
  return { version: 1, sessions: s.sessions, people: s.people ?? {} };
}

/** Reads the group's sent record only to check it (for `refleks validate`). */
export function checkSentRecord(root: string, groupId: string): void {
  readSent(root, groupId);
}

function writeSent(root: string, groupId: string, sent: SentFile): void {
  writeFileAtomic(sentPath(root, groupId), JSON.stringify(sent, null, 2) + '\n');
}

export interface Pending {
  number: number;
  sequence: number;
  cancelled: boolean;
}

/** One invitation version that one person has not been sent yet. */
export interface PendingDelivery {
  group: string;
  session: number;
  uid: string;
  sequence: number;
  /** What it is to this person: never told before, an update, or a cancellation. */
  kind: 'new' | 'changed' | 'cancelled';
  person: Invitee;
  /** The address is no longer invited (left the group, or a new address): a CANCEL naming only it. */
  removed?: boolean;
}

/** Every address a session was issued to, with the version it holds: live attendees and removed ones (a CANCEL each). */
export function issuedTo(
  s: CalendarState['sessions'][string],
): { person: Invitee; sequence: number; cancelled: boolean; removed: boolean }[] {
  const live = s.issued.attendees.map((person) => ({
    person,
    sequence: s.people[person.email.toLowerCase()]?.sequence ?? s.sequence,
    cancelled: s.cancelled,
    removed: false,
  }));
  const liveKeys = new Set(s.issued.attendees.map((a) => a.email.toLowerCase()));
  const gone = s.removed
    .filter((r) => !liveKeys.has(r.email.toLowerCase()))
    .map(({ sequence, dtstamp: _d, ...person }) => ({ person, sequence, cancelled: true, removed: true }));
  return [...live, ...gone];
}

/**
 * Who still has to be sent what, per person and session: the one answer used
 * by `schedule`, `build`, `status`, `sent` and `send`. A person's version
 * counts as sent when it was marked (by `refleks sent` or by `refleks send`)
 * at the SEQUENCE that person holds, or, in a sent record from before
 * per-person marks, when the whole session was marked at that SEQUENCE.
 */
export function pendingDeliveries(root: string, state: CalendarState | undefined): PendingDelivery[] {
  if (!state) return [];
  const sent = readSent(root, state.group);
  const out: PendingDelivery[] = [];
  for (const [n, s] of Object.entries(state.sessions).sort(([a], [b]) => Number(a) - Number(b))) {
    const mine = sent.people?.[n] ?? {};
    for (const { person, sequence, cancelled, removed } of issuedTo(s)) {
      const key = person.email.toLowerCase();
      if (mine[key] === sequence || (sent.sessions[n] === sequence && mine[key] === undefined)) continue;
      // «Endret» only to someone told before; a person added since, or never
      // sent anything, gets the current version as a plain invitation.
      const toldBefore = sent.sessions[n] !== undefined || mine[key] !== undefined;
      const kind = cancelled ? 'cancelled' : sequence > 0 && toldBefore ? 'changed' : 'new';
      out.push({
        group: state.group,
        session: Number(n),
        uid: s.uid,
        sequence,
        kind,
        person,
        ...(removed ? { removed: true } : {}),
      });
    }
  }
  return out;
}

export function pendingFor(root: string, state: CalendarState | undefined): Pending[] {
  if (!state) return [];
  const sent = readSent(root, state.group);
  const waiting = new Set(pendingDeliveries(root, state).map((d) => d.session));
  return (
    Object.entries(state.sessions)
      // A session nobody with an e-mail is invited to still waits for `refleks sent`.
      .filter(
        ([n, s]) =>
          waiting.has(Number(n)) ||
          (!s.issued.attendees.length && !s.removed.length && sent.sessions[n] !== s.sequence),
      )
      .map(([n, s]) => ({ number: Number(n), sequence: s.sequence, cancelled: s.cancelled }))
      .sort((a, b) => a.number - b.number)
  );
}

/** Stops when a run was interrupted: the state may then not match the files to send. */
export function assertRunsComplete(root: string): void {
  const p = interruptedRun(root);
  if (p) throw new InputError([p]);
}

/** What to mark: a session, a person (lower-case e-mail), or both; nothing = everything in the group. */
export interface SentFilter {
  session?: number;
  email?: string;
}

/**
 * Records issued invitations of a group as sent (by hand), per person and
 * session; returns how many invitation files (sessions) were waiting.
 */
export function markSent(root: string, groupId: string, filter: SentFilter = {}): number {
  assertRunsComplete(root);
  const state = readCalendarState(root, groupId);
  if (!state) return 0;
  const pick = (d: { session: number; person: { email: string } }) =>
    (filter.session === undefined || d.session === filter.session) &&
    (filter.email === undefined || d.person.email.toLowerCase() === filter.email.toLowerCase());
  const waiting = pendingDeliveries(root, state).filter(pick);
  const sent = readSent(root, groupId);
  // Sessions without anyone to e-mail (everyone on paper) are marked as a whole.
  const paperOnly =
    filter.email === undefined
      ? pendingFor(root, state).filter(
          (p) =>
            !state.sessions[String(p.number)]!.issued.attendees.length &&
            (filter.session === undefined || p.number === filter.session),
        )
      : [];
  if (!waiting.length && !paperOnly.length) return 0;
  const people = sent.people ?? {};
  for (const d of waiting) (people[String(d.session)] ??= {})[d.person.email.toLowerCase()] = d.sequence;
  const sessions = { ...sent.sessions };
  for (const p of paperOnly) sessions[String(p.number)] = p.sequence;
  writeSent(root, groupId, { version: 1, sessions, people });
  return new Set([...waiting.map((d) => d.session), ...paperOnly.map((p) => p.number)]).size;
}

/** Records that these people were e-mailed these invitation versions (by `refleks send`). */
export function markDelivered(
  root: string,
  groupId: string,
  delivered: { session: number; email: string; sequence: number }[],
): void {
  if (!delivered.length) return;
  const sent = readSent(root, groupId);
  const people = sent.people ?? {};
  let changed = false;
  for (const d of delivered) {
    const mine = (people[String(d.session)] ??= {});
    // Never lowers a mark: an older version delivered late does not make the newer one unsent.
    const had = mine[d.email.toLowerCase()];
    if (had === undefined || had < d.sequence) {
      mine[d.email.toLowerCase()] = d.sequence;
      changed = true;
    }
  }
  if (changed) writeSent(root, groupId, { ...sent, people });
}

/**
 * The reminder for one group's invitations not yet sent, or undefined: the
 * same words in `status`, `schedule` and `build`, from `pendingDeliveries`.
 * Throws DamagedStateError for a damaged state.
 */
export function pendingText(root: string, groupId: string, output: string): Text | undefined {
  const state = readCalendarState(root, groupId);
  const pending = pendingFor(root, state);
  if (!state || !pending.length) return undefined;
  const deliveries = pendingDeliveries(root, state);
  // Per person where a session reached some but not all (a rejected address, an interrupted run).
  const missing = (n: number) => {
    const all = issuedTo(state.sessions[String(n)]!).length;
    const names = deliveries.filter((d) => d.session === n && d.kind !== 'cancelled').map((d) => d.person.name);
    return names.length && names.length < all ? names : undefined;
  };
  // A CANCEL to someone who left the group (or to an old address).
  const leaving = (n: number) => {
    const s = state.sessions[String(n)]!;
    return s.cancelled
      ? []
      : deliveries.filter((d) => d.session === n && d.kind === 'cancelled').map((d) => d.person.name);
  };
  const item = (p: Pending, cancelled: string, missingFor: string, cancelTo: string) => {
    const who = missing(p.number);
    const gone = leaving(p.number);
    return `${p.number}${p.cancelled ? ` (${cancelled})` : ''}${who ? ` (${missingFor} ${who.join(', ')})` : ''}${gone.length ? ` (${cancelTo} ${gone.join(', ')})` : ''}`;
  };
  const list = pending.map((p) => item(p, 'avlyst', 'mangler for', 'avlysning til')).join(', ');
  const listEn = pending.map((p) => item(p, 'cancelled', 'missing for', 'cancellation to')).join(', ');
  return t(
    `${pending.length} ${pending.length === 1 ? 'invitasjon er' : 'invitasjoner er'} ikke sendt ennå: samling ${list} (${output}/${groupId}/invitasjoner/). Send dem med «refleks send ${groupId}», eller kjør «refleks sent ${groupId}» når du har sendt dem selv.`,
    `${pending.length} invitation${pending.length === 1 ? ' is' : 's are'} not sent yet: session ${listEn} (${output}/${groupId}/invitasjoner/). Send them with "refleks send ${groupId}", or run "refleks sent ${groupId}" once you have sent them yourself.`,
  );
}

export function pendingInvitations(ws: Workspace): Map<string, Text[]> {
  const out = new Map<string, Text[]>();
  const damaged: Problem[] = [];
  const interrupted = interruptedRun(ws.root);
  if (interrupted) damaged.push(interrupted);
  for (const g of ws.groups) {
    let text: Text | undefined;
    try {
      text = pendingText(ws.root, g.id, ws.settings.output);
    } catch (err) {
      // A damaged state or sent record is said, never a reminder silently dropped.
      if (!(err instanceof InputError)) throw err;
      damaged.push(...err.problems);
      continue;
    }
    if (text) out.set(g.id, [text]);
  }
  if (damaged.length) throw new InputError(damaged);
  return out;
}
