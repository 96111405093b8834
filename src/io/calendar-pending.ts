/**
 * Which invitations refleks has issued (new, changed or cancelled) that the
 * coordinator has not yet sent. refleks cannot see the sending, so the
 * coordinator says so with `refleks sent`, which records the SEQUENCE sent
 * per session in `.refleks/sent/<group>.json`. Kept apart from the calendar
 * state so that marking something sent never counts as a change to rebuild.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarState } from '../core/calendar/state.js';
import type { Workspace } from '../core/model.js';
import { t, type Text } from '../core/text.js';
import { readCalendarState } from './calendar-state.js';
import { writeFileAtomic } from './write-outputs.js';

interface SentFile {
  version: 1;
  /** Session number → SEQUENCE of the invitation sent. */
  sessions: Record<string, number>;
}

function sentPath(root: string, groupId: string): string {
  return join(root, '.refleks', 'sent', `${groupId}.json`);
}

function readSent(root: string, groupId: string): SentFile {
  const path = sentPath(root, groupId);
  if (existsSync(path)) {
    try {
      const s = JSON.parse(readFileSync(path, 'utf8')) as SentFile;
      if (s.version === 1 && s.sessions && typeof s.sessions === 'object') return s;
    } catch {
      // Unreadable: treat everything as unsent, the safe side.
    }
  }
  return { version: 1, sessions: {} };
}

export interface Pending {
  number: number;
  sequence: number;
  cancelled: boolean;
}

export function pendingFor(root: string, state: CalendarState | undefined): Pending[] {
  if (!state) return [];
  const sent = readSent(root, state.group);
  return Object.entries(state.sessions)
    .filter(([n, s]) => sent.sessions[n] !== s.sequence)
    .map(([n, s]) => ({ number: Number(n), sequence: s.sequence, cancelled: s.cancelled }))
    .sort((a, b) => a.number - b.number);
}

/** Records every issued invitation of a group as sent; returns how many were waiting. */
export function markSent(root: string, groupId: string): number {
  const state = readCalendarState(root, groupId);
  const pending = pendingFor(root, state);
  if (!state || !pending.length) return 0;
  const sessions = Object.fromEntries(Object.entries(state.sessions).map(([n, s]) => [n, s.sequence]));
  writeFileAtomic(sentPath(root, groupId), JSON.stringify({ version: 1, sessions } satisfies SentFile, null, 2) + '\n');
  return pending.length;
}

export function pendingInvitations(ws: Workspace): Map<string, Text[]> {
  const out = new Map<string, Text[]>();
  for (const g of ws.groups) {
    let pending: Pending[];
    try {
      pending = pendingFor(ws.root, readCalendarState(ws.root, g.id));
    } catch {
      continue;
    }
    if (!pending.length) continue;
    const list = pending.map((p) => `${p.number}${p.cancelled ? ' (avlyst)' : ''}`).join(', ');
    const listEn = pending.map((p) => `${p.number}${p.cancelled ? ' (cancelled)' : ''}`).join(', ');
    out.set(g.id, [t(
      `${pending.length} ${pending.length === 1 ? 'invitasjon er' : 'invitasjoner er'} ikke sendt ennå: samling ${list} (${ws.settings.output}/${g.id}/invitasjoner/). Kjør «refleks sent ${g.id}» når de er sendt.`,
      `${pending.length} invitation${pending.length === 1 ? ' is' : 's are'} not sent yet: session ${listEn} (${ws.settings.output}/${g.id}/invitasjoner/). Run "refleks sent ${g.id}" once they are sent.`,
    )]);
  }
  return out;
}
