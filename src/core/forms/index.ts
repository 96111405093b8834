/**
 * `refleks forms` core: a group's plan and the wording in, the .docx files
 * out. Pure apart from the docx library's own work; `refleks build` reuses it.
 */
import type { OutputFile } from '../output.js';
import type { Workspace } from '../model.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import { tokenize } from './merge.js';
import { fillIn, memoryShapeStore, shapeFault, type ShapeStore } from './shape.js';
import { formView, type FormView } from './view.js';
import { xmlText, zipParts } from './zip.js';
import { uniqueSlugs } from '../slug.js';
import { certificatePlan } from '../attendance.js';
import type { FormWording } from './wording.js';

export type { FormWording } from './wording.js';
export { memoryShapeStore, type Rendered, type ShapeStore } from './shape.js';
export { formView, type FormView } from './view.js';

/** The folder of a group's forms, relative to the workspace root. */
export function formsDir(workspace: Workspace, groupId: string): string {
  return `${workspace.settings.output}/${groupId}/skjema`;
}

const memory = memoryShapeStore();

/** A view's forms as .docx bytes: the four forms by file name, and a certificate per participant, in order. */
export interface MergedForms {
  forms: [file: string, bytes: Uint8Array][];
  certificates: Uint8Array[];
}

/**
 * A view's forms by mail merge (merge.ts). Shapes come from `store`; only a
 * shape no store has is rendered, and only then is docx loaded.
 */
export async function mergedForms(view: FormView, issuedAt: Date, store: ShapeStore = memory): Promise<MergedForms> {
  const merge = tokenize(view);
  const { key, stableKey } = merge;
  let r = store.get(key, stableKey);
  const fault = r && shapeFault(r, merge);
  if (fault) {
    store.reject?.(key, stableKey, fault);
    r = undefined;
  }
  if (!r) {
    const { renderShape } = await import('./render-shape.js');
    r = await renderShape(merge);
    store.set(key, stableKey, r);
  }
  const stamp = issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const escaped = merge.values.map((v) => Buffer.from(xmlText(v)));
  return {
    forms: r.forms.map(([file, parts]) => [file, zipParts(fillIn(parts, escaped, stamp))]),
    certificates: view.text.participants.map((p) => zipParts(fillIn(r.certificate, escaped, stamp, p.name))),
  };
}

/**
 * A group's forms as files under its forms folder; shapes come from `store`
 * (default: this process's memory). With attendance recorded, a certificate
 * lists the sessions its person came to, and only those who met the rule get
 * one; people who came to the same sessions share a view.
 */
export async function formFiles(
  workspace: Workspace,
  plan: GroupPlan,
  wording: FormWording,
  issuedAt: Date,
  lang: Lang,
  store: ShapeStore = memory,
): Promise<OutputFile[]> {
  const { forms, certificates } = await mergedForms(formView(workspace, plan, wording, lang), issuedAt, store);
  const dir = formsDir(workspace, plan.group.id);
  const files: OutputFile[] = forms.map(([file, bytes]) => ({ path: `${dir}/${file}`, bytes }));
  const slugs = uniqueSlugs(
    plan.group.participants.map((p) => p.name),
    lang === 'nb' ? 'deltaker' : 'participant',
  );
  const standing = certificatePlan(plan);
  const bySessions = new Map<string, Promise<MergedForms>>();
  for (const st of standing.standings) {
    if (!st.eligible) continue;
    let bytes = certificates[st.index]!;
    if (standing.recorded) {
      const key = st.attended.map((s) => s.number).join(',');
      if (!bySessions.has(key))
        bySessions.set(
          key,
          mergedForms(formView(workspace, { ...plan, sessions: st.attended }, wording, lang), issuedAt, store),
        );
      bytes = (await bySessions.get(key)!).certificates[st.index]!;
    }
    files.push({ path: `${dir}/kursbevis/${slugs[st.index]}.docx`, bytes });
  }
  return files;
}
