/**
 * `refleks forms`: the Word forms of each group, and with --pdf their PDF/A
 * copies made by LibreOffice. The pipeline renders, converts and writes each
 * group's set at once; this adapter says what happened.
 */
import { printProblems, say, workspaceRoot, type CliContext } from './support/context.js';
import { dedupe, fromContext, groupWriteLine, printWriteNotes, printInterrupted } from './support/outputs.js';
import { hasErrors, InputError } from '../core/problems.js';
import { t } from '../core/text.js';
import { runOutputs } from '../pipeline/run-outputs.js';

export interface FormsOptions {
  dryRun?: boolean;
  force?: boolean;
  pdf?: boolean;
  strict?: boolean;
}

export async function run(ctx: CliContext, groups: string[] = [], opts: FormsOptions = {}): Promise<number> {
  const { request, hooks } = fromContext(ctx);
  const result = await runOutputs(
    workspaceRoot(ctx),
    {
      ...request,
      kinds: opts.pdf ? ['forms', 'pdf'] : ['forms'],
      only: groups,
      strict: !!opts.strict,
      dryRun: !!opts.dryRun,
      force: !!opts.force,
      allOrNothing: true,
    },
    hooks,
  );
  if (result.interrupted)
    return printInterrupted(ctx, result.groups.filter((g) => g.status === 'built').length, 'forms');
  if (!result.groups.length) {
    say(
      ctx,
      t('Ingen grupper ennå. Lag en med «refleks new-group».', 'No groups yet. Create one with "refleks new-group".'),
    );
    return 0;
  }
  const problems = dedupe(result.groups.flatMap((g) => g.problems));
  if (hasErrors(problems)) throw new InputError(problems);
  printProblems(ctx, problems);
  const written = result.groups.filter((g) => g.status === 'built');

  for (const { groupId: id, write } of written)
    if (opts.dryRun || !ctx.quiet) say(ctx, groupWriteLine(id, write, !!opts.dryRun));
  printWriteNotes(
    ctx,
    written.map((g) => g.write),
  );
  if (!opts.dryRun && !ctx.quiet && written.length) {
    say(
      ctx,
      t(
        `Skjemaene ligger i ${result.settings.output}/<gruppe>/skjema/.`,
        `The forms are in ${result.settings.output}/<group>/skjema/.`,
      ),
    );
  }
  return 0;
}
