/**
 * Norway's counties (from 2024) and the school winter holiday week each
 * usually has, for the blackout `refleks init` writes. The week is set by the
 * county governor each school year and follows the old county borders in
 * places: Vestland is split between week 8 and 9 by municipality, and in
 * Trøndelag and the north it has moved between weeks 8, 9 and 10. Those have
 * no week here; init then writes both weeks as comments to choose from.
 * Source: the school calendars summarised by timeanddate.no for 2024 and 2025.
 */
import { slugify } from './slug.js';
import { addDays } from './zoned-time.js';

export interface County {
  id: string;
  name: string;
  /** Winter holiday week in the county's schools, when the whole county shares one. */
  winterWeek?: 8 | 9;
  /** Otherwise: how it varies, for the comment («uke 8 eller 9 etter kommune»). */
  varies?: string;
}

export const COUNTIES: readonly County[] = [
  { id: 'agder', name: 'Agder', winterWeek: 8 },
  { id: 'akershus', name: 'Akershus', winterWeek: 8 },
  { id: 'buskerud', name: 'Buskerud', winterWeek: 9 },
  { id: 'finnmark', name: 'Finnmark', varies: 'ulik fra kommune til kommune, noen steder bare et par dager' },
  { id: 'innlandet', name: 'Innlandet', winterWeek: 9 },
  { id: 'more-og-romsdal', name: 'Møre og Romsdal', winterWeek: 8 },
  { id: 'nordland', name: 'Nordland', varies: 'uke 9 eller 10, fra år til år' },
  { id: 'oslo', name: 'Oslo', winterWeek: 8 },
  { id: 'rogaland', name: 'Rogaland', winterWeek: 9 },
  { id: 'telemark', name: 'Telemark', winterWeek: 8 },
  { id: 'troms', name: 'Troms', varies: 'uke 9 eller 10, fra år til år' },
  { id: 'trondelag', name: 'Trøndelag', varies: 'uke 8 eller 10, fra år til år' },
  { id: 'vestfold', name: 'Vestfold', winterWeek: 8 },
  { id: 'vestland', name: 'Vestland', varies: 'uke 8 eller 9 etter kommune' },
  { id: 'ostfold', name: 'Østfold', winterWeek: 8 },
];

/** The county a person typed («Møre og Romsdal», «more-og-romsdal», «OSLO»), if any. */
export function findCounty(input: string): County | undefined {
  const id = slugify(input);
  return COUNTIES.find((c) => c.id === id);
}

/** Counties whose schools have winter holiday in `week`, for the comment. */
export function countiesWithWeek(week: 8 | 9): string[] {
  return COUNTIES.filter((c) => c.winterWeek === week).map((c) => c.name);
}

/** Monday of ISO week `week` in `year` (YYYY-MM-DD); 4 January is always in week 1. */
export function isoWeekMonday(year: number, week: number): string {
  const jan4 = `${year}-01-04`;
  const dow = (new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7;
  return addDays(jan4, (week - 1) * 7 - dow);
}
