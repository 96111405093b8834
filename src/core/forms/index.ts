/**
 * `refleks forms` core: a group's plan and the wording in, the .docx files
 * out. Pure apart from the docx library's own work; `refleks build` reuses it.
 */
import type { OutputFile } from '../../io/write-outputs.js';
import type { Workspace } from '../model.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import { tokenize } from './merge.js';
import { fillIn, memoryShapeStore, type ShapeStore } from './shape.js';
import { formView } from './view.js';
import { xmlText, zipParts } from './zip.js';
import { uniqueSlugs } from '../slug.js';
import type { FormWording } from './wording.js';

export { buildWording, wordingPaths, type FormWording, type WordingLayer } from './wording.js';
export { memoryShapeStore, type Rendered, type ShapeStore } from './shape.js';
export { formView, type FormView } from './view.js';

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
  const merge = tokenize(formView(workspace, plan, wording, lang));
  const { key, stableKey } = merge;
  const stamp = issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  let r = store.get(key, stableKey);
  if (!r) {
    const { renderShape } = await import('./render-shape.js');
    r = await renderShape(merge);
    store.set(key, stableKey, r);
  }
  const escaped = merge.values.map(xmlText);
  const dir = formsDir(workspace, plan.group.id);
  const files: OutputFile[] = r.forms.map(([file, parts]) => ({ path: `${dir}/${file}`, bytes: zipParts(fillIn(parts, escaped, stamp)) }));
  const slugs = uniqueSlugs(
    plan.group.participants.map((p) => p.name),
    lang === 'nb' ? 'deltaker' : 'participant',
  );
  for (const [i, participant] of plan.group.participants.entries()) {
    files.push({ path: `${dir}/kursbevis/${slugs[i]}.docx`, bytes: zipParts(fillIn(r.certificate, escaped, stamp, participant.name)) });
  }
  return files;
}
