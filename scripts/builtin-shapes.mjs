// Renders the form shapes of typical groups into dist/shapes/, so a machine's
// first build of such a group needs no docx (src/io/shape-store.ts
// builtinShape). Typical: each built-in programme, both languages, every
// group size the programme recommends, a facilitator (and a co-facilitator
// where the programme has two leading as equals), a leader, a room and an
// address, and sessions that no holiday moves. Any other group renders its
// shape on first use, as before. Run by `npm run build`, after tsc, from the
// code just built; the folder is made anew each time.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formFiles } from '../dist/core/forms/index.js';
import { planGroup } from '../dist/core/schedule.js';
import { loadFormWording } from '../dist/load/form-wording.js';
import { loadProgrammes, loadWorkspace } from '../dist/load/workspace.js';
import { BUILTIN_SHAPES, shapeJson } from '../dist/io/shape-store.js';

const ws = mkdtempSync(join(tmpdir(), 'refleks-shapes-'));
try {
  mkdirSync(join(ws, 'groups'));
  writeFileSync(
    join(ws, 'refleks.yaml'),
    'organisation: Eksempel kommune\norganiser: { name: Kursansvarlig, email: kurs@eksempel.no }\n',
  );
  const person = (i) => `{ name: Person ${i}, email: person${i}@eksempel.no }`;
  const { programmes } = loadProgrammes(undefined, undefined, false);
  for (const p of programmes.values()) {
    const { min, max } = p.recommendedParticipants;
    for (const lang of ['nb', 'en']) {
      for (let n = min; n <= max; n++) {
        writeFileSync(
          join(ws, 'groups', `${p.id}-${lang}-${n}.yaml`),
          [
            `name: ${p.id} ${n}`,
            `programme: ${p.id}`,
            `language: ${lang}`,
            `facilitator: ${person(1)}`,
            ...(p.coFacilitatorLabel ? [`co_facilitator: ${person(2)}`] : []),
            `leader: ${person(3)}`,
            'participants:',
            ...Array.from({ length: n }, (_, i) => `  - ${person(10 + i)}`),
            'location: { room: Møterom, address: "Gata 1, 1234 Sted" }',
            // Mondays in January and February 2027: no holiday moves a session, weekly or fortnightly.
            'start: 2027-01-11',
            'time: "13:00"',
            '',
          ].join('\n'),
        );
      }
    }
  }
  const { workspace, problems } = loadWorkspace(ws, {});
  const errors = problems.filter((p) => p.severity === 'error');
  if (!workspace || errors.length) throw new Error(`typical groups do not load: ${JSON.stringify(errors[0])}`);

  rmSync(BUILTIN_SHAPES, { recursive: true, force: true });
  mkdirSync(BUILTIN_SHAPES, { recursive: true });
  const shapes = new Map();
  const store = {
    get: () => undefined,
    set: (_key, stableKey, shape) => shapes.set(stableKey(), shape),
  };
  for (const group of workspace.groups) {
    const plan = planGroup(group, workspace.settings, { strict: false });
    if (plan.sessions.some((s) => s.moved)) throw new Error(`${group.id}: a holiday moves a session`);
    const lang = group.language ?? workspace.settings.language;
    const { wording } = loadFormWording(workspace, group.programmeId, lang, {});
    await formFiles(workspace, plan, wording, new Date(), lang, store);
  }
  let bytes = 0;
  for (const [stableKey, shape] of shapes) {
    const gz = gzipSync(shapeJson(shape, stableKey), { level: 9 });
    writeFileSync(join(BUILTIN_SHAPES, `${stableKey}.json.gz`), gz);
    bytes += gz.length;
  }
  console.log(`dist/shapes: ${shapes.size} form shapes of typical groups, ${(bytes / 1024).toFixed(0)} KB`);
} finally {
  rmSync(ws, { recursive: true, force: true });
}
