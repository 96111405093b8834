/**
 * A programme's own words. The Refleksjonsprogram speaks of «samling» and
 * «veileder»; Mestringstreff of «treff» and «kursleder». Labels and calendar
 * text carry `{session}`-style slots that `fillWords` fills from the
 * programme's vocabulary, so no programme id is ever tested in code.
 */
import type { Lang } from './text.js';

export interface Vocabulary {
  session: string;
  sessions: string;
  theSession: string;
  thisSession: string;
  facilitator: string;
  facilitators: string;
  participant: string;
  participants: string;
  calendarCategory: string;
}

export const DEFAULT_VOCABULARY: Record<Lang, Vocabulary> = {
  nb: {
    session: 'samling',
    sessions: 'samlinger',
    theSession: 'samlingen',
    thisSession: 'denne samlingen',
    facilitator: 'veileder',
    facilitators: 'veiledere',
    participant: 'deltaker',
    participants: 'deltakere',
    calendarCategory: 'Refleksjonsgruppe',
  },
  en: {
    session: 'session',
    sessions: 'sessions',
    theSession: 'the session',
    thisSession: 'this session',
    facilitator: 'facilitator',
    facilitators: 'facilitators',
    participant: 'participant',
    participants: 'participants',
    calendarCategory: 'Reflection group',
  },
};

const SLOTS: Record<string, keyof Vocabulary> = {
  session: 'session',
  sessions: 'sessions',
  the_session: 'theSession',
  this_session: 'thisSession',
  facilitator: 'facilitator',
  facilitators: 'facilitators',
  participant: 'participant',
  participants: 'participants',
};

/** True for a `{slot}` name `fillWords` fills, in either case: wording files may use these anywhere. */
export function isWordSlot(name: string): boolean {
  return name.toLowerCase() in SLOTS;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('nb') + s.slice(1);
}

/** `{session}` → «treff», `{Session}` → «Treff»; unknown slots stay as they are. */
export function fillWords(text: string, v: Vocabulary): string {
  return text.replace(/\{([A-Za-z_]+)\}/g, (whole, name: string) => {
    const key = SLOTS[name.toLowerCase()];
    if (!key) return whole;
    const word = v[key];
    return name.charAt(0) === name.charAt(0).toUpperCase() ? capitalise(word) : word;
  });
}
