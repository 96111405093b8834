/**
 * What the forms say: pre-filled content, hours on certificates, cancelled
 * sessions, the wording files and their overrides, file names, and equal
 * bytes for equal input.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildWording, loadFormWording } from '../../src/load/form-wording.js';
import { slugify as nameSlug, uniqueSlugs } from '../../src/core/slug.js';
import { formatDate, formatSessionTime, formatShortDate } from '../../src/core/format-date.js';
import { formatProblem } from '../../src/core/problems.js';
import { planGroup } from '../../src/core/schedule.js';
import { copyInputs, DEMO, ROOT } from '../helpers/cli.js';
import { byName, group, loadDemo, parts, renderForms, text } from './forms.helpers.js';

const ws = loadDemo();

function docText(bytes: Uint8Array | string): string {
  return text(parts(bytes)['word/document.xml']!);
}

describe('file names of certificates', () => {
  it('are ASCII, spelt the way Norwegian names are in e-mail addresses', () => {
    expect(nameSlug('Siri Ødegård')).toBe('siri-odegard');
    expect(nameSlug('Jonas Æsøy')).toBe('jonas-aesoy');
    expect(nameSlug('Marte Lien-Åberg')).toBe('marte-lien-aberg');
    expect(nameSlug("Camilla O'Neill")).toBe('camilla-oneill');
    expect(nameSlug('Zoë Müller-Łukasz')).toBe('zoe-muller-lukasz');
  });

  it('are unique within a group, even for equal names or names without letters', () => {
    expect(uniqueSlugs(['Anne Berg', 'Anne Berg', 'Anne  Berg', '山田'], 'deltaker')).toEqual([
      'anne-berg',
      'anne-berg-2',
      'anne-berg-3',
      'deltaker-4',
    ]);
  });
});

describe('content of the forms', () => {
  it('fills the planning form with the group, the people and every session date', async () => {
    const files = await renderForms(ws, 'sone-nord');
    const g = group(ws, 'sone-nord');
    const body = docText(byName(files, 'planleggingsskjema.docx').bytes);
    for (const s of [
      g.name,
      ws.settings.organisation,
      g.facilitator.name,
      g.leader!.name,
      g.programmeTitle,
      g.location.text,
    ])
      expect(body).toContain(s);
    for (const p of g.participants) expect(body).toContain(p.name);
    for (const s of planGroup(g, ws.settings).sessions) {
      expect(body).toContain(formatSessionTime(s.date, s.start, s.end, 'nb'));
      expect(body).toContain(s.theme.theme.title);
    }
    // Mestring plans with the general questions, not the didactic model.
    expect(body).toContain('Hvem dekker vaktene');
    expect(body).not.toContain('didaktiske relasjonsmodellen');
  });

  it('plans Mestringstreff along the six elements of the didactic relation model', async () => {
    const body = docText(byName(await renderForms(ws, 'mestringstreff-var'), 'planleggingsskjema.docx').bytes);
    expect(body).toContain('didaktiske relasjonsmodellen');
    for (const element of ['Målgruppe', 'Mål', 'Rammefaktorer', 'Innhold', 'Metoder og arbeidsmåter', 'Evaluering'])
      expect(body).toContain(element);
    // Two equal course leaders, each with the programme's label for the role.
    expect(body).toContain('Kursleder (fagperson)');
    expect(body).toContain('Kursleder (erfaringskonsulent)');
    expect(body).toContain('Arne Fjeld');
  });

  it('marks moved sessions with the reason, and another place where a session has one', async () => {
    const g = group(ws, 'rehab-teamet');
    const plan = planGroup(g, ws.settings);
    const moved = plan.sessions.find((s) => s.moved);
    expect(moved).toBeDefined();
    const body = docText(byName(await renderForms(ws, 'rehab-teamet'), 'planleggingsskjema.docx').bytes);
    expect(body).toContain(`flyttet fra ${formatDate(moved!.moved!.from, 'nb')}`);
    expect(body).toContain('Kommunestyresalen, Rådhuset');
  });

  it('puts every participant and every session date in the attendance list', async () => {
    const g = group(ws, 'sykehjem-kombinert');
    const xml = parts(byName(await renderForms(ws, 'sykehjem-kombinert'), 'oppmoteliste.docx').bytes)[
      'word/document.xml'
    ]!;
    const body = text(xml);
    for (const p of g.participants) expect(body).toContain(p.name);
    for (const s of planGroup(g, ws.settings).sessions) expect(body).toContain(formatShortDate(s.date, 'nb'));
    expect((xml.match(/<w14:checkbox>/g) ?? []).length).toBe(g.participants.length * g.themes.length);
  });

  it('writes the certificate with the participant, the sessions held, hours of sessions and between-session work, and the period', async () => {
    const g = group(ws, 'sone-nord');
    const files = await renderForms(ws, 'sone-nord');
    const body = docText(byName(files, 'kursbevis/siri-odegard.docx').bytes);
    expect(body).toContain('Siri Ødegård');
    for (const other of g.participants.filter((p) => p.name !== 'Siri Ødegård')) expect(body).not.toContain(other.name);
    // Mestring: 5 sessions of 120 minutes, 1–2 hours between each of them.
    expect(body).toContain('5 samlinger på til sammen 10 timer, og 4–8 timer egenarbeid i tillegg.');
    expect(body).toContain(`${formatDate('2027-01-12', 'nb')} – ${formatDate('2027-03-16', 'nb')}`);
    for (const s of planGroup(g, ws.settings).sessions) expect(body).toContain(s.theme.theme.title);
    // Facilitator and leader sign.
    expect(body).toContain('Kari Nordmann, veileder');
    expect(body).toContain(`${g.leader!.name}, leder`);
    expect(body).toContain('Sted og dato');
    // No e-mail addresses on paper.
    for (const f of files) expect(docText(f.bytes)).not.toMatch(/@/);
  });

  it('leaves a cancelled session out of the certificate, its hours and its period, and marks it in the attendance list', async () => {
    const files = await renderForms(ws, 'sone-nord', 'nb', (g) => {
      g.overrides.set(5, { cancelled: true });
    });
    const plan = planGroup(group(ws, 'sone-nord'), ws.settings);
    const cert = docText(byName(files, 'kursbevis/ali-khan.docx').bytes);
    expect(cert).toContain('4 samlinger på til sammen 8 timer, og 3–6 timer egenarbeid i tillegg.');
    expect(cert).not.toContain(formatDate(plan.sessions[4]!.date, 'nb'));
    expect(cert).not.toContain(plan.sessions[4]!.theme.theme.title);
    expect(cert).not.toContain('avlyst');
    expect(cert).toContain(`${formatDate(plan.sessions[0]!.date, 'nb')} – ${formatDate(plan.sessions[3]!.date, 'nb')}`);
    const attendance = parts(byName(files, 'oppmoteliste.docx').bytes)['word/document.xml']!;
    expect(text(attendance)).toContain('(avlyst)');
    expect((attendance.match(/<w14:checkbox>/g) ?? []).length).toBe(5 * 4);
    expect(docText(byName(files, 'oppfolgingsskjema.docx').bytes)).toContain('Samlingen er avlyst.');
  });

  it('writes «inntil» when the group asks for no between-session work at the least', async () => {
    const files = await renderForms(ws, 'sone-nord', 'nb', (g) => {
      g.betweenSessionHours = { min: 0, max: 1 };
    });
    // 5 × 2 hours; 0–1 hours between each of the 4 intervals.
    expect(docText(byName(files, 'kursbevis/ali-khan.docx').bytes)).toContain(
      '5 samlinger på til sammen 10 timer, og inntil 4 timer egenarbeid i tillegg.',
    );
  });

  it('counts no voluntary suggestions as work on a Mestringstreff certificate', async () => {
    const cert = docText(byName(await renderForms(ws, 'mestringstreff-var'), 'kursbevis/randi-johansen.docx').bytes);
    // Mestringstreff: 6 × 2 hours; what it suggests between treff is voluntary.
    expect(cert).toContain('6 treff på til sammen 12 timer.');
    expect(cert).not.toContain('egenarbeid');
  });

  it('is written in English with lang en, dates included', async () => {
    const files = await renderForms(ws, 'sone-nord', 'en');
    const body = docText(byName(files, 'planleggingsskjema.docx').bytes);
    expect(body).toContain('Planning form');
    expect(body).toContain('Tuesday 12 January 2027');
    expect(body).not.toContain('Planleggingsskjema');
    expect(docText(byName(files, 'kursbevis/ali-khan.docx').bytes)).toContain(
      '5 sessions, 10 hours in all, and 4–8 hours of work in addition.',
    );
    // File names stay Norwegian: the folder layout is the same in both languages.
    expect(files.map((f) => f.path)).toContain('ut/sone-nord/skjema/oppfolgingsskjema.docx');
  });
});

describe('equal input gives equal bytes', () => {
  it('renders the same group twice to identical files, also in another time zone', async () => {
    const first = await renderForms(ws, 'rehab-teamet');
    const before = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const second = await renderForms(ws, 'rehab-teamet');
      expect(second.map((f) => f.path)).toEqual(first.map((f) => f.path));
      second.forEach((f, i) =>
        expect(Buffer.compare(Buffer.from(f.bytes), Buffer.from(first[i]!.bytes)), f.path).toBe(0),
      );
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('wording', () => {
  const builtin = (lang: string) =>
    parse(readFileSync(join(ROOT, 'templates', 'forms', `${lang}.yaml`), 'utf8')) as unknown;

  function shape(v: unknown, path = ''): string[] {
    if (typeof v === 'string')
      return [
        `${path}:text:${[...v.matchAll(/\{([a-z_]+)\}/g)]
          .map((m) => m[1])
          .sort()
          .join(',')}`,
      ];
    if (Array.isArray(v)) return [`${path}:list`];
    return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => shape(x, `${path}.${k}`));
  }

  it('has the same keys and placeholders in bokmål and English', () => {
    expect(shape(builtin('en')).sort()).toEqual(shape(builtin('nb')).sort());
  });

  function workspaceWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'refleks-wording-'));
    copyInputs(DEMO, dir);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    return dir;
  }

  it('lets the programme override win over the workspace override, which wins over the built-in, key by key', async () => {
    const dir = workspaceWith({
      'templates/forms/nb.yaml': 'planning:\n  title: Plan for gruppa\n  questions_heading: Avtaler\n',
      'templates/mestring/forms/nb.yaml': 'planning:\n  title: Planlegging i Mestring\n',
    });
    const local = loadDemo(dir);
    const mestring = docText(byName(await renderForms(local, 'sone-nord'), 'planleggingsskjema.docx').bytes);
    expect(mestring).toContain('Planlegging i Mestring – Hjemmetjenesten sone nord');
    expect(mestring).toContain('Avtaler');
    expect(mestring).toContain('Deltakere');
    const rehab = docText(byName(await renderForms(local, 'rehab-teamet'), 'planleggingsskjema.docx').bytes);
    expect(rehab).toContain('Plan for gruppa – Rehabiliteringsteamet');
  });

  it('reports a misspelt key with file, line, column and a suggestion', () => {
    const dir = workspaceWith({ 'templates/forms/nb.yaml': 'planning:\n  title: Plan\n  questons:\n    - Hva nå?\n' });
    const { wording, problems } = loadFormWording(loadDemo(dir), 'mestring', 'nb');
    expect(wording).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!, 'nb')).toMatch(
      /^templates\/forms\/nb\.yaml:3:3: planning\.questons: ukjent felt «questons»\.? Mente du «questions»\?$/,
    );
  });

  it('reports a wrong kind of value, an empty list and an unknown placeholder', () => {
    const { problems } = buildWording([
      { display: 'innebygd.yaml', bytes: readFileSync(join(ROOT, 'templates', 'forms', 'nb.yaml')) },
      {
        display: 'templates/forms/nb.yaml',
        bytes: new TextEncoder().encode(
          'planning:\n  frame: Rom\n  questions: []\ncommon:\n  session_number: Treff {nummer}\n',
        ),
      },
    ]);
    const messages = problems.map((p) => formatProblem(p, 'en'));
    expect(messages).toHaveLength(3);
    expect(messages[0]).toBe('templates/forms/nb.yaml:2:10: planning.frame: expected a list of texts, found a text');
    expect(messages[1]).toBe('templates/forms/nb.yaml:3:14: planning.questions: the list must not be empty');
    expect(messages[2]).toMatch(
      /^templates\/forms\/nb\.yaml:5:19: common\.session_number: unknown placeholder \{nummer\}\.? Here you can use \{number\}\.$/,
    );
  });

  it('reports broken YAML with its position', () => {
    const { problems } = buildWording([
      { display: 'innebygd.yaml', bytes: readFileSync(join(ROOT, 'templates', 'forms', 'nb.yaml')) },
      { display: 'templates/forms/nb.yaml', bytes: new TextEncoder().encode('planning:\n  title: "Plan\n') },
    ]);
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'templates/forms/nb.yaml', line: expect.any(Number) });
  });
});
