/**
 * A pipeline worker: loads its share of the groups and renders them one by
 * one, posting each group's complete output set to the main thread, which
 * alone writes files (so the manifest and atomic writes stay in one place).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadWorkspace } from '../load/workspace.js';
import { buildGroups, type WorkerInput, type WorkerMessage } from './run-groups.js';

const input = workerData as WorkerInput;
const encoder = new TextEncoder();

/**
 * Text files go as UTF-8 bytes, moved rather than copied: the main thread
 * would otherwise copy each string, then encode it twice (to hash it and to
 * write it) while it is the one thread every group waits for. Only buffers
 * made here are moved; one the renderer may still hold (a cached part) is copied.
 */
function post(m: WorkerMessage): void {
  const transfer: ArrayBuffer[] = [];
  if (m.type === 'group') {
    for (const files of Object.values(m.result.files)) {
      for (const file of files ?? []) {
        if (typeof file.bytes !== 'string') continue;
        const bytes = encoder.encode(file.bytes);
        file.bytes = bytes;
        transfer.push(bytes.buffer as ArrayBuffer);
      }
    }
  }
  parentPort!.postMessage(m, transfer);
}

const { workspace, problems } = loadWorkspace(input.root, { only: input.ids });
post({ type: 'load', problems });
if (workspace) await buildGroups(workspace, input.settings, problems, post);
post({ type: 'done' });
