/**
 * Portability in the pure parts and in `init`: the `$schema` comments point
 * into the workspace by a relative path, the winter holiday follows the county
 * (never an assumed week 8), and paths in messages use `/`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run as init } from '../../src/commands/init.js';
import type { CliContext } from '../../src/commands/support/context.js';
import { COUNTIES, findCounty, isoWeekMonday } from '../../src/core/counties.js';
import { fixSchemaComment, schemaRef } from '../../src/core/schema-comment.js';
import { workspaceYaml } from '../../src/core/workspace-template.js';
import { shownPath } from '../../src/paths.js';
import { ScriptedPrompter } from './new-group.helpers.js';

describe('$schema comments', () => {
  it('point from each file to .refleks/schemas/ by a relative path', () => {
    expect(schemaRef('refleks.yaml', 'workspace.schema.json')).toBe('.refleks/schemas/workspace.schema.json');
    expect(schemaRef('groups/sone-nord.yaml', 'group.schema.json')).toBe('../.refleks/schemas/group.schema.json');
  });

  it('an old comment into the installed package is moved; nothing else in the file changes', () => {
    const old =
      '# yaml-language-server: $schema=../../gprefix/lib/node_modules/refleks/schemas/group.schema.json\r\n# Gruppefil\r\nname: A\r\n';
    expect(fixSchemaComment(old, 'groups/a.yaml')).toBe(
      '# yaml-language-server: $schema=../.refleks/schemas/group.schema.json\r\n# Gruppefil\r\nname: A\r\n',
    );
    const windows =
      '# yaml-language-server: $schema=..\\..\\AppData\\Roaming\\npm\\node_modules\\refleks\\schemas\\workspace.schema.json\nname: x\n';
    expect(fixSchemaComment(windows, 'refleks.yaml')).toBe(
      '# yaml-language-server: $schema=.refleks/schemas/workspace.schema.json\nname: x\n',
    );
  });

  it("leaves a right comment, no comment, and someone else's schema alone", () => {
    expect(
      fixSchemaComment(
        '# yaml-language-server: $schema=../.refleks/schemas/group.schema.json\nname: A\n',
        'groups/a.yaml',
      ),
    ).toBeUndefined();
    expect(fixSchemaComment('name: A\n', 'groups/a.yaml')).toBeUndefined();
    expect(
      fixSchemaComment('# yaml-language-server: $schema=https://example.org/mine.json\nname: A\n', 'groups/a.yaml'),
    ).toBeUndefined();
    // A comment further down, after the settings, is a person's text.
    expect(
      fixSchemaComment('name: A\n# yaml-language-server: $schema=/x/schemas/group.schema.json\n', 'groups/a.yaml'),
    ).toBeUndefined();
  });
});

describe('paths in messages', () => {
  it('are relative and use / even where the platform separator is \\', () => {
    expect(shownPath('/a/ws', '/a/ws/ut/sone-nord/x.docx')).toBe('ut/sone-nord/x.docx');
    expect(shownPath('/a/ws', '/a/ws')).toBe('.');
    expect(shownPath('/a/ws', '/a/other/f.csv')).toBe('../other/f.csv');
  });
});

describe('the winter holiday init writes', () => {
  const base = { organisation: 'Lillevik kommune', organiser: { name: 'Ingrid', email: 'i@l.no' }, year: 2026 };
  const blackouts = (text: string) =>
    (parse(text) as { blackouts: { name: string; from: string; to: string }[] }).blackouts;

  it('ISO weeks: Monday of week 8 and 9', () => {
    expect(isoWeekMonday(2027, 8)).toBe('2027-02-22');
    expect(isoWeekMonday(2027, 9)).toBe('2027-03-01');
    expect(isoWeekMonday(2026, 9)).toBe('2026-02-23');
    expect(isoWeekMonday(2026, 1)).toBe('2025-12-29');
    expect(isoWeekMonday(2021, 8)).toBe('2021-02-22');
  });

  it('is week 9 in Rogaland and week 8 in Oslo, Monday to Friday', () => {
    expect(
      blackouts(workspaceYaml({ ...base, county: findCounty('Rogaland')! })).find((b) => b.name === 'Vinterferie'),
    ).toEqual({ name: 'Vinterferie', from: '2027-03-01', to: '2027-03-05' });
    expect(
      blackouts(workspaceYaml({ ...base, county: findCounty('oslo')! })).find((b) => b.name === 'Vinterferie'),
    ).toEqual({ name: 'Vinterferie', from: '2027-02-22', to: '2027-02-26' });
  });

  it('without a county, or in one split between weeks, both weeks are comments to choose from', () => {
    for (const county of [undefined, findCounty('Vestland')]) {
      const text = workspaceYaml({ ...base, ...(county ? { county } : {}) });
      expect(blackouts(text).map((b) => b.name)).toEqual(['Juleferie', 'Fellesferie']);
      expect(text).toContain('  # - { name: Vinterferie, from: 2027-02-22, to: 2027-02-26 }   # uke 8');
      expect(text).toContain('  # - { name: Vinterferie, from: 2027-03-01, to: 2027-03-05 }   # uke 9');
      // Uncommenting one line gives a valid blackout.
      expect(
        blackouts(
          text.replace('  # - { name: Vinterferie, from: 2027-03-01', '  - { name: Vinterferie, from: 2027-03-01'),
        ),
      ).toHaveLength(3);
    }
  });

  it('every county is found by its name as people write it', () => {
    expect(COUNTIES).toHaveLength(15);
    for (const c of COUNTIES) expect(findCounty(c.name.toUpperCase())).toBe(c);
    expect(findCounty('More og Romsdal')?.name).toBe('Møre og Romsdal');
  });
});

describe('refleks init asks for the county on a terminal', () => {
  const ctx = (lines: string[]): CliContext => ({
    lang: 'nb',
    langFromFlag: false,
    cwd: mkdtempSync(join(tmpdir(), 'refleks-init-')),
    debug: false,
    quiet: false,
    isTTY: true,
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });

  it("and writes that county's week", async () => {
    const lines: string[] = [];
    const c = ctx(lines);
    const prompter = new ScriptedPrompter([[/fylke/, 'buskerud']]);
    expect(await init(c, 'kurs', {}, prompter)).toBe(0);
    expect(prompter.remaining).toBe(0);
    expect(readFileSync(join(c.cwd, 'kurs/refleks.yaml'), 'utf8')).toContain(
      '  - { name: Vinterferie, from: 2027-03-01, to: 2027-03-05 }',
    );
  });

  it('and «vet ikke» writes both weeks as comments and says so', async () => {
    const lines: string[] = [];
    const c = ctx(lines);
    expect(await init(c, 'kurs', {}, new ScriptedPrompter([[/fylke/, 'Vet ikke']]))).toBe(0);
    expect(readFileSync(join(c.cwd, 'kurs/refleks.yaml'), 'utf8')).not.toMatch(/^ {2}- \{ name: Vinterferie/m);
    expect(lines.join('\n')).toContain('fjern # foran riktig uke');
  });
});
