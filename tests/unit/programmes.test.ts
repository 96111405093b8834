import { describe, expect, it } from 'vitest';
import type { Programme, Theme } from '../../src/core/model.js';
import { formatProblem } from '../../src/core/problems.js';
import { loadProgrammes } from '../../src/load/workspace.js';

const EDITION_TITLES: Record<string, string[]> = {
  rehabilitering: [
    'Hva er habilitering, hva er rehabilitering og hva er mestringsfremmende praksis?',
    'Brukermedvirkning og samskaping',
    'Mål – målrettet prosess med koordinerte, sammenhengende og kunnskapsbaserte tiltak',
    'Mestring – mulighet til å oppnå best mulig mestringsevne i utdanning og arbeidsliv, sosialt og i samfunnet',
    'Funksjon, selvstendighet og deltakelse',
  ],
  mestring: [
    'Hva er et refleksjonsprogram?',
    'Hva er mestringsfremmende praksis?',
    'Brukermedvirkning, samarbeid og samskaping',
    'Kartlegging og mål',
    'Funksjons- og mestringsevne, selvstendighet og deltakelse',
  ],
};

const { programmes, problems } = loadProgrammes(undefined);

function get(id: string): Programme {
  const p = programmes.get(id);
  if (!p) throw new Error(`built-in programme ${id} is missing`);
  return p;
}

function expectThemeComplete(theme: Theme, durationMinutes: number): void {
  for (const text of [theme.id, theme.title, theme.summary]) expect(text.trim()).not.toBe('');
  for (const list of [theme.goals, theme.questions, theme.betweenSessions, theme.facilitatorNotes]) {
    expect(list.length).toBeGreaterThan(0);
    for (const entry of list) expect(entry.trim()).not.toBe('');
  }
  expect(theme.agenda.length).toBeGreaterThan(0);
  expect(theme.agenda.reduce((sum, b) => sum + b.minutes, 0)).toBe(durationMinutes);
  expect(theme.materials.length).toBeGreaterThan(0);
  for (const m of theme.materials) {
    expect(m.title.trim()).not.toBe('');
    expect(m).not.toHaveProperty('url');
  }
}

describe('built-in programmes', () => {
  it('load without problems', () => {
    expect(problems.map((p) => formatProblem(p, 'nb'))).toEqual([]);
  });

  it('are rehabilitering, mestring and mestringstreff', () => {
    expect([...programmes.keys()].sort()).toEqual(['mestring', 'mestringstreff', 'rehabilitering']);
    for (const p of programmes.values()) expect(p.source.origin).toBe('built-in');
  });

  for (const [id, titles] of Object.entries(EDITION_TITLES)) {
    describe(id, () => {
      it('has the five themes of the edition, in order', () => {
        const p = get(id);
        expect(p.sessions.count).toBe(5);
        expect(p.themes.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5']);
        expect(p.themes.map((t) => t.title)).toEqual(titles);
      });

      it('has the recommended session defaults', () => {
        const p = get(id);
        expect(p.sessions).toEqual({
          count: 5,
          durationMinutes: 120,
          intervalWeeks: 2,
          betweenSessionHours: { min: 1, max: 2 },
          leaderSessions: [1, 3, 5],
        });
        expect(p.perPersonInvitations).toBe(false);
        expect(p.coFacilitatorLabel).toBeUndefined();
      });

      it('fills every field of every theme', () => {
        const p = get(id);
        for (const text of [p.title, p.shortTitle, p.edition, p.audience, p.description])
          expect(text.trim()).not.toBe('');
        for (const theme of p.themes) expectThemeComplete(theme, p.sessions.durationMinutes);
      });
    });
  }

  describe('mestringstreff', () => {
    it('is a six-session course for residents with one invitation per person', () => {
      const p = get('mestringstreff');
      expect(p.sessions.count).toBe(6);
      expect(p.themes.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5', '6']);
      expect(p.perPersonInvitations).toBe(true);
      expect(p.coFacilitatorLabel).toBe('erfaringskonsulent');
      expect(p.sessions.intervalWeeks).toBe(1);
      expect(p.sessions.betweenSessionHours).toEqual({ min: 0, max: 1 });
    });

    it('fills every field of every theme', () => {
      const p = get('mestringstreff');
      for (const theme of p.themes) expectThemeComplete(theme, p.sessions.durationMinutes);
    });
  });
});
