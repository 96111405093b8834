import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  planGroup
} from "./chunk-HGIWPUE4.mjs";
import {
  workspaceRoot
} from "./chunk-QSFKID5M.mjs";
import {
  printProblems,
  say
} from "./chunk-KYWUEDKV.mjs";
import {
  loadWorkspace
} from "./chunk-JGOQCCTN.mjs";
import "./chunk-M4VNML75.mjs";
import "./chunk-FUJPT6OL.mjs";
import "./chunk-FNY576GM.mjs";
import "./chunk-JMJE6DP2.mjs";
import "./chunk-W5O3JMDT.mjs";
import "./chunk-DUHYSVVC.mjs";
import {
  hasErrors
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/commands/validate.ts
function run(ctx, opts) {
  const root = workspaceRoot(ctx);
  const { workspace, problems } = loadWorkspace(root);
  if (workspace && !ctx.langFromFlag) ctx.lang = workspace.settings.language;
  for (const group of workspace?.groups ?? []) problems.push(...planGroup(group, workspace.settings, { strict: !!opts.strict }).problems);
  printProblems(ctx, problems);
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (hasErrors(problems)) {
    ctx.err(
      t(
        `${errors} feil og ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"}. Rett ${errors === 1 ? "feilen" : "feilene"} og kj\xF8r \xABrefleks validate\xBB igjen.`,
        `${errors} error${errors === 1 ? "" : "s"} and ${warnings} warning${warnings === 1 ? "" : "s"}. Fix the error${errors === 1 ? "" : "s"} and run "refleks validate" again.`
      )[ctx.lang]
    );
    return 1;
  }
  if (!ctx.quiet && workspace) {
    const g = workspace.groups.length;
    const p = workspace.programmes.size;
    say(ctx, t(`Alt i orden: ${g} ${g === 1 ? "gruppe" : "grupper"}, ${p} program${warnings ? `, ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"}` : ""}.`, `All good: ${g} group${g === 1 ? "" : "s"}, ${p} programme${p === 1 ? "" : "s"}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}.`));
  }
  return 0;
}
export {
  run
};
