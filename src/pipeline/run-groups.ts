/** Renders a list of loaded groups, reporting each as it is done (shared by the main thread and workers). */
import type { Workspace } from '../core/model.js';
import { hasErrors, InputError, type Problem } from '../core/problems.js';
import type { Text } from '../core/text.js';
import { readCalendarState } from '../io/calendar-state.js';
import { buildGroup, type GroupBuild, type RenderSettings } from './group-outputs.js';
import { loadTools } from './tools.js';

export interface WorkerInput {
  root: string;
  /** Group ids from the file names. */
  ids: string[];
  settings: RenderSettings;
}

export type WorkerMessage =
  | { type: 'load'; problems: Problem[] }
  | { type: 'group'; result: GroupBuild }
  | { type: 'note'; text: Text; debugOnly: boolean }
  | { type: 'done' };

/**
 * @param loadProblems what loading these groups found; with `allOrNothing`,
 *   an error there means nothing will be written, so groups are only planned.
 */
export async function buildGroups(
  ws: Workspace,
  settings: RenderSettings,
  loadProblems: Problem[],
  post: (m: WorkerMessage) => void,
  signal?: AbortSignal,
): Promise<void> {
  const tools = await loadTools(ws, settings, (text, debugOnly) => post({ type: 'note', text, debugOnly }));
  let render = !(settings.allOrNothing && hasErrors(loadProblems));
  for (const group of ws.groups) {
    if (signal?.aborted) return;
    // Let a Ctrl+C arriving during this group's rendering be seen before the next.
    await new Promise<void>((resolve) => setImmediate(resolve));
    let result: GroupBuild;
    try {
      result = await buildGroup(
        ws,
        group,
        { previous: () => readCalendarState(ws.root, group.id), render },
        settings,
        tools,
      );
    } catch (err) {
      // Whatever in this group's input went wrong is reported with the group.
      if (!(err instanceof InputError)) throw err;
      result = { groupId: group.id, file: group.source.display, files: {}, problems: err.problems };
    }
    if (settings.allOrNothing && hasErrors(result.problems)) render = false;
    post({ type: 'group', result });
  }
}
