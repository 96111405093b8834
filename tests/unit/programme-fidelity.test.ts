/**
 * What the programme says and what refleks adds: source links, the line that
 * says which is which, a programme's own words (Mestringstreff), and
 * cancelled and postponed sessions agreeing across packs, handouts and
 * invitations. Runs on the demo workspace with small changes to its groups.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFiles, type CalendarState } from '../../src/core/calendar/index.js';
import type { Group, SessionOverride, Workspace } from '../../src/core/model.js';
import { packFiles } from '../../src/core/packs/render.js';
import { planGroup } from '../../src/core/schedule.js';
import type { Lang } from '../../src/core/text.js';
import { loadWorkspace } from '../../src/load/workspace.js';
import { createRenderer } from '../../src/templates/engine.js';
import { DEMO } from '../helpers/cli.js';

const ws = loadWorkspace(DEMO).workspace as Workspace;
const KOMPETANSEBROEN = 'https://www.kompetansebroen.no/article/rehabilitering-og-mestring';
const HANDBOOK = 'https://mestring.no/handbok-mestringstreff-klar/';

function group(id: string, sessions: Record<number, SessionOverride> = {}): Group {
  const g = ws.groups.find((x) => x.id === id)!;
  return {
    ...g,
    overrides: new Map([...g.overrides, ...Object.entries(sessions).map(([k, v]) => [Number(k), v] as const)]),
  };
}

function packs(g: Group, lang: Lang = 'nb'): Map<string, string> {
  const files = packFiles(ws, planGroup(g, ws.settings), createRenderer({ root: ws.root }), lang);
  return new Map(files.map((f) => [f.path, String(f.bytes)]));
}

function pick(files: Map<string, string>, pattern: RegExp): string {
  const hits = [...files.keys()].filter((k) => pattern.test(k));
  expect(hits, String(pattern)).toHaveLength(1);
  return files.get(hits[0]!)!;
}

function calendar(g: Group, previous?: CalendarState, at = new Date('2026-12-01T08:00:00Z')) {
  return calendarFiles(ws, planGroup(g, ws.settings), previous ? JSON.parse(JSON.stringify(previous)) : undefined, at, {
    lang: 'nb',
    version: '9.9.9',
  });
}

function events(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    sequence: Number(v.getFirstPropertyValue('sequence')),
    start: String(v.getFirstPropertyValue('dtstart')),
    summary: String(v.getFirstPropertyValue('summary')),
    description: String(v.getFirstPropertyValue('description') ?? ''),
    attendees: v.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
    categories: v.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
  }));
}

describe('sources and what is ours', () => {
  it('a pack and a handout link to the programme page and say which parts are suggestions', () => {
    const files = packs(group('sone-nord'));
    const pack = pick(files, /veileder\/tema-2-.*\.html$/);
    const handout = pick(files, /deltaker\/deltakerark-2-.*\.html$/);
    for (const page of [pack, handout]) expect(page).toContain(`href="${KOMPETANSEBROEN}"`);
    expect(pack).toContain(
      'Forslag fra refleks som dere tilpasser: læringsmål, spørsmål, agenda, oppgaver mellom samlinger og notater.',
    );
    expect(handout).toContain('spørsmålene og oppgavene er forslag');
    expect(pack).toContain('Forslag: leder er med på samling 1, 3 og 5.');
    expect(pick(files, /deltaker\/deltakerark-2-.*\.md$/)).toContain(`](${KOMPETANSEBROEN})`);
  });

  it('the handout names the time between sessions and has no word about files or templates', () => {
    const files = packs(group('sone-nord'));
    const handout = pick(files, /deltaker\/deltakerark-1-.*\.html$/);
    expect(handout).toContain('Regn med 1–2 timer til dette før neste samling.');
    for (const page of [...files].filter(([k]) => k.includes('/deltaker/')).map(([, v]) => v)) {
      expect(page).not.toMatch(/gruppefil|malene|laget med refleks|\brefleks\b/i);
    }
  });

  it('a link the group file adds for a session shows in its pack, handout and invitation', () => {
    const g = group('sone-nord');
    const url = 'https://www.kompetansebroen.no/film/tema-3';
    const withLink: Group = {
      ...g,
      materials: new Map([[3, [{ title: 'Film om samskaping', url, kind: 'film', audience: 'participants' }]]]),
    };
    const files = packs(withLink);
    expect(pick(files, /deltaker\/deltakerark-3-.*\.html$/)).toContain(`<a href="${url}">Film om samskaping</a>`);
    expect(pick(files, /veileder\/tema-3-.*\.html$/)).toContain(`href="${url}"`);
    const ics = String(calendar(withLink).files.find((f) => f.path.endsWith('samling-3.ics'))!.bytes);
    expect(events(ics)[0]!.description).toContain(`Film om samskaping: ${url}`);
  });

  it('an English pack marks the bokmål programme text with lang="nb"', () => {
    const pack = pick(packs(group('sone-nord'), 'en'), /veileder\/tema-1-.*\.html$/);
    expect(pack).toContain('<html lang="en">');
    expect(pack).toMatch(/<span lang="nb">Hva er et refleksjonsprogram\?<\/span>/);
    expect(pack).toMatch(/<ol class="questions" lang="nb">/);
    expect(pack).toContain('From the programme:');
  });
});

describe('Mestringstreff in its own words', () => {
  const g = group('mestringstreff-var');

  it('packs, handouts and invitations say treff and kursleder, never samling, veiledningsvideo or brukerne merker', () => {
    const texts = [...packs(g).values()];
    const cal = calendar(g);
    const ics = cal.files.map((f) => String(f.bytes));
    for (const text of [...texts, ...ics]) {
      const unfolded = text.replace(/\r\n /g, '');
      expect(unfolded).not.toMatch(/veiledningsvideo|brukerne merker/i);
      // «samling» only as part of a file name (samling-3.ics), never in words.
      expect(unfolded.replace(/samling-\d+/g, '')).not.toMatch(/samling/i);
    }
    const pack = pick(packs(g), /veileder\/tema-2-.*\.html$/);
    expect(pack).toContain('Sjekkliste før treffet');
    expect(pack).toContain('Dere er to kursledere, en fagperson og en erfaringskonsulent');
    expect(pack).not.toContain('Du leder gruppen');
    expect(pack).toContain(`href="${HANDBOOK}"`);
    const handout = pick(packs(g), /deltaker\/deltakerark-2-.*\.html$/);
    expect(handout).toContain('Forslagene er frivillige');
    expect(handout).toContain('Kursledere: Nina Berg, Arne Fjeld.');
  });

  it('invites no leader by default and files its events under Mestringstreff', () => {
    const evs = calendar(g)
      .files.filter((f) => f.path.includes('/invitasjoner/'))
      .flatMap((f) => events(String(f.bytes)));
    expect(evs.length).toBeGreaterThan(0);
    for (const e of evs) {
      expect(e.attendees.join(' ')).not.toContain(g.leader!.email!);
      expect(e.categories[0]).toBe('Mestringstreff');
      expect(e.summary).toMatch(/ – treff \d: /);
    }
  });
});

describe('cancelled and postponed sessions', () => {
  it('a cancelled session hands out no work: the next session prepares with what the last one held gave', () => {
    const g = group('sone-nord', { 4: { cancelled: true } });
    const theme4 = g.themes[3]!.theme.betweenSessions;
    const theme3 = g.themes[2]!.theme.betweenSessions;
    const files = packs(g);
    const pack4 = pick(files, /veileder\/tema-4-.*\.html$/);
    const handout4 = pick(files, /deltaker\/deltakerark-4-.*\.html$/);
    for (const page of [pack4, handout4]) {
      expect(page).toContain('Denne samlingen er avlyst, så det er ikke noe egenarbeid fra den.');
      for (const item of theme4) expect(page).not.toContain(item);
    }
    const ics5 = events(String(calendar(g).files.find((f) => f.path.endsWith('samling-5.ics'))!.bytes))[0]!;
    expect(ics5.description).toContain('Til forberedelse:');
    for (const item of theme4) expect(ics5.description).not.toContain(item);
    expect(ics5.description).toContain(theme3[0]);
  });

  it('a postponed session keeps its theme and moves it and every later session one interval on, with updated invitations', () => {
    const before = calendar(group('sone-nord'));
    const g = group('sone-nord', { 3: { postponed: true } });
    const plan = planGroup(g, ws.settings);
    const dates = plan.sessions.map((s) => s.date);
    const original = planGroup(group('sone-nord'), ws.settings).sessions.map((s) => s.date);
    expect(dates.slice(0, 2)).toEqual(original.slice(0, 2));
    expect(dates[2]).toBe(original[3]);
    expect(dates[3]).toBe(original[4]);
    // The last session extends the course by one interval (two weeks).
    expect(Date.parse(dates[4]!) - Date.parse(original[4]!)).toBe(14 * 86400000);
    expect(plan.sessions[2]!.theme.theme.id).toBe('3');

    const after = calendar(g, before.state, new Date('2026-12-15T08:00:00Z'));
    expect(after.outcomes.map((o) => [o.number, o.outcome])).toEqual([
      [1, 'unchanged'],
      [2, 'unchanged'],
      [3, 'changed'],
      [4, 'changed'],
      [5, 'changed'],
    ]);
    const old3 = events(String(before.files.find((f) => f.path.endsWith('samling-3.ics'))!.bytes))[0]!;
    const new3 = events(String(after.files.find((f) => f.path.endsWith('samling-3.ics'))!.bytes))[0]!;
    expect(new3.uid).toBe(old3.uid);
    expect(new3.sequence).toBe(old3.sequence + 1);
    expect(new3.start.slice(0, 10)).toBe(original[3]);
    expect(new3.description).toContain('Denne samlingen er utsatt fra');

    const pack3 = pick(packs(g), /veileder\/tema-3-.*\.html$/);
    expect(pack3).toContain('<dt>Utsatt</dt>');
  });

  it('refuses a session that is both cancelled and postponed', async () => {
    const { mkdtempSync, cpSync, writeFileSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'refleks-postpone-'));
    cpSync(DEMO, dir, { recursive: true, filter: (p) => !p.includes('/ut') && !p.includes('.refleks') });
    const file = join(dir, 'groups', 'sone-nord.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nsessions:\n  3: { cancelled: true, postponed: true }\n`);
    const loaded = loadWorkspace(dir);
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.message.nb)).toContain('samling 3 er både avlyst og utsatt');
  });
});
