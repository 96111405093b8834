/**
 * The helpers templates may call. Templates are compiled with
 * `knownHelpersOnly`, so this list is also the complete vocabulary a
 * coordinator has when editing one. The language comes from the view's root
 * (`lang`), so an English workspace gets English dates without new templates.
 */
import type { HelperOptions } from 'handlebars';
import { formatDate, formatSessionTime, formatTime } from '../core/format-date.js';
import { isLang, type Lang } from '../core/text.js';
import { addMinutes } from '../core/zoned-time.js';

type Helper = (...args: never[]) => unknown;

function langOf(options: HelperOptions | undefined): Lang {
  const v = (options?.hash as { lang?: unknown } | undefined)?.lang ?? (options?.data as { root?: { lang?: unknown } } | undefined)?.root?.lang;
  return isLang(v) ? v : 'nb';
}

/** Helpers get their options object last; anything before it is a template argument. */
function split(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

/** «Kari, Per og Ali» / «Kari, Per and Ali». */
export function joinList(items: readonly string[], lang: Lang): string {
  const word = lang === 'nb' ? 'og' : 'and';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

function isTime(v: unknown): v is string {
  return typeof v === 'string' && /^\d{2}:\d{2}$/.test(v);
}

function isDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
}

/** Thrown with the helper's name; the engine adds the template file and line. */
class HelperError extends Error {}

export const helpers: Record<string, Helper> = {
  /** `{{plural n "deltaker" "deltakere"}}` → «1 deltaker», «5 deltakere». */
  plural(...args: unknown[]) {
    const { params } = split(args);
    const [n, one, many] = params;
    const count = Number(n);
    return `${n} ${count === 1 ? String(one) : String(many)}`;
  },
  /**
   * `{{join names}}` → «Kari, Per og Ali». A list of people joins their names;
   * `{{join list "role"}}` joins that field of each item.
   */
  join(...args: unknown[]) {
    const { params, options } = split(args);
    const [list, field] = params;
    if (!Array.isArray(list)) throw new HelperError('join: the first argument must be a list');
    const key = typeof field === 'string' ? field : undefined;
    const items = list.map((item: unknown) => {
      // Own fields only: `{{join list "constructor"}}` must not print a function.
      if (item && typeof item === 'object') {
        const k = key ?? 'name';
        const v = Object.hasOwn(item, k) ? (item as Record<string, unknown>)[k] : undefined;
        return v === null || v === undefined || typeof v === 'object' || typeof v === 'function' ? '' : String(v);
      }
      return String(item);
    });
    return joinList(items.filter((s) => s !== ''), langOf(options));
  },
  /** `{{date "2027-01-12"}}` → «tirsdag 12. januar 2027»; `weekday=false`, `year=false`. */
  date(...args: unknown[]) {
    const { params, options } = split(args);
    const [d] = params;
    if (!isDate(d)) throw new HelperError(`date: expected YYYY-MM-DD, got ${JSON.stringify(d)}`);
    const hash = options.hash as { weekday?: boolean; year?: boolean };
    return formatDate(d, langOf(options), { ...(hash.weekday === false ? { weekday: false } : {}), ...(hash.year === false ? { year: false } : {}) });
  },
  /** `{{time "13:00"}}` → «13.00» (nb) / «13:00» (en). */
  time(...args: unknown[]) {
    const { params, options } = split(args);
    const [v] = params;
    if (!isTime(v)) throw new HelperError(`time: expected HH:MM, got ${JSON.stringify(v)}`);
    return formatTime(v, langOf(options));
  },
  /** `{{sessionTime date start end}}` → «tirsdag 12. januar 2027 kl. 13.00–15.00». */
  sessionTime(...args: unknown[]) {
    const { params, options } = split(args);
    const [d, start, end] = params;
    if (!isDate(d) || !isTime(start) || !isTime(end)) throw new HelperError('sessionTime: expected a date (YYYY-MM-DD) and two times (HH:MM)');
    return formatSessionTime(d, start, end, langOf(options));
  },
  /** `{{addMinutes "13:00" 70}}` → «14.10»: agenda arithmetic, formatted. */
  addMinutes(...args: unknown[]) {
    const { params, options } = split(args);
    const [v, minutes] = params;
    if (!isTime(v) || !Number.isFinite(Number(minutes))) throw new HelperError('addMinutes: expected a time (HH:MM) and a number of minutes');
    return formatTime(addMinutes(v, Number(minutes)), langOf(options));
  },
  /** `{{inc @index}}` → 1-based numbering. */
  inc(...args: unknown[]) {
    const { params } = split(args);
    return Number(params[0]) + 1;
  },
  /** `{{#if (eq a b)}}`. */
  eq(...args: unknown[]) {
    const { params } = split(args);
    return params[0] === params[1];
  },
  /**
   * `{{#h 2}}Agenda{{/h}}` → `<h2>` on a page of its own, `<h3>` when the pack
   * is a section of the combined view, so headings never skip a level.
   */
  h(this: unknown, ...args: unknown[]) {
    const { params, options } = split(args);
    const offset = Number((options.data as { root?: { headingOffset?: unknown } }).root?.headingOffset ?? 0) || 0;
    const level = Math.min(6, Math.max(1, Number(params[0]) + offset));
    const id = (options.hash as { id?: unknown }).id;
    const attr = typeof id === 'string' && /^[A-Za-z][\w-]*$/.test(id) ? ` id="${id}"` : '';
    return `<h${level}${attr}>${options.fn(this)}</h${level}>`;
  },
};

export const knownHelpers: Record<string, true> = Object.fromEntries(Object.keys(helpers).map((k) => [k, true]));

export { HelperError };
