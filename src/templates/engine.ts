/**
 * Compiles and renders the layered Handlebars templates. Strict mode turns a
 * misspelt variable into an error (not a silent blank), and every error is
 * turned into a Problem naming the template file, line and column, so a
 * coordinator editing a template sees where it went wrong without a stack
 * trace. Compiled templates are cached per process by path and mtime: a
 * build over 1,000 groups compiles each template once.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { BUILTIN_TEMPLATES, PACKAGE_ROOT } from '../paths.js';
import type Handlebars from 'handlebars';
import { InputError, type Problem } from '../core/problems.js';
import { codePointName, unsafeChar } from '../core/safe-text.js';
import { t, type Text } from '../core/text.js';
import { HelperError, helpers, knownHelpers } from './helpers.js';
import { checkTemplateName, filesBelow, partialNames, resolveTemplate, templateLayers, type LayerConfig, type ResolvedTemplate, type TemplateLayer } from './lookup.js';
import { checkTemplate, intersect, shapeOf } from './check.js';
import { sampleViews, VIEW_TEMPLATES } from '../core/packs/sample-view.js';

export type Format = 'html' | 'md';
type Fn = (context: unknown, options?: Record<string, unknown>) => string;

type Env = typeof Handlebars;
const load = createRequire(import.meta.url);

/** Our own instance of `base`: helpers registered once, nothing leaks into the global Handlebars. */
function ownEnv(base: Env): Env {
  const env = base.create();
  for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn as Handlebars.HelperDelegate);
  // Handlebars' own `{{log}}` writes to stdout, which would corrupt `build --json`; in refleks it says nothing.
  env.registerHelper('log', () => undefined);
  return env;
}

/**
 * Two instances with the same helpers. The built-in templates come
 * precompiled, and running them needs only Handlebars' runtime, a third of
 * the library to load; the full library (parser and compiler) is loaded only
 * for a workspace's own templates, a stale precompiled one, or the checks.
 */
const runtime = ownEnv(load('handlebars/runtime') as Env);
let full: Env | undefined;
function compiler(): Env {
  return (full ??= ownEnv(load('handlebars') as Env));
}

/** Properties every object inherits; a template naming one is an error, never code. */
const FORBIDDEN = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

interface Ref {
  name: string;
  line: number;
  column: number;
}

interface Compiled {
  fn: Fn;
  source: string;
  /** Partials named literally in the template, for a clear message when one is missing. */
  partials: Ref[];
}

const cache = new Map<string, { stamp: string; compiled: Compiled }>();
let compiles = 0;

/** How many templates this process has compiled (for tests of the cache). */
export function compileCount(): number {
  return compiles;
}

export function formatOf(name: string): Format {
  return name.endsWith('.md.hbs') ? 'md' : 'html';
}

function problem(display: string, message: Text, loc?: { line?: number; column?: number }, hint?: Text): InputError {
  const p: Problem = { severity: 'error', file: display, message, ...(hint ? { hint } : {}) };
  if (loc?.line !== undefined) p.line = loc.line;
  if (loc?.line !== undefined && loc.column !== undefined) p.column = loc.column;
  return new InputError([p]);
}

const HELPER_LIST = Object.keys(helpers).sort().join(', ');

/** Handlebars' own errors, said the way a coordinator can act on. */
export function templateError(err: unknown, display: string, source?: string): InputError {
  if (err instanceof InputError) return err;
  const e = err as Error & { lineNumber?: number; column?: number };
  const raw = String(e?.message ?? err);
  const loc = e?.lineNumber !== undefined ? { line: e.lineNumber, column: (e.column ?? 0) + 1 } : undefined;
  const bare = raw.replace(/ - \d+:\d+$/, '');
  let m: RegExpMatchArray | null;
  if ((m = bare.match(/^"(.+)" not defined in/))) {
    // Handlebars names only the last part (`date` of `sesion.date`); the
    // source at the reported place shows the whole expression as written.
    const name = (source && loc && expressionAt(source, loc.line, loc.column)) || m[1];
    return problem(display, t(`ukjent variabel «${name}»`, `unknown variable "${name}"`), loc, t('Sjekk stavemåten mot den innebygde malen («refleks templates eject NAVN» viser den).', 'Check the spelling against the built-in template ("refleks templates eject NAME" shows it).'));
  }
  if ((m = bare.match(/unknown helper (\S+)/))) {
    return problem(display, t(`ukjent hjelper «${m[1]}»`, `unknown helper "${m[1]}"`), loc, t(`Tilgjengelige hjelpere: ${HELPER_LIST}.`, `Available helpers: ${HELPER_LIST}.`));
  }
  if ((m = raw.match(/^Parse error on line (\d+):\n(.*)\n/))) {
    const near = m[2]!.trim();
    return problem(display, t(`syntaksfeil i malen nær «${near}»`, `syntax error in the template near "${near}"`), { line: Number(m[1]) }, t('Sjekk at hver {{ har en }} og hver {{#blokk}} en {{/blokk}}.', 'Check that every {{ has a }} and every {{#block}} a {{/block}}.'));
  }
  if ((m = bare.match(/^"?([^"]+)"? doesn't match "?([^"]+)"?$/))) {
    return problem(display, t(`blokken {{#${m[1]}}} lukkes med {{/${m[2]}}}`, `the block {{#${m[1]}}} is closed by {{/${m[2]}}}`), loc);
  }
  if (err instanceof HelperError) return problem(display, t(`feil i en hjelper: ${raw}`, `error in a helper: ${raw}`), loc);
  return problem(display, t(`feil i malen: ${bare}`, `error in the template: ${bare}`), loc);
}

