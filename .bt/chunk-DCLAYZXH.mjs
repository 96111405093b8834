import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  BUILTIN_TEMPLATES
} from "./chunk-FUJPT6OL.mjs";
import {
  InputError
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/templates/lookup.ts
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
function shown(root, abs) {
  const rel = relative(root, abs);
  return rel && !rel.startsWith("..") ? rel.split(sep).join("/") : abs;
}
function templateLayers(cfg, programmeId) {
  const layers = [];
  if (cfg.optionDir) layers.push({ origin: "option", dir: cfg.optionDir, display: shown(cfg.root, cfg.optionDir) });
  const ws = join(cfg.root, "templates");
  if (programmeId) {
    const dir = join(ws, programmeId);
    layers.push({ origin: "programme", dir, display: shown(cfg.root, dir), programmeId });
  }
  layers.push({ origin: "workspace", dir: ws, display: shown(cfg.root, ws) });
  layers.push({ origin: "built-in", dir: cfg.builtinDir ?? BUILTIN_TEMPLATES, display: "refleks:templates" });
  return layers;
}
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
function checkTemplateName(name) {
  const norm = name.replace(/\\/g, "/");
  if (norm.startsWith("/") || norm.split("/").includes("..") || /^[a-zA-Z]:/.test(norm)) {
    throw new InputError([{ severity: "error", message: t(`ugyldig malnavn \xAB${name}\xBB: bruk en sti under templates/, f.eks. partials/agenda.html.hbs`, `invalid template name "${name}": use a path below templates/, e.g. partials/agenda.html.hbs`) }]);
  }
}
function resolveTemplate(layers, name, root) {
  checkTemplateName(name);
  const tried = [];
  for (const layer of layers) {
    const path = join(layer.dir, name);
    const display = layer.origin === "built-in" ? `${layer.display}/${name}` : shown(root, path);
    if (isFile(path)) return { name, path, display, layer };
    tried.push(display);
  }
  throw new InputError([
    {
      severity: "error",
      message: t(`fant ikke malen ${name}; pr\xF8vde ${tried.join(", ")}`, `template ${name} not found; tried ${tried.join(", ")}`)
    }
  ]);
}
function filesBelow(dir, skipTopLevel = /* @__PURE__ */ new Set()) {
  const out = [];
  const walk = (d, prefix) => {
    let entries;
    try {
      entries = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith(".")) continue;
      if (!prefix && skipTopLevel.has(entry)) continue;
      const abs = join(d, entry);
      const rel = prefix ? `${prefix}/${entry}` : entry;
      if (statSync(abs).isDirectory()) walk(abs, rel);
      else if (/\.(hbs|ya?ml)$/i.test(entry)) out.push(rel);
    }
  };
  walk(dir, "");
  return out;
}
function partialNames(layers, format) {
  const names = /* @__PURE__ */ new Set();
  const suffix = `.${format}.hbs`;
  for (const layer of layers) {
    const dir = join(layer.dir, "partials");
    if (!existsSync(dir)) continue;
    for (const file of filesBelow(dir)) if (file.endsWith(suffix)) names.add(file.slice(0, -suffix.length));
  }
  return [...names].sort();
}
function listTemplates(cfg, programmeIds) {
  const out = [];
  const general = templateLayers(cfg);
  const ids = new Set(programmeIds);
  const names = /* @__PURE__ */ new Set();
  for (const layer of general) {
    for (const name of filesBelow(layer.dir, layer.origin === "workspace" ? ids : /* @__PURE__ */ new Set())) names.add(name);
  }
  for (const name of [...names].sort()) {
    const r = resolveTemplate(general, name, cfg.root);
    out.push({ name, origin: r.layer.origin, display: r.display });
  }
  for (const id of [...ids].sort()) {
    const dir = resolve(cfg.root, "templates", id);
    for (const name of filesBelow(dir)) out.push({ name, origin: "programme", programmeId: id, display: shown(cfg.root, join(dir, name)) });
  }
  return out;
}

export {
  templateLayers,
  checkTemplateName,
  resolveTemplate,
  filesBelow,
  partialNames,
  listTemplates
};
