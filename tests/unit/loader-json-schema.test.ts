/**
 * The JSON Schemas we publish for editors come from the same definitions as
 * the validator. They must be valid JSON Schema (Ajv compiles them in strict
 * mode), accept every real file we ship, and reject broken files at the same
 * field our validator names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fieldPath } from '../../src/core/problems.js';
import { jsonSchemas } from '../../src/load/json-schemas.js';
import { FAIL, type Ctx, type Schema } from '../../src/load/schema.js';
import { groupSchema, programmeSchema, workspaceSchema } from '../../src/load/schemas.js';
import { ROOT, DEMO } from '../helpers/cli.js';

// Same YAML reading as the loader: YAML 1.2 core, so dates stay text.
const readYaml = (path: string): unknown => parse(readFileSync(path, 'utf8'), { version: '1.2', schema: 'core' });

function compile(schema: object): ValidateFunction {
  // strict: unknown keywords or formats, or types that contradict each other, fail the compile.
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, validateFormats: false });
  return ajv.compile(schema);
}

const schemas: Record<'workspace' | 'programme' | 'group', { ours: Schema<unknown>; ajv: ValidateFunction }> = {
  workspace: { ours: workspaceSchema, ajv: compile(workspaceSchema.json()) },
  programme: { ours: programmeSchema, ajv: compile(programmeSchema.json()) },
  group: { ours: groupSchema, ajv: compile(groupSchema.json()) },
};

/** Ajv's error location as our field path: `/participants/2/email` → `participants[2].email`. */
function ajvPaths(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const parts: (string | number)[] = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const extra =
      (e.params as { additionalProperty?: string; missingProperty?: string }).additionalProperty ??
      (e.params as { missingProperty?: string }).missingProperty;
    if (extra !== undefined) parts.push(extra);
    return fieldPath(parts);
  });
}

function ourPaths(schema: Schema<unknown>, data: unknown): string[] {
  const ctx: Ctx = { issues: [] };
  const r = schema.parse(data, [], ctx);
  if (r !== FAIL) return [];
  return ctx.issues.map((i) => fieldPath(i.path));
}

const files = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f));

describe('published JSON Schemas', () => {
  it('compile as draft-07 JSON Schema in strict mode, wrapped as published', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(() => compile(schema), name).not.toThrow();
      expect((schema as { $schema?: string }).$schema).toBe('http://json-schema.org/draft-07/schema#');
    }
  });

  // The build does not write schemas/ (npm run schemas does), so this fails when a schema
  // definition changed and the committed files were not regenerated.
  it('are exactly what schemas/*.json in the package holds (npm run schemas writes them)', () => {
    const generated = jsonSchemas();
    expect(readdirSync(join(ROOT, 'schemas')).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated)) {
      expect(readFileSync(join(ROOT, 'schemas', name), 'utf8'), `schemas/${name} is stale: run npm run schemas`).toBe(
        JSON.stringify(schema, null, 2) + '\n',
      );
    }
  });

  it('accept the demo workspace and every built-in programme, as our validator does', () => {
    const cases: [keyof typeof schemas, string][] = [
      ['workspace', join(DEMO, 'refleks.yaml')],
      ...files(join(DEMO, 'groups')).map((f): [keyof typeof schemas, string] => ['group', f]),
      ...files(join(ROOT, 'programmes')).map((f): [keyof typeof schemas, string] => ['programme', f]),
      ...files(join(ROOT, 'tests', 'corpus', '_base', 'groups')).map((f): [keyof typeof schemas, string] => [
        'group',
        f,
      ]),
    ];
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const [kind, path] of cases) {
      const data = readYaml(path);
      const { ours, ajv } = schemas[kind];
      expect(ourPaths(ours, data), path).toEqual([]);
      expect(ajv(data), `${path}: ${JSON.stringify(ajv.errors)}`).toBe(true);
    }
  });

  const demoGroup = () => readYaml(join(DEMO, 'groups', 'sone-nord.yaml')) as Record<string, unknown>;
  const broken: [string, keyof typeof schemas, () => unknown, string][] = [
    ['a misspelt key', 'group', () => ({ ...demoGroup(), particpants: [] }), 'particpants'],
    ['a missing facilitator', 'group', () => ({ ...demoGroup(), facilitator: undefined }), 'facilitator'],
    [
      'a bad e-mail address',
      'group',
      () => {
        const g = demoGroup();
        (g.participants as Record<string, unknown>[])[2]!.email = 'ola@';
        return g;
      },
      'participants[2].email',
    ],
    [
      'a person with an unknown key',
      'group',
      () => {
        const g = demoGroup();
        (g.participants as Record<string, unknown>[])[1]!.emial = 'x@y.no';
        return g;
      },
      'participants[1].emial',
    ],
    ['the roster as text', 'group', () => ({ ...demoGroup(), participants: 'Ali, Siri' }), 'participants'],
    ['a zero interval', 'group', () => ({ ...demoGroup(), interval_weeks: 0 }), 'interval_weeks'],
    ['a duration in words', 'group', () => ({ ...demoGroup(), duration: 'to timer' }), 'duration'],
    ['a time that does not exist', 'group', () => ({ ...demoGroup(), time: '25:00' }), 'time'],
    ['a time with a full stop', 'group', () => ({ ...demoGroup(), time: '13.00' }), 'time'],
    ['a month that does not exist', 'group', () => ({ ...demoGroup(), start: '2027-13-01' }), 'start'],
    ['a Norwegian date', 'group', () => ({ ...demoGroup(), start: '12.01.2027' }), 'start'],
    ['a group id leaving the folder', 'group', () => ({ ...demoGroup(), id: '../../etc' }), 'id'],
    [
      'a session key that is a word',
      'group',
      () => ({ ...demoGroup(), sessions: { tre: { cancelled: true } } }),
      'sessions.tre',
    ],
    [
      'language no',
      'workspace',
      () => ({ ...(readYaml(join(DEMO, 'refleks.yaml')) as object), language: 'no' }),
      'language',
    ],
    [
      'an organiser without e-mail',
      'workspace',
      () => ({ organisation: 'Lillevik', organiser: { name: 'Ingrid' } }),
      'organiser.email',
    ],
    [
      'a programme with a zero-minute agenda item',
      'programme',
      () => {
        const p = readYaml(join(ROOT, 'programmes', 'mestring.yaml')) as {
          themes: { agenda: { minutes: number }[] }[];
        };
        p.themes[0]!.agenda[0]!.minutes = 0;
        return p;
      },
      'themes[0].agenda[0].minutes',
    ],
  ];

  for (const [what, kind, make, field] of broken) {
    it(`reject ${what} at ${field}, as our validator does`, () => {
      const data = JSON.parse(JSON.stringify(make())) as unknown; // drops undefined, as a file without the key
      const { ours, ajv } = schemas[kind];
      expect(ourPaths(ours, data)).toContain(field);
      expect(ajv(data)).toBe(false);
      expect(ajvPaths(ajv.errors)).toContain(field);
    });
  }
});
