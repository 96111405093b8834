/**
 * Issue 12: the template field check (every branch, helper argument and
 * partial), `{{log}}` and prototype members in helpers, characters no
 * document can hold, links and Markdown escaping.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownText, markdownUrl } from '../../src/core/packs/render.js';
import { VIEW_TEMPLATES } from '../../src/core/packs/sample-view.js';
import { formatProblem, InputError, type Problem } from '../../src/core/problems.js';
import { parseRoster } from '../../src/load/roster.js';
import { unsafeChar } from '../../src/core/safe-text.js';
import { listGroupFiles } from '../../src/load/group-files.js';
import { FAIL, str, url, type Ctx } from '../../src/load/schema.js';
import { parseYaml } from '../../src/load/yaml-file.js';
import { createRenderer, fieldProblems, workspaceFieldProblems } from '../../src/templates/engine.js';
import { helpers } from '../../src/templates/helpers.js';
import { templateLayers } from '../../src/templates/lookup.js';
import { BUILTIN_TEMPLATES } from '../../src/paths.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const nb = (ps: Problem[]) => ps.map((p) => formatProblem(p, 'nb'));

/** A workspace whose templates/ holds the given files (relative to templates/). */
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'refleks-i12-'));
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(root, 'templates', rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
  }
  return root;
}

const builtin = (name: string) => readFileSync(join(BUILTIN_TEMPLATES, name), 'utf8');

