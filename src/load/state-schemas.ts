/**
 * The files refleks keeps in `.refleks/` (calendar state, sent record,
 * manifest of written files, build cache, issue time), checked with the same
 * schema language as the YAML. They are refleks's memory of what it told
 * people: a damaged one must stop a command with a message naming the file
 * and the field, never become a wrong METHOD, a negative SEQUENCE or exit 70.
 *
 * Every state schema lives here, so a new version of a format (the calendar
 * state's `version: 2`) is added in one place: add its schema to the
 * `versioned` table of that file.
 */
import { InputError, fieldPath, type Problem } from '../core/problems.js';
import { t, type Text } from '../core/text.js';
import {
  array,
  bool,
  expected,
  FAIL,
  int,
  isPlainMapping,
  obj,
  oneOf,
  opt,
  req,
  type Ctx,
  type Issue,
  type Schema,
} from './schema.js';

/** Text as refleks wrote it: a JSON string, never a number taken as text. */
function text(max = 2000): Schema<string> {
  return {
    parse(value, path, ctx) {
      if (typeof value !== 'string') return expected(path, t('tekst', 'text'), value, ctx);
      if (value.length > max) {
        ctx.issues.push({
          path,
          message: t(
            `er for lang (${value.length} tegn, høyst ${max})`,
            `is too long (${value.length} characters, at most ${max})`,
          ),
        });
        return FAIL;
      }
      return value;
    },
    json: () => ({ type: 'string', maxLength: max }),
  };
}

function pattern(re: RegExp, what: Text, max = 200): Schema<string> {
  const base = text(max);
  return {
    parse(value, path, ctx) {
      const v = base.parse(value, path, ctx);
      if (v === FAIL) return FAIL;
      if (re.test(v)) return v;
      ctx.issues.push({
        path,
        message: t(`«${v.slice(0, 60)}» er ikke ${what.nb}`, `"${v.slice(0, 60)}" is not ${what.en}`),
      });
      return FAIL;
    },
    json: () => ({ type: 'string', pattern: re.source }),
  };
}

/** An ISO instant in UTC as refleks writes it (`2027-01-12T09:00:00Z`, milliseconds allowed). */
export function instant(): Schema<string> {
  const shape = pattern(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/,
    t('et tidspunkt (ÅÅÅÅ-MM-DDTTT:MM:SSZ)', 'an instant (YYYY-MM-DDTHH:MM:SSZ)'),
    40,
  );
  return {
    parse(value, path, ctx) {
      const v = shape.parse(value, path, ctx);
      if (v === FAIL) return FAIL;
      if (!Number.isNaN(Date.parse(v))) return v;
      ctx.issues.push({ path, message: t(`«${v}» er ikke et gyldig tidspunkt`, `"${v}" is not a valid instant`) });
      return FAIL;
    },
    json: shape.json,
  };
}

const MAPPING = t('en tabell med felt', 'a mapping of fields');

/** A JSON object used as a map: keys matching `key`, every value by `value`. Never an array. */
export function record<T>(key: { re: RegExp; what: Text }, value: Schema<T>): Schema<Record<string, T>> {
  return {
    parse(input, path, ctx) {
      if (!isPlainMapping(input)) return expected(path, MAPPING, input, ctx);
      // No prototype: a key `__proto__` stays a key.
      const out: Record<string, T> = Object.create(null) as Record<string, T>;
      let ok = true;
      for (const [k, v] of Object.entries(input)) {
        if (!key.re.test(k)) {
          ctx.issues.push({
            path: [...path, k],
            onKey: true,
            message: t(`«${k}» er ikke ${key.what.nb}`, `"${k}" is not ${key.what.en}`),
          });
          ok = false;
          continue;
        }
        // The value is parsed at the record's own path, and only an issue gets the key put
        // into its path: a manifest has tens of thousands of entries, and nearly all are fine.
        const before = ctx.issues.length;
        const r = value.parse(v, path, ctx);
        for (let i = before; i < ctx.issues.length; i++) {
          const issue = ctx.issues[i]!;
          issue.path = [...path, k, ...issue.path.slice(path.length)];
        }
        if (r === FAIL) ok = false;
        else out[k] = r;
      }
      return ok ? out : FAIL;
    },
    json: () => ({ type: 'object', patternProperties: { [key.re.source]: value.json() }, additionalProperties: false }),
  };
}

