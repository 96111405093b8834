/**
 * Renders a shape with docx: the only part of the forms that loads the
 * document library, imported when a shape is not in any store.
 */
import type { Document } from 'docx';
import { attendanceList, certificate, evaluationForm, followUpForm, planningForm } from './documents.js';
import { docxParts } from './docx-kit.js';
import type { Merge } from './merge.js';
import { FORM_FILES, SHAPE_DATE, splitAtTokens, type Rendered, type Template } from './shape.js';

const decoder = new TextDecoder();

async function template(doc: Document, merge: Merge): Promise<Template> {
  const parts = await docxParts(doc, SHAPE_DATE, merge.view.lang);
  return Object.entries(parts).map(([name, bytes]) => {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) return { name, bytes };
    const pieces = splitAtTokens(decoder.decode(bytes), merge);
    return pieces ? { name, pieces } : { name, bytes };
  });
}

/** Shapes do not depend on the issue time: `fillIn` puts the real one in place of this. */
export async function renderShape(merge: Merge): Promise<Rendered> {
  const v = merge.view;
  return {
    forms: [
      [FORM_FILES[0], await template(planningForm(v), merge)],
      [FORM_FILES[1], await template(followUpForm(v), merge)],
      [FORM_FILES[2], await template(evaluationForm(v), merge)],
      [FORM_FILES[3], await template(attendanceList(v), merge)],
    ],
    certificate: await template(certificate(v, merge.nameToken), merge),
  };
}
