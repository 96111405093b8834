/**
 * Reads one YAML file with source positions, so that every later problem can
 * be reported as `file:line:column`. Refuses what could hurt us before parsing:
 * huge files, text that is not UTF-8, alias bombs.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Scalar,
} from 'yaml';
import type { Problem } from '../core/problems.js';
import { fieldPath } from '../core/problems.js';
import { codePointName, unsafeChar } from '../core/safe-text.js';
import { t, type Text } from '../core/text.js';
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

/** A line of a non-UTF-8 file as Windows-1252 (what Notepad and Excel save), if it reads as text. */
function legacyLine(bytes: Uint8Array, line: number): string | undefined {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = bytes.indexOf(10, start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const nl = bytes.indexOf(10, start);
  const text = new TextDecoder('windows-1252').decode(bytes.subarray(start, nl < 0 ? bytes.length : nl)).trim();
  // eslint-disable-next-line no-control-regex
  if (!text || text.length > 120 || /[\u0000-\u001f\u007f-\u009f]/.test(text)) return undefined;
  return text;
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
          hint: t(
            'Er dette riktig fil? En gruppefil er vanligvis under 10 KiB.',
            'Is this the right file? A group file is usually under 10 KiB.',
          ),
        },
      ],
    };
  }
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== 'string') {
    const pos = lineAndColumn(new TextDecoder('utf-8').decode(bytes), decoded.badOffset);
    const line = legacyLine(bytes, pos.line);
    return {
      problems: [
        {
          severity: 'error',
          file: display,
          ...pos,
          message: t('filen er ikke lagret som UTF-8', 'the file is not saved as UTF-8'),
          hint: line
            ? t(
                `Den er trolig lagret som Windows-1252 (ANSI); linjen er «${line}». Lagre filen som UTF-8 (i Notisblokk: Lagre som → Koding: UTF-8).`,
                `It is probably saved as Windows-1252 (ANSI); the line is "${line}". Save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8).`,
              )
            : t(
                'Lagre den som UTF-8 (i Notisblokk: Lagre som → Koding: UTF-8).',
                'Save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8).',
              ),
        },
      ],
    };
  }
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  // Before parsing: a character no document can hold is reported where it
  // stands, for every kind of file (groups, settings, programmes, wording).
  const bad = unsafeChar(text);
  if (bad) return { problems: [unsafeProblem(display, lineAndColumn(text, bad.index), bad.char)] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
    schema: 'core',
  });
  const problems: Problem[] = [];
  // Only the first syntax error: after it the parser recovers by guessing, and
  // the errors that follow are mostly echoes of the first (a tab used as
  // indentation also yields "duplicate key" and "implicit key" errors).
  const first = doc.errors[0];
  if (first) {
    const { offset, message, hint } = describeYamlError(first.code, first.message, first.pos[0], text, doc);
    const pos = lineCounter.linePos(offset);
    problems.push({
      severity: 'error',
      file: display,
      line: pos.line,
      column: pos.col,
      message,
      ...(hint ? { hint } : {}),
    });
    return { problems };
  }
  // The same characters written as escapes ("\uFFFF", "\x01") inside "…".
  const escaped = unsafeScalar(doc);
  if (escaped) {
    const pos = lineCounter.linePos(escaped.offset);
    return { problems: [unsafeProblem(display, { line: pos.line, column: pos.col }, escaped.char)] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Point at the alias that failed, or at the first one of a bomb.
    const alias = firstAlias(doc, /Unresolved alias/i.test(message) ? message.replace(/^.*:\s*/s, '') : undefined);
    const at = alias?.range ? lineCounter.linePos(alias.range[0]) : undefined;
    const where = at ? { line: at.line, column: at.col } : {};
    if (/Unresolved alias/i.test(message)) {
      // `note: *Ta med PC*` reads as an alias in YAML, not as emphasis.
      return {
        problems: [
          {
            severity: 'error',
            file: display,
            ...where,
            message: t(
              'en verdi som begynner med * leses som en YAML-henvisning (alias), men det finnes ingen &-merke med det navnet',
              'a value starting with * is read as a YAML reference (alias), but there is no &-anchor with that name',
            ),
            hint: t(
              'Sett verdien i anførselstegn, for eksempel note: "*Ta med PC*".',
              'Put the value in quotes, e.g. note: "*Bring a laptop*".',
            ),
          },
        ],
      };
    }
    if (/alias/i.test(message)) {
      return {
        problems: [
          {
            severity: 'error',
            file: display,
            ...where,
            message: t(
              `filen bruker for mange YAML-aliaser (*navn): de ville blitt utvidet til mer enn ${MAX_ALIAS_COUNT} kopier`,
              `the file uses too many YAML aliases (*name): they would expand to more than ${MAX_ALIAS_COUNT} copies`,
            ),
            hint: t(
              'Skriv verdiene ut i stedet for å gjenbruke dem med & og *.',
              'Write the values out instead of reusing them with & and *.',
            ),
          },
        ],
      };
    }
    return {
      problems: [
        {
          severity: 'error',
          file: display,
          message: t('filen kunne ikke leses som YAML', 'the file could not be read as YAML'),
          hint: t(`Teknisk: ${message}`, `Technical: ${message}`),
        },
      ],
    };
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

/** A YAML syntax error in words a coordinator can act on, pointing where the mistake was made. */
/** A line like `email kari@kommune.no`, said the same for both ways the parser reports it. */
const MISSING_COLON = {
  message: t(
    'her mangler kolon og mellomrom etter feltnavnet',
    'a colon and a space are missing after the field name here',
  ),
  hint: t(
    'Skriv «felt: verdi», for eksempel «email: kari@kommune.no».',
    'Write "field: value", e.g. "email: kari@example.org".',
  ),
};

function describeYamlError(
  code: string,
  raw: string,
  offset: number,
  text: string,
  doc: Document,
): { offset: number; message: Text; hint?: Text } {
  const first = (raw.split('\n')[0] ?? raw).trim();
  const technical = (nb: string, en: string) => t(`${nb} (Teknisk: ${first})`, `${en} (Technical: ${first})`);
  switch (code) {
    case 'TAB_AS_INDENT':
      return {
        offset,
        message: t('tabulator brukt som innrykk', 'tab used for indentation'),
        hint: t(
          'YAML krever mellomrom; bytt tabulatoren med to mellomrom.',
          'YAML needs spaces; replace the tab with two spaces.',
        ),
      };
    case 'DUPLICATE_KEY': {
      const dup = duplicateKey(doc, offset);
      if (!dup)
        return {
          offset,
          message: t('samme felt står to ganger', 'the same field appears twice'),
          hint: t('Slett det ene.', 'Remove one of them.'),
        };
      const line = lineOf(text, dup.firstOffset);
      return {
        offset,
        message: t(
          `feltet «${dup.key}» står to ganger (første gang på linje ${line})`,
          `the field "${dup.key}" appears twice (first on line ${line})`,
        ),
        hint: t('Slett det ene, eller rett opp navnet på feltet.', 'Remove one of them, or correct the field name.'),
      };
    }
    case 'RESOURCE_EXHAUSTION':
      return {
        offset,
        message: t('filen er nøstet for dypt til å kunne leses', 'the file is nested too deeply to be read'),
        hint: t(
          'Er dette riktig fil? En gruppefil har bare noen få nivåer med innrykk.',
          'Is this the right file? A group file has only a few levels of indentation.',
        ),
      };
    case 'MULTIPLE_DOCS':
      return {
        offset,
        message: t(
          'filen inneholder flere YAML-dokumenter (skilt med ---)',
          'the file holds several YAML documents (separated by ---)',
        ),
        hint: t(
          'Én gruppe per fil: fjern linjen med --- og flytt resten til en egen fil.',
          'One group per file: remove the --- line and move the rest to a file of its own.',
        ),
      };
    case 'BAD_SCALAR_START': {
      const ch = text[offset] ?? '';
      return {
        offset,
        message: t(
          `en verdi kan ikke begynne med ${ch} uten anførselstegn`,
          `a value cannot start with ${ch} without quotes`,
        ),
        hint: t(
          `Sett verdien i anførselstegn, for eksempel "${restOfLine(text, offset)}".`,
          `Put the value in quotes, e.g. "${restOfLine(text, offset)}".`,
        ),
      };
    }
    case 'BAD_DQ_ESCAPE':
      return {
        offset,
        message: t('ugyldig \\-tegn inne i "…"', 'invalid \\ sequence inside "…"'),
        hint: t(
          "Bruk enkle anførselstegn i stedet ('C:\\mappe'), eller skriv \\\\ for én \\.",
          "Use single quotes instead ('C:\\folder'), or write \\\\ for one \\.",
        ),
      };
    case 'MULTILINE_IMPLICIT_KEY':
      return { offset, ...MISSING_COLON };
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // `location: Helsehuset: møterom 2`: a second «: » inside an unquoted value.
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      const line = restOfLine(text, lineStart);
      const m = /^(\s*(?:-\s+)?[\w-]+:\s+)([^"'{[\s#][^#]*?:\s.*?)\s*$/.exec(line);
      if (m && offset >= lineStart + m[1]!.length) {
        return {
          offset: lineStart + m[1]!.length,
          message: t('verdien inneholder «: » og må stå i anførselstegn', 'the value contains ": " and must be quoted'),
          hint: t(`Skriv ${m[1]}"${m[2]}".`, `Write ${m[1]}"${m[2]}".`),
        };
      }
      return {
        offset,
        message: t(
          'feil innrykk: linjen under står lenger inn enn den skal, eller to felt står på samme linje',
          'wrong indentation: the line below is indented too far, or two fields share a line',
        ),
        hint: t(
          'Felt på samme nivå må stå like langt inn, ett felt per linje; bruk mellomrom, ikke tabulator.',
          'Fields on the same level must line up, one field per line; use spaces, not tabs.',
        ),
      };
    }
    case 'BLOCK_IN_FLOW':
      return {
        offset,
        message: t(
          'det mangler trolig et komma mellom to felt i { … }',
          'a comma is probably missing between two fields in { … }',
        ),
        hint: t(
          'Skriv for eksempel { name: Kari Nordmann, email: kari@kommune.no }.',
          'Write e.g. { name: Kari Nordmann, email: kari@example.org }.',
        ),
      };
    case 'MISSING_CHAR':
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN': {
      // `note: *Husk PC*` is an alias (*Husk) followed by stray text, not emphasis.
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      const star = /(^|[:-]\s+)\*/.exec(text.slice(lineStart, offset));
      if (star) {
        return {
          offset: lineStart + star.index + star[0].length - 1,
          message: t(
            'en verdi som begynner med * leses som en YAML-henvisning (alias)',
            'a value starting with * is read as a YAML reference (alias)',
          ),
          hint: t(
            'Sett verdien i anførselstegn, for eksempel note: "*Husk PC*".',
            'Put the value in quotes, e.g. note: "*Bring a laptop*".',
          ),
        };
      }
      if (/Missing closing ["']quote/.test(first)) {
        const q = first.includes('"quote') ? '"' : "'";
        const open = openingOf(
          doc,
          offset,
          (n) => isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE'),
        );
        const at = open ?? offset;
        const fragment = restOfLine(text, at).trimEnd();
        return {
          offset: at,
          message: t(`anførselstegnet ${q} blir aldri lukket`, `this ${q} is never closed`),
          hint: t(
            `Sett ${q} også etter verdien, på samme linje: ${fragment}${q}`,
            `Put a ${q} after the value too, on the same line: ${fragment}${q}`,
          ),
        };
      }
      if (/^Flow (map|sequence) in block collection/.test(first) || /flow collection to end/.test(first)) {
        const map = /map|\}/.test(first);
        const [o, c] = map ? ['{', '}'] : ['[', ']'];
        const open = openingOf(doc, offset, (n) => (isMap(n) || isSeq(n)) && !!n.flow);
        return {
          offset: open ?? offset,
          message: t(`${o} blir aldri lukket med ${c}`, `this ${o} is never closed with ${c}`),
          hint: map
            ? t(
                'Avslutt med } på samme linje, for eksempel { name: Kari Nordmann, email: kari@kommune.no }.',
                'End it with } on the same line, e.g. { name: Kari Nordmann, email: kari@example.org }.',
              )
            : t(
                'Avslutt med ] på samme linje, for eksempel [mestring/1, mestring/2].',
                'End it with ] on the same line, e.g. [mestring/1, mestring/2].',
              ),
        };
      }
      if (/^Implicit map keys need to be followed by map values/.test(first)) return { offset, ...MISSING_COLON };
      if (/^Missing , (or : )?between flow/.test(first)) {
        return {
          offset,
          message: t(
            'det mangler komma mellom to verdier i { … } eller [ … ]',
            'a comma is missing between two values in { … } or [ … ]',
          ),
          hint: t(
            'Skriv for eksempel { name: Kari Nordmann, email: kari@kommune.no }.',
            'Write e.g. { name: Kari Nordmann, email: kari@example.org }.',
          ),
        };
      }
      if (/All sequence items must start at the same column|Sequence item without - indicator/.test(first)) {
        return {
          offset,
          message: t('punktene i listen står ikke like langt inn', 'the items of the list are not lined up'),
          hint: t(
            'Sett alle «-» i listen i samme kolonne, med mellomrom (ikke tabulator).',
            'Put every "-" of the list in the same column, with spaces (not tabs).',
          ),
        };
      }
      if (/^Unexpected , in/.test(first) || /^Unexpected empty item/.test(first)) {
        return {
          offset,
          message: t('komma på feil sted', 'a comma in the wrong place'),
          hint: t('Fjern kommaet, eller skriv en verdi foran det.', 'Remove the comma, or put a value before it.'),
        };
      }
      return {
        offset,
        message: t('feil innrykk eller struktur', 'wrong indentation or structure'),
        hint: technical(
          'Felt på samme nivå må stå like langt inn; bruk mellomrom, ikke tabulator.',
          'Fields on the same level must line up; use spaces, not tabs.',
        ),
      };
    }
    default:
      return {
        offset,
        message: t('filen er ikke gyldig YAML her', 'the file is not valid YAML here'),
        hint: technical(
          'Sjekk innrykk, kolon etter feltnavn og anførselstegn.',
          'Check the indentation, the colon after field names and the quotes.',
        ),
      };
  }
}

function unsafeProblem(display: string, pos: { line: number; column: number }, char: string): Problem {
  const what = codePointName(char);
  return {
    severity: 'error',
    file: display,
    ...pos,
    message: t(
      `tegnet ${what} kan ikke stå i et dokument (Word, kalender eller nettside)`,
      `the character ${what} cannot be part of a document (Word, calendar or web page)`,
    ),
    hint: t(
      'Det er usynlig og kommer som regel fra kopiering fra et annet program. Slett det, eller skriv teksten rundt på nytt.',
      'It is invisible and usually comes from copying from another program. Delete it, or type the text around it again.',
    ),
  };
}

/** The first scalar (key or value) whose value holds a character no document can hold. */
function unsafeScalar(doc: Document): { offset: number; char: string } | undefined {
  let found: { offset: number; char: string } | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return undefined;
      const bad = unsafeChar(node.value);
      if (!bad) return undefined;
      found = { offset: node.range?.[0] ?? 0, char: bad.char };
      return visit.BREAK;
    },
  });
  return found;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function restOfLine(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end < 0 ? undefined : end).replace(/\r$/, '');
}

