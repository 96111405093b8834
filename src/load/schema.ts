/**
 * A small schema language for our YAML files. One definition gives both the
 * validator (collecting every problem with its field path, in Norwegian and
 * English) and the JSON Schema we publish for editors. We write this instead
 * of using a generic validator because the messages are the product here:
 * «2027-02-30» is not a date because February 2027 has 28 days, and
 * `particpants` is probably `participants`.
 */
import { monthName } from '../core/format-date.js';
import { t, type Text } from '../core/text.js';
import { codePointName, describeChar, lineBreak, unsafeChar } from '../core/safe-text.js';
import { closest } from './did-you-mean.js';
import { isWindowsReserved } from '../core/slug.js';

export type Path = (string | number)[];

export interface Issue {
  path: Path;
  message: Text;
  hint?: Text;
  /** Point at the key rather than the value (unknown keys). */
  onKey?: boolean;
}

export interface Ctx {
  issues: Issue[];
}

export const FAIL: unique symbol = Symbol('fail');
export type Result<T> = T | typeof FAIL;

export type JsonSchema = Record<string, unknown>;

export interface Schema<T> {
  parse(value: unknown, path: Path, ctx: Ctx): Result<T>;
  json(): JsonSchema;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

export function typeName(value: unknown): Text {
  if (value === null || value === undefined) return t('tom verdi', 'an empty value');
  if (Array.isArray(value)) return t('en liste', 'a list');
  switch (typeof value) {
    case 'string':
      return t(`teksten «${value}»`, `the text "${value}"`);
    case 'number':
      return t(`tallet ${value}`, `the number ${value}`);
    case 'boolean':
      return t(`${value ? 'true' : 'false'} (ja/nei)`, `${value} (yes/no)`);
    default:
      return t('en tabell med felt', 'a mapping of fields');
  }
}

/** A key the mapping does not have, with the likeliest one meant or the ones it has. */
export function unknownField(path: Path, key: string, keys: string[], guess = closest(key, keys)): Issue {
  return {
    path: [...path, key],
    onKey: true,
    message: t(`ukjent felt «${key}»`, `unknown field "${key}"`),
    hint: guess
      ? t(`Mente du «${guess}»?`, `Did you mean "${guess}"?`)
      : t(`Gyldige felt her: ${keys.join(', ')}.`, `Valid fields here: ${keys.join(', ')}.`),
  };
}

/** «expected X, found Y»: the issue for a value of the wrong kind. */
export function expected(path: Path, what: Text, value: unknown, ctx: Ctx, hint?: Text): typeof FAIL {
  const got = typeName(value);
  ctx.issues.push({
    path,
    message: t(`forventet ${what.nb}, fant ${got.nb}`, `expected ${what.en}, found ${got.en}`),
    ...(hint ? { hint } : {}),
  });
  return FAIL;
}

interface StringOptions {
  min?: number;
  max?: number;
  /** A name, place or title: no tabs or line breaks. */
  oneLine?: boolean;
  description?: string;
}

export function str(opts: StringOptions = {}): Schema<string> {
  const min = opts.min ?? 1;
  const max = opts.max ?? 2000;
  return {
    parse(value, path, ctx) {
      // Numbers are accepted as text where text is expected (a room called 201).
      if (typeof value === 'number') value = String(value);
      if (typeof value !== 'string') return expected(path, t('tekst', 'text'), value, ctx);
      const trimmed = value.trim();
      if (trimmed.length < min) {
        ctx.issues.push({ path, message: t('kan ikke være tom', 'must not be empty') });
        return FAIL;
      }
      if (trimmed.length > max) {
        ctx.issues.push({
          path,
          message: t(
            `er for lang (${trimmed.length} tegn, høyst ${max})`,
            `is too long (${trimmed.length} characters, at most ${max})`,
          ),
        });
        return FAIL;
      }
      // Control characters have no place in names and places; they break
      // calendars and documents downstream (YAML files are checked as they
      // are read; this catches text from anywhere else).
      const bad = unsafeChar(trimmed);
      if (bad) {
        ctx.issues.push({
          path,
          message: t(
            `inneholder kontrolltegn (${codePointName(bad.char)})`,
            `contains control characters (${codePointName(bad.char)})`,
          ),
        });
        return FAIL;
      }
      // A name, a place or a title is one line in every document: a line
      // break in it would start a new list item, heading or table row.
      const br = opts.oneLine ? lineBreak(trimmed) : undefined;
      if (br) {
        const what = describeChar(br.char);
        ctx.issues.push({
          path,
          message: t(`inneholder ${what.nb}, men må stå på én linje`, `contains ${what.en}, but must be one line`),
          hint: t(
            'Skriv teksten på én linje, med vanlige mellomrom.',
            'Write the text on one line, with ordinary spaces.',
          ),
        });
        return FAIL;
      }
      return trimmed;
    },
    json: () => ({
      type: ['string', 'number'],
      minLength: min,
      maxLength: max,
      ...(opts.description ? { description: opts.description } : {}),
    }),
  };
}

/** Same check as the `email` input type in browsers: pragmatic, not RFC 5322. */
export const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value);
}

