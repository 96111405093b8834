/**
 * The YAML loader: where problems are reported (line and column counted by
 * hand from the fixture text), the did-you-mean suggestions, the schema
 * combinators, and that hostile keys cannot reach Object.prototype.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/core/problems.js';
import { closest, distance } from '../../src/load/did-you-mean.js';
import { suggestSlug, toGroup } from '../../src/load/group.js';
import {
  array,
  clockTime,
  email,
  FAIL,
  int,
  isoDate,
  numberedMap,
  obj,
  oneOf,
  opt,
  req,
  slug,
  str,
  timeFromNumber,
  type Ctx,
  type Schema,
} from '../../src/load/schema.js';
import { groupSchema } from '../../src/load/schemas.js';
import { loadProgrammes, loadWorkspace } from '../../src/load/workspace.js';
import { parseYaml, MAX_YAML_BYTES } from '../../src/load/yaml-file.js';
import { t } from '../../src/core/text.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const { programmes } = loadProgrammes(undefined);

/** Problems of a group file, the way validate reports them (without planning). */
function groupProblems(text: string | Uint8Array, name = 'gruppe.yaml'): Problem[] {
  const display = `groups/${name}`;
  const { file, problems } = parseYaml(display, typeof text === 'string' ? utf8(text) : text);
  if (!file) return problems;
  return [
    ...problems,
    ...toGroup(file, { origin: 'workspace', path: `/ws/groups/${name}`, display }, programmes).problems,
  ];
}

function lines(problems: Problem[], lang: 'nb' | 'en' = 'nb'): string[] {
  return problems.map((p) => formatProblem(p, lang));
}

function run<T>(schema: Schema<T>, value: unknown): { value: T | typeof FAIL; issues: Ctx['issues'] } {
  const ctx: Ctx = { issues: [] };
  return { value: schema.parse(value, [], ctx), issues: ctx.issues };
}

const GROUP = [
  'name: Sone nord', //                                     1
  'programme: mestring', //                                 2
  'facilitator: { name: Kari Nordmann, email: kari@x.no }', // 3
  'participants:', //                                       4
  '  - name: Ali Khan', //                                  5
  '    email: ali@x.no', //                                 6
  '  - { name: Siri Ødegård, email: siri@x.no }', //        7
  '  - name: Jonas Æsøy', //                                8
  '    email: jonas@x.no', //                               9
  '  - name: Marte Lien', //                               10
  '    email: marte@x.no', //                              11
  'location: Møterom 2', //                                12
  'start: 2027-01-12', //                                  13
  'time: "13:00"', //                                      14
  '',
].join('\n');

function edit(from: string, to: string): string {
  expect(GROUP).toContain(from);
  return GROUP.replace(from, to);
}

