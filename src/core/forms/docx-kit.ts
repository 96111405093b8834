/**
 * The building blocks every form shares: A4 page, styles that screen readers
 * and tagged PDF understand, tables with real widths and header rows, fillable
 * fields, and a zip that gives the same bytes for the same input.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  ImportedXmlComponent,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx';
import type { Lang } from '../text.js';

/** A4 in twentieths of a point (DXA). */
export const A4 = { width: 11906, height: 16838 };
/** 2 cm margins. */
export const MARGIN = 1134;
export const TEXT_WIDTH = A4.width - 2 * MARGIN;
export const LANDSCAPE_TEXT_WIDTH = A4.height - 2 * MARGIN;

/** Dark blue on white: 12.6:1, far above the 4.5:1 WCAG asks for. */
export const HEADING_COLOR = '1F3864';
/**
 * Placeholder grey: 4.5:1 on white, the least WCAG allows for text on screen,
 * and light enough that a printed blank form does not look filled in (Word's
 * own placeholder grey, 808080, is only 3.9:1).
 */
export const PLACEHOLDER_COLOR = '767676';
/** Header row fill; black text on it is 15:1. */
const HEADER_FILL = 'D9E2F3';
const FONT = 'Calibri';

export const LANG_TAG: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };

/**
 * Styles with outline levels on the headings (docx's own Heading styles have
 * none below level 1, so LibreOffice's tagged PDF would lose H2, H3), the
 * document language on the default run, and spacing in the styles so no empty
 * paragraphs are needed.
 */
/**
 * Line heights are proportional. Said outright: LibreOffice takes a line
 * height without a rule as exact, which cramps wrapped titles and cuts images.
 */
const AUTO = LineRuleType.AUTO;

export interface StyleOptions {
  /** Large print (14 pt body text) for forms participants fill in by hand. */
  large?: boolean;
}

export function formStyles(lang: Lang, opts: StyleOptions = {}): IStylesOptions {
  const scale = opts.large ? 28 / 22 : 1;
  const pt = (halfPoints: number) => Math.round((halfPoints * scale) / 2) * 2;
  // Space above a heading sets it apart from what came before; keepNext and
  // keepLines hold it together with what follows, also when a long title wraps.
  const heading = (level: number, size: number) => ({
    paragraph: {
      outlineLevel: level,
      keepNext: true,
      keepLines: true,
      spacing:
        level === 0
          ? { before: 0, after: 240, line: 288, lineRule: AUTO }
          : { before: level === 1 ? 360 : 240, after: 120, line: 264, lineRule: AUTO },
    },
    run: { font: FONT, size: pt(size), bold: true, italics: false, color: HEADING_COLOR },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: pt(22), language: { value: LANG_TAG[lang] } },
        paragraph: { spacing: { after: 120, line: 264, lineRule: AUTO } },
      },
      heading1: heading(0, 36),
      heading2: heading(1, 28),
      heading3: heading(2, 24),
      heading4: heading(3, 22),
      heading5: heading(4, 22),
      heading6: heading(5, 22),
    },
    paragraphStyles: [
      {
        id: 'Large',
        name: 'Large text',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: pt(40), bold: true },
        paragraph: { spacing: { before: 240, after: 240 } },
      },
      {
        id: 'TableText',
        name: 'Table text',
        basedOn: 'Normal',
        run: { size: opts.large ? pt(22) : 20 },
        paragraph: { spacing: { before: 40, after: 40, line: 252, lineRule: AUTO } },
      },
    ],
  };
}

export interface FieldOptions {
  /** Unique in the document: the answers can be read back by it. */
  tag: string;
  /** Announced by screen readers and shown by Word as the field's title. */
  alias: string;
  placeholder: string;
  /** A date picker instead of free text. */
  date?: { lang: Lang };
  multiLine?: boolean;
}

/**
 * An element built directly, for the content controls docx has no API for.
 * It is what `ImportedXmlComponent.fromXmlString` would give for the same
 * XML, without writing and parsing XML for each of the hundreds of fields in
 * a group's forms. Values are plain text: docx escapes them when it writes.
 */
