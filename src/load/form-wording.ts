/**
 * Reads a programme's form wording (templates/forms/<lang>.yaml) from every
 * template layer that has it and merges them by key, the most specific layer
 * winning: built-in, the workspace's templates/forms/, then
 * templates/<programme-id>/forms/ (and `--templates DIR` when a caller passes
 * one). The layers are the templates' own (src/load/template-layers.ts). The
 * built-in file defines the shape; an override may only use its keys (a
 * misspelt key is reported, never silently ignored), with the same kind of
 * value and the same {placeholders}. Free of docx, so `refleks build` can
 * check the wording before it loads docx.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { placeholders, type FormWording } from '../core/forms/wording.js';
import type { Workspace } from '../core/model.js';
import type { Problem } from '../core/problems.js';
import { BUILTIN_TEMPLATES, PACKAGE_ROOT } from '../paths.js';
import { t, type Lang } from '../core/text.js';
import { isWordSlot } from '../core/vocabulary.js';
import { unknownField, type Issue, type Path } from './schema.js';
import { layerFileDisplay, templateLayers, type LayerConfig } from './template-layers.js';
import { parseYaml } from './yaml-file.js';

/** One YAML file of wording. */
export interface WordingLayer {
  /** Path as shown to the user. */
  display: string;
  bytes: Uint8Array;
  /** The file's content already parsed (the built-in wording, from the build's cache). */
  data?: unknown;
}

/**
 * The built-in wording files, parsed at build time (`npm run build` writes
 * dist/wording-cache.json, like the programmes' cache), each with the SHA-256
 * of its YAML: a build then parses only a workspace's own wording, and an
 * edited built-in file is parsed again instead of trusted.
 */
export const WORDING_CACHE = join(PACKAGE_ROOT, 'dist', 'wording-cache.json');
type WordingCache = Record<string, { sha256: string; data: unknown }>;
let wordingCache: WordingCache | null | undefined;

function cachedWording(name: string, bytes: Uint8Array): unknown {
  if (wordingCache === undefined) {
    try {
      wordingCache = JSON.parse(readFileSync(WORDING_CACHE, 'utf8')) as WordingCache;
    } catch {
      wordingCache = null;
    }
  }
  const entry = wordingCache?.[name];
  return entry && entry.sha256 === createHash('sha256').update(bytes).digest('hex') ? entry.data : undefined;
}

/** The cache's content for the built-in wording files: what their YAML parses to. */
export function wordingCacheJson(files: { name: string; bytes: Uint8Array }[]): string {
  const out: WordingCache = {};
  for (const { name, bytes } of files) {
    const parsed = parseYaml(name, bytes);
    if (!parsed.file || parsed.problems.length) throw new Error(`built-in wording ${name} does not parse`);
    out[name] = { sha256: createHash('sha256').update(bytes).digest('hex'), data: parsed.file.data };
  }
  return JSON.stringify(out);
}

type Tree = { [key: string]: Node };
type Node = string | string[] | Tree;

