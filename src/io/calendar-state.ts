/**
 * Where refleks remembers what it last issued per group:
 * `.refleks/calendar/<group-id>.json`. It holds the UIDs, SEQUENCEs and the
 * attendees of the last invitation (needed to cancel it later), i.e. the same
 * personal data as the group file next to it, and nothing more.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { migrateState, type CalendarState, type CalendarStateV1 } from '../core/calendar/state.js';
import { InputError } from '../core/problems.js';
import { t } from '../core/text.js';
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
    throw new DamagedStateError(root, groupId);
  }
  const s = data as CalendarState | CalendarStateV1;
  if (!s || (s.version !== 1 && s.version !== 2) || typeof s.sessions !== 'object' || s.sessions === null || Array.isArray(s.sessions)) throw new DamagedStateError(root, groupId);
  for (const v of Object.values(s.sessions)) {
    if (typeof v?.uid !== 'string' || !Number.isInteger(v.sequence) || v.sequence < 0 || typeof v.dtstamp !== 'string' || typeof v.hash !== 'string' || !v.issued || !Array.isArray(v.issued.attendees)) {
      throw new DamagedStateError(root, groupId);
    }
    if (s.version === 2) {
      const w = v as CalendarState['sessions'][string];
      if (!w.people || typeof w.people !== 'object' || Array.isArray(w.people) || !Array.isArray(w.removed)) throw new DamagedStateError(root, groupId);
    }
  }
  // A version 1 file (before per-person state) is read as version 2 and written back so on the next change.
  return migrateState(s);
}

/**
 * Saves the state if it differs from the file on disk, and says whether it
 * did: an unchanged state is not rewritten, so its file keeps its time and a
 * re-run touches nothing.
 */
export function saveCalendarState(root: string, state: CalendarState): boolean {
  const path = calendarStatePath(root, state.group);
  const json = JSON.stringify(state, null, 2) + '\n';
  let onDisk: string | undefined;
  try {
    onDisk = readFileSync(path, 'utf8');
  } catch {
    onDisk = undefined;
  }
  if (onDisk === json) return false;
  writeFileAtomic(path, json);
  return true;
}

/**
 * A state file that cannot be read. It is the user's to fix (from a backup),
 * so it is an input error with the one message every command gives.
 */
export class DamagedStateError extends InputError {
  readonly path: string;
  constructor(root: string, groupId: string) {
    const path = calendarStatePath(root, groupId);
    super([{
      severity: 'error',
      file: relative(root, path),
      message: t('kalenderstatusen er skadet, så refleks vet ikke hva som er sendt før', 'the calendar state is damaged, so refleks does not know what was sent before'),
      hint: t(
        'Hent filen fra en sikkerhetskopi eller fra git. Sletter du den, blir alle samlingene i gruppen sendt som nye invitasjoner.',
        'Restore the file from a backup or from git. If you delete it, every session of the group is issued as a new invitation.',
      ),
    }]);
    this.name = 'DamagedStateError';
    this.path = path;
  }
}
