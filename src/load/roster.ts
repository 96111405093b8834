/**
 * Reads the participant lists municipalities actually have: CSV exported from
 * Excel, with `;` (Norwegian Excel) or `,` separators, in UTF-8 (with or
 * without BOM), UTF-16 («Unicode-tekst») or Windows-1252 (older Excel), with a
 * header row in Norwegian or English. Pure: bytes in, people and row problems
 * out. Row numbers are the ones Excel shows (the header is row 1).
 *
 * Only `refleks new-group` imports this module, and only when a roster is
 * read, so csv-parse is not loaded by other commands.
 *
 * It lives in load, not core, although it does no I/O: like the YAML loader
 * it turns a file a person made into the model, and its row rules are the
 * group file's rules (the same e-mail pattern and name limit as the schema).
 * Splitting the rows' checks into core would leave core importing the schema
 * or repeating it.
 */
import { parse } from 'csv-parse/sync';
import type { Person } from '../core/model.js';
import { t, type Text } from '../core/text.js';
import { EMAIL_PATTERN } from './schema.js';
import { codePointName, unsafeChar } from '../core/safe-text.js';

export const MAX_ROSTER_ROWS = 500;
export const MAX_ROSTER_BYTES = 2 * 1024 * 1024;
/** Same limits as the group file's fields. */
const MAX_NAME = 200;

/** `xlsx`: an Excel workbook, read by its own module (roster-xlsx.ts). */
export type RosterEncoding = 'utf-8' | 'utf-16' | 'windows-1252' | 'xlsx';

export interface RosterRowProblem {
  /** Row as Excel shows it: the header is row 1. */
  row: number;
  message: Text;
}

export interface Roster {
  people: Person[];
  /** Rows that cannot be used; nothing is written until they are fixed or skipped. */
  problems: RosterRowProblem[];
  encoding: RosterEncoding;
  /** Null for a workbook, which has cells rather than separators. */
  separator: ';' | ',' | '\t' | null;
  /** Data rows read (not counting the header or empty rows). */
  rows: number;
}

/** A whole roster that cannot be read: the file is wrong, not a row. */
export class RosterError extends Error {
  readonly text: Text;
  readonly hint?: Text;
  constructor(text: Text, hint?: Text) {
    super(text.en);
    this.name = 'RosterError';
    this.text = text;
    if (hint) this.hint = hint;
  }
}

export interface RosterOptions {
  /** People already in the group (facilitator, leader …): a row naming one of them is a duplicate. */
  taken?: { person: Person; what: Text }[];
}

