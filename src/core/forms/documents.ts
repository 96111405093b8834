/**
 * The five forms of a group, laid out from its FormView. Everything the
 * workspace knows is written in; what people must decide or record is a
 * fillable field. All wording comes from the FormWording data, never from here.
 *
 * The rule that makes the mail merge sound (see view.ts): a string of
 * `v.text` is written out exactly as it is. Put it into a run, a field alias
 * or a `fill()`, join it with other text, but never change it, look inside it
 * or compare it: anything that depends on the group's text is decided in
 * `formView` and reaches here as a flag, a number or a null.
 */
import { Paragraph, Table, TextRun, type Document, type ParagraphChild } from 'docx';
import type { Lang } from '../text.js';
import {
  checkBox,
  dataTable,
  formDocument,
  heading,
  LANDSCAPE_TEXT_WIDTH,
  labelled,
  para,
  signatureLine,
  TEXT_WIDTH,
  textField,
  type Cell,
} from './docx-kit.js';
import type { FormView, SessionShape, SessionText } from './view.js';
import { fill } from './wording.js';
import { ACTION_PARTS, ACTION_ROWS, GOAL_ANSWERS, RATING_SCALE, tags } from './fields.js';

export type { FormView } from './view.js';

/** More sessions than this turn the attendance list to landscape, so the date columns stay readable. */
const PORTRAIT_MAX_SESSIONS = 4;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function numberText(n: number, lang: Lang): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', lang === 'nb' ? ',' : '.');
}

/** A session's text: `v.text.sessions` runs alongside `v.sessions`. */
function textOf(v: FormView, s: SessionShape): SessionText {
  return v.text.sessions[v.sessions.indexOf(s)]!;
}

/** Date, time and anything unusual about a session, one line each. */
function sessionLines(v: FormView, s: SessionShape): string[] {
  const t = textOf(v, s);
  const lines = [s.cancelled ? `${t.time} (${v.w.common.cancelled})` : t.time];
  if (t.moved) lines.push(fill(v.w.common.moved, { date: t.moved.date, reason: t.moved.reason }));
  if (t.place !== null) lines.push(t.place);
  if (t.note !== null) lines.push(t.note);
  return lines;
}

function sessionTitle(c: FormView, s: SessionShape): string {
  const base = `${fill(c.w.common.session_number, { number: s.number })}: ${s.theme.title}`;
  return s.cancelled ? `${base} (${c.w.common.cancelled})` : base;
}

function themeCell(v: FormView, s: SessionShape): Cell {
  return v.combined ? [s.theme.title, textOf(v, s).programme] : s.theme.title;
}

function field(c: FormView, tag: string, alias: string, opts: { multiLine?: boolean; date?: boolean } = {}): ParagraphChild {
  return textField({
    tag,
    alias,
    placeholder: opts.date ? c.w.common.date_placeholder : c.w.common.text_placeholder,
    ...(opts.multiLine ? { multiLine: true } : {}),
    ...(opts.date ? { date: { lang: c.lang } } : {}),
  });
}

function fieldCell(c: FormView, tag: string, alias: string, opts: { multiLine?: boolean; date?: boolean } = {}): Cell {
  return { children: [field(c, tag, alias, opts)] };
}

function hourUnit(c: FormView, hours: number): string {
  return hours === 1 ? c.w.common.hour_unit : c.w.common.hours_unit;
}

function betweenPerInterval(c: FormView): string {
  const { min, max } = c.betweenSessionHours;
  const w = c.w.common;
  if (max <= 0) return w.between_sessions_none;
  if (min === max) return fill(w.between_sessions_exact, { hours: numberText(max, c.lang), unit: hourUnit(c, max) });
  if (min <= 0) return fill(w.between_sessions_upto, { max: numberText(max, c.lang), unit: hourUnit(c, max) });
  return fill(w.between_sessions_range, { min: numberText(min, c.lang), max: numberText(max, c.lang) });
}

