/**
 * Reads a filled-in form back: the content controls (w:sdt) of a .docx, and
 * what each one means by the shared field definitions (fields.ts). Word keeps
 * the tags refleks wrote; LibreOffice drops them (and a checkbox's alias too),
 * so a field is found by its tag, else by its alias, else by its place among
 * the form's fields in document order. Pure: bytes in, answers or a reason out.
 */
import { unzip } from './unzip.js';
import { t, type Text } from '../text.js';
import type { FieldDef, FieldKind, FormKind } from './fields.js';

export interface Control {
  tag?: string;
  alias?: string;
  kind: FieldKind;
  checked?: boolean;
  text: string;
  /** Word marks an untouched field; LibreOffice does not, so the placeholder text is checked too. */
  placeholder: boolean;
}

export interface DocxContent {
  title: string;
  controls: Control[];
}

export class FormReadError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec
      ? String.fromCodePoint(Number(dec))
      : hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name]!,
  );
}

function attr(xml: string, element: string): string | undefined {
  const m = new RegExp(`<${element}\\b[^>]*?\\bw(?:14)?:val="([^"]*)"`).exec(xml);
  return m ? unescapeXml(m[1]!) : undefined;
}

/** The text of runs: w:t joined, w:br and w:p as line breaks, w:tab as a tab. */
function runText(xml: string): string {
  let out = '';
  const re = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\b[^>]*\/>|<w:tab\/>|<\/w:p>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] !== undefined) out += unescapeXml(m[1]);
    else if (m[0] === '<w:tab/>') out += '\t';
    else out += '\n';
  }
  return out.replace(/\n+$/, '').trim();
}

/** Opens a .docx and lists its content controls in document order. */
export function readDocx(bytes: Uint8Array): DocxContent {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzip(bytes, (name) => name === 'word/document.xml' || name === 'docProps/core.xml');
  } catch {
    throw new FormReadError(
      t(
        'er ikke en Word-fil (.docx) – kunne ikke pakke den ut',
        'is not a Word file (.docx) – it could not be unpacked',
      ),
    );
  }
  const doc = parts['word/document.xml'];
  if (!doc)
    throw new FormReadError(
      t('er ikke et Word-dokument (mangler word/document.xml)', 'is not a Word document (no word/document.xml)'),
    );
  const utf8 = new TextDecoder();
  const xml = utf8.decode(doc);
  const core = parts['docProps/core.xml'] ? utf8.decode(parts['docProps/core.xml']) : '';
  const title = unescapeXml(/<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? '').trim();
  const controls: Control[] = [];
  const re = /<w:sdt>([\s\S]*?)<\/w:sdt>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const body = m[1]!;
    const end = body.indexOf('</w:sdtPr>');
    const pr = end < 0 ? '' : body.slice(0, end);
    const content = end < 0 ? body : body.slice(end);
    const isBox = pr.includes('<w14:checkbox');
    const tag = attr(pr, 'w:tag');
    const alias = attr(pr, 'w:alias');
    const checked = isBox ? ['1', 'true', 'on'].includes(attr(pr, 'w14:checked') ?? '0') : undefined;
    controls.push({
      ...(tag ? { tag } : {}),
      ...(alias ? { alias } : {}),
      kind: isBox ? 'checkbox' : pr.includes('<w:date') ? 'date' : 'text',
      ...(checked !== undefined ? { checked } : {}),
      text: runText(content),
      placeholder: pr.includes('<w:showingPlcHdr'),
    });
  }
  return { title, controls };
}

/** A form field as refleks wrote it: its definition and the alias the written form gave it. */
export interface Expected extends FieldDef {
  alias?: string;
}

export interface ReadAnswers {
  /** By tag: true/false for checkboxes, the text typed for text and date fields ('' when left empty). */
  values: Map<string, boolean | string>;
  /** How the fields were found; 'position' means the file had lost tags and aliases. */
  matchedBy: Set<'tag' | 'alias' | 'position'>;
  /** Ticked ratings whose value is not on the scale (a form edited by hand). */
  outOfScale: { session: number; value: number }[];
}

