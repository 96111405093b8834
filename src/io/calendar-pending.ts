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
}

/**
 * Who still has to be sent what, per person and session: the one answer used
 * by `status`, `sent` and `send`. A session counts as sent when it was marked
 * by hand at this SEQUENCE, or when each of its attendees was e-mailed it.
 */
export function pendingDeliveries(root: string, state: CalendarState | undefined): PendingDelivery[] {
  if (!state) return [];
  const sent = readSent(root, state.group);
  const out: PendingDelivery[] = [];
  for (const [n, s] of Object.entries(state.sessions).sort(([a], [b]) => Number(a) - Number(b))) {
    if (sent.sessions[n] === s.sequence) continue;
    const mine = sent.people?.[n] ?? {};
    for (const person of s.issued.attendees) {
      const key = person.email.toLowerCase();
      if (mine[key] === s.sequence) continue;
      // «Endret» only to someone told before; a person added since, or never
      // sent anything, gets the current version as a plain invitation.
      const toldBefore = sent.sessions[n] !== undefined || mine[key] !== undefined;
      const kind = s.cancelled ? 'cancelled' : s.sequence > 0 && toldBefore ? 'changed' : 'new';
      out.push({ group: state.group, session: Number(n), uid: s.uid, sequence: s.sequence, kind, person });
    }
  }
  return out;
}

export function pendingFor(root: string, state: CalendarState | undefined): Pending[] {
  if (!state) return [];
  const sent = readSent(root, state.group);
  const waiting = new Set(pendingDeliveries(root, state).map((d) => d.session));
  return Object.entries(state.sessions)
    // A session nobody with an e-mail is invited to still waits for `refleks sent`.
    .filter(([n, s]) => waiting.has(Number(n)) || (!s.issued.attendees.length && sent.sessions[n] !== s.sequence))
    .map(([n, s]) => ({ number: Number(n), sequence: s.sequence, cancelled: s.cancelled }))
    .sort((a, b) => a.number - b.number);
}

/** Stops when a run was interrupted: the state may then not match the files to send. */
export function assertRunsComplete(root: string): void {
  const p = interruptedRun(root);
  if (p) throw new InputError([p]);
}

/** Records every issued invitation of a group as sent; returns how many were waiting. */
export function markSent(root: string, groupId: string): number {
  assertRunsComplete(root);
  const state = readCalendarState(root, groupId);
  const pending = pendingFor(root, state);
  if (!state || !pending.length) return 0;
  const sessions = Object.fromEntries(Object.entries(state.sessions).map(([n, s]) => [n, s.sequence]));
  writeSent(root, groupId, { ...readSent(root, groupId), sessions });
  return pending.length;
}

/** Records that these people were e-mailed these invitation versions (by `refleks send`). */
export function markDelivered(root: string, groupId: string, delivered: { session: number; email: string; sequence: number }[]): void {
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

export function pendingInvitations(ws: Workspace): Map<string, Text[]> {
  const out = new Map<string, Text[]>();
  const damaged: Problem[] = [];
  const interrupted = interruptedRun(ws.root);
  if (interrupted) damaged.push(interrupted);
  for (const g of ws.groups) {
    let pending: Pending[];
    let deliveries: PendingDelivery[];
    let state: CalendarState | undefined;
    try {
      state = readCalendarState(ws.root, g.id);
      pending = pendingFor(ws.root, state);
      deliveries = pendingDeliveries(ws.root, state);
    } catch (err) {
      // A damaged state or sent record is said, never a reminder silently dropped.
      if (!(err instanceof InputError)) throw err;
      damaged.push(...err.problems);
      continue;
    }
    if (!pending.length) continue;
    // Per person where a session reached some but not all (a rejected address, an interrupted run).
    const missing = (n: number) => {
      const all = state!.sessions[String(n)]!.issued.attendees.length;
      const names = deliveries.filter((d) => d.session === n).map((d) => d.person.name);
      return names.length && names.length < all ? names : undefined;
    };
    const item = (p: Pending, cancelled: string, missingFor: string) => {
      const who = missing(p.number);
      return `${p.number}${p.cancelled ? ` (${cancelled})` : ''}${who ? ` (${missingFor} ${who.join(', ')})` : ''}`;
    };
    const list = pending.map((p) => item(p, 'avlyst', 'mangler for')).join(', ');
    const listEn = pending.map((p) => item(p, 'cancelled', 'missing for')).join(', ');
    out.set(g.id, [t(
      `${pending.length} ${pending.length === 1 ? 'invitasjon er' : 'invitasjoner er'} ikke sendt ennå: samling ${list} (${ws.settings.output}/${g.id}/invitasjoner/). Send dem med «refleks send ${g.id}», eller kjør «refleks sent ${g.id}» når du har sendt dem selv.`,
      `${pending.length} invitation${pending.length === 1 ? ' is' : 's are'} not sent yet: session ${listEn} (${ws.settings.output}/${g.id}/invitasjoner/). Send them with "refleks send ${g.id}", or run "refleks sent ${g.id}" once you have sent them yourself.`,
    )]);
  }
  if (damaged.length) throw new InputError(damaged);
  return out;
}
