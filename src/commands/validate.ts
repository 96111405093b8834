import { printProblems, say, workspaceRoot, type CliContext } from '../cli/context.js';
import { hasErrors } from '../core/problems.js';
import { planGroup } from '../core/schedule.js';
import { t } from '../core/text.js';
import { loadWorkspace } from '../load/workspace.js';

export function run(ctx: CliContext, opts: { strict?: boolean }): number {
  const root = workspaceRoot(ctx);
  const { workspace, problems } = loadWorkspace(root);
  if (workspace && !ctx.langFromFlag) ctx.lang = workspace.settings.language;
  // Plan every group that loaded, so that date problems (a time in the
  // spring-forward gap, a session on a holiday with --strict) show up too.
  for (const group of workspace?.groups ?? []) problems.push(...planGroup(group, workspace!.settings, { strict: !!opts.strict }).problems);
  printProblems(ctx, problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (hasErrors(problems)) {
    ctx.err(
      t(
        `${errors} feil og ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}. Rett ${errors === 1 ? 'feilen' : 'feilene'} og kjør «refleks validate» igjen.`,
        `${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}. Fix the error${errors === 1 ? '' : 's'} and run "refleks validate" again.`,
      )[ctx.lang],
    );
    return 1;
  }
  if (!ctx.quiet && workspace) {
    const g = workspace.groups.length;
    const p = workspace.programmes.size;
    say(ctx, t(`Alt i orden: ${g} ${g === 1 ? 'gruppe' : 'grupper'}, ${p} program${warnings ? `, ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}` : ''}.`, `All good: ${g} group${g === 1 ? '' : 's'}, ${p} programme${p === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`));
  }
  return 0;
}
