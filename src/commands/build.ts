/**
 * `refleks build [group…]`: calendar, forms and packs for every group, with a
 * progress bar on a terminal, a line per group when piped, nothing extra with
 * --quiet and a machine-readable report with --json.
 */
import { printProblems, say, workspaceRoot, type CliContext } from './support/context.js';
import {
  dedupe,
  fromContext,
  printEdited,
  printRetired,
  printInterrupted,
  templatesOption,
  withWorkspaceLock,
} from './support/outputs.js';
import type { Outcome } from '../core/calendar/index.js';
import { formatProblem, InputError, type Problem, UsageError } from '../core/problems.js';
import { t, type Text } from '../core/text.js';
import { withoutEmailNote } from '../core/calendar/session-event.js';
import { pendingText } from '../io/calendar-pending.js';
import { orphanedStates, orphanProblem, renameGuard } from '../io/group-identity.js';
import { loadWorkspace } from '../load/workspace.js';
import { runOutputs, type GroupResult } from '../pipeline/run-outputs.js';
import { keepSchemasCurrent } from './support/schemas.js';

export interface BuildCliOptions {
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  jobs?: string;
  strict?: boolean;
  perPerson?: boolean;
  pdf?: boolean;
  templates?: string;
  adopt?: boolean;
}

/** A group as the build reports it, line by line and in --json. */
interface GroupReport {
  id: string;
  file: string;
  status: 'built' | 'skipped' | 'failed';
  invitations: Partial<Record<Outcome, number>>;
  /** Files written, or on a dry run that would be. */
  written: number;
  unchanged: number;
  edited: string[];
  /** Files no longer made: removed, or kept because a person edited them. */
  removed?: string[];
  kept?: string[];
  problems: Problem[];
}

function report(g: GroupResult, dryRun: boolean): GroupReport {
  const invitations: Partial<Record<Outcome, number>> = {};
  for (const o of g.outcomes) invitations[o.outcome] = (invitations[o.outcome] ?? 0) + 1;
  return {
    id: g.id,
    file: g.file,
    // A build is never all-or-nothing, so no group is held back.
    status: g.status === 'held' ? 'failed' : g.status,
    invitations,
    written: dryRun ? g.write.files.filter((f) => f.outcome === 'planned').length : g.write.written.length,
    unchanged: g.write.unchanged.length,
    edited: g.write.edited,
    ...(g.write.removed?.length ? { removed: g.write.removed } : {}),
    ...(g.write.kept?.length ? { kept: g.write.kept } : {}),
    problems: g.problems,
  };
}

function invitationText(r: GroupReport): Text | undefined {
  const i = r.invitations;
  const parts: Text[] = [];
  if (i.new) parts.push(t(`${i.new} ${i.new === 1 ? 'ny' : 'nye'}`, `${i.new} new`));
  if (i.changed) parts.push(t(`${i.changed} ${i.changed === 1 ? 'endret' : 'endrede'}`, `${i.changed} changed`));
  if (i.cancelled)
    parts.push(t(`${i.cancelled} ${i.cancelled === 1 ? 'avlyst' : 'avlyste'}`, `${i.cancelled} cancelled`));
  if (!parts.length) return undefined;
  return t(
    `invitasjoner å sende: ${parts.map((p) => p.nb).join(', ')}`,
    `invitations to send: ${parts.map((p) => p.en).join(', ')}`,
  );
}

