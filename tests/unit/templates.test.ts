import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, InputError, type Problem } from '../../src/core/problems.js';
import { compileCount, createRenderer } from '../../src/templates/engine.js';
import { joinList } from '../../src/templates/helpers.js';
import { resolveTemplate, templateLayers } from '../../src/templates/lookup.js';
import type { Workspace } from '../../src/core/model.js';
import { loadFormWording } from '../../src/load/form-wording.js';

/** A workspace root and a fake built-in folder, each with the given files. */
function fixture(files: Record<string, string>): { root: string; builtin: string; option: string } {
  const base = mkdtempSync(join(tmpdir(), 'refleks-tpl-'));
  const root = join(base, 'ws');
  const builtin = join(base, 'builtin');
  const option = join(base, 'option');
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(base, rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
  }
  mkdirSync(root, { recursive: true });
  mkdirSync(builtin, { recursive: true });
  return { root, builtin, option };
}

function problemOf(fn: () => unknown): Problem {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems[0]!;
  }
  throw new Error('expected an InputError');
}

describe('template lookup', () => {
  const fx = fixture({
    'builtin/page.html.hbs': 'built-in',
    'ws/templates/page.html.hbs': 'workspace',
    'ws/templates/mestring/page.html.hbs': 'mestring',
    'option/page.html.hbs': 'option',
    'builtin/only-builtin.html.hbs': 'only built-in',
  });

  it('takes --templates, then the programme folder, then the workspace, then the built-in', () => {
    const render = (cfg: object, programmeId?: string) =>
      createRenderer({ root: fx.root, builtinDir: fx.builtin, ...cfg }).render(
        'page.html.hbs',
        {},
        programmeId ? { programmeId } : {},
      );
    expect(render({ optionDir: fx.option }, 'mestring')).toBe('option');
    expect(render({}, 'mestring')).toBe('mestring');
    expect(render({}, 'rehabilitering')).toBe('workspace');
    expect(render({})).toBe('workspace');
    expect(createRenderer({ root: fx.root, builtinDir: fx.builtin }).render('only-builtin.html.hbs', {})).toBe(
      'only built-in',
    );
  });

  it('names every path it tried when a template is missing', () => {
    const layers = templateLayers({ root: fx.root, builtinDir: fx.builtin, optionDir: fx.option }, 'mestring');
    const p = problemOf(() => resolveTemplate(layers, 'packs/nope.html.hbs', fx.root));
    const text = formatProblem(p, 'nb');
    const tried = [
      'option/packs/nope.html.hbs',
      'templates/mestring/packs/nope.html.hbs',
      'templates/packs/nope.html.hbs',
      'refleks:templates/packs/nope.html.hbs',
    ];
    let at = -1;
    for (const path of tried) {
      const i = text.indexOf(path);
      expect(i, path).toBeGreaterThan(at);
      at = i;
    }
  });

  it('refuses names that climb out of the template folders', () => {
    const layers = templateLayers({ root: fx.root, builtinDir: fx.builtin });
    expect(() => resolveTemplate(layers, '../../etc/passwd', fx.root)).toThrow(InputError);
  });
});

describe('form wording layers', () => {
  const fx = fixture({
    'builtin/forms/nb.yaml': 'a: built-in\nb: built-in\nc: built-in\nd: built-in\n',
    'ws/templates/forms/nb.yaml': 'b: workspace\nc: workspace\nd: workspace\n',
    'ws/templates/mestring/forms/nb.yaml': 'c: mestring\nd: mestring\n',
    'option/forms/nb.yaml': 'd: option\n',
  });
  const ws = { root: fx.root } as Workspace;

  it('are the template layers, merged key by key with the most specific winning', () => {
    const cfg = { builtinDir: fx.builtin, optionDir: fx.option };
    expect(loadFormWording(ws, 'mestring', 'nb', cfg)).toEqual({
      wording: { a: 'built-in', b: 'workspace', c: 'mestring', d: 'option' },
      problems: [],
    });
    expect(loadFormWording(ws, 'rehabilitering', 'nb', { builtinDir: fx.builtin }).wording).toEqual({
      a: 'built-in',
      b: 'workspace',
      c: 'workspace',
      d: 'workspace',
    });
    // The file whose keys win is the one a template lookup would take.
    expect(
      resolveTemplate(templateLayers({ root: fx.root, ...cfg }, 'mestring'), 'forms/nb.yaml', fx.root).layer.origin,
    ).toBe('option');
  });

  it('name a problem in an override by its place in the workspace', () => {
    const bad = fixture({
      'builtin/forms/nb.yaml': 'a: built-in\n',
      'ws/templates/mestring/forms/nb.yaml': 'b: typo\n',
    });
    const { wording, problems } = loadFormWording({ root: bad.root } as Workspace, 'mestring', 'nb', {
      builtinDir: bad.builtin,
    });
    expect(wording).toBeUndefined();
    expect(problems.map((p) => formatProblem(p, 'en'))).toEqual([
      expect.stringMatching(/^templates\/mestring\/forms\/nb\.yaml:1:1: b: unknown field "b"/),
    ]);
  });
});