export function email(): Schema<string> {
  return {
    parse(value, path, ctx) {
      if (typeof value !== 'string') return expected(path, t('en e-postadresse', 'an e-mail address'), value, ctx);
      const v = value.trim();
      if (!isEmail(v)) {
        ctx.issues.push({
          path,
          message: t(`«${v}» er ikke en gyldig e-postadresse`, `"${v}" is not a valid e-mail address`),
          hint: t('Skriv den som navn@kommune.no.', 'Write it as name@example.org.'),
        });
        return FAIL;
      }
      return v;
    },
    json: () => ({ type: 'string', format: 'email', pattern: EMAIL_PATTERN.source }),
  };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date written `YYYY-MM-DD`. */
export function isoDate(): Schema<string> {
  return {
    parse(value, path, ctx) {
      if (value instanceof Date) value = value.toISOString().slice(0, 10);
      if (typeof value !== 'string') {
        return expected(path, t('en dato (ÅÅÅÅ-MM-DD)', 'a date (YYYY-MM-DD)'), value, ctx);
      }
      const v = value.trim();
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) {
        const nordic = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
        const hint = nordic
          ? t(
              `Skriv ${nordic[3]}-${nordic[2]!.padStart(2, '0')}-${nordic[1]!.padStart(2, '0')}.`,
              `Write ${nordic[3]}-${nordic[2]!.padStart(2, '0')}-${nordic[1]!.padStart(2, '0')}.`,
            )
          : t(
              'Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2027-01-12.',
              'Write the date as YYYY-MM-DD, e.g. 2027-01-12.',
            );
        ctx.issues.push({
          path,
          message: t(`«${v}» er ikke en dato på formen ÅÅÅÅ-MM-DD`, `"${v}" is not a date of the form YYYY-MM-DD`),
          hint,
        });
        return FAIL;
      }
      const year = Number(m[1]);
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (month < 1 || month > 12) {
        ctx.issues.push({
          path,
          message: t(
            `«${v}» er ikke en gyldig dato: måned ${month} finnes ikke`,
            `"${v}" is not a valid date: there is no month ${month}`,
          ),
        });
        return FAIL;
      }
      const dim = daysInMonth(year, month);
      if (day < 1 || day > dim) {
        ctx.issues.push({
          path,
          message: t(
            `«${v}» er ikke en gyldig dato: ${monthName(month, 'nb')} ${year} har ${dim} dager`,
            `"${v}" is not a valid date: ${monthName(month, 'en')} ${year} has ${dim} days`,
          ),
        });
        return FAIL;
      }
      return v;
    },
    json: () => ({
      type: 'string',
      pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
      description: 'ÅÅÅÅ-MM-DD',
    }),
  };
}

/**
 * What a time written without quotes most likely meant: YAML reads `13.30` as
 * the number 13.3 and `1300` as 1300.
 */