const RATING_TAG = /^tema-(\d+)-vurdering-(-?\d+)$/;

/**
 * Matches a file's controls with the fields the form should have. Tags
 * first; then aliases that name one field only; then, for what is left, the
 * place in document order, which needs exactly as many controls as fields.
 */
export function matchFields(content: DocxContent, expected: Expected[], placeholders: readonly string[]): ReadAnswers {
  const values = new Map<string, boolean | string>();
  const matchedBy = new Set<'tag' | 'alias' | 'position'>();
  const byTag = new Map(expected.map((f) => [f.tag, f]));
  const aliasCount = new Map<string, number>();
  for (const f of expected) if (f.alias) aliasCount.set(f.alias, (aliasCount.get(f.alias) ?? 0) + 1);
  const byAlias = new Map(expected.filter((f) => f.alias && aliasCount.get(f.alias) === 1).map((f) => [f.alias!, f]));
  const value = (c: Control): boolean | string =>
    c.kind === 'checkbox' ? !!c.checked : c.placeholder || placeholders.includes(c.text) ? '' : c.text;
  const outOfScale: { session: number; value: number }[] = [];
  const controls = content.controls.filter((c) => {
    const m = c.tag && !byTag.has(c.tag) ? RATING_TAG.exec(c.tag) : null;
    if (m && c.checked) outOfScale.push({ session: Number(m[1]), value: Number(m[2]) });
    return !m;
  });
  const ours = controls.filter((c) => !c.tag || byTag.has(c.tag) || /^(oppmote|mal|tema|s\d+)-/.test(c.tag));
  const found: (Expected | undefined)[] = ours.map((c) =>
    c.tag ? byTag.get(c.tag) : c.alias ? byAlias.get(c.alias) : undefined,
  );
  const unknownTags = ours.filter((c, i) => c.tag && !found[i]).map((c) => c.tag!);
  if (unknownTags.length) {
    throw new FormReadError(
      t(
        `har felt som ikke hører til dette skjemaet (${unknownTags.slice(0, 3).join(', ')}); er det skjemaet til en annen gruppe, eller fra før gruppen ble endret?`,
        `has fields that do not belong to this form (${unknownTags.slice(0, 3).join(', ')}); is it another group's form, or from before the group was changed?`,
      ),
    );
  }
  if (found.some((f) => !f)) {
    if (ours.length !== expected.length) {
      throw new FormReadError(
        t(
          `har ${ours.length} utfyllingsfelt uten merkelapp der skjemaet skal ha ${expected.length}; kan ikke se hvilket felt som er hvilket`,
          `has ${ours.length} fill-in fields without labels where the form should have ${expected.length}; cannot tell which field is which`,
        ),
      );
    }
    ours.forEach((c, i) => {
      if (!found[i] && (expected[i]!.kind === 'checkbox') === (c.kind === 'checkbox')) {
        found[i] = expected[i];
        matchedBy.add('position');
      }
    });
  }
  ours.forEach((c, i) => {
    const f = found[i];
    if (!f) return;
    if (c.tag) matchedBy.add('tag');
    else if (c.alias && byAlias.get(c.alias) === f) matchedBy.add('alias');
    values.set(f.tag, value(c));
  });
  return { values, matchedBy, outOfScale };
}

/** Which of the read-back forms a file is, by its tags or else by its title. */
export function formKindOf(content: DocxContent, titles: Record<FormKind, string>): FormKind | undefined {
  for (const c of content.controls) {
    if (!c.tag) continue;
    if (c.tag.startsWith('oppmote-')) return 'attendance';
    if (/^(tema|mal)-/.test(c.tag) || c.tag === 'praksis' || c.tag === 'videre') return 'evaluation';
    if (/^s\d+-/.test(c.tag)) return 'follow-up';
  }
  for (const kind of ['attendance', 'evaluation', 'follow-up'] as const) {
    if (content.title && (content.title === titles[kind] || content.title.startsWith(`${titles[kind]} – `)))
      return kind;
  }
  return undefined;
}
