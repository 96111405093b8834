/**
 * LibreOffice stamps each PDF with the time of conversion and a random file
 * ID. Outputs carry the issue time, never "now", so we set both: the dates to
 * the issue time, the ID from the content. The replacements keep each
 * value's length, so the byte offsets in the cross-reference table stay
 * right. (The embedded colour profile of PDF/A still carries LibreOffice's
 * own time inside a compressed stream, so the adapter reuses an existing PDF
 * when its .docx is unchanged rather than relying on equal bytes.)
 */
import { createHash } from 'node:crypto';

function pdfDate(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function normalisePdf(bytes: Uint8Array, issuedAt: Date, seed: Uint8Array | string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const stamp = pdfDate(issuedAt);
  const iso = issuedAt.toISOString().slice(0, 19);
  const id = createHash('md5').update(seed).digest('hex').toUpperCase();
  const out = text
    .replace(/(\/(?:CreationDate|ModDate)\s*\(D:)(\d{14})/g, (_m, pre: string) => `${pre}${stamp}`)
    .replace(
      /(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})/g,
      (_m, pre: string) => `${pre}${iso}`,
    )
    .replace(/\/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>/g, (m, a: string, b: string) =>
      m.replace(a, id).replace(b, id),
    );
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
