import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  buildWording,
  fill,
  wordingPaths
} from "./chunk-426QVGET.mjs";
import {
  formatDate,
  formatSessionTime,
  formatShortDate
} from "./chunk-FNY576GM.mjs";
import "./chunk-JMJE6DP2.mjs";
import {
  uniqueSlugs
} from "./chunk-W5O3JMDT.mjs";
import "./chunk-DUHYSVVC.mjs";
import "./chunk-4FZNDNJ7.mjs";
import "./chunk-DAJR5TUZ.mjs";

// src/core/forms/docx-kit.ts
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImportedXmlComponent,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType
} from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
var A4 = { width: 11906, height: 16838 };
var MARGIN = 1134;
var TEXT_WIDTH = A4.width - 2 * MARGIN;
var LANDSCAPE_TEXT_WIDTH = A4.height - 2 * MARGIN;
var HEADING_COLOR = "1F3864";
var PLACEHOLDER_COLOR = "595959";
var HEADER_FILL = "D9E2F3";
var FONT = "Calibri";
var LANG_TAG = { nb: "nb-NO", en: "en-GB" };
function formStyles(lang) {
  const heading2 = (level, size) => ({
    paragraph: { outlineLevel: level, keepNext: true, keepLines: true, spacing: { before: level === 0 ? 0 : 280, after: 120 } },
    run: { font: FONT, size, bold: true, italics: false, color: HEADING_COLOR }
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, language: { value: LANG_TAG[lang] } },
        paragraph: { spacing: { after: 120, line: 264 } }
      },
      heading1: heading2(0, 36),
      heading2: heading2(1, 28),
      heading3: heading2(2, 24),
      heading4: heading2(3, 22),
      heading5: heading2(4, 22),
      heading6: heading2(5, 22)
    },
    paragraphStyles: [
      {
        id: "Large",
        name: "Large text",
        basedOn: "Normal",
        next: "Normal",
        run: { size: 40, bold: true },
        paragraph: { spacing: { before: 240, after: 240 } }
      },
      {
        id: "TableText",
        name: "Table text",
        basedOn: "Normal",
        run: { size: 20 },
        paragraph: { spacing: { before: 40, after: 40, line: 252 } }
      }
    ]
  };
}
function escapeXml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
function textField(opts) {
  const kind = opts.date ? `<w:date><w:dateFormat w:val="${opts.date.lang === "nb" ? "dd.MM.yyyy" : "dd/MM/yyyy"}"/><w:lid w:val="${LANG_TAG[opts.date.lang]}"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>` : `<w:text${opts.multiLine ? ' w:multiLine="1"' : ""}/>`;
  const xml = `<w:sdt><w:sdtPr><w:rPr><w:color w:val="${PLACEHOLDER_COLOR}"/></w:rPr><w:alias w:val="${escapeXml(opts.alias)}"/><w:tag w:val="${escapeXml(opts.tag)}"/><w:showingPlcHdr/>${kind}</w:sdtPr><w:sdtContent><w:r><w:rPr><w:color w:val="${PLACEHOLDER_COLOR}"/></w:rPr><w:t xml:space="preserve">${escapeXml(opts.placeholder)}</w:t></w:r></w:sdtContent></w:sdt>`;
  return ImportedXmlComponent.fromXmlString(xml);
}
function checkBox(opts) {
  const xml = `<w:sdt><w:sdtPr><w:alias w:val="${escapeXml(opts.alias)}"/><w:tag w:val="${escapeXml(opts.tag)}"/><w14:checkbox><w14:checked w14:val="0"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic" w:eastAsia="MS Gothic" w:hint="eastAsia"/><w:sz w:val="28"/></w:rPr><w:t>\u2610</w:t></w:r></w:sdtContent></w:sdt>`;
  return ImportedXmlComponent.fromXmlString(xml);
}
function columnWidths(weights, total = TEXT_WIDTH) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor(w / sum * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] += rest;
  return widths;
}
function cellParagraphs(cell, bold, center) {
  const items = Array.isArray(cell) ? [...cell] : [cell];
  if (!items.length) items.push("");
  return items.map((item) => {
    const children = typeof item === "string" ? [new TextRun({ text: item, bold })] : item.children;
    const centred = center || typeof item !== "string" && item.align === "center";
    return new Paragraph({ style: "TableText", children, ...centred ? { alignment: AlignmentType.CENTER } : {} });
  });
}
function dataTable(columns, rows, opts = {}) {
  const total = opts.total ?? TEXT_WIDTH;
  const widths = columnWidths(columns.map((c) => c.weight), total);
  const cell = (content, i, header) => {
    const centred = columns[i].align === "center";
    return new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      children: cellParagraphs(content, header, centred),
      ...centred ? { verticalAlign: VerticalAlign.CENTER } : {},
      ...header ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: "auto" } } : {}
    });
  };
  const height = opts.rowHeight ? { height: { value: opts.rowHeight, rule: HeightRule.ATLEAST } } : {};
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, ...height, children: r.map((c, i) => cell(c, i, false)) }))
    ]
  });
}
function heading(level, text, opts = {}) {
  const h = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ heading: h, children: [new TextRun(text)], ...opts.center ? { alignment: AlignmentType.CENTER } : {} });
}
function para(text, opts = {}) {
  return new Paragraph({
    ...opts.style ? { style: opts.style } : {},
    ...opts.center ? { alignment: AlignmentType.CENTER } : {},
    ...opts.spacingBefore ? { spacing: { before: opts.spacingBefore } } : {},
    children: typeof text === "string" ? [new TextRun(text)] : text
  });
}
function labelled(label, content, opts = {}) {
  return new Paragraph({
    ...opts.spacingBefore ? { spacing: { before: opts.spacingBefore } } : {},
    children: [new TextRun({ text: `${label}: `, bold: true }), ...typeof content === "string" ? [new TextRun(content)] : content]
  });
}
function signatureLine(text, widthShare = 0.5) {
  return new Paragraph({
    spacing: { before: 840, after: 120 },
    indent: { right: Math.round(TEXT_WIDTH * (1 - widthShare)) },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 4 } },
    children: [new TextRun(text)]
  });
}
function pageNumberRuns(label) {
  const parts = label.split(/(\{current\}|\{total\})/);
  const children = [];
  for (const part of parts) {
    if (part === "{current}") children.push(PageNumber.CURRENT);
    else if (part === "{total}") children.push(PageNumber.TOTAL_PAGES);
    else if (part) children.push(part);
  }
  return [new TextRun({ children })];
}
function formDocument(opts) {
  return new Document({
    title: opts.title,
    subject: opts.subject,
    creator: opts.organisation,
    lastModifiedBy: "refleks",
    description: `${opts.title} \u2013 ${opts.footer}`,
    styles: formStyles(opts.lang),
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: opts.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 567, footer: 567 }
          }
        },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(opts.organisation)] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: "right", position: opts.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH }],
                children: [new TextRun(`${opts.footer}	`), ...pageNumberRuns(opts.pageLabel)]
              })
            ]
          })
        },
        children: opts.children
      }
    ]
  });
}
var ZIP_EPOCH = () => new Date(1980, 0, 1, 0, 0, 0);
function isoSeconds(d) {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
async function packageParts(doc2) {
  const compiler = Packer.compiler;
  if (compiler && typeof compiler.compile === "function") {
    const parts = {};
    for (const [path, data] of compiler.compile(doc2, void 0, [])) parts[path] = typeof data === "string" ? strToU8(data) : data;
    return parts;
  }
  return unzipSync(new Uint8Array(await Packer.toBuffer(doc2)));
}
async function docxParts(doc2, issuedAt, lang) {
  const entries = await packageParts(doc2);
  const core = entries["docProps/core.xml"];
  if (core) {
    const stamp = isoSeconds(issuedAt);
    const xml = strFromU8(core).replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`).replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`).replace(/<\/cp:coreProperties>/, `<dc:language>${LANG_TAG[lang]}</dc:language></cp:coreProperties>`);
    entries["docProps/core.xml"] = strToU8(xml);
  }
  return entries;
}
function zipParts(entries) {
  const names = Object.keys(entries).sort((a, b) => a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a < b ? -1 : a > b ? 1 : 0);
  const mtime = ZIP_EPOCH();
  const zippable = {};
  for (const name of names) zippable[name] = [entries[name], { mtime, level: 6 }];
  return zipSync(zippable);
}
async function packDocx(doc2, issuedAt, lang) {
  return zipParts(await docxParts(doc2, issuedAt, lang));
}
function xmlText(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
function mergeParts(template, values) {
  const out = {};
  for (const [name, bytes] of Object.entries(template)) {
    if (!name.endsWith(".xml")) {
      out[name] = bytes;
      continue;
    }
    let xml = strFromU8(bytes);
    let changed = false;
    for (const [token, value] of Object.entries(values)) {
      if (xml.includes(token)) {
        xml = xml.split(token).join(xmlText(value));
        changed = true;
      }
    }
    out[name] = changed ? strToU8(xml) : bytes;
  }
  return out;
}

// src/core/forms/documents.ts
import { Paragraph as Paragraph2, TextRun as TextRun2 } from "docx";
var DIDACTIC_PROGRAMMES = /* @__PURE__ */ new Set(["mestringstreff"]);
var PORTRAIT_MAX_SESSIONS = 4;
var ACTION_ROWS = 3;
function person(p) {
  const extra = [p.role, p.unit].filter(Boolean).join(", ");
  return extra ? `${p.name} (${extra})` : p.name;
}
function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function numberText(n, lang) {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(".", lang === "nb" ? "," : ".");
}
function sessionLines(c, s) {
  const { w, lang, group } = c;
  const lines = [formatSessionTime(s.date, s.start, s.end, lang)];
  if (s.cancelled) lines[0] += ` (${w.common.cancelled})`;
  if (s.moved) lines.push(fill(w.common.moved, { date: formatDate(s.moved.from, lang), reason: s.moved.reason[lang] }));
  if (s.location.text !== group.location.text) lines.push(s.location.text);
  if (s.note) lines.push(s.note);
  return lines;
}
function sessionTitle(c, s) {
  const base = `${fill(c.w.common.session_number, { number: s.number })}: ${s.theme.theme.title}`;
  return s.cancelled ? `${base} (${c.w.common.cancelled})` : base;
}
function themeCell(c, s) {
  return c.group.combined ? [s.theme.theme.title, s.theme.programmeTitle] : s.theme.theme.title;
}
function field(c, tag, alias, opts = {}) {
  return textField({
    tag,
    alias,
    placeholder: opts.date ? c.w.common.date_placeholder : c.w.common.text_placeholder,
    ...opts.multiLine ? { multiLine: true } : {},
    ...opts.date ? { date: { lang: c.lang } } : {}
  });
}
function fieldCell(c, tag, alias, opts = {}) {
  return { children: [field(c, tag, alias, opts)] };
}
function hourUnit(c, hours) {
  return hours === 1 ? c.w.common.hour_unit : c.w.common.hours_unit;
}
function betweenPerInterval(c) {
  const { min, max } = c.group.betweenSessionHours;
  const w = c.w.common;
  if (max <= 0) return w.between_sessions_none;
  if (min === max) return fill(w.between_sessions_exact, { hours: numberText(max, c.lang), unit: hourUnit(c, max) });
  if (min <= 0) return fill(w.between_sessions_upto, { max: numberText(max, c.lang), unit: hourUnit(c, max) });
  return fill(w.between_sessions_range, { min: numberText(min, c.lang), max: numberText(max, c.lang) });
}
function coFacilitatorLabel(c) {
  const label = c.workspace.programmes.get(c.group.programmeId)?.coFacilitatorLabel;
  return label ? `${c.w.common.co_facilitator} (${label})` : c.w.common.co_facilitator;
}
function groupFacts(c) {
  const { w, group, workspace, lang } = c;
  const rows = [
    [w.common.organisation, workspace.settings.organisation],
    [w.common.group, group.name],
    [w.common.programme, group.programmeTitle],
    [w.common.facilitator, person(group.facilitator)]
  ];
  if (group.coFacilitator) rows.push([coFacilitatorLabel(c), person(group.coFacilitator)]);
  rows.push([w.common.leader, group.leader ? person(group.leader) : w.common.no_leader]);
  rows.push([w.common.location, group.location.text]);
  const active = c.sessions.filter((s) => !s.cancelled);
  if (active.length) rows.push([w.common.period, `${formatDate(active[0].date, lang)} \u2013 ${formatDate(active[active.length - 1].date, lang)}`]);
  rows.push([w.common.sessions_count, fill(w.common.sessions_summary, { count: c.sessions.length, minutes: group.durationMinutes })]);
  rows.push([w.common.between_sessions, betweenPerInterval(c)]);
  return dataTable(
    [
      { header: w.common.field_column, weight: 3 },
      { header: w.common.value_column, weight: 7 }
    ],
    rows
  );
}
function doc(c, title, subject, children, opts = {}) {
  return formDocument({
    lang: c.lang,
    title,
    subject,
    organisation: c.workspace.settings.organisation,
    footer: title,
    pageLabel: c.w.common.page,
    ...opts.landscape ? { landscape: true } : {},
    children
  });
}
var ANSWER_HEIGHT = 1134;
var LONG_ANSWER_HEIGHT = 2268;
var LINE_HEIGHT = 567;
function questionTable(c, questions, tagPrefix, rowHeight = ANSWER_HEIGHT) {
  return dataTable(
    [
      { header: c.w.common.question_column, weight: 4 },
      { header: c.w.common.answer_column, weight: 6 }
    ],
    questions.map((q, i) => [q, fieldCell(c, questions.length === 1 ? tagPrefix : `${tagPrefix}-${i + 1}`, q, { multiLine: true })]),
    { rowHeight }
  );
}
function planningForm(c) {
  const { w, group } = c;
  const p = w.planning;
  const title = `${p.title} \u2013 ${group.name}`;
  const children = [
    heading(1, title),
    para(p.intro),
    labelled(p.meeting_date, [field(c, "planlegging-dato", p.meeting_date, { date: true })]),
    labelled(p.present, [field(c, "planlegging-til-stede", p.present)]),
    heading(2, p.group_heading),
    groupFacts(c),
    heading(2, p.participants_heading),
    dataTable(
      [
        { header: w.common.number, weight: 1 },
        { header: w.common.name, weight: 5 },
        { header: w.common.role, weight: 6 }
      ],
      group.participants.map((pp, i) => [String(i + 1), pp.name, [pp.role, pp.unit].filter(Boolean).join(", ")])
    ),
    heading(2, p.programme_heading),
    dataTable(
      [
        { header: w.common.session, weight: 2 },
        { header: w.common.theme, weight: 4.4 },
        { header: w.common.date, weight: 6.6 },
        { header: w.common.leader_joins, weight: 1.7, align: "center" }
      ],
      c.sessions.map((s) => [String(s.number), themeCell(c, s), sessionLines(c, s), s.leaderInvited ? w.common.yes_value : "\u2013"])
    )
  ];
  if (DIDACTIC_PROGRAMMES.has(group.programmeId)) {
    const d = p.didactic;
    const elements = [
      ["malgruppe", d.target_group],
      ["mal", d.goals],
      ["rammefaktorer", d.frame],
      ["innhold", d.content],
      ["metoder", d.methods],
      ["evaluering", d.evaluation]
    ];
    children.push(
      heading(2, p.didactic_heading),
      para(p.didactic_intro),
      dataTable(
        [
          { header: p.didactic_element_column, weight: 4 },
          { header: p.didactic_plan_column, weight: 6 }
        ],
        elements.map(([tag, e]) => [
          [{ children: [new TextRun2({ text: e.label, bold: true })] }, { children: [new TextRun2(e.question)] }],
          fieldCell(c, `didaktikk-${tag}`, e.label, { multiLine: true })
        ]),
        { rowHeight: ANSWER_HEIGHT }
      )
    );
  } else {
    children.push(heading(2, p.frame_heading), questionTable(c, p.frame, "ramme"), heading(2, p.questions_heading), questionTable(c, p.questions, "avtale"));
  }
  return doc(c, title, p.subject, children);
}
function followUpForm(c) {
  const { w, group } = c;
  const f = w.follow_up;
  const title = `${f.title} \u2013 ${group.name}`;
  const children = [heading(1, title), para(f.intro)];
  for (const s of c.sessions) {
    children.push(heading(2, sessionTitle(c, s)));
    for (const line of sessionLines(c, s)) children.push(para(line));
    if (s.cancelled) {
      children.push(para(f.cancelled_text));
      continue;
    }
    const n = s.number;
    const rows = [];
    if (n > 1) rows.push([f.tried, fieldCell(c, `s${n}-utprovd`, `${fill(w.common.session_number, { number: n })}: ${f.tried}`, { multiLine: true })]);
    rows.push([f.experiences, fieldCell(c, `s${n}-erfaringer`, `${fill(w.common.session_number, { number: n })}: ${f.experiences}`, { multiLine: true })]);
    children.push(
      dataTable(
        [
          { header: w.common.question_column, weight: 4 },
          { header: w.common.answer_column, weight: 6 }
        ],
        rows,
        { rowHeight: ANSWER_HEIGHT }
      ),
      labelled(f.homework, s.betweenSessions.length ? "" : f.no_homework, { spacingBefore: 200 }),
      ...s.betweenSessions.map((item) => new Paragraph2({ indent: { left: 284 }, children: [new TextRun2(`\u2013 ${item}`)] })),
      heading(3, f.actions_heading),
      dataTable(
        [
          { header: f.action, weight: 5 },
          { header: f.owner, weight: 3 },
          { header: f.deadline, weight: 2 }
        ],
        Array.from({ length: ACTION_ROWS }, (_, i) => {
          const label = `${fill(w.common.session_number, { number: n })}, ${f.action.toLowerCase()} ${i + 1}`;
          return [
            fieldCell(c, `s${n}-tiltak-${i + 1}`, label),
            fieldCell(c, `s${n}-ansvarlig-${i + 1}`, `${label}: ${f.owner.toLowerCase()}`),
            fieldCell(c, `s${n}-frist-${i + 1}`, `${label}: ${f.deadline.toLowerCase()}`, { date: true })
          ];
        }),
        { rowHeight: LINE_HEIGHT }
      )
    );
  }
  return doc(c, title, f.subject, children);
}
function evaluationForm(c) {
  const { w, group } = c;
  const e = w.evaluation;
  const title = `${e.title} \u2013 ${group.name}`;
  const children = [heading(1, title), para(e.intro), groupFacts(c), heading(2, e.goals_heading)];
  for (const s of c.sessions) {
    const goals = s.theme.theme.goals;
    if (!goals.length) continue;
    children.push(heading(3, sessionTitle(c, s)));
    const choices = [
      ["ja", e.reached],
      ["delvis", e.partly],
      ["nei", e.not_reached]
    ];
    children.push(
      dataTable(
        [{ header: e.goal_column, weight: 7 }, ...choices.map(([, label]) => ({ header: label, weight: 1.2, align: "center" }))],
        goals.map((goal, gi) => [
          goal,
          ...choices.map(([tag, label]) => ({ children: [checkBox({ tag: `mal-${s.number}-${gi + 1}-${tag}`, alias: `${fill(w.common.session_number, { number: s.number })}, ${e.goal_column.toLowerCase()} ${gi + 1}: ${label}` })] }))
        ])
      )
    );
  }
  children.push(heading(3, e.goals_comment), questionTable(c, [e.goals_comment], "mal-kommentar"));
  children.push(heading(2, e.rating_heading), para(e.rating_intro));
  const values = [1, 2, 3, 4, 5];
  children.push(
    dataTable(
      [{ header: w.common.theme, weight: 6 }, ...values.map((v) => ({ header: String(v), weight: 1, align: "center" }))],
      c.sessions.map((s) => [
        themeCell(c, s),
        ...values.map((v) => ({ children: [checkBox({ tag: `tema-${s.number}-vurdering-${v}`, alias: `${s.theme.theme.title}: ${fill(e.rating_column, { value: v })}` })] }))
      ])
    )
  );
  children.push(heading(2, e.practice_heading), questionTable(c, [e.practice_question], "praksis", LONG_ANSWER_HEIGHT));
  children.push(heading(2, e.continue_heading), questionTable(c, [e.continue_question], "videre", LONG_ANSWER_HEIGHT));
  return doc(c, title, e.subject, children);
}
function attendanceList(c) {
  const { w, group, lang } = c;
  const a = w.attendance;
  const title = `${a.title} \u2013 ${group.name}`;
  const landscape = c.sessions.length > PORTRAIT_MAX_SESSIONS;
  const total = landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const nameWeight = Math.max(2, c.sessions.length * 0.35);
  const table = dataTable(
    [
      { header: w.common.participant, weight: nameWeight },
      ...c.sessions.map((s) => ({
        header: [fill(w.common.session_number, { number: s.number }), formatShortDate(s.date, lang), ...s.cancelled ? [`(${w.common.cancelled})`] : []],
        weight: 1,
        align: "center"
      }))
    ],
    group.participants.map((p, pi) => [
      p.name,
      ...c.sessions.map(
        (s) => s.cancelled ? a.cancelled_cell : { children: [checkBox({ tag: `oppmote-${pi + 1}-${s.number}`, alias: `${p.name}, ${fill(w.common.session_number, { number: s.number }).toLowerCase()}` })] }
      )
    ]),
    { total, rowHeight: 454 }
  );
  const children = [
    heading(1, title),
    labelled(w.common.programme, group.programmeTitle),
    labelled(w.common.facilitator, group.coFacilitator ? `${group.facilitator.name}, ${group.coFacilitator.name}` : group.facilitator.name),
    labelled(w.common.location, group.location.text),
    para(a.intro),
    table
  ];
  return doc(c, title, a.subject, children, { landscape });
}
function certificate(c, participant) {
  const { w, group, lang, workspace } = c;
  const k = w.certificate;
  const active = c.sessions.filter((s) => !s.cancelled);
  const minutes = active.reduce((sum, s) => sum + s.durationMinutes, 0);
  const hours = minutes / 60;
  const unit = (h) => hourUnit(c, h);
  const sessionsText = `${numberText(hours, lang)} ${unit(hours)}`;
  const intervals = Math.max(0, active.length - 1);
  const min = group.betweenSessionHours.min * intervals;
  const max = group.betweenSessionHours.max * intervals;
  const betweenText = max <= 0 ? void 0 : min === max ? `${numberText(max, lang)} ${unit(max)}` : min <= 0 ? `${fill(k.between_upto, { max: numberText(max, lang) })} ${unit(max)}` : `${numberText(min, lang)}\u2013${numberText(max, lang)} ${unit(max)}`;
  const hoursText = betweenText ? fill(k.hours_text, { sessions: sessionsText, between: betweenText }) : fill(k.hours_text_no_between, { sessions: sessionsText });
  const last = active[active.length - 1];
  const children = [
    heading(1, k.title, { center: true }),
    para(participant.name, { style: "Large", center: true }),
    para(`${k.has_completed} ${group.programmeTitle}, ${fill(k.in_group, { group: group.name })}.`, { center: true }),
    heading(2, k.themes_heading),
    dataTable(
      [
        { header: w.common.session, weight: 2 },
        { header: w.common.theme, weight: 7 },
        { header: w.common.date_only, weight: 5 }
      ],
      c.sessions.map((s) => [String(s.number), themeCell(c, s), s.cancelled ? `${formatDate(s.date, lang)} (${w.common.cancelled})` : formatDate(s.date, lang)])
    ),
    labelled(k.hours, capitalise(hoursText), { spacingBefore: 240 }),
    labelled(w.common.facilitator, group.coFacilitator ? `${group.facilitator.name}, ${group.coFacilitator.name}` : group.facilitator.name),
    labelled(w.common.organisation, workspace.settings.organisation),
    ...last ? [labelled(k.completed, formatDate(last.date, lang))] : [],
    signatureLine(k.place_and_date, 0.4),
    signatureLine(fill(k.facilitator_signature, { name: group.facilitator.name }), 0.5)
  ];
  return doc(c, `${k.title} \u2013 ${participant.name}`, k.subject, children);
}

// src/core/forms/index.ts
function formsDir(workspace, groupId) {
  return `${workspace.settings.output}/${groupId}/skjema`;
}
var NAME_TOKEN = "REFLEKSxDELTAKERxNAVN";
async function formFiles(workspace, plan, wording, issuedAt, lang) {
  const c = { workspace, group: plan.group, sessions: plan.sessions, w: wording, lang };
  const dir = formsDir(workspace, plan.group.id);
  const files = [
    { path: `${dir}/planleggingsskjema.docx`, bytes: await packDocx(planningForm(c), issuedAt, lang) },
    { path: `${dir}/oppfolgingsskjema.docx`, bytes: await packDocx(followUpForm(c), issuedAt, lang) },
    { path: `${dir}/evalueringsskjema.docx`, bytes: await packDocx(evaluationForm(c), issuedAt, lang) },
    { path: `${dir}/oppmoteliste.docx`, bytes: await packDocx(attendanceList(c), issuedAt, lang) }
  ];
  const slugs = uniqueSlugs(
    plan.group.participants.map((p) => p.name),
    lang === "nb" ? "deltaker" : "participant"
  );
  const template = await docxParts(certificate(c, { name: NAME_TOKEN }), issuedAt, lang);
  for (const [i, participant] of plan.group.participants.entries()) {
    files.push({ path: `${dir}/kursbevis/${slugs[i]}.docx`, bytes: zipParts(mergeParts(template, { [NAME_TOKEN]: participant.name })) });
  }
  return files;
}
export {
  buildWording,
  formFiles,
  formsDir,
  wordingPaths
};
