/**
 * A rendered form *shape*: the package parts of a group's forms with every
 * text replaced by a token (see merge.ts), and the stores that keep them. The
 * parts hold wording, theme content and structure, never a person's name or
 * any other text of a group, so a store may keep them on disk.
 */
import type { Merge } from './merge.js';
import { xmlText } from './zip.js';

/**
 * A part's text cut at the tokens: literal text, or a number for what goes
 * between: `values[n]` of the merge, a participant's name, or the issue time.
 */
export type Piece = string | number;
export const NAME = -1;
export const STAMP = -2;

/** A part as bytes when it holds no token, as pieces when a group's text goes in. */
export type Part = { name: string; bytes: Uint8Array; pieces?: undefined } | { name: string; pieces: Piece[] };
export type Template = Part[];

export interface Rendered {
  forms: [file: string, parts: Template][];
  certificate: Template;
}

/** Where rendered shapes are kept; `key` is the tokenized input, `stableKey` its content hash for a disk. */
export interface ShapeStore {
  get(key: string, stableKey: () => string): Rendered | undefined;
  set(key: string, stableKey: () => string, shape: Rendered): void;
  /** A shape `get` gave that is not one refleks would have rendered: forget it (`reason` for --debug). */
  reject?(key: string, stableKey: () => string, reason: string): void;
}

/** The forms of a shape, in order: their file names come from here, never from a store. */
/**
 * The forms a group gets, in order: the programme chooses a follow-up form and
 * whose evaluation it is (programme YAML `forms:`). A cached shape must hold
 * exactly these names, so a cache entry can never decide where a form goes.
 */
export function formFileNames(v: { followUp: boolean; evaluation: 'leader' | 'participants' }): string[] {
  return [
    'planleggingsskjema.docx',
    ...(v.followUp ? ['oppfolgingsskjema.docx'] : []),
    v.evaluation === 'participants' ? 'deltakerevaluering.docx' : 'evalueringsskjema.docx',
    'oppmoteliste.docx',
  ];
}

/**
 * The part names docx writes, and nothing else: no folder climbing, no
 * absolute path, no part a Word package would act on that refleks never makes.
 */