describe('template field check', () => {
  it('finds nothing in the built-in templates, for any programme', () => {
    const root = workspace({});
    for (const pid of [undefined, 'mestring', 'rehabilitering', 'mestringstreff']) {
      for (const name of VIEW_TEMPLATES)
        expect(fieldProblems(templateLayers({ root }, pid), root, name), name).toEqual([]);
    }
  });

  it('finds a misspelling in an #each argument, in a branch not taken, in a helper argument and a subexpression', () => {
    const root = workspace({
      'packs/pack.html.hbs':
        '{{#each agneda}}{{title}}{{/each}}\n{{#if session.cancelled}}{{agendaWarnig}}{{/if}}\n{{join people.participnts}} {{#if (eq session.numbr 1)}}x{{/if}}\n',
    });
    expect(nb(workspaceFieldProblems({ root }, []))).toEqual([
      'templates/packs/pack.html.hbs:1:9: ukjent variabel «agneda». Mente du «agenda»?',
      'templates/packs/pack.html.hbs:2:28: ukjent variabel «agendaWarnig». Mente du «agendaWarning»?',
      'templates/packs/pack.html.hbs:3:8: ukjent variabel «people.participnts». Mente du «people.participants»?',
      'templates/packs/pack.html.hbs:3:39: ukjent variabel «session.numbr». Mente du «session.number»?',
    ]);
  });

  it('knows list items, block parameters, ../, @root and partial hash values', () => {
    const root = workspace({
      'packs/pack.html.hbs':
        '{{#each agenda as |item i|}}{{item.title}}{{i}}{{../title}}{{@root.labels.agenda}}{{@index}}{{titel}}{{/each}}\n' +
        '{{#with session.place}}{{room}}{{rom}}{{/with}}{{> header kicker=labels.pack}}{{betweenSessions.length}}{{agenda.lenght}}\n',
    });
    expect(nb(workspaceFieldProblems({ root }, []))).toEqual([
      'templates/packs/pack.html.hbs:1:95: ukjent variabel «titel». Mente du «title»?',
      'templates/packs/pack.html.hbs:2:34: ukjent variabel «rom». Mente du «room»?',
      'templates/packs/pack.html.hbs:2:107: ukjent variabel «agenda.lenght»: agenda er en liste. Gå gjennom listen med {{#each agenda}} … {{/each}}.',
    ]);
  });

  it('checks a partial in the context it is included with, and reports unknown helpers', () => {
    const root = workspace({
      'partials/people.md.hbs': '{{#each people.participants}}{{nmae}}{{/each}}{{joni people.participants}}\n',
    });
    const found = nb(workspaceFieldProblems({ root }, []));
    expect(found).toContain('templates/partials/people.md.hbs:1:32: ukjent variabel «nmae». Mente du «name»?');
    expect(found).toContain('templates/partials/people.md.hbs:1:49: ukjent hjelper «joni». Mente du «join»?');
  });

  it('knows the fields join may name', () => {
    const root = workspace({
      'packs/pack.html.hbs':
        '{{join people.participants "detail"}} {{join people.participants "nmae"}} {{join people.participants "constructor"}}',
    });
    expect(nb(workspaceFieldProblems({ root }, []))).toEqual([
      'templates/packs/pack.html.hbs:1:66: ukjent felt «nmae» i people.participants. Mente du «name»?',
      'templates/packs/pack.html.hbs:1:102: ukjent felt «constructor» i people.participants. Kjente felt: name, detail.',
    ]);
  });

  it('a layout may only name what every page it wraps has', () => {
    const root = workspace({
      'packs/layout.html.hbs': builtin('packs/layout.html.hbs').replace('{{{body}}}', '{{{body}}}{{session.whenText}}'),
    });
    expect(nb(workspaceFieldProblems({ root }, []))[0]).toMatch(
      /^templates\/packs\/layout\.html\.hbs:\d+:\d+: ukjent variabel «session\.whenText»/,
    );
  });

  it('the renderer refuses before the first render, naming every problem at once', () => {
    const root = workspace({
      'packs/handout.html.hbs': '{{#if nextSession}}{{agendaWarnig}}{{/if}}',
      'partials/agenda.md.hbs': '{{#each agneda}}{{/each}}',
    });
    const renderer = createRenderer({ root });
    let err: unknown;
    try {
      renderer.render('packs/pack.html.hbs', {}, { programmeId: 'mestring' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems).toHaveLength(2);
  });
});

describe('helpers', () => {
  it('{{log}} writes nothing and join never reaches a prototype member', () => {
    const root = workspace({
      'packs/x.html.hbs': '{{log "hei"}}[{{join list "constructor"}}][{{join list "toString"}}][{{join list}}]',
    });
    const out: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
    let html: string;
    try {
      html = createRenderer({ root }).render('packs/x.html.hbs', { list: [{ name: 'Kari' }, { name: 'Per' }] });
    } finally {
      process.stdout.write = write;
    }
    expect(html).toBe('[][][Kari og Per]');
    expect(out.join('')).toBe('');
    expect((helpers.join as (...a: unknown[]) => unknown)([{}], 'constructor', { hash: {}, data: {} })).toBe('');
  });
});

describe('characters no document can hold', () => {
  it('are found by code point, surrogates and noncharacters included', () => {
    for (const s of ['a\uFFFEb', 'a\uFFFF', '\u0001', 'x\u0085', '\uD800', 'a\uDC00b', '\uFDD0', '\u{1FFFF}'])
      expect(unsafeChar(s), JSON.stringify(s)).toBeDefined();
    for (const s of ['Ærlig Øyvind Åsen', 'tab\there', 'line\nbreak\r\n', '😀 emoji', '\u00A0nbsp'])
      expect(unsafeChar(s), JSON.stringify(s)).toBeUndefined();
  });

  it('in a YAML file are reported where they stand, also when written as an escape', () => {
    expect(nb(parseYaml('groups/g.yaml', utf8('name: Sone\uFFFF nord\n')).problems)[0]).toMatch(
      /^groups\/g\.yaml:1:11: tegnet U\+FFFF kan ikke stå i et dokument/,
    );
    expect(nb(parseYaml('groups/g.yaml', utf8('a: 1\n# ok\nname: "Sone\\uFFFE nord"\n')).problems)[0]).toMatch(
      /^groups\/g\.yaml:3:7: tegnet U\+FFFE kan ikke stå/,
    );
    expect(nb(parseYaml('groups/g.yaml', utf8('name: "\\uD800"\n')).problems)[0]).toMatch(/U\+D800/);
  });

  it('in a CSV roster refuse the row', () => {
    const roster = parseRoster(utf8('Navn;E-post\nKari\uFFFE Nordmann;kari@kommune.no\nPer Hansen;per@kommune.no\n'));
    expect(roster.people.map((p) => p.name)).toEqual(['Per Hansen']);
    expect(roster.problems[0]).toMatchObject({ row: 2 });
    expect(roster.problems[0]!.message.nb).toContain('U+FFFE');
  });
});

describe('one-line fields and links', () => {
  const run = <T>(schema: { parse(v: unknown, p: (string | number)[], c: Ctx): T | typeof FAIL }, v: unknown) => {
    const ctx: Ctx = { issues: [] };
    const value = schema.parse(v, [], ctx);
    return { value, message: ctx.issues[0]?.message.nb, hint: ctx.issues[0]?.hint?.nb };
  };

  it('a name refuses tabs and line breaks; a multi-line text keeps them', () => {
    expect(run(str({ oneLine: true }), 'Kari\tNordmann').message).toBe('inneholder tabulator, men må stå på én linje');
    expect(run(str({ oneLine: true }), 'Kari\n# Overskrift').message).toBe(
      'inneholder linjeskift, men må stå på én linje',
    );
    expect(run(str({ oneLine: true }), 'Kari\u2028Per').message).toBe('inneholder linjeskift, men må stå på én linje');
    expect(run(str(), 'Avsnitt én.\n\nAvsnitt to.').value).toBe('Avsnitt én.\n\nAvsnitt to.');
  });

  it('a link must be http(s), whole, and hold nothing that ends it early', () => {
    expect(run(url(), 'https://teams.microsoft.com/l/meetup-join/19%3a').value).toBe(
      'https://teams.microsoft.com/l/meetup-join/19%3a',
    );
    expect(run(url(), 'javascript:alert(1)//https://teams.example').message).toBe(
      'lenken må begynne med https:// (fant «javascript:»)',
    );
    expect(run(url(), 'teams.microsoft.com/l/x')).toMatchObject({
      message: '«teams.microsoft.com/l/x» er ikke en lenke: den må begynne med https://',
      hint: 'Skriv «https://teams.microsoft.com/l/x».',
    });
    expect(run(url(), 'https://a.example/>[Klikk her](https://evil.example/phish)<').message).toBe(
      'lenken inneholder tegnet >, som ikke kan stå i en lenke',
    );
    expect(run(url(), 'https://a.example/møte rom').message).toBe(
      'lenken inneholder mellomrom, som ikke kan stå i en lenke',
    );
    expect(run(url(), 'https://').message).toBe('«https://» er ikke en gyldig lenke');
  });
});

describe('Markdown escaping', () => {
  it('text cannot start a block, break a table row or become HTML', () => {
    expect(markdownText('# Ali')).toBe('\\# Ali');
    expect(markdownText('Ali\n- Per\n# Overskrift')).toBe('Ali - Per # Overskrift');
    expect(markdownText('a | b')).toBe('a \\| b');
    expect(markdownText('<script>')).toBe('\\<script\\>');
    expect(markdownText('1. Første')).toBe('1\\. Første');
    expect(markdownText('Avsnitt.\n\n- ikke en liste')).toBe('Avsnitt.\n\n\\- ikke en liste');
    expect(markdownText('tirsdag 12. januar 2027 kl. 13.00–15.00')).toBe('tirsdag 12. januar 2027 kl. 13.00–15.00');
  });

  it('a link cannot be closed early', () => {
    expect(markdownUrl('https://a.example/x)[Klikk](https://evil.example)')).toBe(
      'https://a.example/x%29%5BKlikk%5D%28https://evil.example%29',
    );
    expect(markdownUrl('https://a.example/>x<')).toBe('https://a.example/%3Ex%3C');
  });
});

describe('group files', () => {
  it('two names for one id: the later file is refused, for every command', () => {
    const root = mkdtempSync(join(tmpdir(), 'refleks-i12-'));
    mkdirSync(join(root, 'groups'));
    for (const f of ['gruppe.yaml', 'gruppe.yml', 'GRUPPE.yaml', 'annen.YAML'])
      writeFileSync(join(root, 'groups', f), 'name: x\n');
    const listed = listGroupFiles(root);
    expect(listed.names).toEqual(['GRUPPE.yaml', 'annen.YAML', 'gruppe.yaml']);
    expect(nb(listed.problems)).toEqual([
      expect.stringMatching(/^groups\/gruppe\.yml: gruppe-id «gruppe» brukes også av groups\/gruppe\.yaml\./),
    ]);
  });
});