export function timeFromNumber(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  let h: number;
  let m: number;
  if (Number.isInteger(n) && n <= 23) [h, m] = [n, 0];
  else if (Number.isInteger(n) && n >= 100 && n <= 2359) [h, m] = [Math.floor(n / 100), n % 100];
  else {
    const match = /^(\d{1,2})\.(\d{1,2})$/.exec(String(n));
    if (!match) return undefined;
    [h, m] = [Number(match[1]), Number(match[2]!.padEnd(2, '0'))];
  }
  if (h > 23 || m > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** A wall-clock time written `HH:MM` (24-hour). */
export function clockTime(): Schema<string> {
  return {
    parse(value, path, ctx) {
      if (typeof value !== 'string') {
        let hint: Text | undefined;
        if (typeof value === 'number') {
          const guess = timeFromNumber(value);
          hint = guess
            ? t(
                `Skriv klokkeslettet med kolon og i anførselstegn: "${guess}".`,
                `Write the time with a colon and in quotes: "${guess}".`,
              )
            : t(
                'Skriv klokkeslettet med kolon og i anførselstegn, for eksempel "13:00".',
                'Write the time with a colon and in quotes, e.g. "13:00".',
              );
        }
        return expected(path, t('et klokkeslett (TT:MM)', 'a time (HH:MM)'), value, ctx, hint);
      }
      const v = value.trim();
      const m = /^(\d{1,2}):(\d{2})$/.exec(v);
      if (!m) {
        const dotted = /^(\d{1,2})[.](\d{2})$/.exec(v);
        ctx.issues.push({
          path,
          message: t(`«${v}» er ikke et klokkeslett på formen TT:MM`, `"${v}" is not a time of the form HH:MM`),
          hint: dotted
            ? t(
                `Bruk kolon: "${dotted[1]!.padStart(2, '0')}:${dotted[2]}".`,
                `Use a colon: "${dotted[1]!.padStart(2, '0')}:${dotted[2]}".`,
              )
            : t('Skriv for eksempel "13:00".', 'Write for example "13:00".'),
        });
        return FAIL;
      }
      const h = Number(m[1]);
      const min = Number(m[2]);
      if (h > 23 || min > 59) {
        ctx.issues.push({
          path,
          message: t(
            `«${v}» er ikke et gyldig klokkeslett (timer 00–23, minutter 00–59)`,
            `"${v}" is not a valid time (hours 00–23, minutes 00–59)`,
          ),
        });
        return FAIL;
      }
      return `${String(h).padStart(2, '0')}:${m[2]}`;
    },
    json: () => ({ type: 'string', pattern: '^([01]?\\d|2[0-3]):[0-5]\\d$', description: 'TT:MM' }),
  };
}

export function int(opts: { min?: number; max?: number; description?: string; hint?: Text } = {}): Schema<number> {
  const hint = opts.hint ? { hint: opts.hint } : {};
  return {
    parse(value, path, ctx) {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return expected(path, t('et heltall', 'a whole number'), value, ctx, opts.hint);
      }
      if (opts.min !== undefined && value < opts.min) {
        ctx.issues.push({
          path,
          message: t(`må være minst ${opts.min}, fant ${value}`, `must be at least ${opts.min}, found ${value}`),
          ...hint,
        });
        return FAIL;
      }
      if (opts.max !== undefined && value > opts.max) {
        ctx.issues.push({
          path,
          message: t(`kan være høyst ${opts.max}, fant ${value}`, `must be at most ${opts.max}, found ${value}`),
          ...hint,
        });
        return FAIL;
      }
      return value;
    },
    json: () => ({
      type: 'integer',
      ...(opts.min !== undefined ? { minimum: opts.min } : {}),
      ...(opts.max !== undefined ? { maximum: opts.max } : {}),
      ...(opts.description ? { description: opts.description } : {}),
    }),
  };
}

export function bool(): Schema<boolean> {
  return {
    parse(value, path, ctx) {
      if (typeof value !== 'boolean') return expected(path, t('true eller false', 'true or false'), value, ctx);
      return value;
    },
    json: () => ({ type: 'boolean' }),
  };
}

export function oneOf<const T extends string>(values: readonly T[]): Schema<T> {
  return {
    parse(value, path, ctx) {
      if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
      const list = values.join(', ');
      const guess = typeof value === 'string' ? closest(value, values) : undefined;
      ctx.issues.push({
        path,
        message: t(
          `forventet en av ${list}, fant ${typeName(value).nb}`,
          `expected one of ${list}, found ${typeName(value).en}`,
        ),
        ...(guess ? { hint: t(`Mente du «${guess}»?`, `Did you mean "${guess}"?`) } : {}),
      });
      return FAIL;
    },
    json: () => ({ enum: [...values] }),
  };
}

export function array<T>(
  item: Schema<T>,
  opts: { min?: number; max?: number; description?: string; hint?: Text } = {},
): Schema<T[]> {
  const hint = opts.hint ? { hint: opts.hint } : {};
  return {
    parse(value, path, ctx) {
      if (!Array.isArray(value)) return expected(path, t('en liste', 'a list'), value, ctx, opts.hint);
      if (opts.min !== undefined && value.length < opts.min) {
        ctx.issues.push({
          path,
          message: t(
            `listen må ha minst ${opts.min} ${opts.min === 1 ? 'element' : 'elementer'}, fant ${value.length}`,
            `the list needs at least ${opts.min} item${opts.min === 1 ? '' : 's'}, found ${value.length}`,
          ),
          ...hint,
        });
        return FAIL;
      }
      if (opts.max !== undefined && value.length > opts.max) {
        ctx.issues.push({
          path,
          message: t(
            `listen kan ha høyst ${opts.max} elementer, fant ${value.length}`,
            `the list may have at most ${opts.max} items, found ${value.length}`,
          ),
          ...hint,
        });
        return FAIL;
      }
      const out: T[] = [];
      let ok = true;
      value.forEach((v, i) => {
        const r = item.parse(v, [...path, i], ctx);
        if (r === FAIL) ok = false;
        else out.push(r);
      });
      return ok ? out : FAIL;
    },
    json: () => ({
      type: 'array',
      items: item.json(),
      ...(opts.min !== undefined ? { minItems: opts.min } : {}),
      ...(opts.max !== undefined ? { maxItems: opts.max } : {}),
      ...(opts.description ? { description: opts.description } : {}),
    }),
  };
}

export interface Field<T> {
  schema: Schema<T>;
  optional?: boolean;
  description?: string;
}

type Shape = Record<string, Field<unknown>>;
type ShapeOut<S extends Shape> = {
  [K in keyof S as S[K]['optional'] extends true ? never : K]: S[K] extends Field<infer T> ? T : never;
} & {
  [K in keyof S as S[K]['optional'] extends true ? K : never]?: S[K] extends Field<infer T> ? T : never;
};

export function req<T>(schema: Schema<T>, description?: string): Field<T> & { optional?: false } {
  return { schema, ...(description ? { description } : {}) };
}

export function opt<T>(schema: Schema<T>, description?: string): Field<T> & { optional: true } {
  return { schema, optional: true, ...(description ? { description } : {}) };
}

export function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * A mapping with known keys. Unknown keys are errors with a suggestion, because
 * a misspelt key silently ignored is a setting silently lost. The result is
 * built from the known keys only, so `__proto__` or `constructor` in the input
 * can never reach an object's prototype.
 */
export function obj<S extends Shape>(
  shape: S,
  opts: { description?: string; what?: Text; hint?: Text } = {},
): Schema<ShapeOut<S>> {
  const keys = Object.keys(shape);
  return {
    parse(value, path, ctx) {
      if (!isPlainMapping(value))
        return expected(path, opts.what ?? t('en tabell med felt', 'a mapping of fields'), value, ctx, opts.hint);
      let ok = true;
      const out: Record<string, unknown> = {};
      // A misspelt key already says "did you mean …"; the field it was meant to
      // be is then not reported as missing as well.
      const meant = new Set<string>();
      for (const key of Object.keys(value)) {
        if (!Object.prototype.hasOwnProperty.call(shape, key)) {
          const guess = closest(key, keys);
          if (guess && !Object.prototype.hasOwnProperty.call(value, guess)) meant.add(guess);
          ctx.issues.push(unknownField(path, key, keys, guess));
          ok = false;
        }
      }
      for (const key of keys) {
        const field = shape[key]!;
        const v = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
        if (v === undefined || v === null) {
          if (!field.optional && !meant.has(key)) {
            const present = Object.prototype.hasOwnProperty.call(value, key);
            ctx.issues.push({
              path: [...path, key],
              // An empty `start:` points at the field itself; a missing one at its mapping.
              ...(present ? { onKey: true } : {}),
              message: present
                ? t('er tom, men må fylles ut', 'is empty but required')
                : t('mangler, men må fylles ut', 'is missing but required'),
              hint: t(`Legg til «${key}: …»${field.description ? ` (${field.description})` : ''}.`, `Add "${key}: …".`),
            });
            ok = false;
          } else if (!field.optional) ok = false;
          continue;
        }
        const r = field.schema.parse(v, [...path, key], ctx);
        if (r === FAIL) ok = false;
        else out[key] = r;
      }
      return ok ? (out as ShapeOut<S>) : FAIL;
    },
    json() {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const key of keys) {
        const f = shape[key]!;
        properties[key] = { ...f.schema.json(), ...(f.description ? { description: f.description } : {}) };
        if (!f.optional) required.push(key);
      }
      return {
        type: 'object',
        properties,
        ...(required.length ? { required } : {}),
        additionalProperties: false,
        ...(opts.description ? { description: opts.description } : {}),
      };
    },
  };
}

