/**
 * refleks takes a document's parts from docx's private `Packer.compiler`
 * (docx-kit.ts, packageParts) instead of zipping and unzipping them again. A
 * docx release that moves or changes it must fail here, loudly, not in a
 * user's forms: the parts must be exactly those the public Packer zips.
 */
import { Packer, Paragraph, TextRun } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formDocument, packageParts } from '../../src/core/forms/docx-kit.js';

describe("docx's compiler, the one private docx API refleks uses", () => {
  it('gives exactly the parts the public Packer zips', async () => {
    const doc = () =>
      formDocument({
        lang: 'nb',
        title: 'Tittel – Ærlig & «gruppe»',
        subject: 'Emne',
        organisation: 'Kommune',
        footer: 'Bunntekst',
        pageLabel: 'Side {current} av {total}',
        children: [new Paragraph({ children: [new TextRun('Åse <Ødegård>')] })],
      });
    const viaPacker = unzipSync(new Uint8Array(await Packer.toBuffer(doc())));
    const parts = packageParts(doc());
    expect(Object.keys(parts).sort()).toEqual(Object.keys(viaPacker).sort());
    // The document dates are the time of packing; everything else is equal byte for byte.
    const undated = (b: Uint8Array) =>
      Buffer.from(b)
        .toString('utf8')
        .replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<dcterms:$1>');
    for (const [name, bytes] of Object.entries(parts)) expect(undated(bytes), name).toBe(undated(viaPacker[name]!));
  });
});
