/**
 * Where a template comes from. A name such as `partials/agenda.html.hbs` is
 * looked up in the layers of src/load/template-layers.ts, most specific
 * first: `--templates DIR`, the workspace's `templates/<programme-id>/`, the
 * workspace's `templates/`, and the templates that ship with refleks. The
 * first layer holding the file wins (as Hugo's project layouts beat the theme's).
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../core/problems.js';
import { t } from '../core/text.js';
import { entryKind } from '../load/fs-entry.js';
import { layerFileDisplay, shownPath, templateLayers, type LayerConfig, type LayerOrigin, type TemplateLayer } from '../load/template-layers.js';

export { templateLayers, type LayerConfig, type LayerOrigin, type TemplateLayer };

export interface ResolvedTemplate {
  name: string;
  /** Absolute path of the file that won. */
  path: string;
  /** Path as shown in messages. */
  display: string;
  layer: TemplateLayer;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Refuses names that would climb out of a template folder. */
export function checkTemplateName(name: string): void {
  const norm = name.replace(/\\/g, '/');
  if (norm.startsWith('/') || norm.split('/').includes('..') || /^[a-zA-Z]:/.test(norm)) {
    throw new InputError([{ severity: 'error', message: t(`ugyldig malnavn «${name}»: bruk en sti under templates/, f.eks. partials/agenda.html.hbs`, `invalid template name "${name}": use a path below templates/, e.g. partials/agenda.html.hbs`) }]);
  }
}

/** Finds a template or fails naming every path that was tried. */
export function resolveTemplate(layers: readonly TemplateLayer[], name: string, root: string): ResolvedTemplate {
  checkTemplateName(name);
  const tried: string[] = [];
  for (const layer of layers) {
    const path = join(layer.dir, name);
    const display = layerFileDisplay(layer, name, root);
    if (isFile(path)) return { name, path, display, layer };
    tried.push(display);
  }
  throw new InputError([
    {
      severity: 'error',
      message: t(`fant ikke malen ${name}; prøvde ${tried.join(', ')}`, `template ${name} not found; tried ${tried.join(', ')}`),
    },
  ]);
}

/**
 * Every file below a folder, as forward-slash paths relative to it. A symlink
 * that leads nowhere (or in a loop) is an error naming it, shown relative to
 * `root` (default: the folder's parent, so `templates/x.md.hbs`); a folder
 * reached twice by links is walked once.
 */
export function filesBelow(dir: string, skipTopLevel: ReadonlySet<string> = new Set(), root: string = dirname(dir)): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (d: string, prefix: string) => {
    let entries: string[];
    try {
      const real = realpathSync(d);
      if (seen.has(real)) return;
      seen.add(real);
      entries = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.')) continue;
      if (!prefix && skipTopLevel.has(entry)) continue;
      const abs = join(d, entry);
      const rel = prefix ? `${prefix}/${entry}` : entry;
      const kind = entryKind(abs, shownPath(root, abs));
      if (kind === 'dir') walk(abs, rel);
      // Templates and form wording; a coordinator's notes (LESMEG.md) are not templates.
      else if (/\.(hbs|ya?ml)$/i.test(entry)) out.push(rel);
    }
  };
  walk(dir, '');
  return out;
}

/** Names of the partials (`partials/NAME.FORMAT.hbs`) any layer provides, for one output format. */
export function partialNames(layers: readonly TemplateLayer[], format: 'html' | 'md'): string[] {
  const names = new Set<string>();
  const suffix = `.${format}.hbs`;
  for (const layer of layers) {
    const dir = join(layer.dir, 'partials');
    if (!existsSync(dir)) continue;
    for (const file of filesBelow(dir)) if (file.endsWith(suffix)) names.add(file.slice(0, -suffix.length));
  }
  return [...names].sort();
}

export interface ListedTemplate {
  name: string;
  origin: LayerOrigin;
  programmeId?: string;
  display: string;
}

/**
 * Every template a workspace can use: each built-in or workspace name with the
 * layer that wins for it, plus one row per programme-specific override.
 */
export function listTemplates(cfg: LayerConfig, programmeIds: readonly string[]): ListedTemplate[] {
  const out: ListedTemplate[] = [];
  const general = templateLayers(cfg);
  const ids = new Set(programmeIds);
  const names = new Set<string>();
  for (const layer of general) {
    for (const name of filesBelow(layer.dir, layer.origin === 'workspace' ? ids : new Set())) names.add(name);
  }
  for (const name of [...names].sort()) {
    const r = resolveTemplate(general, name, cfg.root);
    out.push({ name, origin: r.layer.origin, display: r.display });
  }
  for (const id of [...ids].sort()) {
    const dir = resolve(cfg.root, 'templates', id);
    for (const name of filesBelow(dir, new Set(), cfg.root)) out.push({ name, origin: 'programme', programmeId: id, display: shownPath(cfg.root, join(dir, name)) });
  }
  return out;
}
