import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  EMAIL_PATTERN
} from "./chunk-M4VNML75.mjs";
import "./chunk-DUHYSVVC.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/core/roster.ts
import { parse } from "csv-parse/sync";
var MAX_ROSTER_ROWS = 500;
var MAX_ROSTER_BYTES = 2 * 1024 * 1024;
var MAX_NAME = 200;
var RosterError = class extends Error {
  text;
  hint;
  constructor(text, hint) {
    super(text.en);
    this.name = "RosterError";
    this.text = text;
    if (hint) this.hint = hint;
  }
};
function decodeRoster(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16" };
  if (bytes[0] === 254 && bytes[1] === 255) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
var HEADERS = {
  name: ["navn", "name", "fulltnavn", "fullname", "deltaker", "participant", "deltakernavn"],
  first: ["fornavn", "firstname", "givenname"],
  last: ["etternavn", "lastname", "surname", "familyname"],
  email: ["epost", "email", "epostadresse", "emailaddress", "mail", "mailadresse", "epostaddresse"],
  unit: ["enhet", "unit", "avdeling", "department", "sone", "zone", "arbeidssted", "team"],
  role: ["stilling", "rolle", "role", "position", "tittel", "title", "jobtitle", "yrke"]
};
function headerKey(cell) {
  return cell.toLocaleLowerCase("nb").replace(/[\s\-_.:*]/g, "");
}
function detectSeparator(text) {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [";", ",", "	"].map((sep) => ({ sep, n: firstLine.split(sep).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].sep : ",";
}
function clean(cell) {
  return (cell ?? "").replace(/\s+/g, " ").replace(/[\u0000-\u001f\u007f]/g, "").trim();
}
function parseRoster(bytes, opts = {}) {
  if (bytes.byteLength > MAX_ROSTER_BYTES) {
    throw new RosterError(
      t(`filen er for stor (${Math.round(bytes.byteLength / 1024)} KiB) til \xE5 v\xE6re en deltakerliste`, `the file is too large (${Math.round(bytes.byteLength / 1024)} KiB) to be a participant list`)
    );
  }
  if (bytes[0] === 80 && bytes[1] === 75) {
    throw new RosterError(
      t("filen er en Excel-arbeidsbok (.xlsx), ikke CSV", "the file is an Excel workbook (.xlsx), not CSV"),
      t("Lagre den som CSV i Excel: Fil \u2192 Lagre som \u2192 \xABCSV (semikolondelt)\xBB.", 'Save it as CSV in Excel: File \u2192 Save as \u2192 "CSV (comma delimited)".')
    );
  }
  const { text, encoding } = decodeRoster(bytes);
  const separator = detectSeparator(text);
  let records;
  try {
    records = parse(text, { delimiter: separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  } catch (err) {
    const line = err.lines;
    throw new RosterError(
      t(`kunne ikke lese CSV${line ? ` (linje ${line})` : ""}: ${err.message}`, `could not read the CSV${line ? ` (line ${line})` : ""}: ${err.message}`),
      t('Sjekk at hvert anf\xF8rselstegn (") er lukket, eller lagre filen p\xE5 nytt som CSV fra Excel.', 'Check that every quote (") is closed, or save the file again as CSV from Excel.')
    );
  }
  while (records.length && records[records.length - 1].every((c) => !clean(c))) records.pop();
  if (!records.length) throw new RosterError(t("filen er tom", "the file is empty"));
  const header = records[0].map(headerKey);
  const col = {};
  header.forEach((key, i) => {
    for (const [column, names] of Object.entries(HEADERS)) {
      if (col[column] === void 0 && names.includes(key)) col[column] = i;
    }
  });
  if (col.name === void 0 && col.first === void 0) {
    const seen2 = records[0].map(clean).filter(Boolean).slice(0, 6).join(", ");
    throw new RosterError(
      t(`fant ingen kolonne med navn i f\xF8rste rad (${seen2 ? `fant: ${seen2}` : "raden er tom"})`, `found no name column in the first row (${seen2 ? `found: ${seen2}` : "the row is empty"})`),
      t("F\xF8rste rad skal ha overskrifter, for eksempel Navn; E-post; Enhet; Stilling (eller Fornavn og Etternavn).", "The first row must hold headers, e.g. Name, Email, Unit, Role (or First name and Last name).")
    );
  }
  const dataRows = records.length - 1;
  if (dataRows > MAX_ROSTER_ROWS) {
    throw new RosterError(
      t(`listen har ${dataRows} rader; refleks leser h\xF8yst ${MAX_ROSTER_ROWS}`, `the list has ${dataRows} rows; refleks reads at most ${MAX_ROSTER_ROWS}`),
      t("En refleksjonsgruppe har 4\u20136 deltakere. Er dette riktig fil? Del den opp per gruppe.", "A reflection group has 4\u20136 participants. Is this the right file? Split it per group.")
    );
  }
  const people = [];
  const problems = [];
  const seen = /* @__PURE__ */ new Map();
  for (const { person, what } of opts.taken ?? []) {
    seen.set(`name:${person.name.toLocaleLowerCase("nb")}`, what);
    if (person.email) seen.set(`email:${person.email.toLowerCase()}`, what);
  }
  let rows = 0;
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    const cell = (c) => col[c] === void 0 ? "" : clean(record[col[c]]);
    if (record.every((c) => !clean(c))) return;
    rows++;
    const name = cell("name") || [cell("first"), cell("last")].filter(Boolean).join(" ");
    const email = cell("email");
    const problem = (message) => problems.push({ row, message });
    if (!name) return problem(t("mangler navn", "has no name"));
    if (name.length > MAX_NAME) return problem(t(`navnet er lengre enn ${MAX_NAME} tegn`, `the name is longer than ${MAX_NAME} characters`));
    if (email && !EMAIL_PATTERN.test(email)) return problem(t(`\xAB${email}\xBB er ikke en gyldig e-postadresse (${name})`, `"${email}" is not a valid e-mail address (${name})`));
    const keys = [`name:${name.toLocaleLowerCase("nb")}`, ...email ? [`email:${email.toLowerCase()}`] : []];
    for (const key of keys) {
      const first = seen.get(key);
      if (first) {
        const what = key.startsWith("email:") ? t(`e-postadressen ${email}`, `the e-mail address ${email}`) : t(`navnet ${name}`, `the name ${name}`);
        return problem(t(`samme person to ganger: ${what.nb} st\xE5r ogs\xE5 p\xE5 ${first.nb}`, `the same person twice: ${what.en} is also on ${first.en}`));
      }
    }
    for (const key of keys) seen.set(key, t(`rad ${row}`, `row ${row}`));
    const unit = cell("unit").slice(0, MAX_NAME);
    const role = cell("role").slice(0, MAX_NAME);
    people.push({ name, ...email ? { email } : {}, ...unit ? { unit } : {}, ...role ? { role } : {} });
  });
  return { people, problems, encoding, separator, rows };
}
function formatRowProblem(p) {
  return t(`rad ${p.row}: ${p.message.nb}`, `row ${p.row}: ${p.message.en}`);
}
export {
  MAX_ROSTER_BYTES,
  MAX_ROSTER_ROWS,
  RosterError,
  decodeRoster,
  formatRowProblem,
  parseRoster
};