/** Picks a schema by the JSON type of the value, e.g. a location as text or as fields. */
export function byType<A, B>(forString: Schema<A>, forMapping: Schema<B>, what: Text): Schema<A | B> {
  return {
    parse(value, path, ctx) {
      if (typeof value === 'string' || typeof value === 'number') return forString.parse(value, path, ctx);
      if (isPlainMapping(value)) return forMapping.parse(value, path, ctx);
      return expected(path, what, value, ctx);
    },
    json: () => ({ anyOf: [forString.json(), forMapping.json()] }),
  };
}

/** A mapping from session numbers (1, 2, …) to values. */
export function numberedMap<T>(value: Schema<T>, what: Text): Schema<Map<number, T>> {
  return {
    parse(input, path, ctx) {
      if (!isPlainMapping(input)) return expected(path, what, input, ctx);
      const out = new Map<number, T>();
      let ok = true;
      for (const [key, v] of Object.entries(input)) {
        if (!/^[1-9]\d{0,2}$/.test(key)) {
          ctx.issues.push({
            path: [...path, key],
            onKey: true,
            message: t(`«${key}» er ikke et samlingsnummer`, `"${key}" is not a session number`),
            hint: t('Bruk 1, 2, 3 … for samlingene.', 'Use 1, 2, 3 … for the sessions.'),
          });
          ok = false;
          continue;
        }
        const r = value.parse(v, [...path, key], ctx);
        if (r === FAIL) ok = false;
        else out.set(Number(key), r);
      }
      return ok ? out : FAIL;
    },
    json: () => ({
      type: 'object',
      patternProperties: { '^[1-9][0-9]{0,2}$': value.json() },
      additionalProperties: false,
    }),
  };
}