function groupFacts(c: FormView): Table {
  const { w, text } = c;
  const rows: Cell[][] = [
    [w.common.organisation, text.organisation],
    [w.common.group, text.group],
    [w.common.programme, text.programme],
    [w.common.facilitator, text.facilitator],
  ];
  if (text.coFacilitator !== null) rows.push([c.coFacilitatorLabel, text.coFacilitator]);
  rows.push([w.common.leader, text.leader ?? w.common.no_leader]);
  rows.push([w.common.location, text.location]);
  if (text.period !== null) rows.push([w.common.period, text.period]);
  rows.push([w.common.sessions_count, fill(w.common.sessions_summary, { count: c.sessions.length, minutes: c.durationMinutes })]);
  rows.push([w.common.between_sessions, betweenPerInterval(c)]);
  return dataTable(
    [
      { header: w.common.field_column, weight: 3 },
      { header: w.common.value_column, weight: 7 },
    ],
    rows,
  );
}

/** The document: `title` is both its property and its H1, and with the page number in the footer. */
function doc(c: FormView, title: string, subject: string, children: (Paragraph | Table)[], opts: { landscape?: boolean } = {}): Document {
  return formDocument({
    lang: c.lang,
    title,
    subject,
    organisation: c.text.organisation,
    footer: title,
    pageLabel: c.w.common.page,
    ...(opts.landscape ? { landscape: true } : {}),
    children,
  });
}

/** Room to write by hand when the form is printed: about 2 cm per answer. */
const ANSWER_HEIGHT = 1134;
/** About 4 cm for the open questions of the evaluation. */
const LONG_ANSWER_HEIGHT = 2268;
const LINE_HEIGHT = 567;

function questionTable(c: FormView, questions: string[], tagPrefix: string, rowHeight = ANSWER_HEIGHT): Table {
  return dataTable(
    [
      { header: c.w.common.question_column, weight: 4 },
      { header: c.w.common.answer_column, weight: 6 },
    ],
    questions.map((q, i) => [q, fieldCell(c, questions.length === 1 ? tagPrefix : `${tagPrefix}-${i + 1}`, q, { multiLine: true })]),
    { rowHeight },
  );
}

export function planningForm(c: FormView): Document {
  const { w, text } = c;
  const p = w.planning;
  const title = `${p.title} – ${text.group}`;
  const children: (Paragraph | Table)[] = [
    heading(1, title),
    para(p.intro),
    labelled(p.meeting_date, [field(c, 'planlegging-dato', p.meeting_date, { date: true })]),
    labelled(p.present, [field(c, 'planlegging-til-stede', p.present)]),
    heading(2, p.group_heading),
    groupFacts(c),
    heading(2, p.participants_heading),
    dataTable(
      [
        { header: w.common.number, weight: 1 },
        { header: w.common.name, weight: 5 },
        { header: w.common.role, weight: 6 },
      ],
      text.participants.map((pp, i) => [String(i + 1), pp.name, pp.detail]),
    ),
    heading(2, p.programme_heading),
    dataTable(
      [
        { header: w.common.session, weight: 2 },
        { header: w.common.theme, weight: 4.4 },
        { header: w.common.date, weight: 6.6 },
        { header: w.common.leader_joins, weight: 1.7, align: 'center' },
      ],
      c.sessions.map((s) => [String(s.number), themeCell(c, s), sessionLines(c, s), s.leaderInvited ? w.common.yes_value : '–']),
    ),
  ];
  if (c.didactic) {
    const d = p.didactic;
    const elements = [
      ['malgruppe', d.target_group],
      ['mal', d.goals],
      ['rammefaktorer', d.frame],
      ['innhold', d.content],
      ['metoder', d.methods],
      ['evaluering', d.evaluation],
    ] as const;
    children.push(
      heading(2, p.didactic_heading),
      para(p.didactic_intro),
      dataTable(
        [
          { header: p.didactic_element_column, weight: 4 },
          { header: p.didactic_plan_column, weight: 6 },
        ],
        elements.map(([tag, e]) => [
          [{ children: [new TextRun({ text: e.label, bold: true })] }, { children: [new TextRun(e.question)] }],
          fieldCell(c, `didaktikk-${tag}`, e.label, { multiLine: true }),
        ]),
        { rowHeight: ANSWER_HEIGHT },
      ),
    );
  } else {
    children.push(heading(2, p.frame_heading), questionTable(c, p.frame, 'ramme'), heading(2, p.questions_heading), questionTable(c, p.questions, 'avtale'));
  }
  return doc(c, title, p.subject, children);
}