function el(
  name: string,
  attrs?: Record<string, string>,
  ...children: (ImportedXmlComponent | string)[]
): ImportedXmlComponent {
  const e = new ImportedXmlComponent(name, attrs);
  for (const c of children) e.push(c);
  return e;
}

const val = (v: string) => ({ 'w:val': v });

/**
 * A fillable text (or date) content control. docx has no API for these, so
 * the `w:sdt` is built here and nowhere else.
 */
export function textField(opts: FieldOptions): ParagraphChild {
  const kind = opts.date
    ? el(
        'w:date',
        undefined,
        el('w:dateFormat', val(opts.date.lang === 'nb' ? 'dd.MM.yyyy' : 'dd/MM/yyyy')),
        el('w:lid', val(LANG_TAG[opts.date.lang])),
        el('w:storeMappedDataAs', val('dateTime')),
        el('w:calendar', val('gregorian')),
      )
    : el('w:text', opts.multiLine ? { 'w:multiLine': '1' } : undefined);
  const grey = () => el('w:rPr', undefined, el('w:color', val(PLACEHOLDER_COLOR)));
  return el(
    'w:sdt',
    undefined,
    el(
      'w:sdtPr',
      undefined,
      grey(),
      el('w:alias', val(opts.alias)),
      el('w:tag', val(opts.tag)),
      el('w:showingPlcHdr'),
      kind,
    ),
    el(
      'w:sdtContent',
      undefined,
      el('w:r', undefined, grey(), el('w:t', { 'xml:space': 'preserve' }, opts.placeholder)),
    ),
  ) as unknown as ParagraphChild;
}

/**
 * A checkbox content control with a tag (docx's CheckBox takes an alias but
 * no tag). The ballot box glyphs come from a symbol font Word has; other
 * clients fall back to any font with U+2610.
 */
export function checkBox(opts: { tag: string; alias: string }): ParagraphChild {
  const gothic = 'MS Gothic';
  return el(
    'w:sdt',
    undefined,
    el(
      'w:sdtPr',
      undefined,
      el('w:alias', val(opts.alias)),
      el('w:tag', val(opts.tag)),
      el(
        'w14:checkbox',
        undefined,
        el('w14:checked', { 'w14:val': '0' }),
        el('w14:checkedState', { 'w14:val': '2612', 'w14:font': gothic }),
        el('w14:uncheckedState', { 'w14:val': '2610', 'w14:font': gothic }),
      ),
    ),
    el(
      'w:sdtContent',
      undefined,
      el(
        'w:r',
        undefined,
        el(
          'w:rPr',
          undefined,
          el('w:rFonts', { 'w:ascii': gothic, 'w:hAnsi': gothic, 'w:eastAsia': gothic, 'w:hint': 'eastAsia' }),
          el('w:sz', val('28')),
        ),
        el('w:t', undefined, '\u2610'),
      ),
    ),
  ) as unknown as ParagraphChild;
}

/** Splits a total width into integer DXA widths in proportion to `weights`, summing exactly to the total. */
export function columnWidths(weights: number[], total: number = TEXT_WIDTH): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1]! += rest;
  return widths;
}

/** What a table cell holds: plain text, paragraphs of text, or runs and fields. */
export interface CellParagraph {
  children: ParagraphChild[];
  align?: 'center';
}
export type Cell = string | CellParagraph | (string | CellParagraph)[];

function cellParagraphs(cell: Cell, bold: boolean, center: boolean): Paragraph[] {
  const items: (string | CellParagraph)[] = Array.isArray(cell) ? [...cell] : [cell];
  if (!items.length) items.push('');
  return items.map((item) => {
    const children = typeof item === 'string' ? [new TextRun({ text: item, bold })] : item.children;
    const centred = center || (typeof item !== 'string' && item.align === 'center');
    return new Paragraph({ style: 'TableText', children, ...(centred ? { alignment: AlignmentType.CENTER } : {}) });
  });
}

export interface Column {
  header: string | string[];
  weight: number;
  align?: 'center';
}

/**
 * A data table: fixed column widths summing to the text width, a first row
 * that repeats on every page and is marked as the header, no merged cells.
 */