export function decodeRoster(bytes: Uint8Array): { text: string; encoding: RosterEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16' };
  try {
    // TextDecoder drops a UTF-8 BOM by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Excel's «CSV (semikolondelt)» on Norwegian Windows writes Windows-1252.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

type Column = 'name' | 'first' | 'last' | 'email' | 'unit' | 'role';

const HEADERS: Record<Column, string[]> = {
  name: ['navn', 'name', 'fulltnavn', 'fullname', 'deltaker', 'participant', 'deltakernavn'],
  first: ['fornavn', 'firstname', 'givenname'],
  last: ['etternavn', 'lastname', 'surname', 'familyname'],
  email: ['epost', 'email', 'epostadresse', 'emailaddress', 'mail', 'mailadresse', 'epostaddresse'],
  unit: ['enhet', 'unit', 'avdeling', 'department', 'sone', 'zone', 'arbeidssted', 'team'],
  role: ['stilling', 'rolle', 'role', 'position', 'tittel', 'title', 'jobtitle', 'yrke'],
};

function headerKey(cell: string): string {
  return cell.toLocaleLowerCase('nb').replace(/[\s\-_.:*]/g, '');
}

function detectSeparator(text: string): ';' | ',' | '\t' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = ([';', ',', '\t'] as const).map((sep) => ({ sep, n: firstLine.split(sep).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.sep : ',';
}

// eslint-disable-next-line no-control-regex -- control characters are what a cell loses
const CONTROL = /[\u0000-\u001f\u007f]/g;

function clean(cell: string | undefined): string {
  return (cell ?? '').replace(/\s+/g, ' ').replace(CONTROL, '').trim();
}

/** An .xlsx workbook (or any zip file) starts with «PK». */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

export function parseRoster(bytes: Uint8Array, opts: RosterOptions = {}): Roster {
  if (bytes.byteLength > MAX_ROSTER_BYTES) {
    throw new RosterError(
      t(
        `filen er for stor (${Math.round(bytes.byteLength / 1024)} KiB) til å være en deltakerliste`,
        `the file is too large (${Math.round(bytes.byteLength / 1024)} KiB) to be a participant list`,
      ),
    );
  }
  if (isZip(bytes)) {
    throw new RosterError(
      t('filen er en Excel-arbeidsbok (.xlsx), ikke CSV', 'the file is an Excel workbook (.xlsx), not CSV'),
      t(
        'Les den med parseXlsxRoster (som refleks new-group gjør), eller lagre den som CSV.',
        'Read it with parseXlsxRoster (as refleks new-group does), or save it as CSV.',
      ),
    );
  }
  const { text, encoding } = decodeRoster(bytes);
  const separator = detectSeparator(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: separator,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new RosterError(
      t(
        `kunne ikke lese CSV${line ? ` (linje ${line})` : ''}: ${(err as Error).message}`,
        `could not read the CSV${line ? ` (line ${line})` : ''}: ${(err as Error).message}`,
      ),
      t(
        'Sjekk at hvert anførselstegn (") er lukket, eller lagre filen på nytt som CSV fra Excel.',
        'Check that every quote (") is closed, or save the file again as CSV from Excel.',
      ),
    );
  }
  return rosterFromRecords(records, { encoding, separator }, opts);
}

/**
 * The rules every roster follows, whatever the file: a header row naming the
 * columns, then one person per row. `records[0]` is row `firstRow` (default 1)
 * as the spreadsheet numbers it, so a problem names the row Excel shows.
 */
export function rosterFromRecords(
  records: string[][],
  format: Pick<Roster, 'encoding' | 'separator'> & { firstRow?: number },
  opts: RosterOptions = {},
): Roster {
  const { encoding, separator } = format;
  const firstRow = format.firstRow ?? 1;
  records = [...records];
  // Excel leaves empty rows at the end; they are not participants.
  while (records.length && records[records.length - 1]!.every((c) => !clean(c))) records.pop();
  if (!records.length) throw new RosterError(t('filen er tom', 'the file is empty'));

  const header = records[0]!.map(headerKey);
  const col: Partial<Record<Column, number>> = {};
  header.forEach((key, i) => {
    for (const [column, names] of Object.entries(HEADERS) as [Column, string[]][]) {
      if (col[column] === undefined && names.includes(key)) col[column] = i;
    }
  });
  if (col.name === undefined && col.first === undefined) {
    const seen = records[0]!.map(clean).filter(Boolean).slice(0, 6).join(', ');
    throw new RosterError(
      t(
        `fant ingen kolonne med navn i første rad (${seen ? `fant: ${seen}` : 'raden er tom'})`,
        `found no name column in the first row (${seen ? `found: ${seen}` : 'the row is empty'})`,
      ),
      t(
        'Første rad skal ha overskrifter, for eksempel Navn; E-post; Enhet; Stilling (eller Fornavn og Etternavn).',
        'The first row must hold headers, e.g. Name, Email, Unit, Role (or First name and Last name).',
      ),
    );
  }
  const dataRows = records.length - 1;
  if (dataRows > MAX_ROSTER_ROWS) {
    throw new RosterError(
      t(
        `listen har ${dataRows} rader; refleks leser høyst ${MAX_ROSTER_ROWS}`,
        `the list has ${dataRows} rows; refleks reads at most ${MAX_ROSTER_ROWS}`,
      ),
      t(
        'En gruppe har vanligvis 4–15 deltakere. Er dette riktig fil? Del den opp per gruppe.',
        'A group usually has 4–15 participants. Is this the right file? Split it per group.',
      ),
    );
  }

  const people: Person[] = [];
  const problems: RosterRowProblem[] = [];
  const seen = new Map<string, Text>();
  for (const { person, what } of opts.taken ?? []) {
    seen.set(`name:${person.name.toLocaleLowerCase('nb')}`, what);
    if (person.email) seen.set(`email:${person.email.toLowerCase()}`, what);
  }
  let rows = 0;
  records.slice(1).forEach((record, i) => {
    const row = i + 1 + firstRow;
    const cell = (c: Column) => (col[c] === undefined ? '' : clean(record[col[c]!]));
    if (record.every((c) => !clean(c))) return;
    rows++;
    const name = cell('name') || [cell('first'), cell('last')].filter(Boolean).join(' ');
    const email = cell('email');
    const problem = (message: Text) => problems.push({ row, message });
    // What no document can hold (U+FFFF, C1 controls from a mis-saved file)
    // is refused here rather than written into a Word form.
    // eslint-disable-next-line no-control-regex -- plain controls are dropped before the check; only the rest are refused
    const bad = record.map((c) => unsafeChar(c.replace(/[\u0000-\u001f\u007f]/g, ''))).find((b) => b);
    if (bad)
      return problem(
        t(
          `inneholder tegnet ${codePointName(bad.char)}, som ikke kan stå i et dokument`,
          `contains the character ${codePointName(bad.char)}, which cannot be part of a document`,
        ),
      );
    if (!name) return problem(t('mangler navn', 'has no name'));
    if (name.length > MAX_NAME)
      return problem(t(`navnet er lengre enn ${MAX_NAME} tegn`, `the name is longer than ${MAX_NAME} characters`));
    if (email && !EMAIL_PATTERN.test(email))
      return problem(
        t(`«${email}» er ikke en gyldig e-postadresse (${name})`, `"${email}" is not a valid e-mail address (${name})`),
      );
    const keys = [`name:${name.toLocaleLowerCase('nb')}`, ...(email ? [`email:${email.toLowerCase()}`] : [])];
    for (const key of keys) {
      const first = seen.get(key);
      if (first) {
        const what = key.startsWith('email:')
          ? t(`e-postadressen ${email}`, `the e-mail address ${email}`)
          : t(`navnet ${name}`, `the name ${name}`);
        return problem(
          t(
            `samme person to ganger: ${what.nb} står også på ${first.nb}`,
            `the same person twice: ${what.en} is also on ${first.en}`,
          ),
        );
      }
    }
    for (const key of keys) seen.set(key, t(`rad ${row}`, `row ${row}`));
    const unit = cell('unit').slice(0, MAX_NAME);
    const role = cell('role').slice(0, MAX_NAME);
    people.push({ name, ...(email ? { email } : {}), ...(unit ? { unit } : {}), ...(role ? { role } : {}) });
  });
  return { people, problems, encoding, separator, rows };
}
