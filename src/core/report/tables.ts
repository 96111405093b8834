/**
 * The report as flat tables for counting further: one row per fact, the same
 * tables in the CSV files and the .xlsx sheets. Numbers stay numbers (the
 * CSV writes them with a decimal comma in Norwegian, as Excel here expects).
 */
import { t, type Lang } from '../text.js';
import type { WorkspaceReport } from './model.js';

export type CellValue = string | number;

export interface ReportTable {
  /** File name without extension, and the sheet's name. */
  name: string;
  sheet: string;
  headers: string[];
  rows: CellValue[][];
}

export function reportTables(r: WorkspaceReport, lang: Lang): ReportTable[] {
  const L = (nb: string, en: string) => t(nb, en)[lang];
  const yes = L('ja', 'yes');
  const no = L('nei', 'no');
  const attendance: ReportTable = {
    name: L('oppmote', 'attendance'),
    sheet: L('Oppmøte', 'Attendance'),
    headers: [
      L('Gruppe', 'Group'),
      L('Samling', 'Session'),
      L('Dato', 'Date'),
      L('Tema', 'Theme'),
      L('Deltaker', 'Participant'),
      L('Til stede', 'Present'),
    ],
    rows: [],
  };
  const ratings: ReportTable = {
    name: L('vurderinger', 'ratings'),
    sheet: L('Vurderinger', 'Ratings'),
    headers: [L('Gruppe', 'Group'), L('Samling', 'Session'), L('Tema', 'Theme'), L('Vurdering (1–5)', 'Rating (1–5)')],
    rows: [],
  };
  const answers: ReportTable = {
    name: L('svar', 'answers'),
    sheet: L('Svar', 'Answers'),
    headers: [
      L('Gruppe', 'Group'),
      L('Samling', 'Session'),
      L('Spørsmål', 'Question'),
      L('Svar', 'Answer'),
      L('Kilde', 'Source'),
    ],
    rows: [],
  };
  const actions: ReportTable = {
    name: L('tiltak', 'actions'),
    sheet: L('Tiltak', 'Actions'),
    headers: [
      L('Gruppe', 'Group'),
      L('Samling', 'Session'),
      L('Tiltak', 'Action'),
      L('Ansvarlig', 'Owner'),
      L('Frist', 'Deadline'),
      L('Forfalt', 'Overdue'),
      L('Kilde', 'Source'),
    ],
    rows: [],
  };
  for (const g of r.groups) {
    for (const s of g.sessions) {
      if (s.cancelled || s.present === undefined) continue;
      for (const p of g.people)
        attendance.rows.push([g.name, s.number, s.date, s.theme, p.name, p.attended.includes(s.number) ? yes : no]);
    }
    for (const rt of g.ratings) for (const v of rt.values) ratings.rows.push([g.name, rt.session, rt.theme, v]);
    for (const a of g.texts) answers.rows.push([g.name, a.session ?? '', a.question[lang], a.answer, a.file]);
    for (const a of g.actions)
      actions.rows.push([
        g.name,
        a.session,
        a.action,
        a.owner,
        a.deadlineIso ?? a.deadline,
        a.overdue ? yes : no,
        a.file,
      ]);
  }
  return [attendance, ratings, answers, actions];
}

function csvCell(v: CellValue, lang: Lang): string {
  const s = typeof v === 'number' ? (lang === 'nb' ? String(v).replace('.', ',') : String(v)) : v;
  return /[;"\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte order mark and semicolons: what Excel in Norway opens with æøå intact. */
export function csvBytes(table: ReportTable, lang: Lang): Uint8Array {
  const lines = [table.headers, ...table.rows].map((row) => row.map((c) => csvCell(c, lang)).join(';'));
  return new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
}
