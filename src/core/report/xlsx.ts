/**
 * The report's tables as an .xlsx workbook, one sheet per table, written by
 * exceljs (loaded only here). exceljs stamps the time into the zip entries,
 * so the parts are zipped again with fixed dates: the same report gives the
 * same bytes.
 */
import { unzip } from '../forms/unzip.js';
import { zipParts } from '../forms/zip.js';
import type { ReportTable } from './tables.js';

export async function xlsxBytes(tables: ReportTable[], title: string, issuedAt: Date): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'refleks';
  wb.title = title;
  wb.created = issuedAt;
  wb.modified = issuedAt;
  for (const table of tables) {
    const ws = wb.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) ws.addRow(row);
    ws.columns.forEach((col, i) => {
      const longest = Math.max(table.headers[i]!.length, ...table.rows.map((r) => String(r[i] ?? '').length));
      col.width = Math.min(60, Math.max(8, longest + 2));
    });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return zipParts(unzip(new Uint8Array(buffer as ArrayBuffer)));
}