function groupLine(r: GroupReport): Text {
  if (r.status === 'skipped') return t(`${r.id}: uendret, hoppet over`, `${r.id}: unchanged, skipped`);
  if (r.status === 'failed') return t(`${r.id}: FEIL – se under`, `${r.id}: FAILED – see below`);
  const inv = invitationText(r);
  const warnings = r.problems.length;
  return t(
    `${r.id}: ${r.written} ${r.written === 1 ? 'fil' : 'filer'} skrevet, ${r.unchanged} uendret${inv ? `; ${inv.nb}` : ''}${warnings ? `; ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}` : ''}`,
    `${r.id}: ${r.written} file${r.written === 1 ? '' : 's'} written, ${r.unchanged} unchanged${inv ? `; ${inv.en}` : ''}${warnings ? `; ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`,
  );
}

export async function run(ctx: CliContext, groups: string[] = [], opts: BuildCliOptions = {}): Promise<number> {
  const root = workspaceRoot(ctx);
  const renamed = renameGuard(root);
  if (renamed.length) throw new InputError(renamed);
  // The lock covers the overview and schemas written after the groups too (the pipeline takes it again, re-entrantly).
  return opts.dryRun
    ? buildLocked(ctx, root, groups, opts)
    : withWorkspaceLock(ctx, root, 'build', () => buildLocked(ctx, root, groups, opts));
}

async function buildLocked(ctx: CliContext, root: string, groups: string[], opts: BuildCliOptions): Promise<number> {
  let jobs: number | undefined;
  if (opts.jobs !== undefined) {
    jobs = Number(opts.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
      throw new UsageError(
        t(
          `--jobs må være et helt tall fra 1 til 64, fant «${opts.jobs}»`,
          `--jobs must be a whole number from 1 to 64, found "${opts.jobs}"`,
        ),
      );
  }
  const templatesDir = templatesOption(ctx, opts.templates);
  const bar = ctx.isTTY && !ctx.quiet && !opts.json;
  const { request, hooks } = fromContext(ctx);
  const result = await runOutputs(
    root,
    {
      ...request,
      kinds: opts.pdf ? ['calendar', 'forms', 'pdf', 'packs'] : ['calendar', 'forms', 'packs'],
      only: groups,
      strict: !!opts.strict,
      perPerson: !!opts.perPerson,
      ...(templatesDir ? { templatesDir } : {}),
      force: !!opts.force,
      dryRun: !!opts.dryRun,
      incremental: true,
      overviewPlans: true,
      adopt: !!opts.adopt,
      ...(jobs ? { jobs } : {}),
    },
    {
      ...hooks,
      onGroup: (r, done, total, lang) => {
        // Without --lang the workspace's language decides, from the first line on.
        if (!ctx.langFromFlag) ctx.lang = lang;
        if (bar) {
          const width = 30;
          const filled = Math.round((done / total) * width);
          process.stderr.write(
            `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${t('grupper', 'groups')[ctx.lang]}`,
          );
          if (done === total) process.stderr.write('\n');
        } else if (!ctx.quiet && !opts.json) {
          ctx.out(groupLine(report(r, !!opts.dryRun))[ctx.lang]);
        }
      },
    },
  );
  const reports = result.groups.map((g) => report(g, !!opts.dryRun));
  if (result.interrupted) {
    if (bar) process.stderr.write('\n');
    return printInterrupted(ctx, reports.filter((g) => g.status === 'built').length, 'build');
  }
  const failed = reports.filter((g) => g.status === 'failed');
  // The workspace overview, ut/index.html (also with --json: it is an output
  // like the others). A failed build leaves the workspace as it was.
  if (!opts.dryRun && !failed.length) {
    const files = reports.reduce((sum, g) => sum + g.written, 0);
    const { writeOverviewPage } = await import('../pipeline/overview-page.js');
    const made = new Map(result.groups.flatMap((g) => (g.overviewPlan ? [[g.id, g.overviewPlan] as const] : [])));
    const page = writeOverviewPage(root, ctx.lang, { changed: files > 0, force: !!opts.force, made });
    for (const path of page?.edited ?? [])
      ctx.err(
        t(
          `advarsel: ${path} er endret for hånd og ble ikke overskrevet (bruk --force)`,
          `warning: ${path} was edited by hand and was not overwritten (use --force)`,
        )[ctx.lang],
      );
  }
  if (!opts.dryRun && !failed.length) keepSchemasCurrent(ctx, root, true);
  if (opts.json) {
    ctx.out(
      JSON.stringify(
        {
          groups: reports.map((g) => ({
            ...g,
            problems: g.problems.map((p) => ({
              severity: p.severity,
              file: p.file,
              line: p.line,
              column: p.column,
              field: p.field,
              message: formatProblem(p, ctx.lang),
            })),
          })),
          failed: failed.length,
        },
        null,
        2,
      ),
    );
    return failed.length ? 1 : 0;
  }
  printProblems(ctx, dedupe([...result.notices, ...reports.flatMap((g) => g.problems)]));
  printEdited(
    ctx,
    reports.flatMap((g) => g.edited),
  );
  printRetired(ctx, reports);
  const adopted = result.groups.flatMap((g) => g.write.adopted ?? []);
  if (adopted.length) {
    say(
      ctx,
      t(
        `${adopted.length} ${adopted.length === 1 ? 'fil' : 'filer'} i ${result.settings.output}/ er sjekket og tatt inn som refleks sine (invitasjonene stemmer med kalenderstatusen; andre filer er tatt som de er).`,
        `${adopted.length} file${adopted.length === 1 ? '' : 's'} in ${result.settings.output}/ were checked and adopted as refleks's own (the invitations agree with the calendar state; other files were taken as they are).`,
      ),
    );
  }
  if (bar) for (const g of reports.filter((g) => g.status === 'built')) ctx.out(groupLine(g)[ctx.lang]);
  if (!ctx.quiet) {
    const n = (s: string) => reports.filter((g) => g.status === s).length;
    const files = reports.reduce((sum, g) => sum + g.written, 0);
    const gr = (k: number) => `${k} ${k === 1 ? 'gruppe' : 'grupper'}`;
    const grEn = (k: number) => `${k} group${k === 1 ? '' : 's'}`;
    const fl = (k: number) => `${k} ${k === 1 ? 'fil' : 'filer'}`;
    const flEn = (k: number) => `${k} file${k === 1 ? '' : 's'}`;
    say(
      ctx,
      opts.dryRun
        ? t(
            `Tørrkjøring: ${gr(n('built'))} ville fått ${fl(files)} skrevet, ${n('skipped')} uendret, ${failed.length} med feil. Ingenting er skrevet.`,
            `Dry run: ${grEn(n('built'))} would get ${flEn(files)} written, ${n('skipped')} unchanged, ${failed.length} failed. Nothing was written.`,
          )
        : // Never «alt er oppdatert» while a file is kept as a person left it.
          files === 0 && !failed.length && !reports.some((g) => g.edited.length)
          ? t(
              `Ingenting å gjøre: alt er oppdatert (${gr(reports.length)}).`,
              `Nothing to do: everything is up to date (${grEn(reports.length)}).`,
            )
          : t(
              `Ferdig: ${gr(n('built'))} bygget, ${n('skipped')} uendret, ${failed.length} med feil; ${fl(files)} skrevet.`,
              `Done: ${grEn(n('built'))} built, ${n('skipped')} unchanged, ${failed.length} failed; ${flEn(files)} written.`,
            ),
    );
    // Up to date is not the same as sent: the groups `status` reminds of, from the same pending list.
    if (!opts.dryRun) {
      const ws = loadWorkspace(
        root,
        groups.length ? { only: groups.map((g) => g.replace(/\.ya?ml$/i, '')) } : {},
      ).workspace;
      if (ws) {
        if (!groups.length) printProblems(ctx, orphanedStates(root, ws.groups).map(orphanProblem));
        const waiting = ws.groups
          .filter((g) => {
            try {
              return !!pendingText(root, g.id, result.settings.output);
            } catch {
              return false;
            }
          })
          .map((g) => g.id);
        if (waiting.length) {
          say(
            ctx,
            t(
              `Ikke sendt ennå: invitasjoner i ${waiting.join(', ')}. Send dem med «refleks send», eller se «refleks status».`,
              `Not sent yet: invitations of ${waiting.join(', ')}. Send them with "refleks send", or see "refleks status".`,
            ),
          );
        }
        for (const g of ws.groups) {
          const note = withoutEmailNote(g, result.settings.output);
          if (note) ctx.out(`${t('merk', 'note')[ctx.lang]}: ${note[ctx.lang]}`);
        }
      }
    }
  }
  if (failed.length) {
    ctx.err(
      t(
        `${failed.length} ${failed.length === 1 ? 'gruppe' : 'grupper'} kunne ikke bygges: ${failed.map((g) => g.file).join(', ')}`,
        `${failed.length} group${failed.length === 1 ? '' : 's'} could not be built: ${failed.map((g) => g.file).join(', ')}`,
      )[ctx.lang],
    );
    return 1;
  }
  return 0;
}
