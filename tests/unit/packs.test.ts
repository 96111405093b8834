import { describe, expect, it } from 'vitest';
import type { Group, Workspace } from '../../src/core/model.js';
import { escapeMarkdown, packFiles } from '../../src/core/packs/render.js';
import { slugify } from '../../src/core/packs/view.js';
import { planGroup } from '../../src/core/schedule.js';
import type { Lang } from '../../src/core/text.js';
import type { OutputFile } from '../../src/io/write-outputs.js';
import { loadWorkspace } from '../../src/load/workspace.js';
import { createRenderer } from '../../src/templates/engine.js';
import { DEMO } from '../helpers/cli.js';

const EMAIL = /[\w.+-]+@[\w-]+\.[a-z]{2,}|mailto:/i;
const loaded = loadWorkspace(DEMO);
const ws = loaded.workspace as Workspace;

function group(id: string): Group {
  const g = ws.groups.find((x) => x.id === id);
  if (!g) throw new Error(`demo group ${id} is missing`);
  return g;
}

function render(g: Group, lang: Lang = 'nb'): Map<string, string> {
  const files: OutputFile[] = packFiles(ws, planGroup(g, ws.settings), createRenderer({ root: ws.root }), lang);
  return new Map(files.map((f) => [f.path.split('/').pop()!, String(f.bytes)]));
}

function file(files: Map<string, string>, prefix: string): string {
  const ext = prefix.endsWith('.md') ? '' : '.html';
  const hits = [...files.keys()].filter((k) => k.startsWith(prefix) && k.endsWith(ext));
  expect(hits, prefix).toHaveLength(1);
  return files.get(hits[0]!)!;
}

