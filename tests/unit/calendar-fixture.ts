/**
 * Small hand-built workspaces for the schedule and calendar unit tests, so
 * that each test states the few facts it depends on.
 */
import { DEFAULT_VOCABULARY } from '../../src/core/vocabulary.js';
import { expect } from 'vitest';
import type {
  Group,
  GroupTheme,
  Programme,
  SessionOverride,
  Theme,
  Workspace,
  WorkspaceSettings,
} from '../../src/core/model.js';

export function theme(id: string, extra: Partial<Theme> = {}): Theme {
  return {
    id,
    title: `Tittel ${id}`,
    summary: `Sammendrag for tema ${id}.`,
    goals: [],
    questions: [],
    betweenSessions: [`Egenarbeid etter tema ${id}`],
    facilitatorNotes: [],
    agenda: [],
    materials: [],
    ...extra,
  };
}

export function settings(extra: Partial<WorkspaceSettings> = {}): WorkspaceSettings {
  return {
    organisation: 'Testvik kommune',
    organiser: { name: 'Ola Arrangør', email: 'ola@testvik.kommune.no' },
    timezone: 'Europe/Oslo',
    language: 'nb',
    output: 'ut',
    blackouts: [],
    reminderHours: 24,
    ...extra,
  };
}

export function programme(count = 5): Programme {
  return {
    id: 'mestring',
    title: 'Refleksjonsprogram – Mestring',
    shortTitle: 'Mestring',
    edition: 'Mestring',
    audience: '',
    description: '',
    sessions: {
      count,
      durationMinutes: 120,
      intervalWeeks: 2,
      betweenSessionHours: { min: 1, max: 2 },
      leaderSessions: [1, 3, 5],
    },
    perPersonInvitations: false,
    recommendedParticipants: { min: 4, max: 6 },
    equalLeaders: false,
    language: 'nb',
    vocabulary: DEFAULT_VOCABULARY,
    betweenSessionsVoluntary: false,
    forms: { planning: 'leader', followUp: true, evaluation: 'leader' },
    themes: Array.from({ length: count }, (_, i) => theme(String(i + 1))),
    source: { origin: 'built-in', path: '/x/mestring.yaml', display: 'programmes/mestring.yaml' },
  };
}

export function group(
  extra: Partial<Group> & { count?: number; sessions?: Record<number, SessionOverride> } = {},
): Group {
  const { count = 5, sessions = {}, ...rest } = extra;
  const p = programme(count);
  const themes: GroupTheme[] = p.themes.map((t) => ({ programmeId: p.id, programmeTitle: p.title, theme: t }));
  return {
    id: 'sone-nord',
    name: 'Sone nord',
    programmeId: p.id,
    programmeTitle: p.title,
    combined: false,
    themes,
    facilitator: { name: 'Kari Nordmann', email: 'kari@testvik.kommune.no' },
    leader: { name: 'Per Leder', email: 'per@testvik.kommune.no' },
    participants: [
      { name: 'Ali Khan', email: 'ali@testvik.kommune.no' },
      { name: 'Siri Ødegård', email: 'siri@testvik.kommune.no' },
      { name: 'Uten Epost' },
    ],
    location: { text: 'Helsehuset, møterom 2', room: 'Helsehuset, møterom 2' },
    start: '2027-01-12',
    time: '13:00',
    durationMinutes: 120,
    intervalWeeks: 2,
    betweenSessionHours: { min: 1, max: 2 },
    leaderSessions: [1, 3, 5],
    perPersonInvitations: false,
    overrides: new Map(Object.entries(sessions).map(([k, v]) => [Number(k), v])),
    materials: new Map(),
    source: { origin: 'workspace', path: '/ws/groups/sone-nord.yaml', display: 'groups/sone-nord.yaml' },
    positions: { start: { line: 10, column: 8 } },
    ...rest,
  };
}

export function workspace(groups: Group[] = [group()], extra: Partial<WorkspaceSettings> = {}): Workspace {
  return { root: '/ws', settings: settings(extra), programmes: new Map([['mestring', programme()]]), groups };
}

/** Physical lines of a file, checking each is valid UTF-8 on its own (a fold never splits a character). */
export function physicalLines(bytes: Uint8Array | string): string[] {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < buf.length - 1; i++) {
    if (buf[i] === 0x0d && buf[i + 1] === 0x0a) {
      lines.push(decoder.decode(buf.subarray(start, i)));
      start = i + 2;
      i++;
    }
  }
  if (start !== buf.length) throw new Error('file does not end with CRLF');
  return lines;
}

export function assertWellFormed(bytes: Uint8Array | string): void {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  // Every LF is part of a CRLF, and there is no bare CR.
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0x0a) expect(buf[i - 1], `bare LF at byte ${i}`).toBe(0x0d);
    if (buf[i] === 0x0d) expect(buf[i + 1], `bare CR at byte ${i}`).toBe(0x0a);
  }
  for (const line of physicalLines(buf)) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  }
}
