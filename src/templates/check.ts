/**
 * Checks every name a template uses against the fields its view has, in every
 * branch, block and helper argument and in every partial it includes, before
 * anything is rendered. Handlebars' strict mode only catches a misspelt name
 * on the branch the current group happens to take, and never in a helper's
 * argument: `{{#each agneda}}` renders an empty table with exit 0. Walking the
 * syntax tree catches them all, for any group, with file:line:column and a
 * "did you mean". The fields come from sample views (core/packs/sample-view.ts).
 */
import type { Problem } from '../core/problems.js';
import { t } from '../core/text.js';
import { closest } from '../load/did-you-mean.js';

export type Shape =
  | { kind: 'any' }
  | { kind: 'scalar' }
  | { kind: 'object'; fields: Record<string, Shape> }
  | { kind: 'array'; item: Shape };

const ANY: Shape = { kind: 'any' };
const SCALAR: Shape = { kind: 'scalar' };

/** The shape of a sample value: lists by their first item. */
export function shapeOf(value: unknown): Shape {
  if (value === null || value === undefined) return ANY;
  if (Array.isArray(value)) return { kind: 'array', item: value.length ? shapeOf(value[0]) : ANY };
  if (typeof value === 'object') {
    const fields: Record<string, Shape> = Object.create(null) as Record<string, Shape>;
    for (const [k, v] of Object.entries(value)) fields[k] = shapeOf(v);
    return { kind: 'object', fields };
  }
  return SCALAR;
}

/** What two views both have: a template rendered with either may name only that. */
export function intersect(a: Shape, b: Shape): Shape {
  if (a.kind === 'any') return b;
  if (b.kind === 'any') return a;
  if (a.kind === 'object' && b.kind === 'object') {
    const fields: Record<string, Shape> = Object.create(null) as Record<string, Shape>;
    for (const k of Object.keys(a.fields)) if (Object.hasOwn(b.fields, k)) fields[k] = intersect(a.fields[k]!, b.fields[k]!);
    return { kind: 'object', fields };
  }
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', item: intersect(a.item, b.item) };
  return a.kind === b.kind ? a : SCALAR;
}

/** A parsed template file, and how to find a partial's (null when there is none). */
export interface CheckSource {
  display: string;
  ast: unknown;
}

export interface CheckEnv {
  helpers: ReadonlySet<string>;
  /** A partial's tree; `missing` says why there is none (the paths tried); null if it does not parse. */
  partial(name: string): CheckSource | { missing: { nb: string; en: string } } | null;
}

interface Node {
  type: string;
  loc?: { start: { line: number; column: number } };
  [key: string]: unknown;
}

interface PathNode extends Node {
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}

/** Helpers Handlebars itself provides; `log` is silenced by the engine. */
const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);
const DATA_VARS = new Set(['index', 'first', 'last', 'key']);
const MAX_PARTIAL_DEPTH = 8;

interface Scope {
  /** Contexts, innermost last (for `../`). */
  stack: Shape[];
  /** Block parameters (`as |item i|`), innermost last. */
  params: Map<string, Shape>[];
  root: Shape;
  display: string;
  depth: number;
}

