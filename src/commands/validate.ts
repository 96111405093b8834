/**
 * `refleks validate`: every file of the workspace at once — settings,
 * programmes, groups, the session plans, the form wording and the workspace's
 * own templates — and what scheduling will move.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printProblems, say, workspaceRoot, type CliContext } from './support/context.js';
import { formatDate } from '../core/format-date.js';
import type { Workspace } from '../core/model.js';
import { hasErrors, type Problem } from '../core/problems.js';
import { planGroup } from '../core/schedule.js';
import { t, type Text } from '../core/text.js';
import { stateFileProblems } from '../io/state-check.js';
import { loadFormWording } from '../load/form-wording.js';
import { loadWorkspace } from '../load/workspace.js';
import { withoutEmailNote } from '../core/calendar/session-event.js';
import { orphanedStates, orphanProblem } from '../io/group-identity.js';
import { filesBelow } from '../templates/lookup.js';
import { keepSchemasCurrent } from './support/schemas.js';

/** Syntax of the workspace's own templates; Handlebars is loaded only if there are any. */
async function templateProblems(ws: Workspace): Promise<Problem[]> {
  const dir = join(ws.root, 'templates');
  const files = filesBelow(dir).filter((f) => f.endsWith('.hbs'));
  if (!files.length) return [];
  const [{ default: Handlebars }, { templateError, parseTemplate, workspaceFieldProblems }] = await Promise.all([
    import('handlebars'),
    import('../templates/engine.js'),
  ]);
  const problems: Problem[] = [];
  for (const f of files) {
    const source = readFileSync(join(dir, f), 'utf8');
    try {
      Handlebars.parse(source);
      // Characters no document can hold, and names reaching into prototypes.
      parseTemplate(source, `templates/${f}`);
    } catch (err) {
      problems.push(...templateError(err, `templates/${f}`, source).problems);
    }
  }
  if (problems.length) return problems;
  // Every name, helper and partial the templates use, in every branch, for
  // every programme's layers: what packs and build would hit for any group.
  const programmeIds = new Set<string>();
  for (const g of ws.groups) {
    programmeIds.add(g.programmeId);
    for (const th of g.themes) programmeIds.add(th.programmeId);
  }
  return workspaceFieldProblems({ root: ws.root }, [...programmeIds].sort());
}

/** The workspace's own form wording, merged over the built-in (which the package's tests check). */
function wordingProblems(ws: Workspace, lang: 'nb' | 'en'): Problem[] {
  if (!filesBelow(join(ws.root, 'templates')).some((f) => /(^|\/)forms\/[^/]+\.ya?ml$/.test(f))) return [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const id of new Set(ws.groups.map((g) => g.programmeId))) {
    for (const p of loadFormWording(ws, id, lang).problems) {
      const key = `${p.file}:${p.line}:${p.column}:${p.message.en}`;
      if (!seen.has(key)) problems.push(p);
      seen.add(key);
    }
  }
  return problems;
}

export async function run(ctx: CliContext, opts: { strict?: boolean; fix?: boolean }): Promise<number> {
  const root = workspaceRoot(ctx);
  const { workspace, problems } = loadWorkspace(root);
  if (workspace && !ctx.langFromFlag) ctx.lang = workspace.settings.language;
  const moves: Text[] = [];
  if (workspace) {
    // Plan every group that loaded, so that date problems (a time in the
    // spring-forward gap, a session on a holiday with --strict) show up too.
    for (const group of workspace.groups) {
      const plan = planGroup(group, workspace.settings, { strict: !!opts.strict });
      problems.push(...plan.problems);
      for (const s of plan.sessions) {
        if (!s.moved) continue;
        moves.push(
          t(
            `${group.source.display}: samling ${s.number} flyttes fra ${formatDate(s.moved.from, 'nb')} (${s.moved.reason.nb}) til ${formatDate(s.date, 'nb')}`,
            `${group.source.display}: session ${s.number} moves from ${formatDate(s.moved.from, 'en')} (${s.moved.reason.en}) to ${formatDate(s.date, 'en')}`,
          ),
        );
      }
    }
    problems.push(...wordingProblems(workspace, ctx.lang), ...(await templateProblems(workspace)));
    // What refleks remembers in .refleks/, checked as the commands that read it do.
    problems.push(
      ...stateFileProblems(
        root,
        workspace.groups.map((g) => g.id),
      ),
    );
    // Invitations in people's calendars whose group file is gone (renamed or deleted).
    problems.push(...orphanedStates(root, workspace.groups).map(orphanProblem));
    for (const group of workspace.groups) {
      const note = withoutEmailNote(group, workspace.settings.output);
      if (note) moves.push(note);
    }
  }
  printProblems(ctx, problems);
  // A failing check changes nothing, unless asked to fix.
  if (opts.fix || !hasErrors(problems)) keepSchemasCurrent(ctx, root, !!opts.fix);
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
    // Moves are what the coordinator asked for (holidays are avoided), but
    // they should see them before invitations go out.
    for (const m of moves) ctx.out(`${t('merk', 'note')[ctx.lang]}: ${m[ctx.lang]}`);
    const g = workspace.groups.length;
    const p = workspace.programmes.size;
    say(
      ctx,
      t(
        `Alt i orden: ${g} ${g === 1 ? 'gruppe' : 'grupper'}, ${p} program${warnings ? `, ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}` : ''}.`,
        `All good: ${g} group${g === 1 ? '' : 's'}, ${p} programme${p === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`,
      ),
    );
  }
  return 0;
}
