/**
 * `refleks forms` core: a group's plan and the wording in, the .docx files
 * out. Pure apart from the docx library's own work; `refleks build` reuses it.
 */
import type { OutputFile } from '../output.js';
import type { Workspace } from '../model.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import { tokenize } from './merge.js';
import { fillIn, memoryShapeStore, type ShapeStore } from './shape.js';
import { zipParts } from './zip.js';
import { uniqueSlugs } from '../slug.js';
import { certificatePlan } from '../attendance.js';
import type { FormWording } from './wording.js';

export type { FormWording } from './wording.js';
export { memoryShapeStore, type Rendered, type ShapeStore } from './shape.js';

/** The folder of a group's forms, relative to the workspace root. */
export function formsDir(workspace: Workspace, groupId: string): string {
  return `${workspace.settings.output}/${groupId}/skjema`;
}


const memory = memoryShapeStore();

/**
 * A group's forms. Shapes come from `store` (default: this process's memory);
 * only a shape no store has is rendered, and only then is docx loaded.
 */
export async function formFiles(workspace: Workspace, plan: GroupPlan, wording: FormWording, issuedAt: Date, lang: Lang, store: ShapeStore = memory): Promise<OutputFile[]> {
  const stamp = issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const shape = async (sessions: GroupPlan['sessions']) => {
    const { context, tokens, key, stableKey } = tokenize(workspace, plan.group, sessions, wording, lang);
    let r = store.get(key, stableKey);
    if (!r) {
      const { renderShape } = await import('./render-shape.js');
      r = await renderShape(context, lang);
      store.set(key, stableKey, r);
    }
    return { r, tokens };
  };
  const { r, tokens } = await shape(plan.sessions);
  const dir = formsDir(workspace, plan.group.id);
  const files: OutputFile[] = r.forms.map(([file, parts]) => ({ path: `${dir}/${file}`, bytes: zipParts(fillIn(parts, tokens, stamp)) }));
  const slugs = uniqueSlugs(
    plan.group.participants.map((p) => p.name),
    lang === 'nb' ? 'deltaker' : 'participant',
  );
  // With attendance recorded, a certificate lists the sessions the person
  // came to, and only those who met the rule get one; people with the same
  // sessions share a rendered shape.
  const certificates = certificatePlan(plan);
  const bySessions = new Map<string, Promise<{ r: typeof r; tokens: typeof tokens }>>();
  for (const standing of certificates.standings) {
    if (!standing.eligible) continue;
    let made = { r, tokens };
    if (certificates.recorded) {
      const key = standing.attended.map((s) => s.number).join(',');
      if (!bySessions.has(key)) bySessions.set(key, shape(standing.attended));
      made = await bySessions.get(key)!;
    }
    files.push({ path: `${dir}/kursbevis/${slugs[standing.index]}.docx`, bytes: zipParts(fillIn(made.r.certificate, made.tokens, stamp, standing.participant.name)) });
  }
  return files;
}
