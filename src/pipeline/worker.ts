/**
 * A pipeline worker: loads its share of the groups and renders them one by
 * one, posting each group's complete output set to the main thread, which
 * alone writes files (so the manifest and atomic writes stay in one place).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadWorkspace } from '../load/workspace.js';
import { buildGroups, type WorkerInput, type WorkerMessage } from './run-groups.js';

const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const { workspace, problems } = loadWorkspace(input.root, { only: input.ids });
post({ type: 'load', problems });
if (workspace) await buildGroups(workspace, input.settings, problems, post);
post({ type: 'done' });
