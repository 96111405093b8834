/**
 * Participant lists as Excel workbooks (.xlsx): the first sheet, read with
 * read-excel-file, then the same rules and messages as a CSV roster
 * (`rosterFromRecords`), so a bad row names the row number Excel shows.
 * Pure: bytes in, roster out. Only `refleks new-group` imports this, and only
 * for a workbook, so other commands never load the spreadsheet reader.
 */
import { MAX_ROSTER_BYTES, RosterError, rosterFromRecords, type Roster, type RosterOptions } from './roster.js';
import { t } from '../core/text.js';

type Cell = string | number | boolean | Date | null | undefined;

/** A cell as the text Excel shows; dates as ISO days (a roster has none, but a stray one should not crash). */
function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

export async function parseXlsxRoster(bytes: Uint8Array, opts: RosterOptions = {}): Promise<Roster> {
  if (bytes.byteLength > MAX_ROSTER_BYTES) {
    throw new RosterError(
      t(
        `filen er for stor (${Math.round(bytes.byteLength / 1024)} KiB) til å være en deltakerliste`,
        `the file is too large (${Math.round(bytes.byteLength / 1024)} KiB) to be a participant list`,
      ),
    );
  }
  const { readSheet } = await import('read-excel-file/universal');
  let rows: Cell[][];
  try {
    // An ArrayBuffer of exactly these bytes (a Buffer may be a view into a larger pool).
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    rows = (await readSheet(buffer, 1, { trim: false })) as Cell[][];
  } catch (err) {
    throw new RosterError(
      t(
        `kunne ikke lese Excel-filen: ${(err as Error).message}`,
        `could not read the Excel file: ${(err as Error).message}`,
      ),
      t(
        'Åpne filen i Excel og lagre den på nytt som «Excel-arbeidsbok (.xlsx)», eller som CSV.',
        'Open the file in Excel and save it again as "Excel Workbook (.xlsx)", or as CSV.',
      ),
    );
  }
  const records = rows.map((r) => r.map(cellText));
  // A sheet may start lower down (a title row left empty); the header is the first row with text.
  let skipped = 0;
  while (skipped < records.length && records[skipped]!.every((c) => !c.trim())) skipped++;
  return rosterFromRecords(records.slice(skipped), { encoding: 'xlsx', separator: null, firstRow: skipped + 1 }, opts);
}
