import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  partialNames,
  resolveTemplate,
  templateLayers
} from "./chunk-DCLAYZXH.mjs";
import {
  addMinutes,
  formatDate,
  formatSessionTime,
  formatTime
} from "./chunk-FNY576GM.mjs";
import {
  InputError
} from "./chunk-4FZNDNJ7.mjs";
import {
  isLang,
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/templates/engine.ts
import { readFileSync, statSync } from "node:fs";
import Handlebars from "handlebars";

// src/templates/helpers.ts
function langOf(options) {
  const v = options?.hash?.lang ?? options?.data?.root?.lang;
  return isLang(v) ? v : "nb";
}
function split(args) {
  return { params: args.slice(0, -1), options: args[args.length - 1] };
}
function joinList(items, lang) {
  const word = lang === "nb" ? "og" : "and";
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}
function isTime(v) {
  return typeof v === "string" && /^\d{2}:\d{2}$/.test(v);
}
function isDate(v) {
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
}
var HelperError = class extends Error {
};
var helpers = {
  /** `{{plural n "deltaker" "deltakere"}}` → «1 deltaker», «5 deltakere». */
  plural(...args) {
    const { params } = split(args);
    const [n, one, many] = params;
    const count = Number(n);
    return `${n} ${count === 1 ? String(one) : String(many)}`;
  },
  /**
   * `{{join names}}` → «Kari, Per og Ali». A list of people joins their names;
   * `{{join list "role"}}` joins that field of each item.
   */
  join(...args) {
    const { params, options } = split(args);
    const [list, field] = params;
    if (!Array.isArray(list)) throw new HelperError("join: the first argument must be a list");
    const key = typeof field === "string" ? field : void 0;
    const items = list.map((item) => {
      if (item && typeof item === "object") return String(item[key ?? "name"] ?? "");
      return String(item);
    });
    return joinList(items.filter((s) => s !== ""), langOf(options));
  },
  /** `{{date "2027-01-12"}}` → «tirsdag 12. januar 2027»; `weekday=false`, `year=false`. */
  date(...args) {
    const { params, options } = split(args);
    const [d] = params;
    if (!isDate(d)) throw new HelperError(`date: expected YYYY-MM-DD, got ${JSON.stringify(d)}`);
    const hash = options.hash;
    return formatDate(d, langOf(options), { ...hash.weekday === false ? { weekday: false } : {}, ...hash.year === false ? { year: false } : {} });
  },
  /** `{{time "13:00"}}` → «13.00» (nb) / «13:00» (en). */
  time(...args) {
    const { params, options } = split(args);
    const [v] = params;
    if (!isTime(v)) throw new HelperError(`time: expected HH:MM, got ${JSON.stringify(v)}`);
    return formatTime(v, langOf(options));
  },
  /** `{{sessionTime date start end}}` → «tirsdag 12. januar 2027 kl. 13.00–15.00». */
  sessionTime(...args) {
    const { params, options } = split(args);
    const [d, start, end] = params;
    if (!isDate(d) || !isTime(start) || !isTime(end)) throw new HelperError("sessionTime: expected a date (YYYY-MM-DD) and two times (HH:MM)");
    return formatSessionTime(d, start, end, langOf(options));
  },
  /** `{{addMinutes "13:00" 70}}` → «14.10»: agenda arithmetic, formatted. */
  addMinutes(...args) {
    const { params, options } = split(args);
    const [v, minutes] = params;
    if (!isTime(v) || !Number.isFinite(Number(minutes))) throw new HelperError("addMinutes: expected a time (HH:MM) and a number of minutes");
    return formatTime(addMinutes(v, Number(minutes)), langOf(options));
  },
  /** `{{inc @index}}` → 1-based numbering. */
  inc(...args) {
    const { params } = split(args);
    return Number(params[0]) + 1;
  },
  /** `{{#if (eq a b)}}`. */
  eq(...args) {
    const { params } = split(args);
    return params[0] === params[1];
  },
  /**
   * `{{#h 2}}Agenda{{/h}}` → `<h2>` on a page of its own, `<h3>` when the pack
   * is a section of the combined view, so headings never skip a level.
   */
  h(...args) {
    const { params, options } = split(args);
    const offset = Number(options.data.root?.headingOffset ?? 0) || 0;
    const level = Math.min(6, Math.max(1, Number(params[0]) + offset));
    const id = options.hash.id;
    const attr = typeof id === "string" && /^[A-Za-z][\w-]*$/.test(id) ? ` id="${id}"` : "";
    return `<h${level}${attr}>${options.fn(this)}</h${level}>`;
  }
};
var knownHelpers = Object.fromEntries(Object.keys(helpers).map((k) => [k, true]));

// src/templates/engine.ts
var env = Handlebars.create();
for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn);
var FORBIDDEN = /* @__PURE__ */ new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);
var cache = /* @__PURE__ */ new Map();
var compiles = 0;
function formatOf(name) {
  return name.endsWith(".md.hbs") ? "md" : "html";
}
function problem(display, message, loc, hint) {
  const p = { severity: "error", file: display, message, ...hint ? { hint } : {} };
  if (loc?.line !== void 0) p.line = loc.line;
  if (loc?.line !== void 0 && loc.column !== void 0) p.column = loc.column;
  return new InputError([p]);
}
var HELPER_LIST = Object.keys(helpers).sort().join(", ");
function templateError(err, display, source) {
  if (err instanceof InputError) return err;
  const e = err;
  const raw = String(e?.message ?? err);
  const loc = e?.lineNumber !== void 0 ? { line: e.lineNumber, column: (e.column ?? 0) + 1 } : void 0;
  const bare = raw.replace(/ - \d+:\d+$/, "");
  let m;
  if (m = bare.match(/^"(.+)" not defined in/)) {
    const name = source && loc && expressionAt(source, loc.line, loc.column) || m[1];
    return problem(display, t(`ukjent variabel \xAB${name}\xBB`, `unknown variable "${name}"`), loc, t("Sjekk stavem\xE5ten mot den innebygde malen (\xABrefleks templates eject NAVN\xBB viser den).", 'Check the spelling against the built-in template ("refleks templates eject NAME" shows it).'));
  }
  if (m = bare.match(/unknown helper (\S+)/)) {
    return problem(display, t(`ukjent hjelper \xAB${m[1]}\xBB`, `unknown helper "${m[1]}"`), loc, t(`Tilgjengelige hjelpere: ${HELPER_LIST}.`, `Available helpers: ${HELPER_LIST}.`));
  }
  if (m = raw.match(/^Parse error on line (\d+):\n(.*)\n/)) {
    const near = m[2].trim();
    return problem(display, t(`syntaksfeil i malen n\xE6r \xAB${near}\xBB`, `syntax error in the template near "${near}"`), { line: Number(m[1]) }, t("Sjekk at hver {{ har en }} og hver {{#blokk}} en {{/blokk}}.", "Check that every {{ has a }} and every {{#block}} a {{/block}}."));
  }
  if (m = bare.match(/^"?([^"]+)"? doesn't match "?([^"]+)"?$/)) {
    return problem(display, t(`blokken {{#${m[1]}}} lukkes med {{/${m[2]}}}`, `the block {{#${m[1]}}} is closed by {{/${m[2]}}}`), loc);
  }
  if (err instanceof HelperError) return problem(display, t(`feil i en hjelper: ${raw}`, `error in a helper: ${raw}`), loc);
  return problem(display, t(`feil i malen: ${bare}`, `error in the template: ${bare}`), loc);
}
function expressionAt(source, line, column) {
  const text = source.split("\n")[line - 1]?.slice(column - 1) ?? "";
  const m = text.match(/^(?:\{\{[{#^&~\s]*(?:(?:if|unless|each|with)\s+)?)?([@A-Za-z_.][\w.@/-]*)/);
  return m?.[1];
}
function inspect(ast, display) {
  const partials = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const n = node;
    const at = { line: n.loc?.start.line ?? 0, column: (n.loc?.start.column ?? 0) + 1 };
    if (n.type === "PathExpression" && n.parts?.some((p) => typeof p === "string" && FORBIDDEN.has(p))) {
      throw problem(display, t(`\xAB${n.original}\xBB er ikke tillatt i en mal`, `"${n.original}" is not allowed in a template`), at);
    }
    if ((n.type === "PartialStatement" || n.type === "PartialBlockStatement") && n.name?.type === "PathExpression" && typeof n.name.original === "string") {
      partials.push({ name: n.name.original, ...at });
    }
    for (const [key, value] of Object.entries(node)) if (key !== "loc") visit(value);
  };
  visit(ast);
  return partials;
}
function compileFile(path, display, format) {
  const st = statSync(path);
  const stamp = `${st.mtimeMs}:${st.size}:${format}`;
  const hit = cache.get(path);
  if (hit && hit.stamp === stamp) return hit.compiled;
  const source = readFileSync(path, "utf8");
  let ast;
  try {
    ast = env.parse(source);
  } catch (err) {
    throw templateError(err, display);
  }
  const partials = inspect(ast, display);
  const fn = env.compile(ast, {
    strict: true,
    knownHelpers,
    knownHelpersOnly: true,
    // Markdown is not HTML: `&` stays `&`. Data is never compiled either way.
    noEscape: format === "md",
    preventIndent: true
  });
  compiles++;
  const compiled = { fn, source, partials };
  cache.set(path, { stamp, compiled });
  return compiled;
}
function guarded(c, display) {
  return (context, options) => {
    try {
      return c.fn(context, options);
    } catch (err) {
      throw templateError(err, display, c.source);
    }
  };
}
function createRenderer(cfg) {
  const layerSets = /* @__PURE__ */ new Map();
  const prepared = /* @__PURE__ */ new Map();
  const partialSets = /* @__PURE__ */ new Map();
  const layersFor = (pid = "") => {
    let l = layerSets.get(pid);
    if (!l) layerSets.set(pid, l = templateLayers(cfg, pid || void 0));
    return l;
  };
  const checkPartials = (refs, display, set, pid, format) => {
    for (const ref of refs) {
      if (Object.hasOwn(set, ref.name)) continue;
      const name = `partials/${ref.name}.${format}.hbs`;
      try {
        resolveTemplate(layersFor(pid), name, cfg.root);
      } catch (err) {
        const inner = err.problems[0].message;
        throw problem(display, t(`bruker delmalen \xAB${ref.name}\xBB, men ${inner.nb}`, `uses the partial "${ref.name}", but ${inner.en}`), ref);
      }
    }
  };
  const partialsFor = (pid, format) => {
    const key = `${pid}\0${format}`;
    let set = partialSets.get(key);
    if (set) return set;
    set = {};
    const compiledRefs = [];
    for (const name of partialNames(layersFor(pid), format)) {
      const r = resolveTemplate(layersFor(pid), `partials/${name}.${format}.hbs`, cfg.root);
      const c = compileFile(r.path, r.display, format);
      set[name] = guarded(c, r.display);
      compiledRefs.push([c.partials, r.display]);
    }
    for (const [refs, display] of compiledRefs) checkPartials(refs, display, set, pid, format);
    partialSets.set(key, set);
    return set;
  };
  return {
    layers: (opts) => layersFor(opts?.programmeId),
    resolve: (name, opts) => resolveTemplate(layersFor(opts?.programmeId), name, cfg.root),
    render(name, data, opts) {
      const pid = opts?.programmeId ?? "";
      const key = `${pid}\0${name}`;
      let p = prepared.get(key);
      if (!p) {
        const r = resolveTemplate(layersFor(pid), name, cfg.root);
        const format = formatOf(name);
        const c = compileFile(r.path, r.display, format);
        checkPartials(c.partials, r.display, partialsFor(pid, format), pid, format);
        p = { fn: guarded(c, r.display), format };
        prepared.set(key, p);
      }
      return p.fn(data, { partials: partialsFor(pid, p.format) });
    }
  };
}

export {
  createRenderer
};