export interface TableOptions {
  /** Width of the table in DXA; the text width of a portrait page unless given. */
  total?: number;
  /** Least height of the body rows in DXA: room to write by hand on a printed form. */
  rowHeight?: number;
  /** No grid and no shading: a list that reads as text (the certificate), still a table with a header row. */
  plain?: boolean;
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;

export function dataTable(columns: Column[], rows: Cell[][], opts: TableOptions = {}): Table {
  const total = opts.total ?? TEXT_WIDTH;
  const widths = columnWidths(
    columns.map((c) => c.weight),
    total,
  );
  const cell = (content: Cell, i: number, header: boolean) => {
    const centred = columns[i]!.align === 'center';
    return new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: cellParagraphs(content, header, centred),
      ...(centred ? { verticalAlign: VerticalAlign.CENTER } : {}),
      ...(header && !opts.plain ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : {}),
      ...(opts.plain
        ? { borders: { top: NO_BORDER, left: NO_BORDER, right: NO_BORDER, bottom: header ? RULE : NO_BORDER } }
        : {}),
    });
  };
  const height = opts.rowHeight ? { height: { value: opts.rowHeight, rule: HeightRule.ATLEAST } } : {};
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    ...(opts.plain
      ? {
          borders: {
            top: NO_BORDER,
            bottom: NO_BORDER,
            left: NO_BORDER,
            right: NO_BORDER,
            insideHorizontal: NO_BORDER,
            insideVertical: NO_BORDER,
          },
        }
      : {}),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, ...height, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

export function heading(
  level: 1 | 2 | 3,
  text: string | ParagraphChild[],
  opts: { center?: boolean; spacing?: { before?: number; after?: number } } = {},
): Paragraph {
  const h = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({
    heading: h,
    children: typeof text === 'string' ? [new TextRun(text)] : text,
    ...(opts.center ? { alignment: AlignmentType.CENTER } : {}),
    ...(opts.spacing ? { spacing: opts.spacing } : {}),
  });
}

export function para(
  text: string | ParagraphChild[],
  opts: { style?: string; spacingBefore?: number; spacingAfter?: number; center?: boolean; keepNext?: boolean } = {},
): Paragraph {
  const spacing = {
    ...(opts.spacingBefore ? { before: opts.spacingBefore } : {}),
    ...(opts.spacingAfter !== undefined ? { after: opts.spacingAfter } : {}),
  };
  return new Paragraph({
    ...(opts.style ? { style: opts.style } : {}),
    ...(opts.center ? { alignment: AlignmentType.CENTER } : {}),
    ...(Object.keys(spacing).length ? { spacing } : {}),
    ...(opts.keepNext ? { keepNext: true } : {}),
    children: typeof text === 'string' ? [new TextRun(text)] : text,
  });
}

/** A run of text in another language than the document's, so screen readers switch voice (w:lang). */
export function langRun(text: string, lang: string | null, opts: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({
    text,
    ...(opts.bold ? { bold: true } : {}),
    ...(opts.size ? { size: opts.size } : {}),
    ...(lang ? { language: { value: lang } } : {}),
  });
}

/** An image on its own centred line, with alternative text. */
export function imageParagraph(
  image: { type: 'png' | 'jpg'; bytes: Uint8Array; width: number; height: number },
  alt: string,
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // An explicit rule: LibreOffice reads the document's default line height as exact and would cut the image.
    spacing: { after: 120, line: 240, lineRule: LineRuleType.AUTO },
    children: [
      new ImageRun({
        type: image.type,
        data: image.bytes,
        transformation: { width: image.width, height: image.height },
        // A fixed id: docx counts ids across the process, which would make equal documents differ.
        altText: { id: '1', name: alt, description: alt, title: alt },
      }),
    ],
  });
}

/** A label in bold followed by content, on one line. */
export function labelled(
  label: string,
  content: ParagraphChild[] | string,
  opts: { spacingBefore?: number } = {},
): Paragraph {
  return new Paragraph({
    ...(opts.spacingBefore ? { spacing: { before: opts.spacingBefore } } : {}),
    children: [
      new TextRun({ text: `${label}: `, bold: true }),
      ...(typeof content === 'string' ? [new TextRun(content)] : content),
    ],
  });
}

/**
 * A line to sign on: a paragraph with a top border, the signer's name under
 * it. Two lines in a row need different widths, or LibreOffice joins their
 * borders into one box.
 */