describe('partials', () => {
  const fx = fixture({
    'builtin/page.html.hbs': '[{{> a}}|{{> b}}]',
    'builtin/partials/a.html.hbs': 'A-built-in',
    'builtin/partials/b.html.hbs': 'B-built-in',
    'ws/templates/partials/b.html.hbs': 'B-workspace',
    'ws/templates/mestring/partials/a.html.hbs': 'A-mestring',
    'builtin/uses-missing.html.hbs': 'x\n{{> nothere}}',
  });
  const renderer = createRenderer({ root: fx.root, builtinDir: fx.builtin });

  it('an overridden partial changes only its own part', () => {
    expect(renderer.render('page.html.hbs', {})).toBe('[A-built-in|B-workspace]');
  });

  it('a programme-specific partial wins for that programme only', () => {
    expect(renderer.render('page.html.hbs', {}, { programmeId: 'mestring' })).toBe('[A-mestring|B-workspace]');
    expect(renderer.render('page.html.hbs', {}, { programmeId: 'rehabilitering' })).toBe('[A-built-in|B-workspace]');
  });

  it('a missing partial names the template, its line and the paths tried', () => {
    const p = problemOf(() => renderer.render('uses-missing.html.hbs', {}));
    expect(p.file).toBe('refleks:templates/uses-missing.html.hbs');
    expect(p.line).toBe(2);
    expect(p.message.en).toContain('nothere');
    expect(p.message.en).toContain('templates/partials/nothere.html.hbs');
    expect(p.message.en).toContain('refleks:templates/partials/nothere.html.hbs');
  });
});

