import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupYaml, slugify, type GroupAnswers } from '../../src/core/group-file.js';
import { oneLineIssue } from '../../src/core/safe-text.js';
import { toGroup } from '../../src/load/group.js';
import { loadProgrammes } from '../../src/load/workspace.js';
import { parseYaml } from '../../src/load/yaml-file.js';

const { programmes } = loadProgrammes(undefined);

function load(text: string) {
  const { file, problems } = parseYaml('groups/x.yaml', new TextEncoder().encode(text));
  expect(problems).toEqual([]);
  return toGroup(file!, { origin: 'workspace', path: '/ws/groups/x.yaml', display: 'groups/x.yaml' }, programmes);
}

const base: GroupAnswers = {
  name: 'Hjemmetjenesten sone sør',
  programme: 'mestring',
  facilitator: { name: 'Kari Nordmann', email: 'kari@lillevik.kommune.no' },
  participants: [{ name: 'Ali Khan', email: 'ali@lillevik.kommune.no', unit: 'Sone sør', role: 'Helsefagarbeider' }],
  recommended: { min: 4, max: 6 },
  location: { room: 'Helsehuset, møterom 2', address: 'Storgata 1, 1234 Lillevik' },
  start: '2027-03-02',
  time: '13:00',
  duration: 120,
  intervalWeeks: 2,
};

describe('slugify', () => {
  it.each([
    ['Hjemmetjenesten sone sør', 'hjemmetjenesten-sone-sor'],
    ['Ærlig Åpen Øvelse', 'aerlig-apen-ovelse'],
    ['  Lillevik sykehjem, avdeling 2 ', 'lillevik-sykehjem-avdeling-2'],
    ['Café René', 'cafe-rene'],
    ['!!!', 'gruppe'],
  ])('%s → %s', (name, id) => expect(slugify(name)).toBe(id));

  it('always gives an id the loader accepts as a file name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        expect(slugify(name)).toMatch(/^[a-z0-9][a-z0-9-]{0,79}$/);
      }),
    );
  });
});

describe('groupYaml', () => {
  it('writes a commented file that loads to the same group', () => {
    const text = groupYaml(base, { lang: 'nb', schemaPath: '../node_modules/refleks/schemas/group.schema.json' });
    expect(text.startsWith('# yaml-language-server: $schema=../node_modules/refleks/schemas/group.schema.json\n')).toBe(
      true,
    );
    // Every field has a comment line right above it.
    const lines = text.split('\n');
    for (const key of [
      'name',
      'programme',
      'facilitator',
      'participants',
      'location',
      'start',
      'time',
      'duration',
      'interval_weeks',
    ]) {
      const i = lines.findIndex((l) => l.startsWith(`${key}:`));
      expect(lines[i - 1], key).toMatch(/^# /);
    }
    const { group } = load(text);
    expect(group!.name).toBe(base.name);
    expect(group!.participants).toEqual(base.participants);
    expect(group!.location).toMatchObject(base.location as object);
    // The commented example of a change to session 3 is valid YAML once uncommented.
    const uncommented = text.replace(/^# sessions:/m, 'sessions:').replace(/^# {3}(\d+):/gm, '  $1:');
    const again = load(uncommented);
    expect(again.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(again.group!.overrides.get(5)).toEqual({ cancelled: true });
  });

  it('survives any name, e-mail-free person, unit and place the coordinator can type', () => {
    // Printable ASCII (all of YAML's special characters) and any Unicode letter or emoji; not
    // what the wizard asks again for (a line separator, a control character: oneLineIssue).
    const text = fc
      .oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }))
      .filter((s) => s.trim().length > 0 && !oneLineIssue(s.trim()));
    fc.assert(
      fc.property(text, text, text, text, (name, person, unit, place) => {
        const answers: GroupAnswers = {
          ...base,
          name,
          participants: [{ name: person, unit }],
          location: place,
        };
        const { group, problems } = load(groupYaml(answers, { lang: 'en' }));
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(group!.name).toBe(name.trim());
        expect(group!.participants[0]).toEqual({ name: person.trim(), unit: unit.trim() });
        expect(group!.location.text).toBe(place.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('writes combined themes in the order given', () => {
    const { group } = load(
      groupYaml({ ...base, programme: undefined, themes: ['rehabilitering/2', 'mestring/4'] }, { lang: 'nb' }),
    );
    expect(group!.themes.map((th) => `${th.programmeId}/${th.theme.id}`)).toEqual(['rehabilitering/2', 'mestring/4']);
  });
});