export function signatureLine(text: string | ParagraphChild[], widthShare = 0.5, before = 840): Paragraph {
  return new Paragraph({
    spacing: { before, after: 120 },
    indent: { right: Math.round(TEXT_WIDTH * (1 - widthShare)) },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
    children: typeof text === 'string' ? [new TextRun(text)] : text,
  });
}

export interface FormDocOptions {
  lang: Lang;
  title: string;
  subject: string;
  organisation: string;
  /** Left part of the footer, e.g. the form and the group; no header and no footer without it (a certificate). */
  footer?: string;
  /** «Side {current} av {total}». */
  pageLabel: string;
  landscape?: boolean;
  large?: boolean;
  children: (Paragraph | Table)[];
}

const FOOTER_SIZE = 20;

function pageNumberRuns(label: string): TextRun[] {
  const parts = label.split(/(\{current\}|\{total\})/);
  const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
  for (const part of parts) {
    if (part === '{current}') children.push(PageNumber.CURRENT);
    else if (part === '{total}') children.push(PageNumber.TOTAL_PAGES);
    else if (part) children.push(part);
  }
  return [new TextRun({ children, size: FOOTER_SIZE })];
}

function pageFurniture(opts: FormDocOptions & { footer: string }) {
  return {
    headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(opts.organisation)] })] }) },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            tabStops: [{ type: 'right' as const, position: opts.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH }],
            // 10 pt in every form, also a large-print one: the footer is furniture, and must stay on one line.
            children: [new TextRun({ text: `${opts.footer}\t`, size: FOOTER_SIZE }), ...pageNumberRuns(opts.pageLabel)],
          }),
        ],
      }),
    },
  };
}

export function formDocument(opts: FormDocOptions): Document {
  return new Document({
    title: opts.title,
    subject: opts.subject,
    creator: opts.organisation,
    lastModifiedBy: 'refleks',
    description: opts.footer !== undefined ? `${opts.title} – ${opts.footer}` : opts.title,
    styles: formStyles(opts.lang, { large: opts.large ?? false }),
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: opts.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 567, footer: 567 },
          },
        },
        ...(opts.footer !== undefined ? pageFurniture(opts as FormDocOptions & { footer: string }) : {}),
        children: opts.children,
      },
    ],
  });
}

/**
 * docx's compiler: the package's parts before zipping. Not in docx's typings
 * (`Packer.compiler` is a private static), so this is the one place refleks
 * uses an API docx does not promise. docx's public Packer deflates the parts
 * with JavaScript and we would have to inflate them again to fix the dates;
 * taking them straight from the compiler saves both steps (about a third of
 * the time of a form). tests/unit/docx-compiler.test.ts fails loudly when a
 * docx release changes it: it checks these parts against the public Packer's.
 */
interface PartsCompiler {
  compile(file: Document, prettify?: unknown, overrides?: unknown[]): Map<string, string | Uint8Array>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The parts of a document's package, unzipped, as docx's compiler writes them. */
export function packageParts(doc: Document): Record<string, Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: PartsCompiler }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') {
    throw new Error(
      'docx: Packer.compiler is gone; this docx release needs a change in src/core/forms/docx-kit.ts (packageParts)',
    );
  }
  const parts: Record<string, Uint8Array> = {};
  for (const [path, data] of compiler.compile(doc, undefined, []))
    parts[path] = typeof data === 'string' ? encoder.encode(data) : data;
  return parts;
}

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A document's package parts with the issue time as its dates and the
 * language in its properties, so its bytes depend only on its content.
 */
export async function docxParts(doc: Document, issuedAt: Date, lang: Lang): Promise<Record<string, Uint8Array>> {
  const entries = packageParts(doc);
  const core = entries['docProps/core.xml'];
  if (core) {
    const stamp = isoSeconds(issuedAt);
    const xml = decoder
      .decode(core)
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`)
      // docx writes no dc:language; readers of the package (not only of the styles) look for it there.
      .replace(/<\/cp:coreProperties>/, `<dc:language>${LANG_TAG[lang]}</dc:language></cp:coreProperties>`);
    entries['docProps/core.xml'] = encoder.encode(xml);
  }
  return entries;
}
