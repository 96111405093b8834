/**
 * Norwegian public holidays. Dates come from the date-holidays library: a
 * generated table for 2000–2099 (fast), the library itself outside it.
 */
import { createRequire } from 'node:module';
import { FIRST_YEAR, HOLIDAYS_NO, LAST_YEAR } from './holidays-no.generated.js';
import type { Text } from './text.js';

type Lookup = (date: string) => Text | undefined;

let libraryLookup: Lookup | undefined;

function fromLibrary(): Lookup {
  if (!libraryLookup) {
    // Synchronous require keeps the scheduler synchronous; this path only runs
    // for dates outside the generated table.
    const require = createRequire(import.meta.url);
    const Holidays = require('date-holidays') as new (country: string, opts: { languages: string[] }) => {
      isHoliday(d: Date): false | { type: string; name: string }[];
    };
    const nb = new Holidays('NO', { languages: ['no'] });
    const en = new Holidays('NO', { languages: ['en'] });
    libraryLookup = (date) => {
      const d = new Date(`${date}T12:00:00`);
      const n = (nb.isHoliday(d) || []).filter((h) => h.type === 'public');
      if (!n.length) return undefined;
      const e = (en.isHoliday(d) || []).filter((h) => h.type === 'public');
      return { nb: n.map((h) => h.name).join(' og '), en: e.map((h) => h.name).join(' and ') };
    };
  }
  return libraryLookup;
}

/** The holiday's name if `date` (YYYY-MM-DD) is a public holiday in Norway. */
export function publicHoliday(date: string): Text | undefined {
  const year = +date.slice(0, 4);
  if (year < FIRST_YEAR || year > LAST_YEAR) return fromLibrary()(date);
  const entry = HOLIDAYS_NO[date];
  return entry ? { nb: entry[0], en: entry[1] } : undefined;
}
