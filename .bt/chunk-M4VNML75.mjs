import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  closest
} from "./chunk-DUHYSVVC.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/load/schema.ts
var FAIL = /* @__PURE__ */ Symbol("fail");
function typeName(value) {
  if (value === null || value === void 0) return t("tom verdi", "an empty value");
  if (Array.isArray(value)) return t("en liste", "a list");
  switch (typeof value) {
    case "string":
      return t(`teksten \xAB${value}\xBB`, `the text "${value}"`);
    case "number":
      return t(`tallet ${value}`, `the number ${value}`);
    case "boolean":
      return t(`${value ? "true" : "false"} (ja/nei)`, `${value} (yes/no)`);
    default:
      return t("en tabell med felt", "a mapping of fields");
  }
}
function expected(path, what, value, ctx, hint) {
  const got = typeName(value);
  ctx.issues.push({
    path,
    message: t(`forventet ${what.nb}, fant ${got.nb}`, `expected ${what.en}, found ${got.en}`),
    ...hint ? { hint } : {}
  });
  return FAIL;
}
function str(opts = {}) {
  const min = opts.min ?? 1;
  const max = opts.max ?? 2e3;
  return {
    parse(value, path, ctx) {
      if (typeof value === "number") value = String(value);
      if (typeof value !== "string") return expected(path, t("tekst", "text"), value, ctx);
      const trimmed = value.trim();
      if (trimmed.length < min) {
        ctx.issues.push({ path, message: t("kan ikke v\xE6re tom", "must not be empty") });
        return FAIL;
      }
      if (trimmed.length > max) {
        ctx.issues.push({
          path,
          message: t(`er for lang (${trimmed.length} tegn, h\xF8yst ${max})`, `is too long (${trimmed.length} characters, at most ${max})`)
        });
        return FAIL;
      }
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(trimmed)) {
        ctx.issues.push({ path, message: t("inneholder kontrolltegn", "contains control characters") });
        return FAIL;
      }
      return trimmed;
    },
    json: () => ({ type: ["string", "number"], minLength: min, maxLength: max, ...opts.description ? { description: opts.description } : {} })
  };
}
var EMAIL_PATTERN = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
function isEmail(value) {
  return EMAIL_PATTERN.test(value);
}
function email() {
  return {
    parse(value, path, ctx) {
      if (typeof value !== "string") return expected(path, t("en e-postadresse", "an e-mail address"), value, ctx);
      const v = value.trim();
      if (!isEmail(v)) {
        ctx.issues.push({
          path,
          message: t(`\xAB${v}\xBB er ikke en gyldig e-postadresse`, `"${v}" is not a valid e-mail address`),
          hint: t("Skriv den som navn@kommune.no.", "Write it as name@example.org.")
        });
        return FAIL;
      }
      return v;
    },
    json: () => ({ type: "string", format: "email", pattern: EMAIL_PATTERN.source })
  };
}
var MONTHS_NB = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];
var MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function isoDate() {
  return {
    parse(value, path, ctx) {
      if (value instanceof Date) value = value.toISOString().slice(0, 10);
      if (typeof value !== "string") {
        return expected(path, t("en dato (\xC5\xC5\xC5\xC5-MM-DD)", "a date (YYYY-MM-DD)"), value, ctx);
      }
      const v = value.trim();
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) {
        const nordic = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
        const hint = nordic ? t(`Skriv ${nordic[3]}-${nordic[2].padStart(2, "0")}-${nordic[1].padStart(2, "0")}.`, `Write ${nordic[3]}-${nordic[2].padStart(2, "0")}-${nordic[1].padStart(2, "0")}.`) : t("Skriv datoen som \xC5\xC5\xC5\xC5-MM-DD, for eksempel 2027-01-12.", "Write the date as YYYY-MM-DD, e.g. 2027-01-12.");
        ctx.issues.push({ path, message: t(`\xAB${v}\xBB er ikke en dato p\xE5 formen \xC5\xC5\xC5\xC5-MM-DD`, `"${v}" is not a date of the form YYYY-MM-DD`), hint });
        return FAIL;
      }
      const year = Number(m[1]);
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (month < 1 || month > 12) {
        ctx.issues.push({ path, message: t(`\xAB${v}\xBB er ikke en gyldig dato: m\xE5ned ${month} finnes ikke`, `"${v}" is not a valid date: there is no month ${month}`) });
        return FAIL;
      }
      const dim = daysInMonth(year, month);
      if (day < 1 || day > dim) {
        ctx.issues.push({
          path,
          message: t(
            `\xAB${v}\xBB er ikke en gyldig dato: ${MONTHS_NB[month - 1]} ${year} har ${dim} dager`,
            `"${v}" is not a valid date: ${MONTHS_EN[month - 1]} ${year} has ${dim} days`
          )
        });
        return FAIL;
      }
      return v;
    },
    json: () => ({ type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$", description: "\xC5\xC5\xC5\xC5-MM-DD" })
  };
}
function timeFromNumber(n) {
  if (!Number.isFinite(n) || n < 0) return void 0;
  let h;
  let m;
  if (Number.isInteger(n) && n <= 23) [h, m] = [n, 0];
  else if (Number.isInteger(n) && n >= 100 && n <= 2359) [h, m] = [Math.floor(n / 100), n % 100];
  else {
    const match = /^(\d{1,2})\.(\d{1,2})$/.exec(String(n));
    if (!match) return void 0;
    [h, m] = [Number(match[1]), Number(match[2].padEnd(2, "0"))];
  }
  if (h > 23 || m > 59) return void 0;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}
function clockTime() {
  return {
    parse(value, path, ctx) {
      if (typeof value !== "string") {
        let hint;
        if (typeof value === "number") {
          const guess = timeFromNumber(value);
          hint = guess ? t(`Skriv klokkeslettet med kolon og i anf\xF8rselstegn: "${guess}".`, `Write the time with a colon and in quotes: "${guess}".`) : t('Skriv klokkeslettet med kolon og i anf\xF8rselstegn, for eksempel "13:00".', 'Write the time with a colon and in quotes, e.g. "13:00".');
        }
        return expected(path, t("et klokkeslett (TT:MM)", "a time (HH:MM)"), value, ctx, hint);
      }
      const v = value.trim();
      const m = /^(\d{1,2}):(\d{2})$/.exec(v);
      if (!m) {
        const dotted = /^(\d{1,2})[.](\d{2})$/.exec(v);
        ctx.issues.push({
          path,
          message: t(`\xAB${v}\xBB er ikke et klokkeslett p\xE5 formen TT:MM`, `"${v}" is not a time of the form HH:MM`),
          hint: dotted ? t(`Bruk kolon: "${dotted[1].padStart(2, "0")}:${dotted[2]}".`, `Use a colon: "${dotted[1].padStart(2, "0")}:${dotted[2]}".`) : t('Skriv for eksempel "13:00".', 'Write for example "13:00".')
        });
        return FAIL;
      }
      const h = Number(m[1]);
      const min = Number(m[2]);
      if (h > 23 || min > 59) {
        ctx.issues.push({
          path,
          message: t(`\xAB${v}\xBB er ikke et gyldig klokkeslett (timer 00\u201323, minutter 00\u201359)`, `"${v}" is not a valid time (hours 00\u201323, minutes 00\u201359)`)
        });
        return FAIL;
      }
      return `${String(h).padStart(2, "0")}:${m[2]}`;
    },
    json: () => ({ type: "string", pattern: "^([01]?\\d|2[0-3]):[0-5]\\d$", description: "TT:MM" })
  };
}
function int(opts = {}) {
  const hint = opts.hint ? { hint: opts.hint } : {};
  return {
    parse(value, path, ctx) {
      if (typeof value !== "number" || !Number.isInteger(value)) {
        return expected(path, t("et heltall", "a whole number"), value, ctx, opts.hint);
      }
      if (opts.min !== void 0 && value < opts.min) {
        ctx.issues.push({ path, message: t(`m\xE5 v\xE6re minst ${opts.min}, fant ${value}`, `must be at least ${opts.min}, found ${value}`), ...hint });
        return FAIL;
      }
      if (opts.max !== void 0 && value > opts.max) {
        ctx.issues.push({ path, message: t(`kan v\xE6re h\xF8yst ${opts.max}, fant ${value}`, `must be at most ${opts.max}, found ${value}`), ...hint });
        return FAIL;
      }
      return value;
    },
    json: () => ({ type: "integer", ...opts.min !== void 0 ? { minimum: opts.min } : {}, ...opts.max !== void 0 ? { maximum: opts.max } : {}, ...opts.description ? { description: opts.description } : {} })
  };
}
function bool() {
  return {
    parse(value, path, ctx) {
      if (typeof value !== "boolean") return expected(path, t("true eller false", "true or false"), value, ctx);
      return value;
    },
    json: () => ({ type: "boolean" })
  };
}
function oneOf(values) {
  return {
    parse(value, path, ctx) {
      if (typeof value === "string" && values.includes(value)) return value;
      const list = values.join(", ");
      const guess = typeof value === "string" ? closest(value, values) : void 0;
      ctx.issues.push({
        path,
        message: t(`forventet en av ${list}, fant ${typeName(value).nb}`, `expected one of ${list}, found ${typeName(value).en}`),
        ...guess ? { hint: t(`Mente du \xAB${guess}\xBB?`, `Did you mean "${guess}"?`) } : {}
      });
      return FAIL;
    },
    json: () => ({ enum: [...values] })
  };
}
function array(item, opts = {}) {
  const hint = opts.hint ? { hint: opts.hint } : {};
  return {
    parse(value, path, ctx) {
      if (!Array.isArray(value)) return expected(path, t("en liste", "a list"), value, ctx, opts.hint);
      if (opts.min !== void 0 && value.length < opts.min) {
        ctx.issues.push({
          path,
          message: t(`listen m\xE5 ha minst ${opts.min} ${opts.min === 1 ? "element" : "elementer"}, fant ${value.length}`, `the list needs at least ${opts.min} item${opts.min === 1 ? "" : "s"}, found ${value.length}`),
          ...hint
        });
        return FAIL;
      }
      if (opts.max !== void 0 && value.length > opts.max) {
        ctx.issues.push({ path, message: t(`listen kan ha h\xF8yst ${opts.max} elementer, fant ${value.length}`, `the list may have at most ${opts.max} items, found ${value.length}`), ...hint });
        return FAIL;
      }
      const out = [];
      let ok = true;
      value.forEach((v, i) => {
        const r = item.parse(v, [...path, i], ctx);
        if (r === FAIL) ok = false;
        else out.push(r);
      });
      return ok ? out : FAIL;
    },
    json: () => ({ type: "array", items: item.json(), ...opts.min !== void 0 ? { minItems: opts.min } : {}, ...opts.max !== void 0 ? { maxItems: opts.max } : {}, ...opts.description ? { description: opts.description } : {} })
  };
}
function req(schema, description) {
  return { schema, ...description ? { description } : {} };
}
function opt(schema, description) {
  return { schema, optional: true, ...description ? { description } : {} };
}
function isPlainMapping(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function obj(shape, opts = {}) {
  const keys = Object.keys(shape);
  return {
    parse(value, path, ctx) {
      if (!isPlainMapping(value)) return expected(path, opts.what ?? t("en tabell med felt", "a mapping of fields"), value, ctx, opts.hint);
      let ok = true;
      const out = {};
      const meant = /* @__PURE__ */ new Set();
      for (const key of Object.keys(value)) {
        if (!Object.prototype.hasOwnProperty.call(shape, key)) {
          const guess = closest(key, keys);
          if (guess && !Object.prototype.hasOwnProperty.call(value, guess)) meant.add(guess);
          ctx.issues.push({
            path: [...path, key],
            onKey: true,
            message: t(`ukjent felt \xAB${key}\xBB`, `unknown field "${key}"`),
            hint: guess ? t(`Mente du \xAB${guess}\xBB?`, `Did you mean "${guess}"?`) : t(`Gyldige felt her: ${keys.join(", ")}.`, `Valid fields here: ${keys.join(", ")}.`)
          });
          ok = false;
        }
      }
      for (const key of keys) {
        const field = shape[key];
        const v = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : void 0;
        if (v === void 0 || v === null) {
          if (!field.optional && !meant.has(key)) {
            const present = Object.prototype.hasOwnProperty.call(value, key);
            ctx.issues.push({
              path: [...path, key],
              // An empty `start:` points at the field itself; a missing one at its mapping.
              ...present ? { onKey: true } : {},
              message: present ? t("er tom, men m\xE5 fylles ut", "is empty but required") : t("mangler, men m\xE5 fylles ut", "is missing but required"),
              hint: t(
                `Legg til \xAB${key}: \u2026\xBB${field.description ? ` (${field.description})` : ""}.`,
                `Add "${key}: \u2026".`
              )
            });
            ok = false;
          } else if (!field.optional) ok = false;
          continue;
        }
        const r = field.schema.parse(v, [...path, key], ctx);
        if (r === FAIL) ok = false;
        else out[key] = r;
      }
      return ok ? out : FAIL;
    },
    json() {
      const properties = {};
      const required = [];
      for (const key of keys) {
        const f = shape[key];
        properties[key] = { ...f.schema.json(), ...f.description ? { description: f.description } : {} };
        if (!f.optional) required.push(key);
      }
      return {
        type: "object",
        properties,
        ...required.length ? { required } : {},
        additionalProperties: false,
        ...opts.description ? { description: opts.description } : {}
      };
    }
  };
}
function byType(forString, forMapping, what) {
  return {
    parse(value, path, ctx) {
      if (typeof value === "string" || typeof value === "number") return forString.parse(value, path, ctx);
      if (isPlainMapping(value)) return forMapping.parse(value, path, ctx);
      return expected(path, what, value, ctx);
    },
    json: () => ({ anyOf: [forString.json(), forMapping.json()] })
  };
}
function numberedMap(value, what) {
  return {
    parse(input, path, ctx) {
      if (!isPlainMapping(input)) return expected(path, what, input, ctx);
      const out = /* @__PURE__ */ new Map();
      let ok = true;
      for (const [key, v] of Object.entries(input)) {
        if (!/^[1-9]\d{0,2}$/.test(key)) {
          ctx.issues.push({
            path: [...path, key],
            onKey: true,
            message: t(`\xAB${key}\xBB er ikke et samlingsnummer`, `"${key}" is not a session number`),
            hint: t("Bruk 1, 2, 3 \u2026 for samlingene.", "Use 1, 2, 3 \u2026 for the sessions.")
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
    json: () => ({ type: "object", patternProperties: { "^[1-9][0-9]{0,2}$": value.json() }, additionalProperties: false })
  };
}
var SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
function slug(what) {
  return {
    parse(value, path, ctx) {
      if (typeof value === "number") value = String(value);
      if (typeof value !== "string") return expected(path, what, value, ctx);
      const v = value.trim();
      if (!SLUG_PATTERN.test(v)) {
        ctx.issues.push({
          path,
          message: t(`\xAB${v}\xBB kan ikke brukes som id`, `"${v}" cannot be used as an id`),
          hint: t("Bruk bare sm\xE5 bokstaver a\u2013z, tall og bindestrek, for eksempel \xABsone-nord\xBB.", 'Use only lower-case a\u2013z, digits and hyphens, e.g. "zone-north".')
        });
        return FAIL;
      }
      return v;
    },
    json: () => ({ type: ["string", "number"], pattern: SLUG_PATTERN.source })
  };
}

export {
  FAIL,
  str,
  EMAIL_PATTERN,
  isEmail,
  email,
  isoDate,
  clockTime,
  int,
  bool,
  oneOf,
  array,
  req,
  opt,
  isPlainMapping,
  obj,
  byType,
  numberedMap,
  SLUG_PATTERN,
  slug
};
