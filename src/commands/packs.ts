/**
 * `refleks packs [group…]`: facilitator packs and participant handouts per
 * theme. Every group's files are rendered before anything is written, so a
 * template error never leaves a half-written set.
 */
import { printProblems, say, workspaceRoot, type CliContext } from './support/context.js';
import {
  dedupe,
  fromContext,
  groupWriteLine,
  printWriteNotes,
  printInterrupted,
  templatesOption,
} from './support/outputs.js';
import { packDir } from '../core/packs/render.js';
import { hasErrors, InputError } from '../core/problems.js';
import { dirname } from 'node:path';
import { t } from '../core/text.js';
import { runOutputs } from '../pipeline/run-outputs.js';

export interface PacksOptions {
  dryRun?: boolean;
  force?: boolean;
  strict?: boolean;
  templates?: string;
}

export async function run(ctx: CliContext, groups: string[] = [], opts: PacksOptions = {}): Promise<number> {
  const root = workspaceRoot(ctx);
  const templatesDir = templatesOption(ctx, opts.templates);
  const { request, hooks } = fromContext(ctx);
  const result = await runOutputs(
    root,
    {
      ...request,
      kinds: ['packs'],
      only: groups,
      strict: !!opts.strict,
      ...(templatesDir ? { templatesDir } : {}),
      dryRun: !!opts.dryRun,
      force: !!opts.force,
      allOrNothing: true,
    },
    hooks,
  );
  if (result.interrupted)
    return printInterrupted(ctx, result.groups.filter((g) => g.status === 'built').length, 'packs');
  const problems = dedupe(result.groups.flatMap((g) => g.problems));
  if (hasErrors(problems)) throw new InputError(problems);
  printProblems(ctx, problems);
  const written = result.groups.filter((g) => g.status === 'built');

  // packDir needs only the settings of a workspace.
  const ws = { root, settings: result.settings, programmes: new Map(), groups: [] };
  for (const { groupId: id, write } of written) {
    // Packs go to veileder/, handouts to deltaker/: name the group's folder.
    const dir = dirname(packDir(ws, id));
    if (opts.dryRun || !ctx.quiet) say(ctx, groupWriteLine(id, write, !!opts.dryRun, t(` i ${dir}/`, ` in ${dir}/`)));
    if (opts.dryRun && !ctx.quiet)
      for (const f of write.files)
        ctx.out(`  ${f.outcome === 'planned' ? '+' : f.outcome === 'edited' ? '!' : '='} ${f.path}`);
  }
  printWriteNotes(
    ctx,
    written.map((g) => g.write),
  );
  if (!opts.dryRun && !ctx.quiet && written.length) {
    say(
      ctx,
      t(
        `Åpne ${result.settings.output}/<gruppe>/veileder/index.html for å se heftene.`,
        `Open ${result.settings.output}/<group>/veileder/index.html to see the packs.`,
      ),
    );
  }
  return 0;
}
