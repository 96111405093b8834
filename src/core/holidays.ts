/**
 * Norwegian public holidays (helligdager and the two official flag days that
 * are days off, 1 and 17 May), computed: fixed dates plus the days that follow
 * Easter. Computing them costs nothing at start-up and works for any year; a
 * test checks them against the date-holidays library year by year.
 */
import type { Text } from './text.js';

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** [month, day, bokmål, English] */
const FIXED: readonly (readonly [number, number, string, string])[] = [
  [1, 1, 'Første nyttårsdag', "New Year's Day"],
  [5, 1, 'Arbeidernes dag', 'Labour Day'],
  [5, 17, 'Grunnlovsdagen', 'Constitution Day'],
  [12, 25, 'Første juledag', 'Christmas Day'],
  [12, 26, 'Andre juledag', 'Boxing Day'],
];

/** [days after Easter Sunday, bokmål, English] */
const FROM_EASTER: readonly (readonly [number, string, string])[] = [
  [-3, 'Skjærtorsdag', 'Maundy Thursday'],
  [-2, 'Langfredag', 'Good Friday'],
  [0, 'Første påskedag', 'Easter Sunday'],
  [1, 'Andre påskedag', 'Easter Monday'],
  [39, 'Kristi himmelfartsdag', 'Ascension Day'],
  [49, 'Første pinsedag', 'Pentecost'],
  [50, 'Andre pinsedag', 'Whit Monday'],
];

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A year's public holidays: date (YYYY-MM-DD) → name. Two holidays on one day
 * (17 May on Ascension Day, say) share one entry, the fixed one named first.
 */
export function holidaysOfYear(year: number): Map<string, Text> {
  const days: [string, string, string][] = FIXED.map(([m, d, nb, en]) => [
    iso(new Date(Date.UTC(year, m - 1, d))),
    nb,
    en,
  ]);
  const easter = easterSunday(year);
  for (const [offset, nb, en] of FROM_EASTER)
    days.push([iso(new Date(Date.UTC(year, easter.month - 1, easter.day + offset))), nb, en]);
  const out = new Map<string, Text>();
  for (const [date, nb, en] of days.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const had = out.get(date);
    out.set(date, had ? { nb: `${had.nb} og ${nb}`, en: `${had.en} and ${en}` } : { nb, en });
  }
  return out;
}

const byYear = new Map<number, Map<string, Text>>();

/**
 * Holiday names are common nouns in bokmål and written in lower case in running
 * text («er skjærtorsdag», «flyttet fra … (første påskedag)»); only the name
 * of Christ keeps its capital («Kristi himmelfartsdag»). Every place refleks
 * uses a name is mid-sentence.
 */
function inRunningText(name: string): string {
  return name.startsWith('Kristi ') ? name : name.charAt(0).toLocaleLowerCase('nb') + name.slice(1);
}

/** The holiday's name, as written mid-sentence, if `date` (YYYY-MM-DD) is a public holiday in Norway. */
export function publicHoliday(date: string): Text | undefined {
  const year = +date.slice(0, 4);
  let days = byYear.get(year);
  if (!days) byYear.set(year, (days = holidaysOfYear(year)));
  const found = days.get(date);
  return found ? { nb: found.nb.split(' og ').map(inRunningText).join(' og '), en: found.en } : undefined;
}
