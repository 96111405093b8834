/** Builds a list of loaded groups, reporting each as it is done (shared by the main thread and workers). */
import type { Workspace } from '../core/model.js';
import { InputError, type Problem } from '../core/problems.js';
import { t } from '../core/text.js';
import { DamagedStateError, readCalendarState } from '../io/calendar-state.js';
import { buildGroup, type BuildSettings, type GroupBuild } from './group-outputs.js';
import { buildTools } from './tools.js';

export interface WorkerInput {
  root: string;
  ids: string[];
  settings: BuildSettings;
}

export type WorkerMessage =
  | { type: 'load'; problems: Problem[] }
  | { type: 'group'; result: GroupBuild }
  | { type: 'done' };

export async function buildGroups(ws: Workspace, settings: BuildSettings, post: (m: WorkerMessage) => void, signal?: AbortSignal): Promise<void> {
  const tools = buildTools(ws, settings.lang);
  for (const group of ws.groups) {
    if (signal?.aborted) return;
    // Let a Ctrl+C arriving during this group's rendering be seen before the next.
    await new Promise<void>((resolve) => setImmediate(resolve));
    let previous;
    try {
      previous = readCalendarState(ws.root, group.id);
    } catch (err) {
      if (!(err instanceof DamagedStateError)) throw err;
      post({ type: 'group', result: { groupId: group.id, file: group.source.display, files: [], problems: [damaged(err.path)] } });
      continue;
    }
    try {
      post({ type: 'group', result: await buildGroup(ws, group, previous, settings, tools) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      post({ type: 'group', result: { groupId: group.id, file: group.source.display, files: [], problems: err.problems } });
    }
  }
}

function damaged(path: string): Problem {
  return {
    severity: 'error',
    file: path,
    message: t('kalenderhistorikken er skadet', 'the calendar history is damaged'),
    hint: t('Hent den fra sikkerhetskopi eller git. Sletter du den, sendes alle invitasjonene som nye.', 'Restore it from a backup or git. Deleting it re-issues every invitation as new.'),
  };
}
