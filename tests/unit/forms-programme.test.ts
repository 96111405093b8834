/**
 * The forms in each programme's own terms: Mestringstreff's form set and
 * words, the anonymous participant evaluation, cancelled and postponed
 * sessions kept out of what they did not hold, the certificate's logo, and
 * Norwegian programme text marked as such in English documents.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/core/format-date.js';
import { formatProblem } from '../../src/core/problems.js';
import { planGroup } from '../../src/core/schedule.js';
import { readLogo } from '../../src/load/logo.js';
import { loadSettings } from '../../src/load/workspace.js';
import { copyInputs, DEMO } from '../helpers/cli.js';
import { byName, group, loadDemo, parts, renderForms, text } from './forms.helpers.js';

const ws = loadDemo();

function docText(bytes: Uint8Array | string): string {
  return text(parts(bytes)['word/document.xml']!);
}

/** Everything a reader or a screen reader meets: body text, field titles, document properties. */
function allWords(bytes: Uint8Array | string): string {
  const xml = parts(bytes);
  const aliases = [...xml['word/document.xml']!.matchAll(/<w:alias w:val="([^"]*)"/g)].map((m) => m[1]).join('\n');
  const furniture = Object.entries(xml)
    .filter(([n]) => /^word\/(header|footer)\d*\.xml$/.test(n))
    .map(([, x]) => text(x));
  return [docText(bytes), aliases, text(xml['docProps/core.xml']!), ...furniture].join('\n');
}

