/**
 * `refleks forms` core: a group's plan and the wording in, the .docx files
 * out. Pure apart from the docx library's own work; `refleks build` reuses it.
 */
import type { OutputFile } from '../../io/write-outputs.js';
import type { Workspace } from '../model.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import { strFromU8, strToU8 } from 'fflate';
import { docxParts, xmlText, zipParts } from './docx-kit.js';
import { NAME_TOKEN, tokenize, untoken, type Tokens } from './merge.js';
import { attendanceList, certificate, evaluationForm, followUpForm, planningForm, type FormContext } from './documents.js';
import { uniqueSlugs } from './slug.js';
import type { FormWording } from './wording.js';

export { buildWording, wordingPaths, type FormWording, type WordingLayer } from './wording.js';

/** The folder of a group's forms, relative to the workspace root. */
export function formsDir(workspace: Workspace, groupId: string): string {
  return `${workspace.settings.output}/${groupId}/skjema`;
}


interface Rendered {
  forms: [file: string, parts: Record<string, Uint8Array>][];
  certificate: Record<string, Uint8Array>;
}

/** Rendered shapes; a build of a thousand groups has a few dozen. */
const rendered = new Map<string, Rendered>();
const MAX_SHAPES = 64;

async function render(c: FormContext, issuedAt: Date, lang: Lang): Promise<Rendered> {
  return {
    forms: [
      ['planleggingsskjema.docx', await docxParts(planningForm(c), issuedAt, lang)],
      ['oppfolgingsskjema.docx', await docxParts(followUpForm(c), issuedAt, lang)],
      ['evalueringsskjema.docx', await docxParts(evaluationForm(c), issuedAt, lang)],
      ['oppmoteliste.docx', await docxParts(attendanceList(c), issuedAt, lang)],
    ],
    certificate: await docxParts(certificate(c, { name: NAME_TOKEN }), issuedAt, lang),
  };
}

/** A template's parts with the group's text (and a participant's name) put back, XML-escaped as docx would. */
function fillIn(template: Record<string, Uint8Array>, tokens: Tokens, name?: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [part, bytes] of Object.entries(template)) {
    const xml = part.endsWith('.xml') || part.endsWith('.rels') ? strFromU8(bytes) : undefined;
    if (xml === undefined || !xml.includes('RFLK')) {
      out[part] = bytes;
      continue;
    }
    out[part] = strToU8(untoken(xml, tokens, xmlText, name));
  }
  return out;
}

export async function formFiles(workspace: Workspace, plan: GroupPlan, wording: FormWording, issuedAt: Date, lang: Lang): Promise<OutputFile[]> {
  const { context, tokens, key } = tokenize(workspace, plan.group, plan.sessions, wording, lang, issuedAt);
  let r = rendered.get(key);
  if (!r) {
    r = await render(context, issuedAt, lang);
    if (rendered.size >= MAX_SHAPES) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, r);
  }
  const dir = formsDir(workspace, plan.group.id);
  const files: OutputFile[] = r.forms.map(([file, parts]) => ({ path: `${dir}/${file}`, bytes: zipParts(fillIn(parts, tokens)) }));
  const slugs = uniqueSlugs(
    plan.group.participants.map((p) => p.name),
    lang === 'nb' ? 'deltaker' : 'participant',
  );
  for (const [i, participant] of plan.group.participants.entries()) {
    files.push({ path: `${dir}/kursbevis/${slugs[i]}.docx`, bytes: zipParts(fillIn(r.certificate, tokens, participant.name)) });
  }
  return files;
}
