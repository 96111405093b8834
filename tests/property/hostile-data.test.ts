/**
 * Property-based: rosters with arbitrary Unicode names, e-mails and places go
 * through the calendar, the packs and the Word forms intact — parsed back by
 * ical.js, escaped in HTML, exact in the .docx. Fixed seed, so a failure is
 * reproducible; a few hundred cases in all.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Handlebars from 'handlebars';
import ICAL from 'ical.js';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { calendarFiles } from '../../src/core/calendar/index.js';
import { typographicQuotes } from '../../src/core/calendar/ical.js';
import { attendanceList } from '../../src/core/forms/documents.js';
import { docxParts } from '../../src/core/forms/docx-kit.js';
import { zipParts } from '../../src/core/forms/zip.js';
import { formView } from '../../src/core/forms/index.js';
import { buildWording } from '../../src/load/form-wording.js';
import type { Group, Workspace, WorkspaceSettings } from '../../src/core/model.js';
import { packFiles } from '../../src/core/packs/render.js';
import { planGroup } from '../../src/core/schedule.js';
import { toGroup } from '../../src/load/group.js';
import { isEmail } from '../../src/load/schema.js';
import { loadProgrammes } from '../../src/load/workspace.js';
import { parseYaml } from '../../src/load/yaml-file.js';
import { createRenderer } from '../../src/templates/engine.js';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers/cli.js';

const SEED = 20261123;
const { programmes } = loadProgrammes(undefined);
const settings: WorkspaceSettings = {
  organisation: 'Lillevik kommune',
  organiser: { name: 'Ingrid Solberg', email: 'ingrid@lillevik.kommune.no' },
  timezone: 'Europe/Oslo',
  language: 'nb',
  output: 'ut',
  blackouts: [],
  reminderHours: 24,
};
const root = mkdtempSync(join(tmpdir(), 'refleks-prop-'));

const tricky = fc.constantFrom(
  'Åse Ødegård-Æsøy',
  "Camilla O'Neill",
  'Kari "Kåri" Nordmann',
  'Per; Hansen, jr.',
  'Zoë Ñúñez',
  '{{constructor}}',
  '<script>alert(1)</script>',
  'Ola \\ Backslash',
  '😀 Smil',
  'Ali & Fatima',
  'Anne=Lise `Vik`',
);
// Names a person could have: printable, trimmed, no line breaks or tabs.
const name = fc
  .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), tricky)
  .map((s) =>
    s
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u2028\u2029]/gu, '')
      .replace(/\s+/g, ' ')
      .trim(),
  )
  .filter((s) => s.length > 0 && s.length <= 200);
const place = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.constantFrom(
      'Rom 2; 3. etg., Storgata 1',
      'Helsehuset, møterom «Fjorden»',
      'Teams: https://example.org/møte?id=1;2',
    ),
  )
  .map((s) =>
    s
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
  .filter((s) => s.length > 0);
const roster = fc
  .uniqueArray(fc.record({ name, email: fc.emailAddress().filter(isEmail) }), {
    minLength: 1,
    maxLength: 6,
    selector: (p) => p.name.toLocaleLowerCase('nb'),
  })
  .filter((ps) => new Set(ps.map((p) => p.email.toLowerCase())).size === ps.length);

function groupFor(participants: { name: string; email: string }[], location: string): Group {
  const data = {
    name: 'Gruppe',
    programme: 'mestring',
    facilitator: { name: 'Veileder Vik', email: 'veileder@lillevik.kommune.no' },
    participants,
    location,
    start: '2027-01-12',
    time: '13:00',
  };
  const { file, problems } = parseYaml('groups/g.yaml', Buffer.from(stringify(data)));
  const r = toGroup(
    file!,
    { origin: 'workspace', path: join(root, 'groups/g.yaml'), display: 'groups/g.yaml' },
    programmes,
  );
  if (!r.group) throw new Error(JSON.stringify([...problems, ...r.problems], null, 1));
  return r.group;
}

const workspace = (g: Group): Workspace => ({ root, settings, programmes, groups: [g] });

describe('hostile and unusual names survive every output', () => {
  it('calendar: every .ics parses in ical.js and every name and place round-trips exactly', () => {
    fc.assert(
      fc.property(roster, place, (people, location) => {
        const g = groupFor(people, location);
        const plan = planGroup(g, settings);
        const { files } = calendarFiles(workspace(g), plan, undefined, new Date('2027-01-01T00:00:00Z'), {
          lang: 'nb',
          version: '0.0.0',
        });
        const invitation = files.find((f) => f.path.endsWith('invitasjoner/samling-1.ics'))!;
        for (const f of files) {
          const text = String(f.bytes);
          for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
          ICAL.parse(text);
        }
        const event = new ICAL.Component(ICAL.parse(String(invitation.bytes))).getFirstSubcomponent('vevent')!;
        const cns = event.getAllProperties('attendee').map((p) => p.getParameter('cn'));
        // Exactly, but for " which the CN carries as typographic quotes (see typographicQuotes).
        for (const p of people) expect(cns).toContain(typographicQuotes(p.name));
        expect(event.getFirstPropertyValue('location')).toContain(location);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('packs: names appear escaped in HTML, never as markup, and data is never run as a template', () => {
    const renderer = createRenderer({ root });
    fc.assert(
      fc.property(roster, place, (people, location) => {
        const g = groupFor(people, location);
        const files = packFiles(workspace(g), planGroup(g, settings), renderer, 'nb');
        const pack = files.find((f) => /veileder\/tema-1-.*\.html$/.test(f.path))!;
        const html = String(pack.bytes);
        for (const p of people) {
          expect(html).toContain(Handlebars.escapeExpression(p.name));
          if (/[<>]/.test(p.name)) expect(html).not.toContain(p.name);
        }
        expect(html).not.toContain('<script>');
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('forms: the attendance list holds every name intact', async () => {
    const wordingFile = join(ROOT, 'templates/forms/nb.yaml');
    const { wording } = buildWording([{ display: 'templates/forms/nb.yaml', bytes: readFileSync(wordingFile) }]);
    await fc.assert(
      fc.asyncProperty(roster, async (people) => {
        const g = groupFor(people, 'Rom 1');
        const plan = planGroup(g, settings);
        const bytes = zipParts(
          await docxParts(
            attendanceList(formView(workspace(g), plan, wording!, 'nb')),
            new Date('2027-01-01T00:00:00Z'),
            'nb',
          ),
        );
        const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
        const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
          m[1]!
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&'),
        );
        for (const p of people) expect(texts).toContain(p.name);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