describe('strict templates', () => {
  const fx = fixture({
    'ws/templates/typo.html.hbs': '<p>\n  {{group.name}} {{sesion.date}}\n</p>',
    'ws/templates/partials/deep.html.hbs': 'ok\nok\n{{group.nmae}}',
    'ws/templates/outer.html.hbs': '{{> deep}}',
    'ws/templates/syntax.html.hbs': 'a\nb\n{{#if group}}\n{{group.name}\n{{/if}}',
    'ws/templates/mismatch.html.hbs': '{{#if group}}\n{{/each}}',
    'ws/templates/helper.html.hbs': '\n{{shout group.name}}',
    'ws/templates/proto.html.hbs': '{{constructor}}',
    'ws/templates/proto2.html.hbs': '{{#with group}}{{__proto__.polluted}}{{/with}}',
    'ws/templates/names.html.hbs': '{{#each people}}<li>{{name}}</li>{{/each}}',
    'ws/templates/names.md.hbs': '{{#each people}}- {{name}} & co\n{{/each}}',
    'ws/templates/helpers.html.hbs':
      '{{plural n "deltaker" "deltakere"}}|{{join people}}|{{date d}}|{{date d weekday=false}}|{{time "14:30"}}|{{addMinutes "14:30" 10}}|{{addMinutes "23:50" 20}}',
    'ws/templates/heading.html.hbs': '{{#h 2}}Agenda{{/h}}',
  });
  const renderer = createRenderer({ root: fx.root, builtinDir: fx.builtin });
  const data = { group: { name: 'Sone nord' }, session: { date: '2027-01-12' } };

  it('a misspelt variable names the file, line, column and variable', () => {
    const p = problemOf(() => renderer.render('typo.html.hbs', data));
    expect(p.file).toBe('templates/typo.html.hbs');
    expect(p.line).toBe(2);
    expect(p.column).toBeGreaterThan(1);
    expect(p.message.nb).toContain('sesion');
    expect(formatProblem(p, 'nb')).toMatch(/^templates\/typo\.html\.hbs:2:20: ukjent variabel «sesion\.date»/);
  });

  it('an error inside a partial names the partial, not the template that included it', () => {
    const p = problemOf(() => renderer.render('outer.html.hbs', data));
    expect(p.file).toBe('templates/partials/deep.html.hbs');
    expect(p.line).toBe(3);
    expect(p.message.en).toContain('nmae');
  });

  it('a syntax error names file and line', () => {
    const p = problemOf(() => renderer.render('syntax.html.hbs', data));
    expect(p.file).toBe('templates/syntax.html.hbs');
    expect(p.line).toBe(4);
    const q = problemOf(() => renderer.render('mismatch.html.hbs', data));
    expect(q.file).toBe('templates/mismatch.html.hbs');
    expect(q.message.en).toContain('{{#if}}');
    expect(q.message.en).toContain('{{/each}}');
  });

  it('an unknown helper is an error, not a lookup', () => {
    const p = problemOf(() => renderer.render('helper.html.hbs', data));
    expect(p.line).toBe(2);
    expect(p.message.en).toContain('shout');
  });

  it('prototype properties in a template are an error, never code', () => {
    for (const name of ['proto.html.hbs', 'proto2.html.hbs']) {
      const p = problemOf(() => renderer.render(name, data));
      expect(p.file).toBe(`templates/${name}`);
      expect(p.message.en).toMatch(/not allowed/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('data is never compiled: names that look like templates or HTML come out literally, escaped', () => {
    const people = [
      { name: '{{constructor}}' },
      { name: '<script>alert(1)</script>' },
      { name: "Camilla O'Neill & Co" },
    ];
    const html = renderer.render('names.html.hbs', { people });
    expect(html).toContain('<li>{{constructor}}</li>');
    expect(html).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Camilla O&#x27;Neill &amp; Co');
    // Markdown is not HTML-escaped (the pack view escapes Markdown itself).
    expect(renderer.render('names.md.hbs', { people: [{ name: 'Per & Pål' }] })).toBe('- Per & Pål & co\n');
  });

  it('helpers format Norwegian and English', () => {
    const people = [{ name: 'Kari' }, { name: 'Per' }, { name: 'Ali' }];
    expect(renderer.render('helpers.html.hbs', { lang: 'nb', n: 1, people, d: '2027-01-12' })).toBe(
      '1 deltaker|Kari, Per og Ali|tirsdag 12. januar 2027|12. januar 2027|14.30|14.40|00.10',
    );
    expect(renderer.render('helpers.html.hbs', { lang: 'en', n: 5, people, d: '2027-01-12' })).toBe(
      '5 deltakere|Kari, Per and Ali|Tuesday 12 January 2027|12 January 2027|14:30|14:40|00:10',
    );
    expect(joinList(['Kari'], 'nb')).toBe('Kari');
    expect(joinList(['Kari', 'Per'], 'en')).toBe('Kari and Per');
    expect(joinList([], 'nb')).toBe('');
  });

  it('headings shift down inside the combined view', () => {
    expect(renderer.render('heading.html.hbs', { headingOffset: 0 })).toBe('<h2>Agenda</h2>');
    expect(renderer.render('heading.html.hbs', { headingOffset: 1 })).toBe('<h3>Agenda</h3>');
  });
});

describe('compile cache', () => {
  it('compiles each template once per process, and again only when the file changes', () => {
    const fx = fixture({ 'builtin/page.html.hbs': '{{> p}}{{x}}', 'builtin/partials/p.html.hbs': '<{{x}}>' });
    const before = compileCount();
    for (let i = 0; i < 1000; i++) {
      // A new renderer per group, as a parallel build would make.
      expect(createRenderer({ root: fx.root, builtinDir: fx.builtin }).render('page.html.hbs', { x: i })).toBe(
        `<${i}>${i}`,
      );
    }
    expect(compileCount() - before).toBe(2);
    const page = join(fx.builtin, 'page.html.hbs');
    writeFileSync(page, '{{x}}!');
    utimesSync(page, new Date(), new Date(Date.now() + 5000));
    expect(createRenderer({ root: fx.root, builtinDir: fx.builtin }).render('page.html.hbs', { x: 1 })).toBe('1!');
    expect(compileCount() - before).toBe(3);
  });
});
