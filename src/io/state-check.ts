/**
 * Every file refleks keeps in `.refleks/` for these groups, checked the way
 * the commands that read them check them: what `refleks validate` reports
 * besides the YAML, so a damaged state is found before a build or a send.
 */
import { InputError, type Problem } from '../core/problems.js';
import { checkSentRecord } from './calendar-pending.js';
import { readCalendarState } from './calendar-state.js';
import { issueTime } from './issue-time.js';
import { interruptedRun, OutputManifest } from './write-outputs.js';

function collect(problems: Problem[], read: () => unknown): void {
  try {
    read();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...err.problems);
  }
}

export function stateFileProblems(root: string, groupIds: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const id of groupIds) {
    collect(problems, () => readCalendarState(root, id));
    collect(problems, () => checkSentRecord(root, id));
  }
  problems.push(...new OutputManifest(root).problems);
  collect(problems, () => issueTime(root, { record: false }));
  const stopped = interruptedRun(root);
  if (stopped) problems.push(stopped);
  return problems;
}