const PART_NAME =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/(core|app|custom)\.xml|word\/(theme\/)?[a-zA-Z]+[0-9]*\.xml|word\/_rels\/[a-zA-Z]+[0-9]*\.xml\.rels|word\/media\/[a-zA-Z0-9_-]+\.(png|jpe?g|gif))$/;
/** Relationships refleks never writes: a target fetched from outside (an attached template on a web server). */
const EXTERNAL = /TargetMode\s*=\s*["']External["']/i;

function templateFault(parts: Template, tokens: number, certificate: boolean): string | undefined {
  const names = new Set<string>();
  for (const part of parts) {
    if (!PART_NAME.test(part.name)) return `unexpected part name ${JSON.stringify(part.name)}`;
    if (names.has(part.name)) return `part ${part.name} twice`;
    names.add(part.name);
    let text = '';
    if (part.pieces === undefined) {
      if (part.name.endsWith('.rels')) text = new TextDecoder().decode(part.bytes);
    } else {
      if (!part.name.endsWith('.xml') && !part.name.endsWith('.rels')) return `tokens in ${part.name}`;
      for (const p of part.pieces) {
        if (typeof p === 'string') text += p;
        else if (!Number.isInteger(p) || p >= tokens || p < STAMP || (p === NAME && !certificate))
          return `token ${p} in ${part.name} that the shape does not have`;
      }
    }
    if (part.name.endsWith('.rels') && EXTERNAL.test(text)) return `external relationship in ${part.name}`;
  }
  for (const needed of ['[Content_Types].xml', 'word/document.xml']) if (!names.has(needed)) return `no ${needed}`;
  return undefined;
}

/**
 * Why a shape from a store is not one refleks renders for `merge`, or
 * undefined when it could be: the forms refleks makes, by name and in order,
 * parts docx writes, tokens only this merge has, no external relationships.
 * A store is a hint (a file on disk can be changed by anyone who can write
 * it); a shape it gives never decides what a document says or where it goes.
 */
export function shapeFault(r: Rendered, merge: Merge): string | undefined {
  // A store gives the same object for every group of a shape: check it once.
  if (sound.has(r)) return undefined;
  const fault = findFault(r, merge);
  if (!fault) sound.add(r);
  return fault;
}

const sound = new WeakSet<Rendered>();

function findFault(r: Rendered, merge: Merge): string | undefined {
  const expected = formFileNames(merge.view);
  if (!Array.isArray(r?.forms) || r.forms.length !== expected.length) return 'not the forms refleks makes';
  for (const [i, [file, parts]] of r.forms.entries()) {
    if (file !== expected[i]) return `form ${JSON.stringify(file)} where refleks makes ${expected[i]}`;
    const fault = templateFault(parts, merge.tokens.length, false);
    if (fault) return `${file}: ${fault}`;
  }
  const fault = templateFault(r.certificate, merge.tokens.length, true);
  return fault && `certificate: ${fault}`;
}

/** The document date shapes are rendered with; no real form carries it. */
export const SHAPE_DATE = new Date('2000-01-01T00:00:00Z');
export const SHAPE_STAMP = '2000-01-01T00:00:00Z';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const finders = new WeakMap<Merge, { index: Map<string, number>; pattern: RegExp }>();
function finder(merge: Merge) {
  let f = finders.get(merge);
  if (!f) {
    const index = new Map<string, number>(merge.tokens.map((t, i) => [t, i]));
    index.set(merge.nameToken, NAME);
    index.set(SHAPE_STAMP, STAMP);
    // Longest first, so no token is cut short by another that begins it.
    const all = [...index.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    finders.set(merge, (f = { index, pattern: new RegExp(all.join('|'), 'g') }));
  }
  return f;
}

/**
 * Cuts a rendered part at the exact token strings `merge` made (and the
 * shape's issue time); undefined when it holds none, so it is kept as bytes.
 */
export function splitAtTokens(text: string, merge: Merge): Piece[] | undefined {
  const { index, pattern } = finder(merge);
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) pieces.push(text.slice(last, m.index));
    pieces.push(index.get(m[0])!);
    last = m.index + m[0].length;
  }
  if (!last) return undefined;
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}

/**
 * A template with the group's text (and a participant's name) put back,
 * XML-escaped as docx would, and the real issue time in the document dates.
 * `escaped` is `values.map(xmlText)` as UTF-8, made once per group; the
 * template's own text is encoded once per template (a form's XML is tens of
 * kilobytes, the group's text a few hundred bytes).
 */
export function fillIn(
  parts: Template,
  escaped: Uint8Array[],
  stamp: string,
  name?: string,
): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const stampBytes = Buffer.from(stamp);
  const nameBytes = name === undefined ? undefined : Buffer.from(xmlText(name));
  for (const part of parts) {
    if (part.pieces === undefined) {
      out[part.name] = part.bytes;
      continue;
    }
    const list: Uint8Array[] = [];
    let length = 0;
    for (const p of encodedPieces(part.pieces)) {
      let bytes: Uint8Array;
      if (typeof p !== 'number') bytes = p;
      else if (p >= 0) bytes = escaped[p]!;
      else if (p === STAMP) bytes = stampBytes;
      else if (nameBytes === undefined) throw new Error('merge: a name in a form that is not a certificate');
      else bytes = nameBytes;
      list.push(bytes);
      length += bytes.length;
    }
    out[part.name] = Buffer.concat(list, length);
  }
  return out;
}

const encoded = new WeakMap<Piece[], (Uint8Array | number)[]>();
function encodedPieces(pieces: Piece[]): (Uint8Array | number)[] {
  let e = encoded.get(pieces);
  if (!e) encoded.set(pieces, (e = pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
  return e;
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
