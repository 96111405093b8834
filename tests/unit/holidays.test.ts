/**
 * Norway's public holidays are computed (src/core/holidays.ts); this checks
 * them, names included, against the date-holidays library for every year the
 * generated table they replace covered (the computation also matched the
 * library for 1950–2200 when it was written).
 */
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { easterSunday, holidaysOfYear, publicHoliday } from '../../src/core/holidays.js';

const nb = new Holidays('NO', { languages: ['no'] });
const en = new Holidays('NO', { languages: ['en'] });

/** date-holidays' public holidays of a year, two on one day joined as the table did. */
function library(year: number): Record<string, [string, string]> {
  const public_ = (h: { type: string }) => h.type === 'public';
  const enNames = new Map(
    en
      .getHolidays(year)
      .filter(public_)
      .map((h) => [h.date.slice(0, 10) + h.rule, h.name]),
  );
  const out: Record<string, [string, string]> = {};
  for (const h of nb.getHolidays(year).filter(public_)) {
    const date = h.date.slice(0, 10);
    const e = enNames.get(date + h.rule) ?? h.name;
    const had = out[date];
    out[date] = had ? [`${had[0]} og ${h.name}`, `${had[1]} and ${e}`] : [h.name, e];
  }
  return out;
}

const computed = (year: number) => Object.fromEntries([...holidaysOfYear(year)].map(([d, t]) => [d, [t.nb, t.en]]));

describe('public holidays', () => {
  it('are the ones date-holidays knows, with the same names, every year the old generated table covered (2000–2099)', () => {
    for (let year = 2000; year <= 2099; year++) expect(computed(year), String(year)).toEqual(library(year));
  });

  it('name both holidays when they fall on one day, as written mid-sentence (lower case but Kristi)', () => {
    expect(publicHoliday('2027-05-17')).toEqual({
      nb: 'grunnlovsdagen og andre pinsedag',
      en: 'Constitution Day and Whit Monday',
    });
    expect(publicHoliday('2008-05-01')).toEqual({
      nb: 'arbeidernes dag og Kristi himmelfartsdag',
      en: 'Labour Day and Ascension Day',
    });
  });

  it('know Easter at its earliest and latest, and ordinary days are not holidays', () => {
    expect(easterSunday(2285)).toEqual({ month: 3, day: 22 });
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 });
    expect(publicHoliday('2027-03-26')).toEqual({ nb: 'langfredag', en: 'Good Friday' });
    expect(publicHoliday('2027-03-30')).toBeUndefined();
  });
});
