/**
 * PDF/A copies of Word forms, made by LibreOffice (an external program, so it
 * lives here and not in the core). The core's `normalisePdf` then pins the
 * timestamps and ID, so the same form gives the same PDF.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { normalisePdf } from '../core/forms/pdf.js';
import { InputError } from '../core/problems.js';
import { t } from '../core/text.js';
import { sha256, type OutputFile } from './write-outputs.js';

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

/** LibreOffice's binary, or an error saying how to install it (before anything is built). */
export function requireSoffice(env: NodeJS.ProcessEnv = process.env): string {
  const soffice = findSoffice(env);
  if (soffice) return soffice;
  throw new InputError([
    {
      severity: 'error',
      message: t(
        '--pdf trenger LibreOffice, men fant ikke «soffice»',
        '--pdf needs LibreOffice, but "soffice" was not found',
      ),
      hint: t(
        'Installer det (Debian/Ubuntu: sudo apt-get install libreoffice-writer; Windows og Mac: libreoffice.org), eller kjør uten --pdf.',
        'Install it (Debian/Ubuntu: sudo apt-get install libreoffice-writer; Windows and Mac: libreoffice.org), or run without --pdf.',
      ),
    },
  ]);
}

/** PDF/A-2 with tags (headings, tables, language), so archives and screen readers both get what they need. */
const PDF_FILTER =
  'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},"UseTaggedPDF":{"type":"boolean","value":"true"}}';

/**
 * Converts .docx files to PDF/A in one LibreOffice run (start-up dominates
 * the time). A private profile avoids clashing with a LibreOffice the user
 * has open. The PDFs get the issue time and a content-derived ID.
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
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        PDF_FILTER,
        '--outdir',
        out,
        ...inputs,
      ],
      {
        encoding: 'utf8',
        timeout: 600_000,
        env: { ...process.env, HOME: work },
      },
    );
    return docs.map((d, i) => {
      const pdf = join(out, `${String(i).padStart(4, '0')}.pdf`);
      if (!existsSync(pdf)) {
        throw new Error(
          `LibreOffice did not convert ${d.path} (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || '').trim().slice(0, 500)}`,
        );
      }
      return { path: pdfPath(d.path), bytes: normalisePdf(readFileSync(pdf), issuedAt, d.bytes) };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The PDF copy of every document, in the same order. LibreOffice takes
 * seconds and never gives the same bytes twice, so a PDF whose .docx is
 * unchanged on disk is kept as it is; the rest are converted in one run.
 */
export function pdfCopies(root: string, soffice: string, docs: OutputFile[], issuedAt: Date): OutputFile[] {
  const copies = docs.map((d) => existingPdf(root, d));
  const pending = docs.filter((_, i) => !copies[i]);
  const made = pending.length ? convertToPdf(soffice, pending, issuedAt) : [];
  let next = 0;
  return copies.map((c) => c ?? made[next++]!);
}

function pdfPath(docx: string): string {
  return docx.replace(/\.docx$/, '.pdf');
}

/** The PDF on disk, if the .docx beside it has exactly the bytes we are about to write. */
function existingPdf(root: string, doc: OutputFile): OutputFile | undefined {
  const docAbs = join(root, doc.path);
  const pdfAbs = join(root, pdfPath(doc.path));
  if (!existsSync(docAbs) || !existsSync(pdfAbs)) return undefined;
  if (sha256(readFileSync(docAbs)) !== sha256(doc.bytes)) return undefined;
  return { path: pdfPath(doc.path), bytes: readFileSync(pdfAbs) };
}