/**
 * Picks the schema by the file's `version`. A version refleks does not know
 * is said as such: the file was written by a newer refleks.
 */
export function versioned<T>(schemas: Record<number, Schema<T>>): Schema<T> {
  const known = Object.keys(schemas).map(Number);
  return {
    parse(value, path, ctx) {
      if (!isPlainMapping(value)) return expected(path, MAPPING, value, ctx);
      const v = value.version;
      const schema = typeof v === 'number' ? schemas[v] : undefined;
      if (!schema) {
        ctx.issues.push({
          path: [...path, 'version'],
          message: t(
            `ukjent versjon ${JSON.stringify(v) ?? 'mangler'} (denne refleks kjenner ${known.join(', ')})`,
            `unknown version ${JSON.stringify(v) ?? 'missing'} (this refleks knows ${known.join(', ')})`,
          ),
          hint: t(
            'Filen er kanskje skrevet av en nyere refleks: oppdater refleks.',
            'The file may have been written by a newer refleks: update refleks.',
          ),
        });
        return FAIL;
      }
      return schema.parse(value, path, ctx);
    },
    json: () => ({ anyOf: known.map((k) => schemas[k]!.json()) }),
  };
}

const SESSION_KEY = { re: /^[1-9]\d{0,2}$/, what: t('et samlingsnummer', 'a session number') };
const sequence = () => int({ min: 0, max: 1_000_000 });

const person = obj({ name: req(text(300)), email: req(text(320)) });
const attendeeFields = {
  name: req(text(300)),
  email: req(text(320)),
  role: req(oneOf(['CHAIR', 'REQ-PARTICIPANT', 'OPT-PARTICIPANT'] as const)),
  slug: req(pattern(/^[a-z0-9][a-z0-9-]{0,99}$/, t('et mappenavn (a–z, 0–9, -)', 'a folder name (a–z, 0–9, -)'))),
};
const attendee = obj(attendeeFields);
const hash = () => pattern(/^[0-9a-f]{8,128}$/, t('en hash (heksadesimal)', 'a hash (hexadecimal)'));

const issuedEvent = obj({
  summary: req(text(2000)),
  start: req(instant()),
  end: req(instant()),
  location: opt(text(2000)),
  organizer: req(person),
  attendees: req(array(attendee, { max: 10_000 })),
});

const sessionFieldsV1 = {
  uid: req(pattern(/^[\x21-\x7e]{1,255}$/, t('en kalender-UID', 'a calendar UID'), 255)),
  sequence: req(sequence()),
  dtstamp: req(instant()),
  hash: req(hash()),
  cancelled: req(bool()),
  issued: req(issuedEvent),
};
const sessionStateV1 = obj(sessionFieldsV1);

export const calendarStateV1 = obj({
  version: req(int({ min: 1, max: 1 })),
  group: req(text(200)),
  sessions: req(record(SESSION_KEY, sessionStateV1)),
});

const personState = obj({ sequence: req(sequence()), dtstamp: req(instant()), hash: opt(hash()) });
const removedAttendee = obj({ ...attendeeFields, sequence: req(sequence()), dtstamp: req(instant()) });

/** Version 2: what each address holds, and who is no longer invited (src/core/calendar/state.ts). */
const sessionStateV2 = obj({
  ...sessionFieldsV1,
  lang: opt(oneOf(['nb', 'en'] as const)),
  people: req(record({ re: /^[^\s]{1,320}$/, what: t('en e-postadresse', 'an e-mail address') }, personState)),
  removed: req(array(removedAttendee, { max: 10_000 })),
});

export const calendarStateV2 = obj({
  version: req(int({ min: 2, max: 2 })),
  group: req(text(200)),
  perPerson: opt(bool()),
  sessions: req(record(SESSION_KEY, sessionStateV2)),
});

/** `.refleks/calendar/<group>.json`: version 1 (before per-person state) is read and migrated. */
export const calendarStateSchema = versioned<unknown>({ 1: calendarStateV1, 2: calendarStateV2 });

/** `.refleks/sent/<group>.json`: the SEQUENCE marked sent per session, and per person. */
export const sentRecordSchema = versioned({
  1: obj({
    version: req(int({ min: 1, max: 1 })),
    sessions: req(record(SESSION_KEY, sequence())),
    people: opt(
      record(
        SESSION_KEY,
        record({ re: /^[^\s]{1,320}$/, what: t('en e-postadresse', 'an e-mail address') }, sequence()),
      ),
    ),
  }),
});

