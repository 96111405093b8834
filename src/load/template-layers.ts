/**
 * The one order in which refleks looks for a file below `templates/`, most
 * specific first: `--templates DIR`, the workspace's
 * `templates/<programme-id>/`, the workspace's `templates/`, and the
 * templates that ship with refleks. Templates take the first layer holding
 * the file (src/templates/lookup.ts); form wording merges every layer holding
 * `forms/<lang>.yaml`, the most specific winning key by key
 * (src/load/form-wording.ts). Both ask this function, so they cannot drift.
 */
import { relative, join, sep } from 'node:path';
import { BUILTIN_TEMPLATES } from '../paths.js';

export type LayerOrigin = 'option' | 'programme' | 'workspace' | 'built-in';

export interface TemplateLayer {
  origin: LayerOrigin;
  /** Absolute folder. */
  dir: string;
  /** The folder as the user knows it: relative to the workspace, or `refleks:templates`. */
  display: string;
  /** For `programme` layers. */
  programmeId?: string;
}

export interface LayerConfig {
  /** Workspace root (absolute). */
  root: string;
  /** `--templates DIR`, absolute. */
  optionDir?: string;
  /** Built-in templates; tests may point elsewhere. */
  builtinDir?: string;
}

/** A path as messages show it: relative to the workspace when inside it, else absolute. */
export function shownPath(root: string, abs: string): string {
  const rel = relative(root, abs);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : abs;
}

/** The layers for one programme (or none), most specific first. */
export function templateLayers(cfg: LayerConfig, programmeId?: string): TemplateLayer[] {
  const layers: TemplateLayer[] = [];
  if (cfg.optionDir) layers.push({ origin: 'option', dir: cfg.optionDir, display: shownPath(cfg.root, cfg.optionDir) });
  const ws = join(cfg.root, 'templates');
  if (programmeId) {
    const dir = join(ws, programmeId);
    layers.push({ origin: 'programme', dir, display: shownPath(cfg.root, dir), programmeId });
  }
  layers.push({ origin: 'workspace', dir: ws, display: shownPath(cfg.root, ws) });
  layers.push({ origin: 'built-in', dir: cfg.builtinDir ?? BUILTIN_TEMPLATES, display: 'refleks:templates' });
  return layers;
}

/** Where `name` would be in a layer, as messages show it. */
export function layerFileDisplay(layer: TemplateLayer, name: string, root: string): string {
  return layer.origin === 'built-in' ? `${layer.display}/${name}` : shownPath(root, join(layer.dir, name));
}