/** The path expression a mustache at line:column (1-based) starts with, e.g. `session.date`. */
function expressionAt(source: string, line: number, column: number): string | undefined {
  const text = source.split('\n')[line - 1]?.slice(column - 1) ?? '';
  const m = text.match(/^(?:\{\{[{#^&~\s]*(?:(?:if|unless|each|with)\s+)?)?([@A-Za-z_.][\w.@/-]*)/);
  return m?.[1];
}

/** Walks the syntax tree for names that reach into prototypes and for the partials used. */
function inspect(ast: unknown, display: string): Ref[] {
  const partials: Ref[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; parts?: unknown[]; original?: string; name?: { type?: string; original?: unknown }; loc?: { start: { line: number; column: number } } };
    const at = { line: n.loc?.start.line ?? 0, column: (n.loc?.start.column ?? 0) + 1 };
    if (n.type === 'PathExpression' && n.parts?.some((p) => typeof p === 'string' && FORBIDDEN.has(p))) {
      throw problem(display, t(`«${n.original}» er ikke tillatt i en mal`, `"${n.original}" is not allowed in a template`), at);
    }
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression' && typeof n.name.original === 'string') {
      partials.push({ name: n.name.original, ...at });
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') visit(value);
  };
  visit(ast);
  return partials;
}

/** The same options at build time (precompiled built-ins) and at run time. */
export function compileOptions(format: Format): CompileOptions {
  return {
    strict: true,
    knownHelpers,
    knownHelpersOnly: true,
    // Markdown is not HTML: `&` stays `&`. Data is never compiled either way.
    noEscape: format === 'md',
    preventIndent: true,
  };
}

/** Parses a template and checks what it may name; returns the partials it uses. */
export function parseTemplate(source: string, display: string): { ast: ReturnType<Env['parse']>; partials: Ref[] } {
  // Template text reaches every pack as it stands: no character a document cannot hold.
  const bad = unsafeChar(source);
  if (bad) {
    const before = source.slice(0, bad.index);
    const line = before.split('\n').length;
    const column = bad.index - before.lastIndexOf('\n');
    throw problem(display, t(`tegnet ${codePointName(bad.char)} kan ikke stå i et dokument`, `the character ${codePointName(bad.char)} cannot be part of a document`), { line, column }, t('Det er usynlig og kommer som regel fra kopiering; slett det.', 'It is invisible and usually comes from copying; delete it.'));
  }
  let ast: ReturnType<Env['parse']>;
  try {
    ast = compiler().parse(source);
  } catch (err) {
    throw templateError(err, display);
  }
  return { ast, partials: inspect(ast, display) };
}

export function precompileTemplate(source: string, display: string, format: Format): { spec: string; partials: Ref[] } {
  const { ast, partials } = parseTemplate(source, display);
  return { spec: compiler().precompile(ast as unknown as string, compileOptions(format)) as unknown as string, partials };
}

interface Precompiled {
  sha256: string;
  partials: Ref[];
  spec: TemplateSpecification;
}

let precompiled: Record<string, Precompiled> | null | undefined;

/**
 * The built-in templates, compiled when refleks was built
 * (dist/templates-precompiled.cjs), so a small build does not pay for
 * Handlebars' compiler. Used only while a file's content still matches.
 */
function precompiledFor(path: string, source: string, builtinDir: string): Precompiled | undefined {
  if (builtinDir !== BUILTIN_TEMPLATES || !path.startsWith(BUILTIN_TEMPLATES + sep)) return undefined;
  if (precompiled === undefined) {
    try {
      precompiled = createRequire(import.meta.url)(join(PACKAGE_ROOT, 'dist', 'templates-precompiled.cjs')) as Record<string, Precompiled>;
    } catch {
      precompiled = null;
    }
  }
  const entry = precompiled?.[relative(BUILTIN_TEMPLATES, path).split(sep).join('/')];
  return entry && entry.sha256 === createHash('sha256').update(source).digest('hex') ? entry : undefined;
}

function compileFile(path: string, display: string, format: Format, builtinDir: string | false): Compiled {
  const st = statSync(path);
  const stamp = `${st.mtimeMs}:${st.size}:${format}`;
  const cacheKey = builtinDir === false ? `${path}\0compiled` : path;
  const hit = cache.get(cacheKey);
  if (hit && hit.stamp === stamp) return hit.compiled;
  const source = readFileSync(path, 'utf8');
  const pre = builtinDir === false ? undefined : precompiledFor(path, source, builtinDir);
  let compiled: Compiled;
  if (pre) {
    compiled = { fn: runtime.template(pre.spec) as unknown as Fn, source, partials: pre.partials };
  } else {
    const { ast, partials } = parseTemplate(source, display);
    compiled = { fn: compiler().compile(ast as unknown as string, compileOptions(format)) as unknown as Fn, source, partials };
    compiles++;
  }
  cache.set(cacheKey, { stamp, compiled });
  return compiled;
}

/** Runs a compiled template and names its file if it fails (the innermost template wins). */
function guarded(c: Compiled, display: string): Fn {
  return (context, options) => {
    try {
      return c.fn(context, options);
    } catch (err) {
      throw templateError(err, display, c.source);
    }
  };
}

export interface RenderOptions {
  /** Use `templates/<programmeId>/` before the workspace's general templates. */
  programmeId?: string;
}

export interface RendererConfig extends LayerConfig {
  /** Use the built-in templates precompiled at build time (default true). */
  precompiled?: boolean;
}

export interface TemplateRenderer {
  render(name: string, data: object, opts?: RenderOptions): string;
  resolve(name: string, opts?: RenderOptions): ResolvedTemplate;
  layers(opts?: RenderOptions): TemplateLayer[];
}

/** The built-in folder whose precompiled templates may be used, or `false` for none. */
function builtinFor(cfg: RendererConfig): string | false {
  return cfg.precompiled === false ? false : cfg.builtinDir ?? BUILTIN_TEMPLATES;
}

/** A renderer for one command run: resolutions are remembered, compiled templates shared process-wide. */
export function createRenderer(cfg: RendererConfig): TemplateRenderer {
  const layerSets = new Map<string, TemplateLayer[]>();
  const prepared = new Map<string, { fn: Fn; format: Format }>();
  const partialSets = new Map<string, Record<string, Fn>>();
  /** Field problems of every template, per programme's layers: all reported at once. */
  const checked = new Map<string, Problem[]>();

  const layersFor = (pid = ''): TemplateLayer[] => {
    let l = layerSets.get(pid);
    if (!l) layerSets.set(pid, (l = templateLayers(cfg, pid || undefined)));
    return l;
  };

  const checkPartials = (refs: Ref[], display: string, set: Record<string, Fn>, pid: string, format: Format) => {
    for (const ref of refs) {
      if (Object.hasOwn(set, ref.name)) continue;
      const name = `partials/${ref.name}.${format}.hbs`;
      try {
        resolveTemplate(layersFor(pid), name, cfg.root);
      } catch (err) {
        const inner = (err as InputError).problems[0]!.message;
        throw problem(display, t(`bruker delmalen «${ref.name}», men ${inner.nb}`, `uses the partial "${ref.name}", but ${inner.en}`), ref);
      }
    }
  };

  // Built-in partials first, then the workspace's: each name resolves to its
  // most specific layer, so overriding one partial changes only that part.
  const partialsFor = (pid: string, format: Format): Record<string, Fn> => {
    const key = `${pid}\0${format}`;
    let set = partialSets.get(key);
    if (set) return set;
    set = {};
    const compiledRefs: [Ref[], string][] = [];
    for (const name of partialNames(layersFor(pid), format)) {
      const r = resolveTemplate(layersFor(pid), `partials/${name}.${format}.hbs`, cfg.root);
      const c = compileFile(r.path, r.display, format, builtinFor(cfg));
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
      const pid = opts?.programmeId ?? '';
      const key = `${pid}\0${name}`;
      let p = prepared.get(key);
      if (!p) {
        // A workspace's own templates are checked against the view's fields
        // before the first render, in every branch (issue 12); the built-in
        // ones are checked by the tests.
        let found = checked.get(pid);
        if (!found) checked.set(pid, (found = hasOwnTemplates(layersFor(pid)) ? layerFieldProblems(layersFor(pid), cfg.root) : []));
        if (found.length) throw new InputError(found);
        const r = resolveTemplate(layersFor(pid), name, cfg.root);
        const format = formatOf(name);
        const c = compileFile(r.path, r.display, format, builtinFor(cfg));
        checkPartials(c.partials, r.display, partialsFor(pid, format), pid, format);
        p = { fn: guarded(c, r.display), format };
        prepared.set(key, p);
      }
      return p.fn(data, { partials: partialsFor(pid, p.format) });
    },
  };
}

/** Whether any layer other than the built-in one holds a template. */
function hasOwnTemplates(layers: readonly TemplateLayer[]): boolean {
  return layers.some((l) => l.origin !== 'built-in' && filesBelow(l.dir).some((f) => f.endsWith('.hbs')));
}

const parsedForCheck = new Map<string, { stamp: string; ast: unknown }>();

/** A template's syntax tree for the field check, or null if it does not parse (reported elsewhere). */
function astFor(path: string): unknown {
  const st = statSync(path);
  const stamp = `${st.mtimeMs}:${st.size}`;
  const hit = parsedForCheck.get(path);
  if (hit && hit.stamp === stamp) return hit.ast;
  let ast: unknown = null;
  try {
    ast = compiler().parse(readFileSync(path, 'utf8'));
  } catch {
    // The syntax error is reported by whoever compiles or validates the file.
  }
  parsedForCheck.set(path, { stamp, ast });
  return ast;
}

const HELPER_NAMES: ReadonlySet<string> = new Set(Object.keys(helpers));

/**
 * Every unknown variable, helper or partial in a template refleks renders
 * with a view (and in the partials it includes), for one set of layers.
 */
export function fieldProblems(layers: readonly TemplateLayer[], root: string, name: string): Problem[] {
  const views = sampleViews(name);
  if (!views) return [];
  let r: ResolvedTemplate;
  try {
    r = resolveTemplate(layers, name, root);
  } catch {
    return [];
  }
  const ast = astFor(r.path);
  if (!ast) return [];
  const format = formatOf(name);
  const shape = views.map(shapeOf).reduce(intersect);
  return checkTemplate({ display: r.display, ast }, shape, {
    helpers: HELPER_NAMES,
    partial(partialName) {
      let p: ResolvedTemplate;
      try {
        checkTemplateName(partialName);
        p = resolveTemplate(layers, `partials/${partialName}.${format}.hbs`, root);
      } catch (err) {
        const message = err instanceof InputError ? err.problems[0]?.message : undefined;
        return { missing: message ?? t('den finnes ikke', 'it does not exist') };
      }
      const pAst = astFor(p.path);
      return pAst ? { display: p.display, ast: pAst } : null;
    },
  });
}

/**
 * What `refleks validate` reports about the templates a workspace uses: every
 * template refleks renders, through the general layers and each programme's,
 * so a misspelling that `packs` or `build` would hit for any group is found.
 */
export function workspaceFieldProblems(cfg: LayerConfig, programmeIds: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const pid of ['', ...programmeIds]) {
    const layers = templateLayers(cfg, pid || undefined);
    if (!hasOwnTemplates(layers)) continue;
    for (const p of layerFieldProblems(layers, cfg.root)) {
      // One report per place, even where programmes' layers differ in what they tried.
      const key = `${p.file}:${p.line}:${p.column}`;
      if (!seen.has(key)) problems.push(p);
      seen.add(key);
    }
  }
  return problems;
}

/** The field problems of every template refleks renders, through one set of layers, each once. */
function layerFieldProblems(layers: readonly TemplateLayer[], root: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const name of VIEW_TEMPLATES) {
    for (const p of fieldProblems(layers, root, name)) {
      const key = `${p.file}:${p.line}:${p.column}:${p.message.en}`;
      if (!seen.has(key)) problems.push(p);
      seen.add(key);
    }
  }
  return problems;
}
