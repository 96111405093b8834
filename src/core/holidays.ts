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

/**
 * Holiday names are common nouns in bokmål and written in lower case in running
 * text («er skjærtorsdag», «flyttet fra … (første påskedag)»); only the name
 * of Christ keeps its capital («Kristi himmelfartsdag»). Every place refleks
 * uses a name is mid-sentence.
 */
function inRunningText(name: string): string {
  return name.startsWith('Kristi ') ? name : name.charAt(0).toLocaleLowerCase('nb') + name.slice(1);
}

/** The holiday's name if `date` (YYYY-MM-DD) is a public holiday in Norway. */
export function publicHoliday(date: string): Text | undefined {
  const year = +date.slice(0, 4);
  const found = year < FIRST_YEAR || year > LAST_YEAR ? fromLibrary()(date) : HOLIDAYS_NO[date] ? { nb: HOLIDAYS_NO[date][0], en: HOLIDAYS_NO[date][1] } : undefined;
  return found ? { nb: found.nb.split(' og ').map(inRunningText).join(' og '), en: found.en } : undefined;
}
