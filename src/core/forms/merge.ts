/**
 * Forms by mail merge. A group's forms depend on its text only through the
 * strings of its FormView's `text`, which the documents write out as they are
 * (see view.ts). So the forms are rendered once per *shape* with each of those
 * strings replaced by a token, and each group with that shape gets them by
 * putting its own strings back in place of the tokens. Rendering five forms
 * with docx costs ~80 ms; merging them, a few.
 *
 * Soundness rests on three rules, checked by tests that compare merged forms
 * with directly rendered ones byte for byte:
 * - documents never change a text string (view.ts says so; a change loses the
 *   token and the tests fail);
 * - tokens are numbered by position in the view, and the cache key is the
 *   tokenized view itself, so equal keys put the same texts in the same
 *   places, and anything that is not text (numbers, flags, which texts are
 *   absent or empty, the wording, the themes) decides the shape;
 * - a rendered part is split at the exact token strings this merge made, and
 *   those cannot occur anywhere else: the prefix is one the wording and the
 *   themes do not contain.
 */
import { createHash } from 'node:crypto';
import { mapText, type FormView } from './view.js';

/** A group's view with tokens in place of its text, and what they stand for. */
export interface Merge {
  /** The view the shape is rendered from. */
  view: FormView;
  /** `tokens[i]` stands for `values[i]`. */
  tokens: string[];
  values: string[];
  /** Stands for the participant a certificate is for. */
  nameToken: string;
  /** Equal keys render equal shapes (objects by identity: this process only). */
  key: string;
  /** The same, by content: a hash that holds across processes, for a store on disk. */
  stableKey: () => string;
}

const texts = new WeakMap<object, string>();
/** An object's content as JSON, remembered per object (wording and themes are shared by many groups). */
function json(o: object): string {
  let s = texts.get(o);
  if (s === undefined) texts.set(o, (s = JSON.stringify(o)));
  return s;
}

const hashes = new WeakMap<object, string>();
function contentHash(o: object): string {
  let h = hashes.get(o);
  if (h === undefined) hashes.set(o, (h = createHash('sha256').update(json(o)).digest('hex')));
  return h;
}

const identities = new WeakMap<object, number>();
let lastIdentity = 0;
function identity(o: object): number {
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = ++lastIdentity));
  return id;
}

/**
 * Letters and digits only, so no step of docx or XML escaping changes a
 * token, and none of the text the shape is rendered with contains the prefix.
 */
function tokenPrefix(view: FormView): string {
  // Everything but the group's text: wording, themes, and the labels the programme names.
  const rest = JSON.stringify(view, (k, v: unknown) =>
    k === 'w' || k === 'theme' || k === 'text' || v instanceof Uint8Array ? undefined : v,
  );
  const fixed = [json(view.w), rest, ...view.sessions.map((s) => json(s.theme))];
  let prefix = 'RFLK';
  while (fixed.some((t) => t.includes(prefix))) prefix += 'Q';
  return prefix;
}

/** The group's view with its text replaced by tokens, one per non-empty string, numbered in order. */
export function tokenize(real: FormView): Merge {
  const prefix = tokenPrefix(real);
  const tokens: string[] = [];
  const values: string[] = [];
  const view = mapText(real, (value) => {
    // An empty text stays empty: docx writes no text for it, and the key shows it.
    if (value === '') return value;
    const token = `${prefix}${tokens.length}X`;
    tokens.push(token);
    values.push(value);
    return token;
  });
  // The wording and the themes are named by identity or content below; an
  // image (the logo) by the hash the view carries beside its bytes.
  const skip = (k: string, v: unknown) => (k === 'w' || k === 'theme' || v instanceof Uint8Array ? undefined : v);
  const viewJson = JSON.stringify(view, skip);
  const themes = view.sessions.map((s) => s.theme);
  const key = JSON.stringify([identity(real.w), themes.map(identity), viewJson]);
  const stableKey = () =>
    createHash('sha256')
      .update(JSON.stringify([contentHash(real.w), themes.map(contentHash), viewJson]))
      .digest('hex');
  return { view, tokens, values, nameToken: `${prefix}NAMEX`, key, stableKey };
}
