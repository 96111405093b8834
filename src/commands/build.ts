/**
 * `refleks build [group…]`: calendar, forms and packs for every group, with a
 * progress bar on a terminal, a line per group when piped, nothing extra with
 * --quiet and a machine-readable report with --json.
 */
import { printProblems, say, workspaceRoot, type CliContext } from './support/context.js';
import { formatProblem } from '../core/problems.js';
import { t, type Text } from '../core/text.js';
import { runBuild, type GroupReport } from '../pipeline/run-build.js';
import { UsageError } from '../core/problems.js';

export interface BuildCliOptions {
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  jobs?: string;
  strict?: boolean;
  perPerson?: boolean;
}

function invitationText(r: GroupReport): Text | undefined {
  const i = r.invitations;
  const parts: Text[] = [];
  if (i.new) parts.push(t(`${i.new} ${i.new === 1 ? 'ny' : 'nye'}`, `${i.new} new`));
  if (i.changed) parts.push(t(`${i.changed} ${i.changed === 1 ? 'endret' : 'endrede'}`, `${i.changed} changed`));
  if (i.cancelled) parts.push(t(`${i.cancelled} ${i.cancelled === 1 ? 'avlyst' : 'avlyste'}`, `${i.cancelled} cancelled`));
  if (!parts.length) return undefined;
  return t(`invitasjoner å sende: ${parts.map((p) => p.nb).join(', ')}`, `invitations to send: ${parts.map((p) => p.en).join(', ')}`);
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
  let jobs: number | undefined;
  if (opts.jobs !== undefined) {
    jobs = Number(opts.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(t(`--jobs må være et helt tall fra 1 til 64, fant «${opts.jobs}»`, `--jobs must be a whole number from 1 to 64, found "${opts.jobs}"`));
  }
  const bar = ctx.isTTY && !ctx.quiet && !opts.json;
  const report = await runBuild(
    root,
    { only: groups, force: !!opts.force, dryRun: !!opts.dryRun, strict: !!opts.strict, perPerson: !!opts.perPerson, ...(jobs ? { jobs } : {}), ...(ctx.langFromFlag ? { lang: ctx.lang } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}) },
    (r, done, total, lang) => {
      // Without --lang the workspace's language decides, from the first line on.
      if (!ctx.langFromFlag) ctx.lang = lang;
      if (bar) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${t('grupper', 'groups')[ctx.lang]}`);
        if (done === total) process.stderr.write('\n');
      } else if (!ctx.quiet && !opts.json) {
        ctx.out(groupLine(r)[ctx.lang]);
      }
    },
  );
  if (!ctx.langFromFlag) ctx.lang = report.lang;
  if (report.interrupted) {
    if (bar) process.stderr.write('\n');
    const built = report.groups.filter((g) => g.status === 'built').length;
    ctx.err(t(
      `Avbrutt: ${built} ${built === 1 ? 'gruppe' : 'grupper'} ble bygget helt før stans; resten er urørt. Kjør «refleks build» igjen for å fortsette.`,
      `Interrupted: ${built} group${built === 1 ? ' was' : 's were'} built completely before stopping; the rest are untouched. Run "refleks build" again to go on.`,
    )[ctx.lang]);
    return 130;
  }
  const failed = report.groups.filter((g) => g.status === 'failed');
  if (opts.json) {
    ctx.out(JSON.stringify({
      groups: report.groups.map((g) => ({ ...g, problems: g.problems.map((p) => ({ severity: p.severity, file: p.file, line: p.line, column: p.column, field: p.field, message: formatProblem(p, ctx.lang) })) })),
      failed: failed.length,
    }, null, 2));
    return failed.length ? 1 : 0;
  }
  for (const g of report.groups) printProblems(ctx, g.problems);
  const edited = report.groups.flatMap((g) => g.edited);
  for (const path of edited) ctx.err(t(`advarsel: ${path} er endret for hånd og ble ikke overskrevet (bruk --force)`, `warning: ${path} was edited by hand and was not overwritten (use --force)`)[ctx.lang]);
  if (bar) for (const g of report.groups.filter((g) => g.status === 'built')) ctx.out(groupLine(g)[ctx.lang]);
  if (!ctx.quiet) {
    const n = (s: string) => report.groups.filter((g) => g.status === s).length;
    const files = report.groups.reduce((sum, g) => sum + g.written, 0);
    const gr = (k: number) => `${k} ${k === 1 ? 'gruppe' : 'grupper'}`;
    const grEn = (k: number) => `${k} group${k === 1 ? '' : 's'}`;
    const fl = (k: number) => `${k} ${k === 1 ? 'fil' : 'filer'}`;
    const flEn = (k: number) => `${k} file${k === 1 ? '' : 's'}`;
    say(ctx, opts.dryRun
      ? t(`Tørrkjøring: ${gr(n('built'))} ville fått ${fl(files)} skrevet, ${n('skipped')} uendret, ${failed.length} med feil. Ingenting er skrevet.`, `Dry run: ${grEn(n('built'))} would get ${flEn(files)} written, ${n('skipped')} unchanged, ${failed.length} failed. Nothing was written.`)
      : files === 0 && !failed.length
        ? t(`Ingenting å gjøre: alt er oppdatert (${gr(report.groups.length)}).`, `Nothing to do: everything is up to date (${grEn(report.groups.length)}).`)
        : t(`Ferdig: ${gr(n('built'))} bygget, ${n('skipped')} uendret, ${failed.length} med feil; ${fl(files)} skrevet.`, `Done: ${grEn(n('built'))} built, ${n('skipped')} unchanged, ${failed.length} failed; ${flEn(files)} written.`));
  }
  if (failed.length) {
    ctx.err(t(`${failed.length} ${failed.length === 1 ? 'gruppe' : 'grupper'} kunne ikke bygges: ${failed.map((g) => g.file).join(', ')}`, `${failed.length} group${failed.length === 1 ? '' : 's'} could not be built: ${failed.map((g) => g.file).join(', ')}`)[ctx.lang]);
    return 1;
  }
  return 0;
}
