/**
 * Dates and times as people write them: «tirsdag 3. mars 2026 kl. 13.00» in
 * bokmål (Språkrådet: full stop between hours and minutes), «Tuesday 3 March
 * 2026 at 13:00» in English.
 */
import type { Lang } from './text.js';
import { weekday } from './zoned-time.js';

const WEEKDAYS = {
  nb: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const MONTHS = {
  nb: [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** `3` → «mars» / 'March'. */
export function monthName(month: number, lang: Lang): string {
  return MONTHS[lang][month - 1]!;
}

export function weekdayName(date: string, lang: Lang): string {
  return WEEKDAYS[lang][weekday(date)]!;
}

/** «tirsdag 12. januar 2027» / «Tuesday 12 January 2027». */
export function formatDate(date: string, lang: Lang, opts: { weekday?: boolean; year?: boolean } = {}): string {
  const day = +date.slice(8, 10);
  const month = MONTHS[lang][+date.slice(5, 7) - 1]!;
  const year = opts.year === false ? '' : ` ${date.slice(0, 4)}`;
  const core = lang === 'nb' ? `${day}. ${month}${year}` : `${day} ${month}${year}`;
  return opts.weekday === false ? core : `${weekdayName(date, lang)} ${core}`;
}

/** «12.01.2027»: compact, for tables. */
export function formatShortDate(date: string, lang: Lang): string {
  return lang === 'nb' ? `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}` : date;
}

/** «13.00» / «13:00». */
export function formatTime(time: string, lang: Lang): string {
  return lang === 'nb' ? time.replace(':', '.') : time;
}

/** «tirsdag 12. januar 2027 kl. 13.00–15.00». */
export function formatSessionTime(date: string, start: string, end: string, lang: Lang): string {
  const range = `${formatTime(start, lang)}–${formatTime(end, lang)}`;
  return lang === 'nb' ? `${formatDate(date, 'nb')} kl. ${range}` : `${formatDate(date, 'en')}, ${range}`;
}
