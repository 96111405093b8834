/**
 * What every command gets from the CLI: language, output streams and the way
 * to open the workspace. Commands print through here, never to `console`
 * directly, so that tests can capture them.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { shownPath, WORKSPACE_FILE } from '../../paths.js';
import type { Workspace } from '../../core/model.js';
import { hasErrors, InputError, UsageError } from '../../core/problems.js';
import { t, type Lang } from '../../core/text.js';
import { findWorkspaceRoot, loadWorkspace } from '../../load/workspace.js';

export interface CliContext {
  /** Language of messages; `undefined` until decided (flag, workspace, default). */
  lang: Lang;
  langFromFlag: boolean;
  cwd: string;
  workspaceDir?: string;
  debug: boolean;
  quiet: boolean;
  isTTY: boolean;
  /** Aborted on Ctrl+C; long commands stop at a safe point (between groups). */
  signal?: AbortSignal;
  out(line: string): void;
  err(line: string): void;
  /** On a terminal: redraws one status line on stderr (a progress bar); `''` clears it. */
  progress?(line: string): void;
}

export { printProblems, say } from './print.js';
import { printProblems } from './print.js';

/** The workspace folder: --workspace, or the nearest folder up with refleks.yaml. */
export function workspaceRoot(ctx: CliContext): string;
export function workspaceRoot(ctx: CliContext, optional: true): string | undefined;
export function workspaceRoot(ctx: CliContext, optional = false): string | undefined {
  if (ctx.workspaceDir) {
    const dir = resolve(ctx.cwd, ctx.workspaceDir);
    if (!existsSync(join(dir, WORKSPACE_FILE))) {
      const shown = shownPath(ctx.cwd, dir);
      throw new UsageError(
        t(
          `${shown} har ingen refleks.yaml. Lag et arbeidsområde der med «refleks init ${shown}».`,
          `${shown} has no refleks.yaml. Create a workspace there with "refleks init ${shown}".`,
        ),
      );
    }
    return dir;
  }
  const found = findWorkspaceRoot(ctx.cwd);
  if (!found && !optional) {
    throw new UsageError(
      t(
        'fant ingen refleks.yaml her eller i mappene over. Lag et arbeidsområde med «refleks init MAPPE», eller pek på et med --workspace MAPPE.',
        'found no refleks.yaml here or in any parent folder. Create a workspace with "refleks init DIR", or point to one with --workspace DIR.',
      ),
    );
  }
  return found;
}

/**
 * Finds and loads the workspace. Warnings are printed; errors end the command
 * with exit code 1 through an InputError.
 */
export function openWorkspace(ctx: CliContext, opts: { only?: string[] } = {}): Workspace {
  const root = workspaceRoot(ctx);
  const result = loadWorkspace(root, opts);
  if (result.workspace && !ctx.langFromFlag) ctx.lang = result.workspace.settings.language;
  if (opts.only?.length && result.workspace) {
    // A group is named by its id or by its file name.
    const known = new Set(
      result.workspace.groups.flatMap((g) => [
        g.id,
        g.source.display.replace(/^groups\//, '').replace(/\.ya?ml$/i, ''),
      ]),
    );
    const bad = result.problems.filter((p) => p.severity === 'error');
    const missing = opts.only.map((g) => g.replace(/\.ya?ml$/i, '')).filter((g) => !known.has(g));
    if (missing.length && !bad.length) {
      throw new UsageError(
        t(`fant ikke gruppen ${missing.join(', ')} i groups/`, `no group ${missing.join(', ')} in groups/`),
      );
    }
  }
  if (hasErrors(result.problems) || !result.workspace) throw new InputError(result.problems);
  printProblems(ctx, result.problems);
  return result.workspace;
}