/** «13.00» plus minutes, counted by hand so the test does not reuse the code under test. */
function clock(start: string, plus: number): string {
  const total = +start.slice(0, 2) * 60 + +start.slice(3, 5) + plus;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}.${String(total % 60).padStart(2, '0')}`;
}

describe('packs for the demo', () => {
  it('loads the demo', () => {
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ws.groups.length).toBe(4);
  });

  it('every group gets a pack and a handout per theme in HTML and Markdown, an index and alle.html', () => {
    for (const g of ws.groups) {
      const files = packFiles(ws, planGroup(g, ws.settings), createRenderer({ root: ws.root }), 'nb');
      const names = files.map((f) => f.path);
      for (const f of names)
        expect(f.startsWith(`ut/${g.id}/veileder/`) || f.startsWith(`ut/${g.id}/deltaker/deltakerark-`)).toBe(true);
      g.themes.forEach((th, i) => {
        const slug = slugify(th.theme.title);
        expect(slug).toMatch(/^[a-z0-9-]+$/);
        for (const name of [`tema-${i + 1}-${slug}.html`, `tema-${i + 1}-${slug}.md`])
          expect(names).toContain(`ut/${g.id}/veileder/${name}`);
        // Handouts have a folder of their own: what is handed out, apart from what is not.
        for (const name of [`deltakerark-${i + 1}-${slug}.html`, `deltakerark-${i + 1}-${slug}.md`])
          expect(names).toContain(`ut/${g.id}/deltaker/${name}`);
      });
      expect(names).toContain(`ut/${g.id}/veileder/index.html`);
      expect(names).toContain(`ut/${g.id}/veileder/alle.html`);
      expect(names).toHaveLength(g.themes.length * 4 + 2);
    }
  });

  it('the agenda follows the real start time of each session', () => {
    for (const [id, start] of [
      ['sykehjem-kombinert', '14:30'],
      ['sone-nord', '13:00'],
      ['mestringstreff-var', '18:00'],
    ] as const) {
      const g = group(id);
      expect(g.time).toBe(start);
      const files = render(g);
      g.themes.forEach((th, i) => {
        const html = file(files, `tema-${i + 1}-`);
        const md = file(files, `tema-${i + 1}-${slugify(th.theme.title)}.md`);
        let at = 0;
        for (const block of th.theme.agenda) {
          const from = clock(start, at);
          at += block.minutes;
          const row = `<tr><th scope="row">${from}–${clock(start, at)}</th>`;
          expect(html, `${id} tema ${i + 1}`).toContain(row);
          expect(md).toContain(`| ${from}–${clock(start, at)} |`);
        }
      });
    }
    const first = file(render(group('sykehjem-kombinert')), 'tema-1-');
    expect(first).toContain('14.30–14.40');
    expect(first).toContain('kl. 14.30–16.30');
    expect(first).not.toContain('13.00');
  });

  it('shows the date and place from the plan, also a moved session and another room', () => {
    const g = group('rehab-teamet');
    const plan = planGroup(g, ws.settings);
    const files = render(g);
    const moved = plan.sessions.find((s) => s.moved);
    expect(moved, 'rehab-teamet crosses skjærtorsdag').toBeDefined();
    expect(file(files, `tema-${moved!.number}-`)).toContain('Flyttet fra');
    const fourth = file(files, 'tema-4-');
    expect(fourth).toContain('Kommunestyresalen, Rådhuset');
    expect(fourth).toContain('Undervisningsrommet er opptatt denne dagen.');
    expect(file(files, 'tema-1-')).toContain('torsdag 11. mars 2027 kl. 13.00–15.00');
  });

  it('packs name the people coming, never their e-mail addresses; the leader only when invited', () => {
    const g = group('sone-nord');
    const files = render(g);
    for (const [name, text] of files) expect(text, name).not.toMatch(EMAIL);
    const plan = planGroup(g, ws.settings);
    for (const s of plan.sessions) {
      const pack = file(files, `tema-${s.number}-`);
      expect(pack).toContain('Kari Nordmann');
      for (const p of g.participants) expect(pack).toContain(p.name);
      expect(pack).toContain('Sone nord, Helsefagarbeider');
      expect(pack.includes('Per Hansen'), `leader in session ${s.number}`).toBe(s.leaderInvited);
    }
    const treff = render(group('mestringstreff-var'));
    expect(file(treff, 'tema-1-')).toContain('Arne Fjeld');
  });

  it('the handout has the questions and the work for next time, without notes or other people', () => {
    const g = group('sone-nord');
    const files = render(g);
    const theme = g.themes[0]!.theme;
    const handout = file(files, 'deltakerark-1-');
    for (const q of theme.questions) expect(handout).toContain(q);
    for (const w of theme.betweenSessions) expect(handout).toContain(w);
    for (const n of theme.facilitatorNotes) expect(handout).not.toContain(n.slice(0, 40));
    for (const p of g.participants) expect(handout).not.toContain(p.name);
    expect(handout).not.toContain('Per Hansen');
    expect(handout).not.toMatch(EMAIL);
    expect(handout).toContain('tirsdag 12. januar 2027 kl. 13.00–15.00');
    const last = file(files, `deltakerark-${g.themes.length}-`);
    expect(last).toContain('siste samling');
  });

  it('the pack has goals, questions, the work to hand out, materials, the role and a checklist', () => {
    const g = group('sone-nord');
    const theme = g.themes[0]!.theme;
    const pack = file(render(g), 'tema-1-');
    for (const text of [
      theme.title,
      ...theme.goals,
      ...theme.questions,
      ...theme.betweenSessions,
      ...theme.facilitatorNotes,
      ...theme.materials.map((m) => m.title),
    ]) {
      expect(pack).toContain(text.replace(/'/g, '&#x27;').replace(/"/g, '&quot;'));
    }
    expect(pack).toContain('Sjekkliste før samlingen');
    expect(pack).toContain('Rommet er reservert');
    expect(pack).toContain('Filmen er testet');
    expect(pack).toContain('Din rolle som veileder');
    expect(pack).toContain('ansvaret');
    expect(pack).toMatch(/<html lang="nb">/);
  });

  it('the index lists the sessions in order, and alle.html has every pack with a page break between', () => {
    const g = group('sykehjem-kombinert');
    const files = render(g);
    const index = files.get('index.html')!;
    let at = -1;
    g.themes.forEach((th, i) => {
      const href = `href="tema-${i + 1}-${slugify(th.theme.title)}.html"`;
      expect(index.indexOf(href)).toBeGreaterThan(at);
      at = index.indexOf(href);
    });
    expect(index).toContain('href="alle.html"');
    const all = files.get('alle.html')!;
    expect(all.match(/<article class="theme pack">/g)).toHaveLength(g.themes.length);
    expect(all).toMatch(/\.theme \+ \.theme \{[^}]*break-before: page/);
    expect(all.match(/<h1[ >]/g)).toHaveLength(1);
    expect(all).toMatch(/@page \{ size: A4/);
  });

  it('a cancelled session says so in its pack, its handout and the index', () => {
    const g = group('sone-nord');
    const cancelled: Group = { ...g, overrides: new Map([...g.overrides, [3, { cancelled: true }]]) };
    const files = render(cancelled);
    expect(file(files, 'tema-3-')).toContain('Denne samlingen er avlyst.');
    expect(file(files, 'deltakerark-3-')).toContain('Denne samlingen er avlyst.');
    expect(file(files, 'tema-2-')).not.toContain('avlyst');
    expect(files.get('index.html')).toMatch(/<strong>Avlyst:<\/strong> [^<]*<span class="note">/);
    // The work handed out in session 2 points at the next session that takes place:
    // session 3 (9 February) is cancelled, session 4 was moved off the winter break to 2 March.
    expect(file(files, 'tema-2-')).toContain('Neste samling: tirsdag 2. mars 2027 kl. 13.00–15.00');
    expect(file(files, 'tema-2-')).not.toContain('9. februar');
  });

  it('names and places come out escaped in HTML and as text in Markdown', () => {
    const g = group('sone-nord');
    const evil: Group = {
      ...g,
      name: 'Gruppe {{constructor}}',
      participants: [
        ...g.participants,
        { name: '<script>alert(1)</script>', email: 'x@example.org' },
        { name: '{{constructor.constructor}}' },
      ],
    };
    const files = render(evil);
    const pack = file(files, 'tema-1-');
    expect(pack).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(pack).not.toContain('<script');
    expect(pack).toContain('{{constructor.constructor}}');
    expect(pack).toContain('Gruppe {{constructor}}');
    const md = file(files, `tema-1-${slugify(g.themes[0]!.theme.title)}.md`);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).not.toContain('x@example.org');
    expect(escapeMarkdown({ a: 'x|y', url: 'https://a.no/b_c', files: { pack: 'tema-1-a_b.html' } })).toEqual({
      a: 'x\\|y',
      url: 'https://a.no/b_c',
      files: { pack: 'tema-1-a_b.html' },
    });
  });

  it('English packs have English labels, dates and lang', () => {
    const files = render(group('sone-nord'), 'en');
    const pack = file(files, 'tema-1-');
    expect(pack).toContain('<html lang="en">');
    expect(pack).toContain('Tuesday 12 January 2027, 13:00–15:00');
    expect(pack).toContain('Reflection questions');
    expect(pack).toContain('13:00–13:10');
    expect(pack).toContain('5 participants');
  });

  it('makes ASCII slugs', () => {
    expect(slugify('Mål – målrettet prosess')).toBe('mal-malrettet-prosess');
    expect(slugify('Kropp, aktivitet og hvile')).toBe('kropp-aktivitet-og-hvile');
    expect(slugify('Æøå ÆØÅ é')).toBe('aeoa-aeoa-e');
    expect(slugify('???')).toBe('tema');
    expect(slugify('a'.repeat(80)).length).toBeLessThanOrEqual(48);
  });
});