/** A PNG of the given size, one colour: enough for a logo in a test. */
function tinyPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    td.copy(out, 4);
    out.writeUInt32BE(crc(td), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((width * 3 + 1) * height, 0x40);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('Mestringstreff in its own words', () => {
  it('gets planning, a participant evaluation and attendance: no follow-up form with a leader', async () => {
    const names = (await renderForms(ws, 'mestringstreff-var'))
      .map((f) => f.path.replace('ut/mestringstreff-var/skjema/', ''))
      .filter((p) => !p.startsWith('kursbevis/'));
    expect(names).toEqual(['planleggingsskjema.docx', 'deltakerevaluering.docx', 'oppmoteliste.docx']);
  });

  it('says treff and kursleder, never samling, veiledningsvideo or brukerne merker, in any form or certificate', async () => {
    for (const lang of ['nb'] as const) {
      for (const f of await renderForms(ws, 'mestringstreff-var', lang)) {
        const words = allWords(f.bytes).toLowerCase();
        for (const banned of ['samling', 'veiledningsvideo', 'brukerne merker', 'egenarbeid'])
          expect(words, `${f.path}: ${banned}`).not.toContain(banned);
      }
    }
    const planning = docText(byName(await renderForms(ws, 'mestringstreff-var'), 'planleggingsskjema.docx').bytes);
    expect(planning).toContain('før første treff');
    expect(planning).toContain('didaktiske relasjonsmodellen');
  });

  it('names two equal course leaders together, and both sign the certificate with the leader', async () => {
    const files = await renderForms(ws, 'mestringstreff-var');
    expect(docText(byName(files, 'oppmoteliste.docx').bytes)).toContain('Kursledere: Nina Berg, Arne Fjeld');
    const cert = docText(byName(files, 'kursbevis/randi-johansen.docx').bytes);
    expect(cert).not.toMatch(/Veileder/i);
    expect(cert).toContain('Nina Berg, kursleder');
    expect(cert).toContain('Arne Fjeld, kursleder');
    expect(cert).toContain('Hilde Strand, leder');
  });

  it('gives participants an anonymous evaluation in large print with fields to fill in, and no name field', async () => {
    const form = byName(await renderForms(ws, 'mestringstreff-var'), 'deltakerevaluering.docx');
    const xml = parts(form.bytes);
    const body = docText(form.bytes);
    expect(body).toContain('anonymt');
    expect(body).not.toContain('Hva har endret seg i praksis');
    for (const s of planGroup(group(ws, 'mestringstreff-var'), ws.settings).sessions)
      expect(body).toContain(s.theme.theme.title);
    // 14 pt or more: the default run size is in half-points.
    const size = Number(/<w:rPrDefault>.*?<w:sz w:val="(\d+)"\/>/s.exec(xml['word/styles.xml']!)?.[1]);
    expect(size).toBeGreaterThanOrEqual(28);
    const aliases = [...xml['word/document.xml']!.matchAll(/<w:alias w:val="([^"]*)"/g)].map((m) => m[1]!);
    expect(aliases.filter((a) => /navn|name/i.test(a))).toEqual([]);
    expect((xml['word/document.xml']!.match(/<w14:checkbox>/g) ?? []).length).toBe(6 * 5 + 3);
    expect((xml['word/document.xml']!.match(/<w:text w:multiLine="1"\/>/g) ?? []).length).toBe(4);
  });
});

describe('a cancelled session', () => {
  it('has no rating, goal or homework line, and is on no certificate', async () => {
    const plan = planGroup(group(ws, 'sone-nord'), ws.settings);
    const dropped = plan.sessions[3]!;
    const files = await renderForms(ws, 'sone-nord', 'nb', (g) => {
      g.overrides.set(4, { cancelled: true });
    });
    const title = dropped.theme.theme.title;
    const evaluation = docText(byName(files, 'evalueringsskjema.docx').bytes);
    expect(evaluation).not.toContain(title);
    for (const goal of dropped.theme.theme.goals) expect(evaluation).not.toContain(goal);
    const followUp = docText(byName(files, 'oppfolgingsskjema.docx').bytes);
    for (const item of dropped.theme.theme.betweenSessions) expect(followUp).not.toContain(item);
    expect(followUp).toContain('Samlingen er avlyst.');
    for (const f of files.filter((x) => x.path.includes('/kursbevis/'))) {
      const cert = docText(f.bytes);
      expect(cert).not.toContain(title);
      expect(cert).not.toContain(formatDate(dropped.date, 'nb'));
    }
  });

  it('has no rating line in the participants’ evaluation either', async () => {
    const treff = planGroup(group(ws, 'mestringstreff-var'), ws.settings).sessions[2]!;
    const files = await renderForms(ws, 'mestringstreff-var', 'nb', (g) => {
      g.overrides.set(3, { cancelled: true });
    });
    expect(docText(byName(files, 'deltakerevaluering.docx').bytes)).not.toContain(treff.theme.theme.title);
    expect(docText(byName(files, 'kursbevis/randi-johansen.docx').bytes)).not.toContain(treff.theme.theme.title);
  });

  it('lists a postponed session on the certificate at its new date', async () => {
    const mutate = (g: ReturnType<typeof group>) => {
      g.overrides.set(3, { postponed: true });
    };
    const g = structuredClone(group(ws, 'sone-nord'));
    mutate(g);
    const plan = planGroup(g, ws.settings);
    const cert = docText(byName(await renderForms(ws, 'sone-nord', 'nb', mutate), 'kursbevis/ali-khan.docx').bytes);
    expect(cert).toContain(formatDate(plan.sessions[2]!.date, 'nb'));
    expect(cert).not.toContain(formatDate(plan.sessions[2]!.postponed!.from, 'nb'));
  });
});

describe('documents fit to print', () => {
  it('has short, light placeholders and no tool names in the text for the leader', async () => {
    for (const f of await renderForms(ws, 'sone-nord')) {
      const xml = parts(f.bytes)['word/document.xml']!;
      expect(xml, f.path).not.toContain('Klikk eller trykk');
      expect(xml, f.path).not.toContain('595959');
      expect(docText(f.bytes), f.path).not.toMatch(/\brefleks\b/i);
    }
    expect(
      parts(byName(await renderForms(ws, 'sone-nord'), 'planleggingsskjema.docx').bytes)['word/document.xml'],
    ).toContain('<w:color w:val="767676"/>');
  });

  it('puts the logo on the certificate, and none without one', async () => {
    const withLogo = parts(byName(await renderForms(ws, 'sone-nord'), 'kursbevis/ali-khan.docx').bytes);
    expect(ws.settings.logo).toBeDefined();
    expect(
      Object.keys(unzipNames(byName(await renderForms(ws, 'sone-nord'), 'kursbevis/ali-khan.docx').bytes)).some((n) =>
        /^word\/media\/.+\.png$/.test(n),
      ),
    ).toBe(true);
    expect(withLogo['word/document.xml']).toMatch(/<wp:docPr id="1" name="Logo" descr="Logo"/);
    const plain = structuredClone(ws);
    delete plain.settings.logo;
    const bare = byName(await renderForms(plain, 'sone-nord'), 'kursbevis/ali-khan.docx');
    expect(Object.keys(unzipNames(bare.bytes)).some((n) => n.startsWith('word/media/'))).toBe(false);
    expect(docText(bare.bytes)).toContain('Kursbevis');
  });
});

function unzipNames(bytes: Uint8Array | string): Record<string, true> {
  // parts() keeps only XML; the names of every entry are in the central directory.
  const b = Buffer.from(bytes as Uint8Array);
  const names: Record<string, true> = {};
  for (let i = b.indexOf('PK\x01\x02'); i >= 0; i = b.indexOf('PK\x01\x02', i + 4)) {
    const len = b.readUInt16LE(i + 28);
    names[b.subarray(i + 46, i + 46 + len).toString('utf8')] = true;
  }
  return names;
}

describe('English documents', () => {
  it('mark the programme’s Norwegian text as nb-NO, and only that', async () => {
    const xml = parts(byName(await renderForms(ws, 'sone-nord', 'en'), 'evalueringsskjema.docx').bytes)[
      'word/document.xml'
    ]!;
    const marked = [
      ...xml.matchAll(/<w:r>((?:(?!<\/w:r>).)*?<w:lang w:val="nb-NO"\/>(?:(?!<\/w:r>).)*?)<\/w:r>/gs),
    ].map((m) => text(m[1]!));
    const plan = planGroup(group(ws, 'sone-nord'), ws.settings);
    expect(marked).toContain(plan.sessions[0]!.theme.theme.title);
    expect(marked).toContain(plan.sessions[0]!.theme.theme.goals[0]);
    expect(marked).toContain(group(ws, 'sone-nord').programmeTitle);
    expect(marked.join('\n')).not.toMatch(/Evaluation form|Did we reach/);
    const nb = parts(byName(await renderForms(ws, 'sone-nord', 'nb'), 'evalueringsskjema.docx').bytes)[
      'word/document.xml'
    ]!;
    expect(nb).not.toContain('<w:lang w:val="nb-NO"/>');
  });
});

describe('the logo in refleks.yaml', () => {
  function workspaceWith(logoLine: string, file?: [string, Buffer]): string {
    const dir = mkdtempSync(join(tmpdir(), 'refleks-logo-'));
    copyInputs(DEMO, dir);
    const settings = join(dir, 'refleks.yaml');
    const yaml = (s: string) => s.replace(/^logo: .*$/m, logoLine);
    writeFileSync(settings, yaml(readFileSync(settings, 'utf8')));
    if (file) writeFileSync(join(dir, file[0]), file[1]);
    return dir;
  }

  it('reads size and kind from the image itself: PNG and JPEG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refleks-logo-'));
    writeFileSync(join(dir, 'a.png'), tinyPng(300, 100));
    // A JPEG as far as its header goes: SOI, an APP0 segment, then SOF0 with height 90 and width 240.
    writeFileSync(
      join(dir, 'b.jpg'),
      Buffer.from([
        0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 90, 0x00, 240, 0x03, 1, 2,
        3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
      ]),
    );
    expect(readLogo(dir, 'a.png')).toMatchObject({ logo: { type: 'png', width: 300, height: 100 } });
    expect(readLogo(dir, 'b.jpg')).toMatchObject({ logo: { type: 'jpg', width: 240, height: 90 } });
  });

  it('refuses a missing file, a file of another kind and one over 1 MB, with file, line and field', () => {
    const cases: [string, [string, Buffer] | undefined, RegExp][] = [
      ['logo: mangler.png', undefined, /finner ikke logoen «mangler\.png»/],
      ['logo: logo.gif', ['logo.gif', Buffer.from('GIF89a\x01\x00\x01\x00')], /verken PNG eller JPEG/],
      [
        'logo: stor.png',
        ['stor.png', Buffer.concat([tinyPng(10, 10), Buffer.alloc(1024 * 1024)])],
        /er 1,0 MB; største tillatte er 1 MB/,
      ],
    ];
    for (const [line, file, message] of cases) {
      const { settings, problems } = loadSettings(workspaceWith(line, file));
      expect(settings).toBeUndefined();
      expect(problems).toHaveLength(1);
      const shown = formatProblem(problems[0]!, 'nb');
      expect(shown).toMatch(/^refleks\.yaml:\d+:\d+: logo: /);
      expect(shown).toMatch(message);
    }
  });
});