export function followUpForm(c: FormView): Document {
  const { w, text } = c;
  const f = w.follow_up;
  const title = `${f.title} – ${text.group}`;
  const children: (Paragraph | Table)[] = [heading(1, title), para(f.intro)];
  for (const s of c.sessions) {
    children.push(heading(2, sessionTitle(c, s)));
    for (const line of sessionLines(c, s)) children.push(para(line));
    if (s.cancelled) {
      children.push(para(f.cancelled_text));
      continue;
    }
    const n = s.number;
    const rows: Cell[][] = [];
    if (n > 1) rows.push([f.tried, fieldCell(c, tags.followUp(n, 'utprovd'), `${fill(w.common.session_number, { number: n })}: ${f.tried}`, { multiLine: true })]);
    rows.push([f.experiences, fieldCell(c, tags.followUp(n, 'erfaringer'), `${fill(w.common.session_number, { number: n })}: ${f.experiences}`, { multiLine: true })]);
    children.push(
      dataTable(
        [
          { header: w.common.question_column, weight: 4 },
          { header: w.common.answer_column, weight: 6 },
        ],
        rows,
        { rowHeight: ANSWER_HEIGHT },
      ),
      labelled(f.homework, s.betweenSessions.length ? '' : f.no_homework, { spacingBefore: 200 }),
      ...s.betweenSessions.map((item) => new Paragraph({ indent: { left: 284 }, children: [new TextRun(`– ${item}`)] })),
      heading(3, f.actions_heading),
      dataTable(
        [
          { header: f.action, weight: 5 },
          { header: f.owner, weight: 3 },
          { header: f.deadline, weight: 2 },
        ],
        Array.from({ length: ACTION_ROWS }, (_, i) => {
          const label = `${fill(w.common.session_number, { number: n })}, ${f.action.toLowerCase()} ${i + 1}`;
          return [
            fieldCell(c, tags.action(n, i + 1, ACTION_PARTS[0]), label),
            fieldCell(c, tags.action(n, i + 1, ACTION_PARTS[1]), `${label}: ${f.owner.toLowerCase()}`),
            fieldCell(c, tags.action(n, i + 1, ACTION_PARTS[2]), `${label}: ${f.deadline.toLowerCase()}`, { date: true }),
          ];
        }),
        { rowHeight: LINE_HEIGHT },
      ),
    );
  }
  return doc(c, title, f.subject, children);
}

export function evaluationForm(c: FormView): Document {
  const { w, text } = c;
  const e = w.evaluation;
  const title = `${e.title} – ${text.group}`;
  const children: (Paragraph | Table)[] = [heading(1, title), para(e.intro), groupFacts(c), heading(2, e.goals_heading)];
  for (const s of c.sessions) {
    const goals = s.theme.goals;
    if (!goals.length) continue;
    children.push(heading(3, sessionTitle(c, s)));
    const labels = { ja: e.reached, delvis: e.partly, nei: e.not_reached };
    const choices = GOAL_ANSWERS.map((answer) => [answer, labels[answer]] as const);
    children.push(
      dataTable(
        [{ header: e.goal_column, weight: 7 }, ...choices.map(([, label]) => ({ header: label, weight: 1.2, align: 'center' as const }))],
        goals.map((goal, gi) => [
          goal,
          ...choices.map(([tag, label]) => ({ children: [checkBox({ tag: tags.goal(s.number, gi + 1, tag), alias: `${fill(w.common.session_number, { number: s.number })}, ${e.goal_column.toLowerCase()} ${gi + 1}: ${label}` })] })),
        ]),
      ),
    );
  }
  children.push(heading(3, e.goals_comment), questionTable(c, [e.goals_comment], 'mal-kommentar'));
  children.push(heading(2, e.rating_heading), para(e.rating_intro));
  const values = RATING_SCALE;
  children.push(
    dataTable(
      [{ header: w.common.theme, weight: 6 }, ...values.map((v) => ({ header: String(v), weight: 1, align: 'center' as const }))],
      c.sessions.map((s) => [
        themeCell(c, s),
        ...values.map((v) => ({ children: [checkBox({ tag: tags.rating(s.number, v), alias: `${s.theme.title}: ${fill(e.rating_column, { value: v })}` })] })),
      ]),
    ),
  );
  children.push(heading(2, e.practice_heading), questionTable(c, [e.practice_question], 'praksis', LONG_ANSWER_HEIGHT));
  children.push(heading(2, e.continue_heading), questionTable(c, [e.continue_question], 'videre', LONG_ANSWER_HEIGHT));
  return doc(c, title, e.subject, children);
}

