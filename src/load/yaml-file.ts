/**
 * Reads one YAML file with source positions, so that every later problem can
 * be reported as `file:line:column`. Refuses what could hurt us before parsing:
 * huge files, text that is not UTF-8, alias bombs.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../core/problems.js';
import { fieldPath } from '../core/problems.js';
import { t } from '../core/text.js';
import type { Issue, Path } from './schema.js';

export const MAX_YAML_BYTES = 512 * 1024;
/** A group file needs no aliases at all; a few are fine, an expansion attack is not. */
export const MAX_ALIAS_COUNT = 50;

export interface YamlFile {
  display: string;
  data: unknown;
  /** Line and column (1-based) of the node at a field path, or of its nearest existing parent. */
  locate(path: Path, onKey?: boolean): { line: number; column: number };
  /** The issues of a schema, turned into located problems. */
  problems(issues: Issue[], severity?: 'error' | 'warning'): Problem[];
}

function decodeUtf8(bytes: Uint8Array): string | { badOffset: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Find the first bad byte to point at it.
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    return { badOffset: bad < 0 ? 0 : bad };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseYaml(display: string, bytes: Uint8Array): { file?: YamlFile; problems: Problem[] } {
  if (bytes.byteLength > MAX_YAML_BYTES) {
    return {
      problems: [
        {
          severity: 'error',
          file: display,
          message: t(
            `filen er for stor (${Math.round(bytes.byteLength / 1024)} KiB, høyst ${MAX_YAML_BYTES / 1024} KiB)`,
            `the file is too large (${Math.round(bytes.byteLength / 1024)} KiB, at most ${MAX_YAML_BYTES / 1024} KiB)`,
          ),
          hint: t('Er dette riktig fil? En gruppefil er vanligvis under 10 KiB.', 'Is this the right file? A group file is usually under 10 KiB.'),
        },
      ],
    };
  }
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== 'string') {
    const pos = lineAndColumn(new TextDecoder('utf-8').decode(bytes), decoded.badOffset);
    return {
      problems: [
        {
          severity: 'error',
          file: display,
          ...pos,
          message: t('filen er ikke lagret som UTF-8', 'the file is not saved as UTF-8'),
          hint: t('Lagre den som UTF-8 (i Notisblokk: Lagre som → Koding: UTF-8).', 'Save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8).'),
        },
      ],
    };
  }
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    problems.push({ severity: 'error', file: display, line: pos.line, column: pos.col, ...yamlErrorText(err.code, err.message) });
  }
  if (problems.length) return { problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/alias/i.test(message)) {
      return {
        problems: [
          {
            severity: 'error',
            file: display,
            message: t('filen bruker for mange YAML-aliaser (*navn)', 'the file uses too many YAML aliases (*name)'),
            hint: t('Skriv verdiene ut i stedet for å gjenbruke dem med & og *.', 'Write the values out instead of reusing them with & and *.'),
          },
        ],
      };
    }
    return { problems: [{ severity: 'error', file: display, message: t(`kunne ikke lese YAML: ${message}`, `could not read YAML: ${message}`) }] };
  }
  const file: YamlFile = {
    display,
    data,
    locate: (path, onKey) => locate(doc, lineCounter, path, onKey),
    problems(issues, severity = 'error') {
      return issues.map((issue) => {
        const pos = locate(doc, lineCounter, issue.path, issue.onKey);
        return {
          severity,
          file: display,
          line: pos.line,
          column: pos.column,
          ...(issue.path.length ? { field: fieldPath(issue.path) } : {}),
          message: issue.message,
          ...(issue.hint ? { hint: issue.hint } : {}),
        };
      });
    },
  };
  return { file, problems };
}

function yamlErrorText(code: string, raw: string): Pick<Problem, 'message' | 'hint'> {
  const first = raw.split('\n')[0] ?? raw;
  switch (code) {
    case 'TAB_AS_INDENT':
      return {
        message: t('tabulator brukt som innrykk', 'tab used for indentation'),
        hint: t('YAML krever mellomrom; bytt tabulatoren med to mellomrom.', 'YAML needs spaces; replace the tab with two spaces.'),
      };
    case 'MISSING_CHAR':
    case 'MISSING_CLOSE_QUOTE':
      return {
        message: t(`anførselstegn eller parentes som ikke er lukket (${first})`, `a quote or bracket is not closed (${first})`),
        hint: t('Sjekk at hvert " og \' og [ { har sin partner på samme verdi.', 'Check that each " \' [ { has its partner on the same value.'),
      };
    case 'DUPLICATE_KEY':
      return { message: t('samme felt står to ganger', 'the same field appears twice'), hint: t('Slett det ene.', 'Remove one of them.') };
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        message: t(`feil innrykk eller struktur (${first})`, `wrong indentation or structure (${first})`),
        hint: t('Felt på samme nivå må stå like langt inn; bruk mellomrom, ikke tabulator.', 'Fields on the same level must line up; use spaces, not tabs.'),
      };
    default:
      return { message: t(`YAML-feil: ${first}`, `YAML error: ${first}`) };
  }
}

function locate(doc: Document, lc: LineCounter, path: Path, onKey = false): { line: number; column: number } {
  let node: Node | null | undefined = doc.contents as Node | null;
  let found: Node | null | undefined = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isAlias(node)) node = node.resolve(doc) as Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      if (last && onKey && pair.key) {
        found = pair.key as Node;
        break;
      }
      node = pair.value as Node | null;
      if (node) found = node;
      else {
        found = pair.key as Node;
        break;
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      node = item;
      found = item;
    } else break;
  }
  const offset = found?.range?.[0] ?? 0;
  const pos = lc.linePos(offset);
  return { line: pos.line, column: pos.col };
}