/** Every unknown name, helper or partial in a template, as problems. */
export function checkTemplate(source: CheckSource, view: Shape, env: CheckEnv): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const helpers = new Set([...env.helpers, ...BUILTIN_HELPERS]);

  const report = (scope: Scope, node: Node, message: { nb: string; en: string }, hint?: { nb: string; en: string }) => {
    const line = node.loc?.start.line;
    const column = node.loc ? node.loc.start.column + 1 : undefined;
    const key = `${scope.display}:${line}:${column}:${message.en}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ severity: 'error', file: scope.display, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}), message: t(message.nb, message.en), ...(hint ? { hint: t(hint.nb, hint.en) } : {}) });
  };

  const isHelperCall = (node: Node): boolean => {
    const path = node.path as Node;
    return path.type === 'PathExpression' && !(path as PathNode).data && (path as PathNode).depth === 0 && (path as PathNode).parts.length === 1 && helpers.has((path as PathNode).parts[0]!);
  };

  /** The shape a path names, reporting it when the view has no such field. */
  const resolve = (scope: Scope, path: PathNode): Shape => {
    let shape: Shape;
    let parts = path.parts;
    let walked = '';
    if (path.data) {
      const head = parts[0] ?? '';
      if (head === 'root') {
        shape = scope.root;
        parts = parts.slice(1);
        walked = '@root';
      } else if (DATA_VARS.has(head) && parts.length === 1) {
        return SCALAR;
      } else {
        report(scope, path, { nb: `ukjent variabel «${path.original}»`, en: `unknown variable "${path.original}"` }, { nb: 'Kjente @-variabler: @index, @first, @last, @key, @root.', en: 'Known @ variables: @index, @first, @last, @key, @root.' });
        return ANY;
      }
    } else {
      const param = path.depth === 0 && parts.length && !/^(this|\.)[./]/.test(path.original) ? findParam(scope, parts[0]!) : undefined;
      if (param) {
        shape = param;
        walked = parts[0]!;
        parts = parts.slice(1);
      } else {
        shape = scope.stack[scope.stack.length - 1 - path.depth] ?? ANY;
      }
    }
    for (const part of parts) {
      const at = walked ? `${walked}.${part}` : part;
      if (shape.kind === 'any') return ANY;
      if (shape.kind === 'object') {
        if (Object.hasOwn(shape.fields, part)) {
          shape = shape.fields[part]!;
          walked = at;
          continue;
        }
        const keys = Object.keys(shape.fields);
        const guess = closest(part, keys);
        report(
          scope,
          path,
          { nb: `ukjent variabel «${path.original}»`, en: `unknown variable "${path.original}"` },
          guess
            ? { nb: `Mente du «${walked ? `${walked}.` : ''}${guess}»?`, en: `Did you mean "${walked ? `${walked}.` : ''}${guess}"?` }
            : { nb: `Kjente felt${walked ? ` i ${walked}` : ''}: ${list(keys)}.`, en: `Known fields${walked ? ` of ${walked}` : ''}: ${list(keys)}.` },
        );
        return ANY;
      }
      if (shape.kind === 'array') {
        if (part === 'length') return SCALAR;
        if (/^\d+$/.test(part)) {
          shape = shape.item;
          walked = at;
          continue;
        }
        report(scope, path, { nb: `ukjent variabel «${path.original}»: ${walked} er en liste`, en: `unknown variable "${path.original}": ${walked} is a list` }, { nb: `Gå gjennom listen med {{#each ${walked}}} … {{/each}}.`, en: `Go through the list with {{#each ${walked}}} … {{/each}}.` });
        return ANY;
      }
      report(scope, path, { nb: `ukjent variabel «${path.original}»: ${walked} er en tekst eller et tall, uten felt`, en: `unknown variable "${path.original}": ${walked} is text or a number, without fields` });
      return ANY;
    }
    return shape;
  };

  const findParam = (scope: Scope, name: string): Shape | undefined => {
    for (let i = scope.params.length - 1; i >= 0; i--) if (scope.params[i]!.has(name)) return scope.params[i]!.get(name);
    return undefined;
  };

  /** An argument or hash value: a literal, a path or a helper call. */
  const expr = (scope: Scope, node: Node): Shape => {
    if (node.type === 'PathExpression') return resolve(scope, node as PathNode);
    if (node.type === 'SubExpression') {
      call(scope, node);
      return ANY;
    }
    return SCALAR;
  };

  /** The arguments of a helper call, and the helper's name. */
  const call = (scope: Scope, node: Node): void => {
    const path = node.path as PathNode;
    if (!isHelperCall(node)) {
      const name = path.original;
      const guess = closest(name, [...helpers]);
      report(scope, path, { nb: `ukjent hjelper «${name}»`, en: `unknown helper "${name}"` }, guess ? { nb: `Mente du «${guess}»?`, en: `Did you mean "${guess}"?` } : { nb: `Tilgjengelige hjelpere: ${list([...env.helpers].sort())}.`, en: `Available helpers: ${list([...env.helpers].sort())}.` });
    }
    const params = (node.params as Node[]) ?? [];
    const shapes = params.map((p) => expr(scope, p));
    for (const pair of ((node.hash as Node | undefined)?.pairs as Node[] | undefined) ?? []) expr(scope, pair.value as Node);
    // `{{join list "field"}}` names a field of the list's items as text.
    const field = params[1];
    if (path.original === 'join' && field?.type === 'StringLiteral' && shapes[0]?.kind === 'array' && shapes[0].item.kind === 'object') {
      const name = String(field.value);
      const keys = Object.keys(shapes[0].item.fields);
      if (!Object.hasOwn(shapes[0].item.fields, name)) {
        const guess = closest(name, keys);
        report(scope, field, { nb: `ukjent felt «${name}» i ${(params[0] as PathNode).original}`, en: `unknown field "${name}" in ${(params[0] as PathNode).original}` }, guess ? { nb: `Mente du «${guess}»?`, en: `Did you mean "${guess}"?` } : { nb: `Kjente felt: ${list(keys)}.`, en: `Known fields: ${list(keys)}.` });
      }
    }
  };

  const program = (scope: Scope, prog: Node | undefined, context: Shape | undefined, blockParams: Shape[] = []) => {
    if (!prog) return;
    const names = (prog.blockParams as string[] | undefined) ?? [];
    const params = new Map<string, Shape>();
    names.forEach((n, i) => params.set(n, blockParams[i] ?? ANY));
    const inner: Scope = { ...scope, stack: context ? [...scope.stack, context] : scope.stack, params: names.length ? [...scope.params, params] : scope.params };
    for (const s of (prog.body as Node[]) ?? []) statement(inner, s);
  };

  const statement = (scope: Scope, node: Node): void => {
    switch (node.type) {
      case 'MustacheStatement': {
        const path = node.path as Node;
        const hasArgs = ((node.params as Node[]) ?? []).length > 0 || !!node.hash;
        if (path.type !== 'PathExpression') return;
        if (isHelperCall(node) || hasArgs) call(scope, node);
        else resolve(scope, path as PathNode);
        return;
      }
      case 'BlockStatement': {
        const path = node.path as PathNode;
        const params = (node.params as Node[]) ?? [];
        const prog = node.program as Node | undefined;
        const inverse = node.inverse as Node | undefined;
        if (path.type !== 'PathExpression') return;
        if (!isHelperCall(node) && !params.length && !node.hash) {
          // `{{#session}}…{{/session}}`: Handlebars steps into an object and loops over a list.
          const s = resolve(scope, path);
          program(scope, prog, s.kind === 'array' ? s.item : s.kind === 'object' ? s : undefined);
          program(scope, inverse, undefined);
          return;
        }
        call(scope, node);
        const name = path.parts[0];
        const first = params[0] ? expr(scope, params[0]) : ANY;
        if (name === 'each') {
          const item = first.kind === 'array' ? first.item : ANY;
          program(scope, prog, item, [item, SCALAR]);
        } else if (name === 'with') {
          program(scope, prog, first, [first]);
        } else {
          program(scope, prog, undefined);
        }
        program(scope, inverse, undefined);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = node.name as Node;
        if (name.type !== 'PathExpression' || (name as PathNode).original.startsWith('@')) {
          program(scope, node.program as Node | undefined, undefined);
          return;
        }
        const params = (node.params as Node[]) ?? [];
        let context: Shape = params[0] ? expr(scope, params[0]) : scope.stack[scope.stack.length - 1] ?? ANY;
        const pairs = ((node.hash as Node | undefined)?.pairs as Node[] | undefined) ?? [];
        if (pairs.length && context.kind === 'object') {
          const fields = Object.assign(Object.create(null) as Record<string, Shape>, context.fields);
          for (const pair of pairs) fields[pair.key as string] = expr(scope, pair.value as Node);
          context = { kind: 'object', fields };
        } else for (const pair of pairs) expr(scope, pair.value as Node);
        program(scope, node.program as Node | undefined, undefined);
        const partialName = (name as PathNode).original;
        const partial = env.partial(partialName);
        if (!partial) return;
        if ('missing' in partial) {
          // A partial block has its own content to fall back on.
          if (node.type === 'PartialStatement') report(scope, node, { nb: `bruker delmalen «${partialName}», men ${partial.missing.nb}`, en: `uses the partial "${partialName}", but ${partial.missing.en}` });
          return;
        }
        if (scope.depth >= MAX_PARTIAL_DEPTH) return;
        const inner: Scope = { stack: [context], params: [], root: scope.root, display: partial.display, depth: scope.depth + 1 };
        for (const s of ((partial.ast as Node).body as Node[]) ?? []) statement(inner, s);
        return;
      }
      default:
        return;
    }
  };

  const top: Scope = { stack: [view], params: [], root: view, display: source.display, depth: 0 };
  for (const s of ((source.ast as Node).body as Node[]) ?? []) statement(top, s);
  return problems;
}

function list(keys: readonly string[]): string {
  return keys.length > 14 ? `${keys.slice(0, 14).join(', ')} …` : keys.join(', ');
}