export function attendanceList(c: FormView): Document {
  const { w, text } = c;
  const a = w.attendance;
  const title = `${a.title} – ${text.group}`;
  const landscape = c.sessions.length > PORTRAIT_MAX_SESSIONS;
  const total = landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const nameWeight = Math.max(2, c.sessions.length * 0.35);
  const table = dataTable(
    [
      { header: w.common.participant, weight: nameWeight },
      ...c.sessions.map((s) => ({
        header: [fill(w.common.session_number, { number: s.number }), textOf(c, s).shortDate, ...(s.cancelled ? [`(${w.common.cancelled})`] : [])],
        weight: 1,
        align: 'center' as const,
      })),
    ],
    text.participants.map((p, pi) => [
      p.name,
      ...c.sessions.map((s): Cell =>
        s.cancelled ? a.cancelled_cell : { children: [checkBox({ tag: tags.present(pi + 1, s.number), alias: `${p.name}, ${fill(w.common.session_number, { number: s.number }).toLowerCase()}` })] },
      ),
    ]),
    { total, rowHeight: 454 },
  );
  const children: (Paragraph | Table)[] = [
    heading(1, title),
    labelled(w.common.programme, text.programme),
    labelled(w.common.facilitator, text.facilitatorNames),
    labelled(w.common.location, text.location),
    para(a.intro),
    table,
  ];
  return doc(c, title, a.subject, children, { landscape });
}

function certificateDate(v: FormView, s: SessionShape): string {
  const date = textOf(v, s).date;
  return s.cancelled ? `${date} (${v.w.common.cancelled})` : date;
}

/** A participant's certificate; `name` is one of `v.text.participants`' names (or the merge's token for it). */
export function certificate(c: FormView, name: string): Document {
  const { w, text, lang } = c;
  const k = w.certificate;
  const active = c.sessions.filter((s) => !s.cancelled);
  const minutes = active.reduce((sum, s) => sum + s.durationMinutes, 0);
  const hours = minutes / 60;
  const unit = (h: number) => hourUnit(c, h);
  const sessionsText = `${numberText(hours, lang)} ${unit(hours)}`;
  const intervals = Math.max(0, active.length - 1);
  const min = c.betweenSessionHours.min * intervals;
  const max = c.betweenSessionHours.max * intervals;
  const betweenText =
    max <= 0 ? undefined : min === max ? `${numberText(max, lang)} ${unit(max)}` : min <= 0 ? `${fill(k.between_upto, { max: numberText(max, lang) })} ${unit(max)}` : `${numberText(min, lang)}–${numberText(max, lang)} ${unit(max)}`;
  const hoursText = betweenText ? fill(k.hours_text, { sessions: sessionsText, between: betweenText }) : fill(k.hours_text_no_between, { sessions: sessionsText });
  const children: (Paragraph | Table)[] = [
    heading(1, k.title, { center: true }),
    para(name, { style: 'Large', center: true }),
    para(`${k.has_completed} ${text.programme}, ${fill(k.in_group, { group: text.group })}.`, { center: true }),
    heading(2, k.themes_heading),
    dataTable(
      [
        { header: w.common.session, weight: 2 },
        { header: w.common.theme, weight: 7 },
        { header: w.common.date_only, weight: 5 },
      ],
      c.sessions.map((s) => [String(s.number), themeCell(c, s), certificateDate(c, s)]),
    ),
    labelled(k.hours, capitalise(hoursText), { spacingBefore: 240 }),
    labelled(w.common.facilitator, text.facilitatorNames),
    labelled(w.common.organisation, text.organisation),
    ...(text.completed !== null ? [labelled(k.completed, text.completed)] : []),
    signatureLine(k.place_and_date, 0.4),
    signatureLine(fill(k.facilitator_signature, { name: text.facilitatorName }), 0.5),
  ];
  return doc(c, `${k.title} – ${name}`, k.subject, children);
}
