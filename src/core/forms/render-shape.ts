/**
 * Renders a shape with docx: the only part of the forms that loads the
 * document library, imported when a shape is not in any store.
 */
import type { Document } from 'docx';
import { certificate, formDocuments } from './documents.js';
import { docxParts } from './docx-kit.js';
import type { Merge } from './merge.js';
import { SHAPE_DATE, splitAtTokens, type Rendered, type Template } from './shape.js';

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
  const forms: Rendered['forms'] = [];
  for (const [file, doc] of formDocuments(v)) forms.push([file, await template(doc, merge)]);
  return { forms, certificate: await template(certificate(v, merge.nameToken), merge) };
}
