/**
 * Universal design (universell utforming) of every generated form, checked
 * on the XML Word and LibreOffice read: properties, language, headings,
 * tables, fields, contrast, page setup.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/io/write-outputs.js';
import { contrastOnWhite, loadDemo, parts, renderForms } from './forms.helpers.js';

const A4_TEXT_WIDTH = 11906 - 2 * 1134;
const A4_LANDSCAPE_TEXT_WIDTH = 16838 - 2 * 1134;

const ws = loadDemo();
const rendered: { lang: 'nb' | 'en'; file: OutputFile; xml: Record<string, string> }[] = [];

beforeAll(async () => {
  for (const lang of ['nb', 'en'] as const) {
    for (const g of ws.groups) {
      for (const file of await renderForms(ws, g.id, lang)) rendered.push({ lang, file, xml: parts(file.bytes) });
    }
  }
});

describe('every form of every demo group', () => {
  it("renders the programme's forms per group and one certificate per participant", () => {
    for (const g of ws.groups) {
      const paths = rendered
        .filter((r) => r.lang === 'nb' && r.file.path.startsWith(`ut/${g.id}/skjema/`))
        .map((r) => r.file.path);
      const set = ws.programmes.get(g.programmeId)?.forms ?? { followUp: true, evaluation: 'leader' };
      const kinds = [
        'planleggingsskjema',
        ...(set.followUp ? ['oppfolgingsskjema'] : []),
        set.evaluation === 'participants' ? 'deltakerevaluering' : 'evalueringsskjema',
        'oppmoteliste',
      ];
      expect(paths.filter((p) => !p.includes('/kursbevis/'))).toEqual(kinds.map((k) => `ut/${g.id}/skjema/${k}.docx`));
      const certs = paths.filter((p) => p.includes('/kursbevis/'));
      expect(certs).toHaveLength(g.participants.length);
      for (const c of certs) expect(c).toMatch(/^ut\/[a-z0-9-]+\/skjema\/kursbevis\/[a-z0-9-]+\.docx$/);
    }
  });

  it('has a title and a subject in the document properties, and the issue time as its dates', () => {
    for (const { lang, file, xml } of rendered) {
      const core = xml['docProps/core.xml']!;
      expect(core, file.path).toMatch(/<dc:title>[^<]{5,}<\/dc:title>/);
      expect(core, file.path).toMatch(/<dc:subject>[^<]{5,}<\/dc:subject>/);
      expect(core).toContain('>2026-11-02T09:30:00Z</dcterms:created>');
      expect(core).toContain('>2026-11-02T09:30:00Z</dcterms:modified>');
      expect(core).toContain(`<dc:language>${lang === 'nb' ? 'nb-NO' : 'en-GB'}</dc:language>`);
    }
  });

  it('sets the language on the default run properties: nb-NO, or en-GB in English', () => {
    for (const { lang, file, xml } of rendered) {
      const defaults = /<w:rPrDefault>(.*?)<\/w:rPrDefault>/s.exec(xml['word/styles.xml']!)?.[1] ?? '';
      expect(defaults, file.path).toContain(`<w:lang w:val="${lang === 'nb' ? 'nb-NO' : 'en-GB'}"/>`);
    }
  });

  it('uses heading styles with outline levels, starting at level 1 and never skipping a level, and no Title', () => {
    for (const { file, xml } of rendered) {
      const styles = xml['word/styles.xml']!;
      const doc = xml['word/document.xml']!;
      const used = [...doc.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]!);
      expect(used, file.path).not.toContain('Title');
      const levels = used.filter((s) => /^Heading\d$/.test(s)).map((s) => Number(s.slice(7)));
      expect(levels[0], file.path).toBe(1);
      expect(
        levels.filter((l) => l === 1),
        file.path,
      ).toHaveLength(1);
      for (let i = 1; i < levels.length; i++)
        expect(levels[i]! - levels[i - 1]!, `${file.path}: heading ${i}`).toBeLessThanOrEqual(1);
      for (const level of new Set(levels)) {
        const style =
          new RegExp(`<w:style [^>]*w:styleId="Heading${level}"[^>]*>(.*?)</w:style>`, 's').exec(styles)?.[1] ?? '';
        expect(style, `Heading${level}`).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
      }
    }
  });

  it('marks the first row of every table as a repeating header row, merges no cells, and fills the text width', () => {
    for (const { file, xml } of rendered) {
      const doc = xml['word/document.xml']!;
      const tables = [...doc.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]!);
      expect(tables.length, file.path).toBeGreaterThan(0);
      expect(doc).not.toMatch(/<w:gridSpan|<w:vMerge|<w:hMerge/);
      const landscape = /<w:pgSz [^>]*w:orient="landscape"/.test(doc);
      for (const tbl of tables) {
        const rows = [...tbl.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
        expect(rows[0], file.path).toContain('<w:tblHeader/>');
        const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
        expect(
          grid.reduce((a, b) => a + b, 0),
          file.path,
        ).toBe(landscape ? A4_LANDSCAPE_TEXT_WIDTH : A4_TEXT_WIDTH);
        expect(
          new Set(grid).size > 1 || grid.length === 1 || file.path.includes('oppmoteliste'),
          `${file.path}: columns of equal width`,
        ).toBe(true);
        for (const row of rows) {
          const cells = [...row.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
          expect(cells, file.path).toEqual(grid);
        }
      }
    }
  });

  it('has no empty paragraphs outside tables (spacing comes from the styles)', () => {
    for (const { file, xml } of rendered) {
      const body = xml['word/document.xml']!.replace(/<w:tbl>.*?<\/w:tbl>/gs, '');
      const paragraphs = [...body.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/gs)].map((m) => m[1] ?? '');
      for (const p of paragraphs)
        expect(
          /<w:t[ >][^<]*[^\s<]|<w:sdt>|<w:drawing>/.test(p),
          `${file.path}: empty paragraph ${p.slice(0, 120)}`,
        ).toBe(true);
    }
  });

  it('gives every content control a title (alias) and a tag unique in its document', () => {
    let fields = 0;
    for (const { file, xml } of rendered) {
      const sdts = [...xml['word/document.xml']!.matchAll(/<w:sdtPr>(.*?)<\/w:sdtPr>/gs)].map((m) => m[1]!);
      const tags = sdts.map((s) => /<w:tag w:val="([^"]+)"/.exec(s)?.[1]);
      for (const s of sdts) expect(s, file.path).toMatch(/<w:alias w:val="[^"]{3,}"\/>/);
      expect(tags.every(Boolean), file.path).toBe(true);
      expect(new Set(tags).size, file.path).toBe(tags.length);
      fields += sdts.length;
    }
    expect(fields).toBeGreaterThan(100);
  });

  it('has text contrast of at least 4.5:1 on white for every colour it uses', () => {
    const seen = new Set<string>();
    for (const { file, xml } of rendered) {
      for (const [name, part] of Object.entries(xml)) {
        if (!/^word\/(document|styles|header\d*|footer\d*)\.xml$/.test(name)) continue;
        for (const m of part.matchAll(/<w:color w:val="([0-9A-Fa-f]{6})"/g)) {
          seen.add(m[1]!);
          expect(contrastOnWhite(m[1]!), `${file.path} ${name}: ${m[1]}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  it('is A4 with margins, the organisation in the header and «Side X av Y» in the footer; a certificate has neither', () => {
    for (const { lang, file, xml } of rendered) {
      const doc = xml['word/document.xml']!;
      expect(doc).toMatch(/<w:pgSz w:w="(11906|16838)" w:h="(16838|11906)"/);
      expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/);
      if (file.path.includes('/kursbevis/')) {
        expect(
          Object.keys(xml).filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n)),
          file.path,
        ).toEqual([]);
        expect(doc).not.toContain('PAGE');
        continue;
      }
      const header = Object.entries(xml).find(([n]) => /^word\/header\d+\.xml$/.test(n))?.[1] ?? '';
      expect(header).toContain(ws.settings.organisation);
      const footer = Object.entries(xml).find(([n]) => /^word\/footer\d+\.xml$/.test(n))?.[1] ?? '';
      expect(footer, file.path).toMatch(lang === 'nb' ? /Side .*PAGE.*av .*NUMPAGES/s : /Page .*PAGE.*of .*NUMPAGES/s);
    }
  });
});