/** Where the node that an error at `offset` left open began: the latest matching node starting before it. */
function openingOf(doc: Document, offset: number, match: (n: Node) => boolean): number | undefined {
  let best: number | undefined;
  visit(doc, (_key, node) => {
    const n = node as Node;
    if (
      n &&
      typeof n === 'object' &&
      'range' in n &&
      n.range &&
      match(n) &&
      n.range[0] < offset &&
      (best === undefined || n.range[0] > best)
    )
      best = n.range[0];
  });
  return best;
}

/** The key at `offset` that repeats an earlier key of the same mapping, and where that earlier key is. */
function duplicateKey(doc: Document, offset: number): { key: string; firstOffset: number } | undefined {
  let found: { key: string; firstOffset: number } | undefined;
  visit(doc, {
    Map(_key, map) {
      const keys = map.items.map((p) => p.key).filter((k): k is Scalar => isScalar(k) && !!k.range);
      const dup = keys.find((k) => k.range![0] === offset);
      if (!dup) return undefined;
      const earlier = keys.find((k) => k !== dup && String(k.value) === String(dup.value));
      if (earlier) found = { key: String(dup.value), firstOffset: earlier.range![0] };
      return visit.BREAK;
    },
  });
  return found;
}

/** The alias to point at: the one named, or the first. */
function firstAlias(doc: Document, name?: string): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_key, alias) {
      if (name === undefined || alias.source === name) {
        found = alias;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
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
