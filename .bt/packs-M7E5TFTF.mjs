import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  packDir,
  packFiles
} from "./chunk-AI7AVXKV.mjs";
import {
  createRenderer
} from "./chunk-4RIZZ4NV.mjs";
import "./chunk-DCLAYZXH.mjs";
import {
  writeOutputs
} from "./chunk-74R4QDXV.mjs";
import {
  planGroup
} from "./chunk-HGIWPUE4.mjs";
import {
  openWorkspace
} from "./chunk-QSFKID5M.mjs";
import {
  printProblems,
  say
} from "./chunk-KYWUEDKV.mjs";
import "./chunk-JGOQCCTN.mjs";
import "./chunk-M4VNML75.mjs";
import "./chunk-FUJPT6OL.mjs";
import "./chunk-FNY576GM.mjs";
import "./chunk-JMJE6DP2.mjs";
import "./chunk-W5O3JMDT.mjs";
import "./chunk-DUHYSVVC.mjs";
import {
  InputError,
  UsageError,
  hasErrors
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/commands/packs.ts
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
function run(ctx, groups = [], opts = {}) {
  const ws = openWorkspace(ctx, { only: groups });
  const optionDir = opts.templates ? resolve(ctx.cwd, opts.templates) : void 0;
  if (optionDir && !(existsSync(optionDir) && statSync(optionDir).isDirectory())) {
    throw new UsageError(t(`fant ikke malmappen ${opts.templates}`, `template folder ${opts.templates} not found`));
  }
  const wanted = groups.map((g) => g.replace(/\.ya?ml$/i, ""));
  const selected = wanted.length ? ws.groups.filter((g) => wanted.includes(g.id)) : ws.groups;
  const renderer = createRenderer({ root: ws.root, ...optionDir ? { optionDir } : {} });
  const sets = [];
  const problems = [];
  for (const group of selected) {
    const plan = planGroup(group, ws.settings);
    problems.push(...plan.problems);
    if (hasErrors(plan.problems)) continue;
    sets.push({ groupId: group.id, files: packFiles(ws, plan, renderer, ctx.lang) });
  }
  if (hasErrors(problems)) throw new InputError(problems);
  printProblems(ctx, problems);
  let edited = 0;
  for (const set of sets) {
    const report = writeOutputs(ws.root, set.files, { dryRun: !!opts.dryRun, force: !!opts.force });
    const dir = packDir(ws, set.groupId);
    edited += report.edited.length;
    if (opts.dryRun) {
      const planned = report.files.filter((f) => f.outcome === "planned").length;
      say(ctx, t(`${set.groupId}: ville skrevet ${planned} filer, ${report.unchanged.length} uendret i ${dir}/`, `${set.groupId}: would write ${planned} files, ${report.unchanged.length} unchanged in ${dir}/`));
      if (!ctx.quiet) for (const f of report.files) ctx.out(`  ${f.outcome === "planned" ? "+" : f.outcome === "edited" ? "!" : "="} ${f.path}`);
    } else if (!ctx.quiet) {
      say(ctx, t(`${set.groupId}: ${report.written.length} skrevet, ${report.unchanged.length} uendret i ${dir}/`, `${set.groupId}: ${report.written.length} written, ${report.unchanged.length} unchanged in ${dir}/`));
    }
    for (const path of report.edited) {
      ctx.err(t(`advarsel: ${path} er endret for h\xE5nd og ble ikke overskrevet`, `warning: ${path} was edited by hand and was not overwritten`)[ctx.lang]);
    }
  }
  if (edited) {
    ctx.err(t(`${edited} filer er endret for h\xE5nd og beholdt. Bruk --force for \xE5 skrive over dem.`, `${edited} files were edited by hand and kept. Use --force to overwrite them.`)[ctx.lang]);
  }
  if (!opts.dryRun && !ctx.quiet && sets.length) {
    say(ctx, t(`\xC5pne ${ws.settings.output}/<gruppe>/veileder/index.html for \xE5 se heftene.`, `Open ${ws.settings.output}/<group>/veileder/index.html to see the packs.`));
  }
  return 0;
}
export {
  run
};