const PATH_KEY = { re: /^[^\0]{1,1000}$/, what: t('en filsti', 'a file path') };
const sha256Hex = () => pattern(/^[0-9a-f]{64}$/, t('en SHA-256-hash', 'a SHA-256 hash'), 64);

/** `.refleks/manifest.json`: the hash of every file refleks wrote. */
export const manifestSchema = versioned({
  1: obj({ version: req(int({ min: 1, max: 1 })), files: req(record(PATH_KEY, sha256Hex())) }),
});

/** `.refleks/build.json`: per group, the fingerprint of its inputs and its files. */
export const buildCacheSchema = versioned({
  1: obj({
    version: req(int({ min: 1, max: 1 })),
    groups: req(
      record(
        { re: /^[^\0]{1,200}$/, what: t('en gruppe-id', 'a group id') },
        obj({ fingerprint: req(text(200)), files: req(array(text(1000))) }),
      ),
    ),
  }),
});

/** `.refleks/issued.json`: the time the workspace's documents carry. */
export const issuedSchema = obj({ issuedAt: req(instant()) });

/** What kind of file it is, for the messages: «kalenderstatusen er skadet». */
export interface StateFileKind {
  /** «kalenderstatusen», «the calendar state». */
  what: Text;
  /** What to do about it. */
  hint: Text;
}

/** Where in a text a JSON.parse error points, if it says. */
function jsonErrorPosition(raw: string, err: unknown): { line: number; column: number } | undefined {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  const offset = m ? Number(m[1]) : raw.length;
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < raw.length; i++) {
    if (raw.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Parses and checks one state file. Throws an InputError naming the file
 * (and line or field) for anything else than what the schema says: a
 * truncated file, git conflict markers, wrong types, an unknown version.
 */
export function parseStateFile<T>(display: string, raw: string, schema: Schema<T>, kind: StateFileKind): T {
  const damaged = (message: Text, extra: Partial<Problem> = {}, hint = kind.hint): InputError =>
    new InputError([
      {
        severity: 'error',
        file: display,
        ...extra,
        message: t(`${kind.what.nb} er skadet: ${message.nb}`, `${kind.what.en} is damaged: ${message.en}`),
        hint,
      },
    ]);
  const conflict = /^(<{7}|={7}|>{7})( |$)/m.exec(raw);
  if (conflict) {
    const line = raw.slice(0, conflict.index).split('\n').length;
    throw damaged(
      t(
        'filen har konfliktmarkører fra git (<<<<<<<, =======, >>>>>>>)',
        'the file has git conflict markers (<<<<<<<, =======, >>>>>>>)',
      ),
      { line, column: 1 },
      t(
        `Løs konflikten i git (behold den ene siden), eller hent filen fra en sikkerhetskopi. ${kind.hint.nb}`,
        `Resolve the conflict in git (keep one side), or restore the file from a backup. ${kind.hint.en}`,
      ),
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    const pos = jsonErrorPosition(raw, err);
    // A parser that stops at the very end of the text has met a file cut short.
    const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    const truncated =
      !raw.trim() ||
      /end of JSON input/i.test(err instanceof Error ? err.message : '') ||
      (!!at && Number(at[1]) >= raw.trimEnd().length);
    throw damaged(
      truncated
        ? t('filen er tom eller avkortet (ikke hel JSON)', 'the file is empty or cut short (not whole JSON)')
        : t('filen er ikke gyldig JSON', 'the file is not valid JSON'),
      pos ?? {},
    );
  }
  const ctx: Ctx = { issues: [] };
  const value = schema.parse(data, [], ctx);
  if (value === FAIL || ctx.issues.length) {
    const issues: Issue[] = ctx.issues.length
      ? ctx.issues
      : [{ path: [], message: t('ugyldig innhold', 'invalid content') }];
    throw new InputError(
      issues.map((i) => ({
        severity: 'error' as const,
        file: display,
        ...(i.path.length ? { field: fieldPath(i.path) } : {}),
        message: t(`${kind.what.nb} er skadet: ${i.message.nb}`, `${kind.what.en} is damaged: ${i.message.en}`),
        hint: i.hint ? t(`${i.hint.nb} ${kind.hint.nb}`, `${i.hint.en} ${kind.hint.en}`) : kind.hint,
      })),
    );
  }
  return value;
}
