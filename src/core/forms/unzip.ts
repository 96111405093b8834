/**
 * A small zip reader for the packages we read back (.docx from Word or
 * LibreOffice, the .xlsx exceljs writes): the central directory, then each
 * wanted entry stored or deflated, inflated by Node's zlib. No zip64, no
 * encryption: a file that needs them is not one of ours, and says so.
 */
import { inflateRawSync } from 'node:zlib';

export class ZipError extends Error {}

export function unzip(bytes: Uint8Array, wanted: (name: string) => boolean = () => true): Record<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record is in the last 22 bytes plus at most 64 KiB of comment.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('no zip end record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const out: Record<string, Uint8Array> = {};
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipError('bad central directory');
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
      throw new ZipError(`bad local header for ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressedSize);
    if (method === 0) out[name] = data;
    else if (method === 8) out[name] = new Uint8Array(inflateRawSync(data));
    else throw new ZipError(`compression method ${method} of ${name}`);
  }
  return out;
}
