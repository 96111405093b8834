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
import type { Document } from 'docx';
import { attendanceList, certificate, evaluationForm, followUpForm, planningForm, type FormContext } from './documents.js';
import { uniqueSlugs } from './slug.js';
import type { FormWording } from './wording.js';

export { buildWording, wordingPaths, type FormWording, type WordingLayer } from './wording.js';

/** The folder of a group's forms, relative to the workspace root. */
export function formsDir(workspace: Workspace, groupId: string): string {
  return `${workspace.settings.output}/${groupId}/skjema`;
}


/** A rendered part: as bytes when it holds no token, as text when the group's text goes in. */
type Part = { name: string; bytes: Uint8Array; text?: undefined } | { name: string; text: string };
type Template = Part[];

interface Rendered {
  forms: [file: string, parts: Template][];
  certificate: Template;
}

/** Rendered shapes; a build of a thousand groups has a few dozen. */
const rendered = new Map<string, Rendered>();
const MAX_SHAPES = 64;

async function template(doc: Document, issuedAt: Date, lang: Lang): Promise<Template> {
  const parts = await docxParts(doc, issuedAt, lang);
  return Object.entries(parts).map(([name, bytes]) => {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) return { name, bytes };
    const text = strFromU8(bytes);
    return text.includes('RFLK') ? { name, text } : { name, bytes };
  });
}

async function render(c: FormContext, issuedAt: Date, lang: Lang): Promise<Rendered> {
  return {
    forms: [
      ['planleggingsskjema.docx', await template(planningForm(c), issuedAt, lang)],
      ['oppfolgingsskjema.docx', await template(followUpForm(c), issuedAt, lang)],
      ['evalueringsskjema.docx', await template(evaluationForm(c), issuedAt, lang)],
      ['oppmoteliste.docx', await template(attendanceList(c), issuedAt, lang)],
    ],
    certificate: await template(certificate(c, { name: NAME_TOKEN }), issuedAt, lang),
  };
}

/** A template with the group's text (and a participant's name) put back, XML-escaped as docx would. */
function fillIn(parts: Template, tokens: Tokens, name?: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const part of parts) out[part.name] = part.text === undefined ? part.bytes : strToU8(untoken(part.text, tokens, xmlText, name));
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
