/**
 * Where refleks remembers what it last issued per group:
 * `.refleks/calendar/<group-id>.json`. It holds the UIDs, SEQUENCEs and the
 * attendees of the last invitation (needed to cancel it later), i.e. the same
 * personal data as the group file next to it, and nothing more.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { migrateState, type CalendarState, type CalendarStateV1 } from '../core/calendar/state.js';
import { InputError, type Problem } from '../core/problems.js';
import { calendarStateSchema, parseStateFile } from '../load/state-schemas.js';
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
 * lose the SEQUENCEs that clients compare. It is checked field by field (a
 * negative or fractional SEQUENCE, `sessions` as a list, a DTSTAMP that is no
 * time), so a bad one is named, never turned into a wrong METHOD.
 */
export function readCalendarState(root: string, groupId: string): CalendarState | undefined {
  const path = calendarStatePath(root, groupId);
  if (!existsSync(path)) return undefined;
  const raw = readFileSync(path, 'utf8');
  const display = relative(root, path).split(sep).join('/');
  let state: CalendarState | CalendarStateV1;
  try {
    state = parseStateFile(display, raw, calendarStateSchema, STATE_KIND) as CalendarState | CalendarStateV1;
  } catch (err) {
    if (err instanceof InputError) throw new DamagedStateError(root, groupId, err.problems);
    throw err;
  }
  if (state.group !== groupId) {
    throw new DamagedStateError(root, groupId, [
      {
        severity: 'error',
        file: display,
        field: 'group',
        message: t(
          `kalenderstatusen hører til gruppen «${state.group}», ikke «${groupId}»`,
          `the calendar state belongs to group "${state.group}", not "${groupId}"`,
        ),
        hint: STATE_KIND.hint,
      },
    ]);
  }
  // A version 1 file (before per-person state) is read as version 2 and written back so on the next change.
  return migrateState(state);
}

const STATE_KIND = {
  what: t('kalenderstatusen', 'the calendar state'),
  hint: t(
    'Hent filen fra en sikkerhetskopi eller fra git. Sletter du den, blir alle samlingene i gruppen sendt som nye invitasjoner.',
    'Restore the file from a backup or from git. If you delete it, every session of the group is issued as a new invitation.',
  ),
};

/**
 * Saves the state if it differs from the file on disk, and says whether it
 * did: an unchanged state is not rewritten, so its file keeps its time and a
 * re-run touches nothing.
 */
export function saveCalendarState(root: string, state: CalendarState): boolean {
  if (!calendarStateChanges(root, state)) return false;
  writeFileAtomic(calendarStatePath(root, state.group), stateJson(state));
  return true;
}

/** Remembered per state: a build compares it with the file and then saves it. */
const json = new WeakMap<CalendarState, string>();

function stateJson(state: CalendarState): string {
  let text = json.get(state);
  if (text === undefined) json.set(state, (text = JSON.stringify(state, null, 2) + '\n'));
  return text;
}

/** Whether saving this state would change the file on disk. */
export function calendarStateChanges(root: string, state: CalendarState): boolean {
  try {
    return readFileSync(calendarStatePath(root, state.group), 'utf8') !== stateJson(state);
  } catch {
    return true;
  }
}

/**
 * A state file that cannot be read. It is the user's to fix (from a backup),
 * so it is an input error naming the file and what is wrong in it.
 */
export class DamagedStateError extends InputError {
  readonly path: string;
  constructor(root: string, groupId: string, problems: Problem[]) {
    super(problems);
    this.name = 'DamagedStateError';
    this.path = calendarStatePath(root, groupId);
  }
}
