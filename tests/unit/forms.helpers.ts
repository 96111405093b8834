/**
 * Shared by the forms tests: the demo workspace loaded, a group's forms
 * rendered in memory, and a .docx opened into its XML parts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { loadFormWording } from '../../src/load/form-wording.js';
import { formFiles } from '../../src/core/forms/index.js';
import type { Workspace } from '../../src/core/model.js';
import { planGroup } from '../../src/core/schedule.js';
import type { Lang } from '../../src/core/text.js';
import type { OutputFile } from '../../src/io/write-outputs.js';
import { loadWorkspace } from '../../src/load/workspace.js';
import { DEMO } from '../helpers/cli.js';

export const ISSUED = new Date('2026-11-02T09:30:00Z');

/**
 * The demo as the forms tests expect it: without the attendance it ships
 * (attendance changes the certificates; tests/unit/attendance.test.ts sets
 * its own), unless `withAttendance`.
 */
export function loadDemo(root: string = DEMO, opts: { withAttendance?: boolean } = {}): Workspace {
  const r = loadWorkspace(root);
  if (!r.workspace) throw new Error(r.problems.map((p) => p.message.en).join('\n'));
  if (!opts.withAttendance) for (const g of r.workspace.groups) delete g.attendance;
  return r.workspace;
}

export function group(ws: Workspace, id: string) {
  const g = ws.groups.find((x) => x.id === id);
  if (!g) throw new Error(`no group ${id}`);
  return g;
}

export async function renderForms(
  ws: Workspace,
  groupId: string,
  lang: Lang = 'nb',
  mutate?: (g: Workspace['groups'][number]) => void,
): Promise<OutputFile[]> {
  const g = structuredClone(group(ws, groupId));
  mutate?.(g);
  const { wording, problems } = loadFormWording(ws, g.programmeId, lang);
  if (!wording) throw new Error(problems.map((p) => p.message.en).join('\n'));
  return formFiles(ws, planGroup(g, ws.settings), wording, ISSUED, lang);
}

export function parts(bytes: Uint8Array | string): Record<string, string> {
  const entries = unzipSync(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  return Object.fromEntries(
    Object.entries(entries)
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

export function byName(files: OutputFile[], suffix: string): OutputFile {
  const f = files.find((x) => x.path.endsWith(suffix));
  if (!f) throw new Error(`no file ending ${suffix} in ${files.map((x) => x.path).join(', ')}`);
  return f;
}

/** All visible text of a part, runs joined, paragraphs on their own lines. */
export function text(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<(?!w:t[ >])[^>]+>/g, '')
    .replace(/<w:t[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** WCAG 2 contrast ratio of a hex colour against white. */
export function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return 1.05 / (l + 0.05);
}

/** Writes output files below a fresh temporary folder; returns the folder. */
export function writeTemp(files: OutputFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'refleks-forms-'));
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.bytes);
  }
  return dir;
}
