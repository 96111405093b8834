/**
 * `refleks packs [group…]`: facilitator packs and participant handouts per
 * theme. Every group's files are rendered before anything is written, so a
 * template error never leaves a half-written set.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { openWorkspace, printProblems, say, type CliContext } from './support/context.js';
import { dirname } from 'node:path';
import { packDir, packFiles } from '../core/packs/render.js';
import { hasErrors, InputError, UsageError } from '../core/problems.js';
import { planGroup } from '../core/schedule.js';
import { t } from '../core/text.js';
import { writeOutputs, type OutputFile } from '../io/write-outputs.js';
import { createRenderer } from '../templates/engine.js';

export interface PacksOptions {
  dryRun?: boolean;
  force?: boolean;
  templates?: string;
}

export function run(ctx: CliContext, groups: string[] = [], opts: PacksOptions = {}): number {
  const ws = openWorkspace(ctx, { only: groups });
  const optionDir = opts.templates ? resolve(ctx.cwd, opts.templates) : undefined;
  if (optionDir && !(existsSync(optionDir) && statSync(optionDir).isDirectory())) {
    throw new UsageError(t(`fant ikke malmappen ${opts.templates}`, `template folder ${opts.templates} not found`));
  }
  const wanted = groups.map((g) => g.replace(/\.ya?ml$/i, ''));
  const selected = wanted.length ? ws.groups.filter((g) => wanted.includes(g.id)) : ws.groups;
  const renderer = createRenderer({ root: ws.root, ...(optionDir ? { optionDir } : {}) });

  const sets: { groupId: string; files: OutputFile[] }[] = [];
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
    // Packs go to veileder/, handouts to deltaker/: name the group's folder.
    const dir = dirname(packDir(ws, set.groupId));
    edited += report.edited.length;
    if (opts.dryRun) {
      const planned = report.files.filter((f) => f.outcome === 'planned').length;
      say(ctx, t(`${set.groupId}: ville skrevet ${planned} ${planned === 1 ? 'fil' : 'filer'}, ${report.unchanged.length} uendret i ${dir}/`, `${set.groupId}: would write ${planned} ${planned === 1 ? 'file' : 'files'}, ${report.unchanged.length} unchanged in ${dir}/`));
      if (!ctx.quiet) for (const f of report.files) ctx.out(`  ${f.outcome === 'planned' ? '+' : f.outcome === 'edited' ? '!' : '='} ${f.path}`);
    } else if (!ctx.quiet) {
      say(ctx, t(`${set.groupId}: ${report.written.length} skrevet, ${report.unchanged.length} uendret i ${dir}/`, `${set.groupId}: ${report.written.length} written, ${report.unchanged.length} unchanged in ${dir}/`));
    }
    for (const path of report.edited) {
      ctx.err(t(`advarsel: ${path} er endret for hånd og ble ikke overskrevet`, `warning: ${path} was edited by hand and was not overwritten`)[ctx.lang]);
    }
  }
  if (edited) {
    ctx.err(t(`${edited} ${edited === 1 ? 'fil' : 'filer'} er endret for hånd og beholdt. Bruk --force for å skrive over.`, `${edited} ${edited === 1 ? 'file was' : 'files were'} edited by hand and kept. Use --force to overwrite.`)[ctx.lang]);
  }
  if (!opts.dryRun && !ctx.quiet && sets.length) {
    say(ctx, t(`Åpne ${ws.settings.output}/<gruppe>/veileder/index.html for å se heftene.`, `Open ${ws.settings.output}/<group>/veileder/index.html to see the packs.`));
  }
  return 0;
}
