import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  parseYaml
} from "./chunk-JMJE6DP2.mjs";
import {
  closest
} from "./chunk-DUHYSVVC.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/core/forms/wording.ts
function wordingPaths(programmeId, lang) {
  return [
    { origin: "built-in", path: `templates/forms/${lang}.yaml` },
    { origin: "workspace", path: `templates/forms/${lang}.yaml` },
    { origin: "workspace", path: `templates/${programmeId}/forms/${lang}.yaml` }
  ];
}
function isTree(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
var PLACEHOLDER = /\{([a-z_]+)\}/g;
function placeholders(s) {
  return [...s.matchAll(PLACEHOLDER)].map((m) => m[1]);
}
function kind(v) {
  if (typeof v === "string" || typeof v === "number") return "text";
  if (Array.isArray(v)) return "list";
  if (isTree(v)) return "mapping";
  return "other";
}
var KIND_TEXT = {
  text: t("en tekst", "a text"),
  list: t("en liste med tekster", "a list of texts"),
  mapping: t("en tabell med felt", "a mapping of fields"),
  other: t("en annen verdi", "another value")
};
function mergeLayer(base, over, path, issues) {
  const want = kind(base);
  const got = kind(over);
  if (want !== got) {
    issues.push({ path, message: t(`forventet ${KIND_TEXT[want].nb}, fant ${KIND_TEXT[got].nb}`, `expected ${KIND_TEXT[want].en}, found ${KIND_TEXT[got].en}`) });
    return base;
  }
  if (want === "text") {
    const text = String(over).trim();
    if (!text) {
      issues.push({ path, message: t("kan ikke v\xE6re tom", "must not be empty") });
      return base;
    }
    const allowed = placeholders(base);
    const unknown = placeholders(text).filter((p) => !allowed.includes(p));
    if (unknown.length) {
      issues.push({
        path,
        message: t(`ukjent plassholder ${unknown.map((u) => `{${u}}`).join(", ")}`, `unknown placeholder ${unknown.map((u) => `{${u}}`).join(", ")}`),
        hint: allowed.length ? t(`Her kan du bruke ${allowed.map((a) => `{${a}}`).join(", ")}.`, `Here you can use ${allowed.map((a) => `{${a}}`).join(", ")}.`) : t("Denne teksten har ingen plassholdere.", "This text takes no placeholders.")
      });
      return base;
    }
    return text;
  }
  if (want === "list") {
    const items = over;
    let ok = items.length > 0;
    if (!ok) issues.push({ path, message: t("listen kan ikke v\xE6re tom", "the list must not be empty") });
    items.forEach((item, i) => {
      if (kind(item) !== "text" || !String(item).trim()) {
        issues.push({ path: [...path, i], message: t("forventet en tekst", "expected a text") });
        ok = false;
      }
    });
    return ok ? items.map((i) => String(i).trim()) : base;
  }
  const baseTree = base;
  const overTree = over;
  const keys = Object.keys(baseTree);
  const out = { ...baseTree };
  for (const [key, value] of Object.entries(overTree)) {
    if (!Object.prototype.hasOwnProperty.call(baseTree, key)) {
      const guess = closest(key, keys);
      issues.push({
        path: [...path, key],
        onKey: true,
        message: t(`ukjent felt \xAB${key}\xBB`, `unknown field "${key}"`),
        hint: guess ? t(`Mente du \xAB${guess}\xBB?`, `Did you mean "${guess}"?`) : t(`Gyldige felt her: ${keys.join(", ")}.`, `Valid fields here: ${keys.join(", ")}.`)
      });
      continue;
    }
    if (value === null || value === void 0) continue;
    out[key] = mergeLayer(baseTree[key], value, [...path, key], issues);
  }
  return out;
}
function buildWording(layers) {
  const problems = [];
  let merged;
  for (const layer of layers) {
    const parsed = parseYaml(layer.display, layer.bytes);
    problems.push(...parsed.problems);
    if (!parsed.file) continue;
    const data = parsed.file.data ?? {};
    if (merged === void 0) {
      if (!isTree(data)) {
        problems.push({ severity: "error", file: layer.display, message: t("forventet en tabell med felt", "expected a mapping of fields") });
        continue;
      }
      merged = data;
      continue;
    }
    const issues = [];
    merged = mergeLayer(merged, data, [], issues);
    problems.push(...parsed.file.problems(issues));
  }
  if (merged === void 0 || problems.some((p) => p.severity === "error")) return { problems };
  return { wording: merged, problems };
}
function fill(template, values) {
  return template.replace(PLACEHOLDER, (whole, key) => key in values ? String(values[key]) : whole);
}

export {
  wordingPaths,
  buildWording,
  fill
};