/** Adds a check after a schema has parsed a value. */
export function refine<T>(schema: Schema<T>, check: (value: T, path: Path, ctx: Ctx) => boolean): Schema<T> {
  return {
    parse(value, path, ctx) {
      const r = schema.parse(value, path, ctx);
      if (r === FAIL) return FAIL;
      return check(r, path, ctx) ? r : FAIL;
    },
    json: () => schema.json(),
  };
}

/**
 * A slug usable as a file name and in calendar UIDs: cannot leave a folder,
 * and is not a name Windows reserves for a device (con, nul, com1 …).
 */
export const SLUG_PATTERN = /^(?!(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$)[a-z0-9][a-z0-9-]{0,79}$/;

export function slug(what: Text): Schema<string> {
  return {
    parse(value, path, ctx) {
      if (typeof value === 'number') value = String(value);
      if (typeof value !== 'string') return expected(path, what, value, ctx);
      const v = value.trim();
      if (!SLUG_PATTERN.test(v)) {
        ctx.issues.push({
          path,
          message: t(`«${v}» kan ikke brukes som id`, `"${v}" cannot be used as an id`),
          hint: isWindowsReserved(v)
            ? t(
                `«${v}» er et navn Windows holder av og ikke lager filer med; velg et annet, for eksempel «${v}-1».`,
                `"${v}" is a name Windows reserves and makes no files with; choose another, e.g. "${v}-1".`,
              )
            : t(
                'Bruk bare små bokstaver a–z, tall og bindestrek, for eksempel «sone-nord».',
                'Use only lower-case a–z, digits and hyphens, e.g. "zone-north".',
              ),
        });
        return FAIL;
      }
      return v;
    },
    json: () => ({ type: ['string', 'number'], pattern: SLUG_PATTERN.source }),
  };
}

/** What a link may be: http or https, and nothing that ends a link early in HTML, Markdown or a calendar. */
export const URL_PATTERN = /^https?:\/\/[^\s<>"'`]+$/i;

/**
 * A web link (a Teams or Zoom meeting, a film). Only `https:` and `http:`: a
 * `javascript:` or `file:` link would become a live link in every pack and
 * in the calendar. Spaces, `<`, `>`, quotes and backticks are refused because
 * they end a link early in Markdown, HTML or a calendar and let the rest of
 * the text become something else.
 */
export function url(): Schema<string> {
  return {
    parse(value, path, ctx) {
      if (typeof value !== 'string') return expected(path, t('en lenke (https://…)', 'a link (https://…)'), value, ctx);
      const v = value.trim();
      if (v.length > 2000) {
        ctx.issues.push({
          path,
          message: t(
            `lenken er for lang (${v.length} tegn, høyst 2000)`,
            `the link is too long (${v.length} characters, at most 2000)`,
          ),
        });
        return FAIL;
      }
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1]?.toLowerCase();
      if (scheme !== 'https' && scheme !== 'http') {
        const bare = !scheme && /^[\w-]+(\.[\w-]+)+(\/|$)/.test(v);
        ctx.issues.push({
          path,
          message: scheme
            ? t(
                `lenken må begynne med https:// (fant «${scheme}:»)`,
                `the link must start with https:// (found "${scheme}:")`,
              )
            : t(
                `«${shorten(v)}» er ikke en lenke: den må begynne med https://`,
                `"${shorten(v)}" is not a link: it must start with https://`,
              ),
          hint: bare
            ? t(`Skriv «https://${shorten(v)}».`, `Write "https://${shorten(v)}".`)
            : t(
                'Lim inn hele lenken fra nettleseren, for eksempel https://teams.microsoft.com/l/meetup-join/….',
                'Paste the whole link from the browser, e.g. https://teams.microsoft.com/l/meetup-join/….',
              ),
        });
        return FAIL;
      }
      const bad = /[\s<>"'`]/.exec(v);
      let host = '';
      try {
        host = new URL(v).hostname;
      } catch {
        // Reported below.
      }
      if (bad || !host || !URL_PATTERN.test(v)) {
        const what = bad ? describeLinkChar(bad[0]) : undefined;
        ctx.issues.push({
          path,
          message: what
            ? t(
                `lenken inneholder ${what.nb}, som ikke kan stå i en lenke`,
                `the link contains ${what.en}, which cannot be part of a link`,
              )
            : t(`«${shorten(v)}» er ikke en gyldig lenke`, `"${shorten(v)}" is not a valid link`),
          hint: t(
            'Lim inn lenken på nytt fra nettleseren; mellomrom skrives %20.',
            'Paste the link again from the browser; a space is written %20.',
          ),
        });
        return FAIL;
      }
      return v;
    },
    json: () => ({ type: 'string', format: 'uri', pattern: URL_PATTERN.source, maxLength: 2000 }),
  };
}

function shorten(v: string): string {
  return v.length > 60 ? `${v.slice(0, 57)}…` : v;
}

function describeLinkChar(c: string): { nb: string; en: string } {
  if (/\s/.test(c)) return c === ' ' ? { nb: 'mellomrom', en: 'a space' } : describeChar(c);
  return { nb: `tegnet ${c}`, en: `the character ${c}` };
}