function isTree(v: unknown): v is Tree {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function kind(v: unknown): 'text' | 'list' | 'mapping' | 'other' {
  if (typeof v === 'string' || typeof v === 'number') return 'text';
  if (Array.isArray(v)) return 'list';
  if (isTree(v)) return 'mapping';
  return 'other';
}

const KIND_TEXT = {
  text: t('en tekst', 'a text'),
  list: t('en liste med tekster', 'a list of texts'),
  mapping: t('en tabell med felt', 'a mapping of fields'),
  other: t('en annen verdi', 'another value'),
};

/**
 * Checks an override against the built-in shape and merges it in. Returns the
 * merged tree; issues carry field paths for `file:line:column` messages.
 */
function mergeLayer(base: Node, over: unknown, path: Path, issues: Issue[]): Node {
  const want = kind(base);
  const got = kind(over);
  if (want !== got) {
    issues.push({
      path,
      message: t(
        `forventet ${KIND_TEXT[want].nb}, fant ${KIND_TEXT[got].nb}`,
        `expected ${KIND_TEXT[want].en}, found ${KIND_TEXT[got].en}`,
      ),
    });
    return base;
  }
  if (want === 'text') {
    const text = String(over).trim();
    if (!text) {
      issues.push({ path, message: t('kan ikke være tom', 'must not be empty') });
      return base;
    }
    const allowed = placeholders(base as string);
    // The programme's own words ({session}, {facilitator} …) fit any text.
    const unknown = placeholders(text).filter((p) => !allowed.includes(p) && !isWordSlot(p));
    if (unknown.length) {
      issues.push({
        path,
        message: t(
          `ukjent plassholder ${unknown.map((u) => `{${u}}`).join(', ')}`,
          `unknown placeholder ${unknown.map((u) => `{${u}}`).join(', ')}`,
        ),
        hint: allowed.length
          ? t(
              `Her kan du bruke ${allowed.map((a) => `{${a}}`).join(', ')}.`,
              `Here you can use ${allowed.map((a) => `{${a}}`).join(', ')}.`,
            )
          : t('Denne teksten har ingen plassholdere.', 'This text takes no placeholders.'),
      });
      return base;
    }
    return text;
  }
  if (want === 'list') {
    const items = over as unknown[];
    let ok = items.length > 0;
    if (!ok) issues.push({ path, message: t('listen kan ikke være tom', 'the list must not be empty') });
    items.forEach((item, i) => {
      if (kind(item) !== 'text' || !String(item).trim()) {
        issues.push({ path: [...path, i], message: t('forventet en tekst', 'expected a text') });
        ok = false;
      }
    });
    return ok ? items.map((i) => String(i).trim()) : base;
  }
  const baseTree = base as Tree;
  const overTree = over as Record<string, unknown>;
  const keys = Object.keys(baseTree);
  const out: Tree = { ...baseTree };
  for (const [key, value] of Object.entries(overTree)) {
    if (!Object.prototype.hasOwnProperty.call(baseTree, key)) {
      issues.push(unknownField(path, key, keys));
      continue;
    }
    if (value === null || value === undefined) continue;
    out[key] = mergeLayer(baseTree[key]!, value, [...path, key], issues);
  }
  return out;
}

/**
 * Merges the wording layers (built-in first). The first layer is trusted as
 * the shape; problems in later layers are reported with their positions.
 */
export function buildWording(layers: WordingLayer[]): { wording?: FormWording; problems: Problem[] } {
  const problems: Problem[] = [];
  let merged: Node | undefined;
  for (const layer of layers) {
    if (merged === undefined && layer.data !== undefined && isTree(layer.data)) {
      merged = layer.data;
      continue;
    }
    const parsed = parseYaml(layer.display, layer.bytes);
    problems.push(...parsed.problems);
    if (!parsed.file) continue;
    const data = parsed.file.data ?? {};
    if (merged === undefined) {
      if (!isTree(data)) {
        problems.push({
          severity: 'error',
          file: layer.display,
          message: t('forventet en tabell med felt', 'expected a mapping of fields'),
        });
        continue;
      }
      merged = data;
      continue;
    }
    const issues: Issue[] = [];
    merged = mergeLayer(merged, data, [], issues);
    problems.push(...parsed.file.problems(issues));
  }
  if (merged === undefined || problems.some((p) => p.severity === 'error')) return { problems };
  return { wording: merged as unknown as FormWording, problems };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Reads the wording layers for a programme (least specific first) and merges them. */
export function loadFormWording(
  ws: Workspace,
  programmeId: string,
  lang: Lang,
  layers: Omit<LayerConfig, 'root'> = {},
): { wording?: FormWording; problems: Problem[] } {
  const name = `forms/${lang}.yaml`;
  const found: WordingLayer[] = [];
  for (const layer of templateLayers({ ...layers, root: ws.root }, programmeId).reverse()) {
    const abs = join(layer.dir, name);
    if (!isFile(abs)) continue;
    const bytes = readFileSync(abs);
    const data =
      layer.origin === 'built-in' && layer.dir === BUILTIN_TEMPLATES ? cachedWording(name, bytes) : undefined;
    found.push({ display: layerFileDisplay(layer, name, ws.root), bytes, ...(data === undefined ? {} : { data }) });
  }
  return buildWording(found);
}
