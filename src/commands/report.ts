/**
 * `refleks report [group…]`: reads the filled-in evaluation and follow-up
 * forms each group hands back (put in utfylt/<group>/, saved by Word or
 * LibreOffice) and the attendance, and writes the report to <output>/rapport/:
 * an HTML page, a Word version for the leader, CSV files and an .xlsx.
 * Nothing leaves the machine.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace, printProblems, say, workspaceRoot, type CliContext } from './support/context.js';
import { withWorkspaceLock } from './support/outputs.js';
import { todayFrom } from './support/today.js';
import { groupForms, readFilledForm, FormReadError } from './support/filled-forms.js';
import type { FormWording } from '../core/forms/index.js';
import type { OutputFile } from '../core/output.js';
import { hasErrors, InputError, type Problem } from '../core/problems.js';
import { groupSection, workspaceReport, type FilledForm, type Note } from '../core/report/model.js';
import { reportHtml } from '../core/report/html.js';
import { csvBytes, reportTables } from '../core/report/tables.js';
import { planGroup } from '../core/schedule.js';
import { t } from '../core/text.js';
import { sourceDateEpoch } from '../io/issue-time.js';
import { writeOutputs } from '../io/write-outputs.js';
import { loadFormWording } from '../load/form-wording.js';

/** Where a group's filled-in forms are put, relative to the workspace. */
export const FILLED_DIR = 'utfylt';

export function reportDir(output: string): string {
  return `${output}/rapport`;
}

function docxFilesIn(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  // Word's lock files (~$skjema.docx) and hidden files are not forms.
  return readdirSync(dir)
    .filter((f) => /\.docx$/i.test(f) && !f.startsWith('~$') && !f.startsWith('.'))
    .sort();
}

export async function run(
  ctx: CliContext,
  groups: string[] = [],
  opts: { today?: string; force?: boolean } = {},
): Promise<number> {
  // It writes outputs and the manifest: one writer at a time.
  return withWorkspaceLock(ctx, workspaceRoot(ctx), 'report', () => writeReport(ctx, groups, opts));
}

async function writeReport(
  ctx: CliContext,
  groups: string[],
  opts: { today?: string; force?: boolean },
): Promise<number> {
  const ws = openWorkspace(ctx, { only: groups });
  const L = ctx.lang;
  const today = todayFrom(opts.today, ws.settings.timezone);
  const wordings = new Map<string, FormWording>();
  const problems: Problem[] = [];
  const sections = [];
  for (const group of ws.groups) {
    const plan = planGroup(group, ws.settings);
    if (!wordings.has(group.programmeId)) {
      const loaded = loadFormWording(ws, group.programmeId, L);
      problems.push(...loaded.problems);
      if (!loaded.wording) throw new InputError(loaded.problems);
      wordings.set(group.programmeId, loaded.wording);
    }
    const dirRel = `${FILLED_DIR}/${group.id}`;
    const files = docxFilesIn(join(ws.root, dirRel));
    const forms: FilledForm[] = [];
    const notes: Note[] = [];
    if (files.length) {
      const expected = await groupForms(ws, plan, wordings.get(group.programmeId)!, L);
      for (const f of files) {
        const display = `${dirRel}/${f}`;
        try {
          const form = readFilledForm(readFileSync(join(ws.root, dirRel, f)), display, expected);
          if (form.kind === 'attendance') {
            notes.push({
              file: display,
              text: t(
                `er en oppmøteliste; registrer den med «refleks attendance ${group.id} --from-form ${display}»`,
                `is an attendance list; record it with "refleks attendance ${group.id} --from-form ${display}"`,
              ),
            });
          } else forms.push(form);
        } catch (err) {
          if (!(err instanceof FormReadError)) throw err;
          notes.push({ file: display, text: err.text });
        }
      }
    }
    const section = groupSection(plan, forms, today, notes);
    sections.push(section);
    for (const n of section.notes) problems.push({ severity: 'warning', file: n.file, message: n.text });
    if (!ctx.quiet) {
      say(
        ctx,
        t(
          `${group.id}: ${forms.length} skjema lest${section.attendanceRecorded ? '' : ', oppmøte ikke registrert'}${section.notes.length ? `, ${section.notes.length} merknader` : ''}`,
          `${group.id}: ${forms.length} forms read${section.attendanceRecorded ? '' : ', attendance not recorded'}${section.notes.length ? `, ${section.notes.length} notes` : ''}`,
        ),
      );
    }
  }
  if (hasErrors(problems)) throw new InputError(problems);
  printProblems(ctx, problems);

  const report = workspaceReport(ws.settings.organisation, today, sections);
  const dir = reportDir(ws.settings.output);
  // The report is as of `today`: its documents carry that date, so the same
  // forms and the same day give the same bytes (SOURCE_DATE_EPOCH wins).
  const issuedAt = sourceDateEpoch() ?? new Date(`${today}T12:00:00Z`);
  const tables = reportTables(report, L);
  const { reportDocx } = await import('../core/report/docx.js');
  const { xlsxBytes } = await import('../core/report/xlsx.js');
  const title = `${t('Rapport', 'Report')[L]} – ${ws.settings.organisation}`;
  const out: OutputFile[] = [
    { path: `${dir}/rapport.html`, bytes: reportHtml(report, L) },
    { path: `${dir}/rapport.docx`, bytes: await reportDocx(report, L, issuedAt) },
    ...tables.map((tb) => ({ path: `${dir}/${tb.name}.csv`, bytes: csvBytes(tb, L) })),
    { path: `${dir}/rapport.xlsx`, bytes: await xlsxBytes(tables, title, issuedAt) },
  ];
  const written = writeOutputs(ws.root, out, { force: !!opts.force });
  for (const path of written.edited)
    ctx.err(
      t(
        `advarsel: ${path} er endret for hånd og ble ikke overskrevet (bruk --force)`,
        `warning: ${path} was edited by hand and was not overwritten (use --force)`,
      )[L],
    );
  say(
    ctx,
    t(
      `Rapporten ligger i ${dir}/ (rapport.html, rapport.docx, CSV og rapport.xlsx).`,
      `The report is in ${dir}/ (rapport.html, rapport.docx, CSV and rapport.xlsx).`,
    ),
  );
  return 0;
}
