/**
 * Renders a shape with docx: the only part of the forms that loads the
 * document library, imported when a shape is not in any store.
 */
import { strFromU8 } from 'fflate';
import type { Document } from 'docx';
import type { Lang } from '../text.js';
import type { FormContext } from './context.js';
import { attendanceList, certificate, evaluationForm, followUpForm, planningForm } from './documents.js';
import { docxParts } from './docx-kit.js';
import { NAME_TOKEN } from './merge.js';
import { SHAPE_DATE, SHAPE_STAMP, type Rendered, type Template } from './shape.js';

async function template(doc: Document, lang: Lang): Promise<Template> {
  const parts = await docxParts(doc, SHAPE_DATE, lang);
  return Object.entries(parts).map(([name, bytes]) => {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) return { name, bytes };
    const text = strFromU8(bytes);
    return text.includes('RFLK') || text.includes(SHAPE_STAMP) ? { name, text } : { name, bytes };
  });
}

/** Shapes do not depend on the issue time: `fillIn` puts the real one in place of this. */
export async function renderShape(c: FormContext, lang: Lang): Promise<Rendered> {
  return {
    forms: [
      ['planleggingsskjema.docx', await template(planningForm(c), lang)],
      ['oppfolgingsskjema.docx', await template(followUpForm(c), lang)],
      ['evalueringsskjema.docx', await template(evaluationForm(c), lang)],
      ['oppmoteliste.docx', await template(attendanceList(c), lang)],
    ],
    certificate: await template(certificate(c, { name: NAME_TOKEN }), lang),
  };
}
