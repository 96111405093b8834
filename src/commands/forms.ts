/**
 * `refleks forms`: the Word forms of each group, and with --pdf their PDF/A
 * copies made by LibreOffice. The core builds the bytes; this adapter reads
 * the wording files, runs LibreOffice and writes each group's set at once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { openWorkspace, printProblems, say, type CliContext } from './support/context.js';
import type { FormWording } from '../core/forms/wording.js';
import { loadFormWording } from '../io/form-wording.js';
import { diskShapeStore } from '../io/shape-store.js';
import { normalisePdf } from '../core/forms/pdf.js';
import { hasErrors, InputError, type Problem } from '../core/problems.js';
import { planGroup } from '../core/schedule.js';
import { t } from '../core/text.js';
import { issueTime } from '../io/issue-time.js';
import { sha256, writeOutputs, type OutputFile } from '../io/write-outputs.js';

export interface FormsOptions {
  dryRun?: boolean;
  force?: boolean;
  pdf?: boolean;
}


/** LibreOffice's binary if it is on PATH. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  return undefined;
}

/** PDF/A-2 with tags (headings, tables, language), so archives and screen readers both get what they need. */
const PDF_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},"UseTaggedPDF":{"type":"boolean","value":"true"}}';

/**
 * Converts .docx files to PDF/A in one LibreOffice run (start-up dominates
 * the time). A private profile avoids clashing with a LibreOffice the user
 * has open. The PDFs get the issue time and a content-derived ID, so the
 * same form gives the same PDF.
 */
export function convertToPdf(soffice: string, docs: OutputFile[], issuedAt: Date): OutputFile[] {
  const work = mkdtempSync(join(tmpdir(), 'refleks-pdf-'));
  try {
    const inputs = docs.map((d, i) => {
      const p = join(work, `${String(i).padStart(4, '0')}.docx`);
      writeFileSync(p, d.bytes);
      return p;
    });
    const out = join(work, 'pdf');
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', PDF_FILTER, '--outdir', out, ...inputs], {
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, HOME: work },
    });
    return docs.map((d, i) => {
      const pdf = join(out, `${String(i).padStart(4, '0')}.pdf`);
      if (!existsSync(pdf)) {
        throw new Error(`LibreOffice did not convert ${d.path} (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || '').trim().slice(0, 500)}`);
      }
      return { path: d.path.replace(/\.docx$/, '.pdf'), bytes: normalisePdf(readFileSync(pdf), issuedAt, d.bytes) };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function run(ctx: CliContext, groups: string[] = [], opts: FormsOptions = {}): Promise<number> {
  const ws = openWorkspace(ctx, groups.length ? { only: groups } : {});
  const L = ctx.lang;
  const soffice = opts.pdf ? findSoffice() : undefined;
  if (opts.pdf && !soffice) {
    ctx.err(
      t(
        'feil: --pdf trenger LibreOffice, men fant ikke «soffice». Installer det (Debian/Ubuntu: sudo apt-get install libreoffice-writer; Windows og Mac: libreoffice.org), eller kjør uten --pdf.',
        'error: --pdf needs LibreOffice, but "soffice" was not found. Install it (Debian/Ubuntu: sudo apt-get install libreoffice-writer; Windows and Mac: libreoffice.org), or run without --pdf.',
      )[L],
    );
    return 1;
  }

  const selected = groups.length ? ws.groups.filter((g) => groups.some((id) => id.replace(/\.ya?ml$/i, '') === g.id)) : ws.groups;
  if (!selected.length) {
    say(ctx, t('Ingen grupper ennå. Lag en med «refleks new-group».', 'No groups yet. Create one with "refleks new-group".'));
    return 0;
  }

  const { formFiles } = await import('../core/forms/index.js');
  const issuedAt = issueTime(ws.root, { record: !opts.dryRun });
  const shapes = diskShapeStore();
  const wordings = new Map<string, FormWording>();
  const problems: Problem[] = [];
  const sets: { id: string; files: OutputFile[] }[] = [];
  for (const group of selected) {
    const plan = planGroup(group, ws.settings);
    problems.push(...plan.problems);
    if (!wordings.has(group.programmeId)) {
      const loaded = loadFormWording(ws, group.programmeId, L);
      problems.push(...loaded.problems);
      if (loaded.wording) wordings.set(group.programmeId, loaded.wording);
    }
    const wording = wordings.get(group.programmeId);
    if (hasErrors(problems) || !wording) continue;
    sets.push({ id: group.id, files: await formFiles(ws, plan, wording, issuedAt, L, shapes) });
  }
  if (hasErrors(problems)) throw new InputError(dedupe(problems));
  printProblems(ctx, dedupe(problems));

  if (soffice) {
    // LibreOffice takes seconds and never gives the same bytes twice, so a
    // PDF whose .docx is unchanged on disk is kept as it is.
    const pending: { set: OutputFile[]; doc: OutputFile }[] = [];
    for (const set of sets) {
      for (const doc of [...set.files]) {
        const reused = existingPdf(ws.root, doc);
        if (reused) set.files.push(reused);
        else pending.push({ set: set.files, doc });
      }
    }
    const pdfs = pending.length ? convertToPdf(soffice, pending.map((p) => p.doc), issuedAt) : [];
    pending.forEach((p, i) => p.set.push(pdfs[i]!));
  }

  let edited = 0;
  for (const set of sets) {
    const report = writeOutputs(ws.root, set.files, { dryRun: !!opts.dryRun, force: !!opts.force });
    edited += report.edited.length;
    if (opts.dryRun) {
      const planned = report.files.filter((f) => f.outcome === 'planned').length;
      say(ctx, t(`${set.id}: ville skrevet ${planned} ${planned === 1 ? 'fil' : 'filer'}, ${report.unchanged.length} uendret`, `${set.id}: would write ${planned} file${planned === 1 ? '' : 's'}, ${report.unchanged.length} unchanged`));
    } else if (!ctx.quiet) {
      say(ctx, t(`${set.id}: ${report.written.length} skrevet, ${report.unchanged.length} uendret`, `${set.id}: ${report.written.length} written, ${report.unchanged.length} unchanged`));
    }
    for (const path of report.edited) {
      ctx.err(t(`advarsel: ${path} er endret for hånd og ble ikke overskrevet`, `warning: ${path} was edited by hand and was not overwritten`)[L]);
    }
  }
  if (edited) {
    ctx.err(t(`${edited} ${edited === 1 ? 'fil' : 'filer'} er endret for hånd og beholdt. Bruk --force for å skrive over.`, `${edited} ${edited === 1 ? 'file was' : 'files were'} edited by hand and kept. Use --force to overwrite.`)[L]);
  }
  if (!opts.dryRun && !ctx.quiet && sets.length) {
    say(ctx, t(`Skjemaene ligger i ${ws.settings.output}/<gruppe>/skjema/.`, `The forms are in ${ws.settings.output}/<group>/skjema/.`));
  }
  return 0;
}

/** The PDF on disk, if the .docx beside it has exactly the bytes we are about to write. */
function existingPdf(root: string, doc: OutputFile): OutputFile | undefined {
  const pdfPath = doc.path.replace(/\.docx$/, '.pdf');
  const docAbs = join(root, doc.path);
  const pdfAbs = join(root, pdfPath);
  if (!existsSync(docAbs) || !existsSync(pdfAbs)) return undefined;
  if (sha256(readFileSync(docAbs)) !== sha256(doc.bytes)) return undefined;
  return { path: pdfPath, bytes: readFileSync(pdfAbs) };
}

/** The same wording problem is found once per group of a programme; say it once. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.column, p.field, p.message.nb]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
