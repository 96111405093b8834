/**
 * Where refleks remembers what it last issued per group:
 * `.refleks/calendar/<group-id>.json`. It holds the UIDs, SEQUENCEs and the
 * attendees of the last invitation (needed to cancel it later), i.e. the same
 * personal data as the group file next to it, and nothing more.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarState } from '../core/calendar/state.js';
import { sourceDateEpoch } from './issue-time.js';
import { writeFileAtomic } from './write-outputs.js';

/**
 * DTSTAMP for what a run issues. Not issueTime(), which stays at the
 * workspace's first run: an updated invitation must carry a new DTSTAMP.
 * Unchanged sessions keep theirs from the state, so a re-run still changes no
 * byte; SOURCE_DATE_EPOCH pins it for reproducible builds and tests.
 */
export function calendarIssueTime(env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): Date {
  return sourceDateEpoch(env) ?? new Date(Math.floor(now() / 1000) * 1000);
}

export function calendarStatePath(root: string, groupId: string): string {
  return join(root, '.refleks', 'calendar', `${groupId}.json`);
}

/**
 * The state, or `undefined` when there is none. A damaged file is an error,
 * not a fresh start: starting afresh would issue every session as new and
 * lose the SEQUENCEs that clients compare.
 */
export function readCalendarState(root: string, groupId: string): CalendarState | undefined {
  const path = calendarStatePath(root, groupId);
  if (!existsSync(path)) return undefined;
  const raw = readFileSync(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new DamagedStateError(path);
  }
  const s = data as CalendarState;
  if (!s || s.version !== 1 || typeof s.sessions !== 'object' || s.sessions === null) throw new DamagedStateError(path);
  for (const v of Object.values(s.sessions)) {
    if (typeof v?.uid !== 'string' || typeof v.sequence !== 'number' || typeof v.dtstamp !== 'string' || typeof v.hash !== 'string' || !v.issued) {
      throw new DamagedStateError(path);
    }
  }
  return s;
}

export function writeCalendarState(root: string, state: CalendarState): void {
  writeFileAtomic(calendarStatePath(root, state.group), JSON.stringify(state, null, 2) + '\n');
}

export class DamagedStateError extends Error {
  constructor(readonly path: string) {
    super(`damaged calendar state: ${path}`);
    this.name = 'DamagedStateError';
  }
}