describe('positions of problems', () => {
  it('the fixture itself is valid', () => {
    expect(lines(groupProblems(GROUP))).toEqual([]);
  });

  it('points at the value of a bad e-mail in a block mapping', () => {
    // Line 9 is "    email: jonas@": 4 spaces + "email: " = 11 characters, the value starts in column 12.
    expect(lines(groupProblems(edit('    email: jonas@x.no', '    email: jonas@')))).toEqual([
      'groups/gruppe.yaml:9:12: participants[2].email: «jonas@» er ikke en gyldig e-postadresse. Skriv den som navn@kommune.no.',
    ]);
  });

  it('points at the value inside a flow mapping', () => {
    // "  - { name: Siri Ødegård, email: " is 33 characters (Ø is one), so the value starts in column 34.
    const [p] = groupProblems(edit('email: siri@x.no }', 'email: siri@ }'));
    expect([p?.line, p?.column, p?.field]).toEqual([7, 34, 'participants[1].email']);
  });

  it('points at the key, not the value, of an unknown field', () => {
    const [p] = groupProblems(edit('    email: ali@x.no', '    emial: ali@x.no'));
    expect([p?.line, p?.column, p?.field]).toEqual([6, 5, 'participants[0].emial']);
    expect(p?.hint?.nb).toBe('Mente du «email»?');
  });

  it('points at the mapping a required field is missing from', () => {
    // facilitator's mapping starts at the "{" in column 14 of line 3.
    const [p] = groupProblems(edit(', email: kari@x.no }', ' }'));
    expect(lines([p!])).toEqual([
      'groups/gruppe.yaml:3:14: facilitator.email: mangler, men må fylles ut. Legg til «email: …» (E-postadresse).',
    ]);
  });

  it('counts columns the same with CRLF line ends and a byte order mark', () => {
    const crlf = '\uFEFF' + edit('    email: jonas@x.no', '    email: jonas@').replace(/\n/g, '\r\n');
    const [p] = groupProblems(crlf);
    expect([p?.line, p?.column]).toEqual([9, 12]);
  });

  it('points at the opening quote of a quote never closed', () => {
    // Line 12 'location: "Møterom 2': the quote is in column 11.
    const problems = groupProblems(edit('location: Møterom 2', 'location: "Møterom 2'));
    expect(lines(problems)).toEqual([
      'groups/gruppe.yaml:12:11: anførselstegnet " blir aldri lukket. Sett " også etter verdien, på samme linje: "Møterom 2"',
    ]);
  });

  it('points at the opening brace of a flow mapping never closed, and reports only the first syntax error', () => {
    const problems = groupProblems(edit('email: kari@x.no }', 'email: kari@x.no'));
    expect(problems).toHaveLength(1);
    expect([problems[0]?.line, problems[0]?.column]).toEqual([3, 14]);
  });

  it('names both lines of a duplicate key', () => {
    const problems = groupProblems(GROUP + 'start: 2027-01-19\n');
    expect(lines(problems)).toEqual([
      'groups/gruppe.yaml:15:1: feltet «start» står to ganger (første gang på linje 13). Slett det ene, eller rett opp navnet på feltet.',
    ]);
  });

  it('points at the first byte that is not UTF-8, counted in characters', () => {
    // Line 8 "  - name: Jonas Æsøy": "  - name: Jonas " is 16 characters; Æ in Windows-1252 is the 17th.
    const bytes = Buffer.from(GROUP, 'latin1'); // Ø, Æ, æ, ø as single bytes, as Windows-1252 saves them
    const onlyLine8 = Buffer.concat([
      utf8(GROUP.split('\n').slice(0, 7).join('\n') + '\n'),
      bytes.subarray(Buffer.from(GROUP.split('\n').slice(0, 7).join('\n') + '\n', 'latin1').length),
    ]);
    const [p] = groupProblems(onlyLine8);
    expect([p?.line, p?.column]).toEqual([8, 17]);
    expect(p?.message.nb).toBe('filen er ikke lagret som UTF-8');
    expect(p?.hint?.nb).toContain('«- name: Jonas Æsøy»');
  });

  it('points at the key of a session number that does not exist', () => {
    const [p] = groupProblems(GROUP + 'sessions:\n  9:\n    cancelled: true\n');
    expect(lines([p!])).toEqual([
      'groups/gruppe.yaml:16:3: sessions.9: samling 9 finnes ikke: gruppen har 5 samlinger. Bruk et samlingsnummer fra 1 til 5.',
    ]);
  });

  it('reports every problem of a file, in file order', () => {
    const text = edit('start: 2027-01-12', 'start: 2027-02-30')
      .replace('    email: ali@x.no', '    email: ali@')
      .replace('time: "13:00"', 'time: "25:00"');
    expect(groupProblems(text).map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual([
      '6:12 participants[0].email',
      '13:8 start',
      '14:7 time',
    ]);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const [p] = groupProblems(GROUP + '#'.repeat(MAX_YAML_BYTES));
    expect(p?.message.nb).toMatch(/^filen er for stor/);
  });

  it('refuses an alias bomb without expanding it', () => {
    let text = GROUP + 'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++)
      text += `x${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const started = process.hrtime.bigint();
    const [p] = groupProblems(text);
    expect(p?.message.nb).toMatch(/for mange YAML-aliaser/);
    // 10^12 items if expanded; refusing takes milliseconds. Generous bound for a busy machine.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(5000);
  });

  it('tells a *word* value (an alias to nothing) apart from an alias bomb', () => {
    const [p] = groupProblems(edit('location: Møterom 2', 'location: *Møterom*'));
    expect([p?.line, p?.column]).toEqual([12, 11]);
    expect(p?.message.nb).toMatch(/leses som en YAML-henvisning/);
  });

  it('says the same thing in English with --lang en', () => {
    expect(lines(groupProblems(edit('start: 2027-01-12', 'start: 2027-02-30')), 'en')).toEqual([
      'groups/gruppe.yaml:13:8: start: "2027-02-30" is not a valid date: February 2027 has 28 days',
    ]);
  });
});

describe('did you mean', () => {
  it('counts edits', () => {
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('', 'abc')).toBe(3);
    expect(distance('same', 'same')).toBe(0);
  });

  it('suggests the key a typo most likely meant', () => {
    const keys = Object.keys((groupSchema.json() as { properties: object }).properties);
    expect(closest('particpants', keys)).toBe('participants');
    expect(closest('strat', keys)).toBe('start');
    expect(closest('Programme', keys)).toBe('programme');
    expect(closest('intervall_uker', keys)).toBeUndefined();
    expect(closest('mestrng', ['mestring', 'rehabilitering', 'mestringstreff'])).toBe('mestring');
    expect(closest('Europe/Olso', Intl.supportedValuesOf('timeZone'))).toBe('Europe/Oslo');
  });

  it('suggests nothing rather than something far off', () => {
    expect(closest('xyz', ['name', 'email'])).toBeUndefined();
    expect(closest('anything', [])).toBeUndefined();
  });

  it('suggests a file name for a group', () => {
    expect(suggestSlug('Sone Nord')).toBe('sone-nord');
    expect(suggestSlug('Sykehjem Ås – Kombinert!')).toBe('sykehjem-as-kombinert');
    expect(suggestSlug('Ærfugl Øya')).toBe('aerfugl-oya');
  });
});

describe('schema combinators', () => {
  it('str trims, accepts numbers as text, refuses empty text and control characters', () => {
    expect(run(str(), '  Møterom 2 ').value).toBe('Møterom 2');
    expect(run(str(), 201).value).toBe('201');
    expect(run(str(), '   ').issues[0]?.message.nb).toBe('kan ikke være tom');
    expect(run(str(), 'Kari\u0007').issues[0]?.message.nb).toBe('inneholder kontrolltegn (U+0007)');
    expect(run(str({ max: 3 }), 'abcd').issues[0]?.message.nb).toBe('er for lang (4 tegn, høyst 3)');
    expect(run(str(), ['a']).issues[0]?.message.nb).toBe('forventet tekst, fant en liste');
  });

  it('email accepts ordinary addresses and refuses the usual mistakes', () => {
    for (const ok of ['ola@kommune.no', 'kari.nordmann+kurs@lillevik.kommune.no', 'o@x.no'])
      expect(run(email(), ok).value).toBe(ok);
    for (const bad of ['ola@', 'ola.nordmann.kommune.no', 'kari@kommune', 'ola @kommune.no', 'ola@kommune..no']) {
      expect(run(email(), bad).value, bad).toBe(FAIL);
    }
  });

  it('isoDate knows the calendar, leap years included', () => {
    expect(run(isoDate(), '2028-02-29').value).toBe('2028-02-29');
    expect(run(isoDate(), '2027-02-29').issues[0]?.message.nb).toBe(
      '«2027-02-29» er ikke en gyldig dato: februar 2027 har 28 dager',
    );
    expect(run(isoDate(), '2027-04-31').issues[0]?.message.en).toBe(
      '"2027-04-31" is not a valid date: April 2027 has 30 days',
    );
    expect(run(isoDate(), '2027-00-10').value).toBe(FAIL);
    expect(run(isoDate(), '3.1.2027').issues[0]?.hint?.nb).toBe('Skriv 2027-01-03.');
  });

  it('clockTime normalises and refuses what does not exist', () => {
    expect(run(clockTime(), '9:05').value).toBe('09:05');
    expect(run(clockTime(), '23:59').value).toBe('23:59');
    expect(run(clockTime(), '24:00').value).toBe(FAIL);
    expect(run(clockTime(), '12:60').value).toBe(FAIL);
    expect(run(clockTime(), 'kl. 13').value).toBe(FAIL);
  });

  it('guesses the time meant by an unquoted number', () => {
    expect(timeFromNumber(13)).toBe('13:00');
    expect(timeFromNumber(13.3)).toBe('13:30'); // `13.30` in YAML
    expect(timeFromNumber(9.05)).toBe('09:05');
    expect(timeFromNumber(1300)).toBe('13:00');
    expect(timeFromNumber(930)).toBe('09:30');
    expect(timeFromNumber(25)).toBeUndefined();
    expect(timeFromNumber(13.75)).toBeUndefined();
    expect(timeFromNumber(-1)).toBeUndefined();
    expect(run(clockTime(), 13.3).issues[0]?.hint?.nb).toBe(
      'Skriv klokkeslettet med kolon og i anførselstegn: "13:30".',
    );
  });

  it('int checks type and range and carries a hint', () => {
    const weeks = int({ min: 1, max: 12, hint: t('uker', 'weeks') });
    expect(run(weeks, 2).value).toBe(2);
    expect(run(weeks, 2.5).value).toBe(FAIL);
    expect(run(weeks, '2').issues[0]).toMatchObject({
      message: { nb: 'forventet et heltall, fant teksten «2»' },
      hint: { nb: 'uker' },
    });
    expect(run(weeks, 0).issues[0]?.message.nb).toBe('må være minst 1, fant 0');
    expect(run(weeks, 13).issues[0]?.message.en).toBe('must be at most 12, found 13');
  });

  it('oneOf suggests the closest value', () => {
    expect(run(oneOf(['nb', 'en'] as const), 'en').value).toBe('en');
    expect(run(oneOf(['nb', 'en'] as const), 'no').issues[0]?.hint?.nb).toBe('Mente du «nb»?');
  });

  it('array reports every bad item, not just the first', () => {
    const r = run(array(int()), [1, 'to', 3, 'fire']);
    expect(r.value).toBe(FAIL);
    expect(r.issues.map((i) => i.path)).toEqual([[1], [3]]);
    expect(run(array(int(), { min: 1 }), []).issues[0]?.message.nb).toBe('listen må ha minst 1 element, fant 0');
  });

  it('obj collects every problem and keeps only known keys', () => {
    const person = obj({ name: req(str()), email: opt(email()) });
    const r = run(person, { name: 'Kari', email: 'kari@', rolle: 'x' });
    expect(r.value).toBe(FAIL);
    expect(r.issues.map((i) => [i.path.join('.'), i.onKey ?? false])).toEqual([
      ['rolle', true],
      ['email', false],
    ]);
    expect(run(person, { name: ' Kari ' }).value).toEqual({ name: 'Kari' });
  });

  it('obj does not also report a field as missing when a misspelt key already suggests it', () => {
    const r = run(obj({ start: req(isoDate()), name: req(str()) }), { strat: '2027-01-12' });
    expect(r.issues.map((i) => `${i.path.join('.')}: ${i.message.nb}`)).toEqual([
      'strat: ukjent felt «strat»',
      'name: mangler, men må fylles ut',
    ]);
  });

  it('obj reports an empty required field at the field', () => {
    const r = run(obj({ start: req(isoDate()) }), { start: null });
    expect(r.issues).toEqual([
      expect.objectContaining({
        path: ['start'],
        onKey: true,
        message: t('er tom, men må fylles ut', 'is empty but required'),
      }),
    ]);
  });

  it('numberedMap takes session numbers only', () => {
    const m = numberedMap(str(), t('samlinger', 'sessions'));
    const ok = run(m, { 1: 'a', 12: 'b' }).value;
    expect(ok instanceof Map ? [...ok.entries()] : ok).toEqual([
      [1, 'a'],
      [12, 'b'],
    ]);
    expect(run(m, { tre: 'a', '0': 'b', '-1': 'c' }).issues.map((i) => i.path[0])).toEqual(['0', 'tre', '-1']);
  });

  it('slug keeps ids inside their folder', () => {
    const id = slug(t('en id', 'an id'));
    expect(run(id, 'sone-nord').value).toBe('sone-nord');
    for (const bad of ['../../etc', 'Sone Nord', 'sone/nord', '.skjult', '-start', 'a'.repeat(81), ''])
      expect(run(id, bad).value, bad).toBe(FAIL);
  });
});

describe('hostile keys', () => {
  const HOSTILE = [
    GROUP.replace(
      '  - name: Ali Khan\n',
      '  - name: Ali Khan\n    __proto__: { polluted: ja }\n    constructor: { prototype: { polluted: ja } }\n',
    ),
    '__proto__:\n  polluted: ja\nconstructor:\n  prototype:\n    polluted: ja\nprototype:\n  polluted: ja\n',
  ].join('');
  const temps: string[] = [];
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('are unknown fields and never reach Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const problems = groupProblems(HOSTILE);
    expect(problems.map((p) => p.field).sort()).toEqual([
      '__proto__',
      'constructor',
      'participants[0].__proto__',
      'participants[0].constructor',
      'prototype',
    ]);
    expect(problems.every((p) => p.severity === 'error' && /^ukjent felt/.test(p.message.nb))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('stay plain data in the parsed file: an own key, not a prototype', () => {
    const { file } = parseYaml('groups/x.yaml', utf8(HOSTILE));
    const data = file!.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(data, '__proto__')).toBe(true);
    expect((data as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('through the whole workspace loader too', () => {
    const root = mkdtempSync(join(tmpdir(), 'refleks-loader-'));
    temps.push(root);
    mkdirSync(join(root, 'groups'));
    writeFileSync(
      join(root, 'refleks.yaml'),
      'organisation: Lillevik\norganiser: { name: Ingrid, email: ingrid@x.no }\n__proto__: { polluted: ja }\n',
    );
    writeFileSync(join(root, 'groups', 'gruppe.yaml'), HOSTILE);
    const { problems } = loadWorkspace(root);
    expect(problems.filter((p) => /__proto__/.test(p.field ?? '')).map((p) => p.file)).toEqual([
      'refleks.yaml',
      'groups/gruppe.yaml',
      'groups/gruppe.yaml',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
