import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  printProblems
} from "./chunk-KYWUEDKV.mjs";
import {
  findWorkspaceRoot,
  loadWorkspace
} from "./chunk-JGOQCCTN.mjs";
import {
  WORKSPACE_FILE
} from "./chunk-FUJPT6OL.mjs";
import {
  InputError,
  UsageError,
  hasErrors
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/cli/context.ts
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
function workspaceRoot(ctx, optional = false) {
  if (ctx.workspaceDir) {
    const dir = resolve(ctx.cwd, ctx.workspaceDir);
    if (!existsSync(join(dir, WORKSPACE_FILE))) {
      throw new UsageError(t(`${dir} har ingen refleks.yaml. Lag et arbeidsomr\xE5de der med \xABrefleks init ${ctx.workspaceDir}\xBB.`, `${dir} has no refleks.yaml. Create a workspace there with "refleks init ${ctx.workspaceDir}".`));
    }
    return dir;
  }
  const found = findWorkspaceRoot(ctx.cwd);
  if (!found && !optional) {
    throw new UsageError(
      t(
        "fant ingen refleks.yaml her eller i mappene over. Lag et arbeidsomr\xE5de med \xABrefleks init MAPPE\xBB, eller pek p\xE5 et med --workspace MAPPE.",
        'found no refleks.yaml here or in any parent folder. Create a workspace with "refleks init DIR", or point to one with --workspace DIR.'
      )
    );
  }
  return found;
}
function openWorkspace(ctx, opts = {}) {
  const root = workspaceRoot(ctx);
  const result = loadWorkspace(root, opts);
  if (result.workspace && !ctx.langFromFlag) ctx.lang = result.workspace.settings.language;
  if (opts.only?.length && result.workspace) {
    const known = new Set(result.workspace.groups.map((g) => g.id));
    const bad = result.problems.filter((p) => p.severity === "error");
    const missing = opts.only.map((g) => g.replace(/\.ya?ml$/i, "")).filter((g) => !known.has(g));
    if (missing.length && !bad.length) {
      throw new UsageError(t(`fant ikke gruppen ${missing.join(", ")} i groups/`, `no group ${missing.join(", ")} in groups/`));
    }
  }
  if (hasErrors(result.problems) || !result.workspace) throw new InputError(result.problems);
  printProblems(ctx, result.problems);
  return result.workspace;
}

export {
  workspaceRoot,
  openWorkspace
};
