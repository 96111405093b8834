/**
 * Filling forms the way people do: python-docx ticks the checkboxes and
 * types into the content controls (tests/clients/fill_form.py), and
 * LibreOffice opens a file and saves it again as .docx, dropping the tags.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ROOT } from './cli.js';
import { PYTHON } from './tools.js';

const FILL = join(ROOT, 'tests', 'clients', 'fill_form.py');

export type Answer = boolean | string | { tag: string; value: boolean | string };

export function fillForm(src: string, dst: string, answers: Record<string, Answer>): void {
  const r = spawnSync(PYTHON, [FILL, src, dst, JSON.stringify(answers)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fill_form.py failed: ${r.stderr}`);
}

export function plainDocx(dst: string): void {
  const r = spawnSync(PYTHON, [FILL, '--plain', dst], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fill_form.py --plain failed: ${r.stderr}`);
}

/** Opens `src` in LibreOffice and saves it as .docx at `dst`. */
export function libreOfficeResave(src: string, dst: string): void {
  const work = mkdtempSync(join(tmpdir(), 'refleks-lo-'));
  try {
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        join(work, 'out'),
        src,
      ],
      {
        encoding: 'utf8',
        timeout: 180_000,
        env: { ...process.env, HOME: work },
      },
    );
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    renameSync(join(work, 'out', basename(src).replace(/\.docx$/i, '.docx')), dst);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Converts with LibreOffice (e.g. a CSV to .xlsx, or an .xlsx to CSV); returns the new file's path in `outDir`. */
export function libreOfficeConvert(src: string, to: string, outDir: string, infilter?: string): string {
  const work = mkdtempSync(join(tmpdir(), 'refleks-lo-'));
  try {
    const args = [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--norestore',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      to,
      '--outdir',
      outDir,
      src,
    ];
    const r = spawnSync('soffice', args, { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: work } });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    return join(outDir, basename(src).replace(/\.[^.]+$/, `.${to.split(':')[0]}`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
