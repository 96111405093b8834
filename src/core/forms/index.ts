/**
 * `refleks forms` core: a group's plan and the wording in, the .docx files
 * out. Pure apart from the docx library's own work; `refleks build` reuses it.
 */
import type { OutputFile } from '../../io/write-outputs.js';
import type { Workspace } from '../model.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import { docxParts, mergeParts, packDocx, zipParts } from './docx-kit.js';
import { attendanceList, certificate, evaluationForm, followUpForm, planningForm, type FormContext } from './documents.js';
import { uniqueSlugs } from './slug.js';
import type { FormWording } from './wording.js';

export { buildWording, wordingPaths, type FormWording, type WordingLayer } from './wording.js';

/** The folder of a group's forms, relative to the workspace root. */
export function formsDir(workspace: Workspace, groupId: string): string {
  return `${workspace.settings.output}/${groupId}/skjema`;
}

const NAME_TOKEN = 'REFLEKSxDELTAKERxNAVN';

export async function formFiles(workspace: Workspace, plan: GroupPlan, wording: FormWording, issuedAt: Date, lang: Lang): Promise<OutputFile[]> {
  const c: FormContext = { workspace, group: plan.group, sessions: plan.sessions, w: wording, lang };
  const dir = formsDir(workspace, plan.group.id);
  const files: OutputFile[] = [
    { path: `${dir}/planleggingsskjema.docx`, bytes: await packDocx(planningForm(c), issuedAt, lang) },
    { path: `${dir}/oppfolgingsskjema.docx`, bytes: await packDocx(followUpForm(c), issuedAt, lang) },
    { path: `${dir}/evalueringsskjema.docx`, bytes: await packDocx(evaluationForm(c), issuedAt, lang) },
    { path: `${dir}/oppmoteliste.docx`, bytes: await packDocx(attendanceList(c), issuedAt, lang) },
  ];
  const slugs = uniqueSlugs(
    plan.group.participants.map((p) => p.name),
    lang === 'nb' ? 'deltaker' : 'participant',
  );
  // Certificates differ only in the participant's name: render one, merge the rest.
  const template = await docxParts(certificate(c, { name: NAME_TOKEN }), issuedAt, lang);
  for (const [i, participant] of plan.group.participants.entries()) {
    files.push({ path: `${dir}/kursbevis/${slugs[i]}.docx`, bytes: zipParts(mergeParts(template, { [NAME_TOKEN]: participant.name })) });
  }
  return files;
}
