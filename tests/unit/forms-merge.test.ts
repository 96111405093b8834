/**
 * Forms by mail merge must be exactly the forms docx renders directly: the
 * same bytes, for the demo's groups and for generated groups of varied shape
 * (cancelled and moved sessions, roles, units, leaders, places) and text
 * (quotes, ampersands, emoji, Norwegian letters).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { certificate, formDocuments } from '../../src/core/forms/documents.js';
import { docxParts } from '../../src/core/forms/docx-kit.js';
import { zipParts } from '../../src/core/forms/zip.js';
import { formFiles, formView, mergedForms, type FormView } from '../../src/core/forms/index.js';
import { mapText } from '../../src/core/forms/view.js';
import type { Workspace } from '../../src/core/model.js';
import { planGroup } from '../../src/core/schedule.js';
import { loadFormWording } from '../../src/load/form-wording.js';
import { toGroup } from '../../src/load/group.js';
import { loadWorkspace } from '../../src/load/workspace.js';
import { parseYaml } from '../../src/load/yaml-file.js';
import { DEMO } from '../helpers/cli.js';

const at = new Date('2027-01-01T00:00:00Z');
const ws = loadWorkspace(DEMO).workspace!;
// Direct rendering below makes a certificate per participant over every
// session; the demo's recorded attendance would narrow them (attendance.test.ts).
for (const g of ws.groups) delete g.attendance;

async function direct(workspace: Workspace, groupId: string, lang: 'nb' | 'en'): Promise<Buffer[]> {
  const group = workspace.groups.find((g) => g.id === groupId)!;
  const plan = planGroup(group, workspace.settings);
  const v = formView(workspace, plan, loadFormWording(workspace, group.programmeId, lang).wording!, lang);
  const docs = [...formDocuments(v).map(([, d]) => d), ...group.participants.map((p) => certificate(v, p.name))];
  return Promise.all(docs.map(async (d) => Buffer.from(zipParts(await docxParts(d, at, lang)))));
}

async function merged(workspace: Workspace, groupId: string, lang: 'nb' | 'en'): Promise<Buffer[]> {
  const group = workspace.groups.find((g) => g.id === groupId)!;
  const files = await formFiles(
    workspace,
    planGroup(group, workspace.settings),
    loadFormWording(workspace, group.programmeId, lang).wording!,
    at,
    lang,
  );
  return files.map((f) => Buffer.from(f.bytes as Uint8Array));
}

async function directView(v: FormView): Promise<Buffer[]> {
  const docs = [...formDocuments(v).map(([, d]) => d), ...v.text.participants.map((p) => certificate(v, p.name))];
  return Promise.all(docs.map(async (d) => Buffer.from(zipParts(await docxParts(d, at, v.lang)))));
}

async function mergedView(v: FormView): Promise<Buffer[]> {
  const { forms, certificates } = await mergedForms(v, at);
  return [...forms.map(([, bytes]) => bytes), ...certificates].map((b) => Buffer.from(b));
}

describe('forms by mail merge', () => {
  it.each(ws.groups.map((g) => g.id))(
    'are byte-identical to direct rendering for %s, in both languages, also when the shape is cached',
    async (id) => {
      for (const lang of ['nb', 'en'] as const) {
        const want = await direct(ws, id, lang);
        expect(await merged(ws, id, lang)).toEqual(want);
        expect(await merged(ws, id, lang)).toEqual(want);
      }
    },
  );

  it('stay identical for generated groups of varied shape and awkward text', async () => {
    const text = fc.oneof(
      fc.constantFrom(
        'Åse Ødegård',
        'Ali & Fatima',
        `Camilla "Cami" O'Neill`,
        '<b>Ola</b>',
        '😀 Zoë',
        'RFLK1X',
        'Rom 2; 3. etg.',
      ),
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
        .map((s) => s.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}\s]/gu, '') || 'x'),
    );
    const person = fc.record(
      { name: text, role: fc.option(text, { nil: undefined }), unit: fc.option(text, { nil: undefined }) },
      { requiredKeys: ['name'] },
    );
    const shape = fc.record({
      participants: fc.uniqueArray(person, { minLength: 1, maxLength: 7, selector: (p) => p.name.toLowerCase() }),
      leader: fc.boolean(),
      place: text,
      start: fc.constantFrom('2027-01-12', '2027-04-22', '2027-03-11', '2027-05-03'),
      cancelled: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      postponed: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      elsewhere: fc.option(fc.record({ n: fc.integer({ min: 1, max: 5 }), place: text }), { nil: undefined }),
      // Mestringstreff: its own words and form set (no follow-up, the participants' evaluation).
      programme: fc.constantFrom('mestring', 'rehabilitering', 'mestringstreff'),
    });
    await fc.assert(
      fc.asyncProperty(shape, async (g) => {
        const names = new Set<string>();
        const participants = g.participants.filter(
          (p) =>
            !names.has(p.name.toLowerCase()) &&
            names.add(p.name.toLowerCase()) &&
            !['veileder', 'leder'].includes(p.name.toLowerCase()),
        );
        if (!participants.length) return;
        const sessions: Record<string, object> = {};
        if (g.cancelled) sessions[g.cancelled] = { cancelled: true };
        if (g.postponed && g.postponed !== g.cancelled) sessions[g.postponed] = { postponed: true };
        if (g.elsewhere && g.elsewhere.n !== g.cancelled) sessions[g.elsewhere.n] = { location: g.elsewhere.place };
        const data = {
          name: 'Gruppe',
          programme: g.programme,
          facilitator: { name: 'Veileder', email: 'v@kommune.no' },
          ...(g.leader ? { leader: { name: 'Leder', email: 'l@kommune.no' } } : {}),
          participants,
          location: g.place,
          start: g.start,
          time: '13:00',
          ...(Object.keys(sessions).length ? { sessions } : {}),
        };
        const { file } = parseYaml('groups/g.yaml', Buffer.from(stringify(data)));
        const r = toGroup(
          file!,
          { origin: 'workspace', path: '/x/groups/g.yaml', display: 'groups/g.yaml' },
          ws.programmes,
        );
        if (!r.group) throw new Error(JSON.stringify(r.problems.map((p) => p.message.en)));
        const w2: Workspace = { ...ws, groups: [r.group] };
        expect(await merged(w2, 'g', 'nb')).toEqual(await direct(w2, 'g', 'nb'));
      }),
      { seed: 42, numRuns: 16 },
    );
  });

  // Documents must write every string of a view's text out as it is (view.ts).
  // Any view string here may be any text, so a document that changed one (upper
  // or lower case, trimmed, cut, compared) would render differently from the merge.
  it('stay identical when every text of the view is replaced by random and hostile strings', async () => {
    const hostile = fc.constantFrom(
      'RFLK0X',
      'RFLK1X',
      'RFLKNAMEX',
      'RFLKQ0X',
      '2000-01-01T00:00:00Z',
      '$&',
      '$1',
      '{name}',
      '&amp;',
      ']]>',
      '<w:t>',
      ' Leading and trailing ',
      'ÆØÅ æøå',
      'İSTANBUL ß',
      '‮rtl',
      '😀👩‍👩‍👧',
      'a\tb',
      'MiXeD CaSe',
    );
    const text = fc.oneof(
      hostile,
      fc.string({ unit: 'grapheme', maxLength: 16 }).map((s) => s.replace(/[\p{Cc}\p{Cs}]/gu, '')),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ws.groups.map((g) => g.id)),
        fc.constantFrom('nb' as const, 'en' as const),
        fc.array(text, { minLength: 64, maxLength: 64 }),
        async (id, lang, strings) => {
          const group = ws.groups.find((g) => g.id === id)!;
          const real = formView(
            ws,
            planGroup(group, ws.settings),
            loadFormWording(ws, group.programmeId, lang).wording!,
            lang,
          );
          let i = 0;
          const v = mapText(real, () => strings[i++ % strings.length]!);
          expect(await mergedView(v)).toEqual(await directView(v));
        },
      ),
      { seed: 7, numRuns: 8 },
    );
  });
});
