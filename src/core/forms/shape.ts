/**
 * A rendered form *shape*: the package parts of a group's forms with every
 * text replaced by a token (see merge.ts), and the stores that keep them. The
 * parts hold wording, theme content and structure, never a person's name or
 * any other text of a group, so a store may keep them on disk.
 */
import { strToU8 } from 'fflate';
import { untoken, type Tokens } from './merge.js';
import { xmlText } from './zip.js';

/** A part as bytes when it holds no token, as text when a group's text goes in. */
export type Part = { name: string; bytes: Uint8Array; text?: undefined } | { name: string; text: string };
export type Template = Part[];

export interface Rendered {
  forms: [file: string, parts: Template][];
  certificate: Template;
}

/** Where rendered shapes are kept; `key` is the tokenized input, `stableKey` its content hash for a disk. */
export interface ShapeStore {
  get(key: string, stableKey: () => string): Rendered | undefined;
  set(key: string, stableKey: () => string, shape: Rendered): void;
}

/** The document date shapes are rendered with; no real form carries it. */
export const SHAPE_DATE = new Date('2000-01-01T00:00:00Z');
export const SHAPE_STAMP = '2000-01-01T00:00:00Z';

/**
 * A template with the group's text (and a participant's name) put back,
 * XML-escaped as docx would, and the real issue time in the document dates.
 */
export function fillIn(parts: Template, tokens: Tokens, stamp: string, name?: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const part of parts) {
    if (part.text === undefined) out[part.name] = part.bytes;
    else out[part.name] = strToU8(untoken(part.text, tokens, xmlText, name).split(SHAPE_STAMP).join(stamp));
  }
  return out;
}

/** The default store: this process's memory; a build of a thousand groups has a few dozen shapes. */
export function memoryShapeStore(max = 64): ShapeStore {
  const shapes = new Map<string, Rendered>();
  return {
    get: (key) => shapes.get(key),
    set(key, _stable, shape) {
      if (shapes.size >= max) shapes.delete(shapes.keys().next().value!);
      shapes.set(key, shape);
    },
  };
}
