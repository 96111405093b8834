/**
 * Reads a programme's form wording from its layers (built-in, the workspace's
 * templates/forms/, templates/<programme>/forms/) and merges them. Free of
 * docx, so `refleks build` can check the wording before it loads docx.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildWording, wordingPaths, type FormWording, type WordingLayer } from '../core/forms/wording.js';
import type { Workspace } from '../core/model.js';
import type { Problem } from '../core/problems.js';
import type { Lang } from '../core/text.js';
import { PACKAGE_ROOT } from '../paths.js';

/** Reads the wording layers for a programme (built-in, workspace, workspace per programme) and merges them. */
export function loadFormWording(ws: Workspace, programmeId: string, lang: Lang): { wording?: FormWording; problems: Problem[] } {
  const layers: WordingLayer[] = [];
  for (const { origin, path } of wordingPaths(programmeId, lang)) {
    const abs = join(origin === 'built-in' ? PACKAGE_ROOT : ws.root, path);
    if (!existsSync(abs) || !statSync(abs).isFile()) continue;
    layers.push({ display: origin === 'built-in' ? `(refleks) ${path}` : path, bytes: readFileSync(abs) });
  }
  return buildWording(layers);
}
