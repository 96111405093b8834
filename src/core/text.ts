/**
 * Every user-facing string exists in bokmål and English. The core builds both
 * and the adapter picks one, so no core function needs to know the language.
 */
export type Lang = 'nb' | 'en';

export interface Text {
  nb: string;
  en: string;
}

export function t(nb: string, en: string): Text {
  return { nb, en };
}

export function isLang(value: unknown): value is Lang {
  return value === 'nb' || value === 'en';
}
