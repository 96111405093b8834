/**
 * The organisation's logo for certificates (`logo:` in refleks.yaml): read
 * once here and checked, so the pure core gets bytes it can embed as they are.
 * Only PNG and JPEG, told by their first bytes (not the file name), with the
 * size in pixels read from the image's own header; at most 1 MB, as a logo on
 * a printed page never needs more and every certificate carries a copy.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Logo } from '../core/model.js';
import { t, type Text } from '../core/text.js';

export const MAX_LOGO_BYTES = 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(b: Uint8Array): { width: number; height: number } | undefined {
  // The IHDR chunk comes first: length (4), type (4), then width and height, big-endian.
  if (b.length < 24 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return undefined;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** A JPEG's size from its start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = v.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    at += 2 + length;
  }
  return undefined;
}

export type LogoResult = { logo: Logo } | { problem: Text; hint: Text };

/** Reads `file` (relative to the workspace root) and checks it is a usable logo. */
export function readLogo(root: string, file: string): LogoResult {
  const path = isAbsolute(file) ? file : join(root, file);
  const hint = t(
    'Bruk en PNG- eller JPEG-fil på høyst 1 MB, for eksempel «logo: logo.png» med filen ved siden av refleks.yaml.',
    'Use a PNG or JPEG file of at most 1 MB, e.g. "logo: logo.png" with the file next to refleks.yaml.',
  );
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { problem: t(`«${file}» er ikke en fil`, `"${file}" is not a file`), hint };
    size = st.size;
  } catch {
    return { problem: t(`finner ikke logoen «${file}»`, `cannot find the logo "${file}"`), hint };
  }
  if (size > MAX_LOGO_BYTES) {
    const mb = (size / MAX_LOGO_BYTES).toFixed(1);
    return {
      problem: t(
        `logoen «${file}» er ${mb.replace('.', ',')} MB; største tillatte er 1 MB`,
        `the logo "${file}" is ${mb} MB; at most 1 MB is allowed`,
      ),
      hint: t(
        'Lagre logoen i mindre størrelse, for eksempel 600 piksler bred.',
        'Save the logo smaller, e.g. 600 pixels wide.',
      ),
    };
  }
  const bytes = new Uint8Array(readFileSync(path));
  const png = PNG.every((x, i) => bytes[i] === x);
  const jpg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpg)
    return {
      problem: t(`logoen «${file}» er verken PNG eller JPEG`, `the logo "${file}" is neither PNG nor JPEG`),
      hint,
    };
  const dims = png ? pngSize(bytes) : jpegSize(bytes);
  if (!dims || dims.width < 1 || dims.height < 1) {
    return {
      problem: t(
        `finner ikke bildestørrelsen i logoen «${file}»; er filen skadet?`,
        `cannot read the image size of the logo "${file}"; is the file damaged?`,
      ),
      hint,
    };
  }
  return {
    logo: {
      file,
      type: png ? 'png' : 'jpg',
      width: dims.width,
      height: dims.height,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}
