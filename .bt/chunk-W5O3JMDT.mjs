import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/slug.ts
var SPECIAL = { \u00E6: "ae", \u00F8: "o", \u00E5: "a", \u00DF: "ss", \u0111: "d", \u0142: "l", \u00FE: "th", \u00F0: "d", \u0153: "oe" };
function slugify(text, opts = {}) {
  const max = opts.max ?? 60;
  const ascii = text.toLowerCase().replace(/['’`]/g, "").replace(/[æøåßđłþðœ]/g, (c) => SPECIAL[c] ?? c).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  let cut = ascii.slice(0, max);
  if (opts.wholeWords && ascii.length > max) cut = cut.replace(/-[^-]*$/, "") || cut;
  return cut.replace(/-+$/, "") || (opts.fallback ?? "");
}
function uniqueSlugs(names, fallback) {
  const used = /* @__PURE__ */ new Set();
  return names.map((name, i) => {
    const base = slugify(name) || `${fallback}-${i + 1}`;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}

export {
  slugify,
  uniqueSlugs
};
