/**
 * The forms of a group, laid out from its FormView: planning, follow-up (when
 * the programme has one), evaluation with the leader or by the participants,
 * attendance, and a certificate per participant. Everything the
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
  imageParagraph,
  LANDSCAPE_TEXT_WIDTH,
  langRun,
  labelled,
  para,
  signatureLine,
  TEXT_WIDTH,
  textField,
  type Cell,
  type CellParagraph,
} from './docx-kit.js';
import type { FormView, SessionShape, SessionText } from './view.js';
import { fill } from './wording.js';
import { ACTION_PARTS, ACTION_ROWS, GOAL_ANSWERS, RATING_SCALE, tags } from './fields.js';
import { formFileNames } from './shape.js';

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

function held(v: FormView): SessionShape[] {
  return v.sessions.filter((s) => !s.cancelled);
}

/** Programme content (a theme's title, goals, work): marked with its language when the document's differs. */
function content(v: FormView, text: string, opts: { bold?: boolean; size?: number } = {}): ParagraphChild {
  return langRun(text, v.contentLang, opts);
}

function contentCell(v: FormView, text: string): Cell {
  return v.contentLang ? { children: [content(v, text)] } : text;
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

/** «Samling 2: <theme>», the theme in its own language. */
function sessionTitle(c: FormView, s: SessionShape): ParagraphChild[] {
  const runs = [langRun(`${sessionName(c, s)}: `, null), content(c, s.theme.title)];
  if (s.cancelled) runs.push(langRun(` (${c.w.common.cancelled})`, null));
  return runs;
}

/** «Samling 2», «Treff 2». */
function sessionName(c: FormView, s: SessionShape): string {
  return fill(c.w.common.session_number, { number: s.number });
}

/** The theme, and in a combined group the programme it comes from under it. */
function themeCell(v: FormView, s: SessionShape): Cell {
  if (!v.combined) return contentCell(v, s.theme.title);
  const line = (text: string) => (v.contentLang ? { children: [content(v, text)] } : text);
  return [line(s.theme.title), line(textOf(v, s).programme)];
}

type FieldOpts = { multiLine?: boolean; date?: boolean };

function field(c: FormView, tag: string, alias: string, opts: FieldOpts = {}): ParagraphChild {
  return textField({
    tag,
    alias,
    placeholder: opts.date ? c.w.common.date_placeholder : c.w.common.text_placeholder,
    ...(opts.multiLine ? { multiLine: true } : {}),
    ...(opts.date ? { date: { lang: c.lang } } : {}),
  });
}

function fieldCell(c: FormView, tag: string, alias: string, opts: FieldOpts = {}): Cell {
  return { children: [field(c, tag, alias, opts)] };
}

function hourUnit(c: FormView, hours: number): string {
  return hours === 1 ? c.w.common.hour_unit : c.w.common.hours_unit;
}

function betweenPerInterval(c: FormView): string {
  const { min, max } = c.betweenSessionHours;
  const w = c.w.common;
  let text: string;
  if (max <= 0) text = w.between_sessions_none;
  else if (min === max)
    text = fill(w.between_sessions_exact, { hours: numberText(max, c.lang), unit: hourUnit(c, max) });
  else if (min <= 0) text = fill(w.between_sessions_upto, { max: numberText(max, c.lang), unit: hourUnit(c, max) });
  else text = fill(w.between_sessions_range, { min: numberText(min, c.lang), max: numberText(max, c.lang) });
  return c.voluntary && max > 0 ? `${text} (${w.between_sessions_suggestions})` : text;
}

function groupFacts(c: FormView): Table {
  const { w, text } = c;
  const rows: Cell[][] = [
    [w.common.organisation, text.organisation],
    [w.common.group, text.group],
    [w.common.programme, contentCell(c, text.programme)],
    [c.facilitatorLabel, text.facilitator],
  ];
  if (text.coFacilitator !== null) rows.push([c.coFacilitatorLabel, text.coFacilitator]);
  rows.push([w.common.leader, text.leader ?? w.common.no_leader]);
  rows.push([w.common.location, text.location]);
  if (text.period !== null) rows.push([w.common.period, text.period]);
  rows.push([
    w.common.sessions_count,
    fill(w.common.sessions_summary, { count: held(c).length, minutes: c.durationMinutes }),
  ]);
  rows.push([c.voluntary ? w.common.between_sessions_voluntary : w.common.between_sessions, betweenPerInterval(c)]);
  return dataTable(
    [
      { header: w.common.field_column, weight: 3 },
      { header: w.common.value_column, weight: 7 },
    ],
    rows,
  );
}

/** The document: `title` is both its property and its H1, and with the page number in the footer. */
function doc(
  c: FormView,
  title: string,
  subject: string,
  children: (Paragraph | Table)[],
  opts: { landscape?: boolean; large?: boolean } = {},
): Document {
  return formDocument({
    lang: c.lang,
    title,
    subject,
    organisation: c.text.organisation,
    footer: title,
    pageLabel: c.w.common.page,
    ...(opts.landscape ? { landscape: true } : {}),
    ...(opts.large ? { large: true } : {}),
    children,
  });
}

/** Room to write by hand when the form is printed: about 2.5 cm per answer. */
const ANSWER_HEIGHT = 1418;
/** About 5 cm for the open questions of the evaluations. */
const LONG_ANSWER_HEIGHT = 2835;
/** One line of handwriting in a table row: about 1.2 cm. */
const LINE_HEIGHT = 680;

function questionTable(c: FormView, questions: string[], tagPrefix: string, rowHeight = ANSWER_HEIGHT): Table {
  return dataTable(
    [
      { header: c.w.common.question_column, weight: 4 },
      { header: c.w.common.answer_column, weight: 6 },
    ],
    questions.map((q, i) => [
      q,
      fieldCell(c, questions.length === 1 ? tagPrefix : `${tagPrefix}-${i + 1}`, q, { multiLine: true }),
    ]),
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
      c.sessions.map((s) => [
        String(s.number),
        themeCell(c, s),
        sessionLines(c, s),
        s.leaderInvited ? w.common.yes_value : '–',
      ]),
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
    children.push(
      heading(2, p.frame_heading),
      questionTable(c, p.frame, 'ramme'),
      heading(2, p.questions_heading),
      questionTable(c, p.questions, 'avtale'),
    );
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
    if (n > 1)
      rows.push([
        f.tried,
        fieldCell(c, tags.followUp(n, 'utprovd'), `${sessionName(c, s)}: ${f.tried}`, { multiLine: true }),
      ]);
    rows.push([
      f.experiences,
      fieldCell(c, tags.followUp(n, 'erfaringer'), `${sessionName(c, s)}: ${f.experiences}`, { multiLine: true }),
    ]);
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
      ...s.betweenSessions.map(
        (item) => new Paragraph({ indent: { left: 284 }, children: [langRun('– ', null), content(c, item)] }),
      ),
      heading(3, f.actions_heading),
      dataTable(
        [
          { header: f.action, weight: 5 },
          { header: f.owner, weight: 3 },
          { header: f.deadline, weight: 2 },
        ],
        Array.from({ length: ACTION_ROWS }, (_, i) => {
          const label = `${sessionName(c, s)}, ${f.action.toLowerCase()} ${i + 1}`;
          return [
            fieldCell(c, tags.action(n, i + 1, ACTION_PARTS[0]), label),
            fieldCell(c, tags.action(n, i + 1, ACTION_PARTS[1]), `${label}: ${f.owner.toLowerCase()}`),
            fieldCell(c, tags.action(n, i + 1, ACTION_PARTS[2]), `${label}: ${f.deadline.toLowerCase()}`, {
              date: true,
            }),
          ];
        }),
        { rowHeight: LINE_HEIGHT },
      ),
    );
  }
  return doc(c, title, f.subject, children);
}

/** A row of checkboxes, one per choice, for a rating or a yes/partly/no. */
function choiceCells(choices: readonly (readonly [tag: string, alias: string])[]): CellParagraph[] {
  return choices.map(([tag, alias]) => ({ children: [checkBox({ tag, alias })] }));
}

/** The evaluation with the leader. Only sessions that were held have goals to reach and a theme to rate. */
export function evaluationForm(c: FormView): Document {
  const { w, text } = c;
  const e = w.evaluation;
  const title = `${e.title} – ${text.group}`;
  const children: (Paragraph | Table)[] = [
    heading(1, title),
    para(e.intro),
    groupFacts(c),
    heading(2, e.goals_heading),
  ];
  const labels = { ja: e.reached, delvis: e.partly, nei: e.not_reached };
  const choices = GOAL_ANSWERS.map((answer) => [answer, labels[answer]] as const);
  for (const s of held(c)) {
    const goals = s.theme.goals;
    if (!goals.length) continue;
    children.push(heading(3, sessionTitle(c, s)));
    children.push(
      dataTable(
        [
          { header: e.goal_column, weight: 7 },
          ...choices.map(([, label]) => ({ header: label, weight: 1.2, align: 'center' as const })),
        ],
        goals.map((goal, gi) => [
          contentCell(c, goal),
          ...choiceCells(
            choices.map(
              ([tag, label]) =>
                [
                  tags.goal(s.number, gi + 1, tag),
                  `${sessionName(c, s)}, ${e.goal_column.toLowerCase()} ${gi + 1}: ${label}`,
                ] as const,
            ),
          ),
        ]),
      ),
    );
  }
  children.push(heading(3, e.goals_comment), questionTable(c, [e.goals_comment], 'mal-kommentar'));
  children.push(heading(2, e.rating_heading), para(e.rating_intro));
  const values = RATING_SCALE;
  children.push(
    dataTable(
      [
        { header: w.common.theme, weight: 6 },
        ...values.map((v) => ({ header: String(v), weight: 1, align: 'center' as const })),
      ],
      held(c).map((s) => [
        themeCell(c, s),
        ...choiceCells(
          values.map(
            (v) => [tags.rating(s.number, v), `${s.theme.title}: ${fill(e.rating_column, { value: v })}`] as const,
          ),
        ),
      ]),
      { rowHeight: LINE_HEIGHT },
    ),
  );
  children.push(heading(2, e.practice_heading), questionTable(c, [e.practice_question], 'praksis', LONG_ANSWER_HEIGHT));
  children.push(heading(2, e.continue_heading), questionTable(c, [e.continue_question], 'videre', LONG_ANSWER_HEIGHT));
  return doc(c, title, e.subject, children);
}

/**
 * The participants' own evaluation, filled in by hand and anonymously: large
 * print, plain questions, no name anywhere, a box per question.
 */
export function participantEvaluationForm(c: FormView): Document {
  const { w, text } = c;
  const e = w.participant_evaluation;
  const children: (Paragraph | Table)[] = [
    heading(1, e.title),
    para([content(c, text.programme, { bold: true })]),
    para(e.intro),
    heading(2, e.rating_heading),
    para(e.rating_intro),
  ];
  const values = [1, 2, 3, 4, 5];
  children.push(
    dataTable(
      [
        { header: w.common.theme, weight: 5 },
        ...values.map((v) => ({ header: String(v), weight: 1, align: 'center' as const })),
      ],
      held(c).map((s) => [
        themeCell(c, s),
        ...choiceCells(
          values.map(
            (v) =>
              [`deltaker-tema-${s.number}-${v}`, `${s.theme.title}: ${fill(e.rating_column, { value: v })}`] as const,
          ),
        ),
      ]),
      { rowHeight: LINE_HEIGHT },
    ),
    heading(2, e.overall_heading),
  );
  const overall = [
    ['deltaker-helhet-ja', e.overall_yes],
    ['deltaker-helhet-delvis', e.overall_partly],
    ['deltaker-helhet-nei', e.overall_no],
  ] as const;
  children.push(
    dataTable(
      [
        { header: w.common.question_column, weight: 5 },
        ...overall.map(([, label]) => ({ header: label, weight: 1.4, align: 'center' as const })),
      ],
      [
        [
          e.overall_question,
          ...choiceCells(overall.map(([tag, label]) => [tag, `${e.overall_question} ${label}`] as const)),
        ],
      ],
      { rowHeight: LINE_HEIGHT },
    ),
    heading(2, e.questions_heading),
  );
  children.push(
    dataTable(
      [
        { header: w.common.question_column, weight: 3 },
        { header: w.common.answer_column, weight: 7 },
      ],
      e.questions.map((q, i) => [q, fieldCell(c, `deltaker-sporsmal-${i + 1}`, q, { multiLine: true })]),
      { rowHeight: LONG_ANSWER_HEIGHT },
    ),
  );
  children.push(para(e.thanks, { spacingBefore: 240 }));
  return doc(c, `${e.title} – ${text.group}`, e.subject, children, { large: true });
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
        header: [sessionName(c, s), textOf(c, s).shortDate, ...(s.cancelled ? [`(${w.common.cancelled})`] : [])],
        weight: 1,
        align: 'center' as const,
      })),
    ],
    text.participants.map((p, pi) => [
      p.name,
      ...c.sessions.map((s): Cell =>
        s.cancelled
          ? a.cancelled_cell
          : {
              children: [
                checkBox({
                  tag: tags.present(pi + 1, s.number),
                  alias: `${p.name}, ${sessionName(c, s).toLowerCase()}`,
                }),
              ],
            },
      ),
    ]),
    { total, rowHeight: 454 },
  );
  const children: (Paragraph | Table)[] = [
    heading(1, title),
    labelled(w.common.programme, [content(c, text.programme)]),
    labelled(
      c.text.coFacilitatorName !== null && c.coFacilitatorRole === c.facilitatorRole
        ? c.facilitatorsLabel
        : c.facilitatorLabel,
      text.facilitatorNames,
    ),
    labelled(w.common.location, text.location),
    para(a.intro),
    table,
  ];
  return doc(c, title, a.subject, children, { landscape });
}

/** Room above a signature line: about 0.9 cm to sign in, so four signers still leave the certificate one page. */
const SIGNATURE_SPACE = 500;

/** «12 timer», «inntil 5 timer», «4–8 timer»: hours of sessions or between them, for a sentence. */
function hoursText(c: FormView, min: number, max: number): string {
  const k = c.w.certificate;
  const unit = hourUnit(c, max);
  if (min === max) return `${numberText(max, c.lang)} ${unit}`;
  if (min <= 0) return `${fill(k.between_upto, { max: numberText(max, c.lang) })} ${unit}`;
  return `${numberText(min, c.lang)}–${numberText(max, c.lang)} ${unit}`;
}

/**
 * A participant's certificate, designed to be handed over rather than filled
 * in: one A4 page, centred, the logo when the workspace has one, the name
 * large, what the course covered and who signs. No header, no page number.
 * `name` is one of `v.text.participants`' names (or the merge's token for it);
 * the sessions listed are `v.certificateSessions`.
 */
export function certificate(c: FormView, name: string): Document {
  const { w, text, lang } = c;
  const k = w.certificate;
  const listed = c.sessions.filter((s) => !s.cancelled && c.certificateSessions.includes(s.number));
  const minutes = listed.reduce((sum, s) => sum + s.durationMinutes, 0);
  const hours = minutes / 60;
  const sessionsText = listed.length === 1 ? k.one_session : fill(k.many_sessions, { count: listed.length });
  const intervals = Math.max(0, listed.length - 1);
  const min = c.betweenSessionHours.min * intervals;
  const max = c.betweenSessionHours.max * intervals;
  // Suggestions a programme calls voluntary are no part of what was completed.
  const scope =
    max > 0 && !c.voluntary
      ? fill(k.scope_between, {
          sessions_text: sessionsText,
          hours: hoursText(c, hours, hours),
          between: hoursText(c, min, max),
        })
      : fill(k.scope, { sessions_text: sessionsText, hours: hoursText(c, hours, hours) });
  const signers: string[] = [fill(k.signature, { name: text.facilitatorName, role: c.facilitatorRole })];
  if (text.coFacilitatorName !== null)
    signers.push(fill(k.signature, { name: text.coFacilitatorName, role: c.coFacilitatorRole }));
  if (text.leaderName !== null) signers.push(fill(k.signature, { name: text.leaderName, role: k.leader_role }));
  // Signature lines in a row need different widths, or LibreOffice joins their borders into one box.
  const widths = [0.62, 0.6, 0.58, 0.56];
  const children: (Paragraph | Table)[] = [
    ...(c.logo ? [imageParagraph(c.logo, k.logo)] : []),
    para(fill(k.at_organisation, { organisation: text.organisation }), { center: true, spacingAfter: 240 }),
    heading(1, [new TextRun({ text: k.title, size: 64 })], { center: true, spacing: { before: 0, after: 240 } }),
    para(k.confirms, { center: true }),
    para(name, { style: 'Large', center: true }),
    para(k.has_completed, { center: true, spacingAfter: 60 }),
    para([content(c, text.programme, { bold: true, size: 28 })], { center: true, spacingAfter: 60 }),
    para(fill(k.in_group, { group: text.group }), { center: true, spacingAfter: 60 }),
    ...(text.period !== null ? [para(text.period, { center: true })] : []),
    heading(2, k.themes_heading, { center: true }),
    dataTable(
      [
        { header: w.common.theme, weight: 8 },
        { header: w.common.date_only, weight: 4 },
        { header: k.hours_column, weight: 1.2, align: 'center' },
      ],
      listed.map((s) => [themeCell(c, s), textOf(c, s).date, numberText(s.durationMinutes / 60, lang)]),
      { plain: true },
    ),
    para(capitalise(scope), { center: true, spacingBefore: 240 }),
    signatureLine(k.place_and_date, widths[0], SIGNATURE_SPACE),
    ...signers.map((signer, i) => signatureLine(signer, widths[i + 1], SIGNATURE_SPACE)),
  ];
  return formDocument({
    lang: c.lang,
    title: `${k.title} – ${name}`,
    subject: k.subject,
    organisation: text.organisation,
    pageLabel: w.common.page,
    children,
  });
}

/**
 * The forms a view's programme uses, by file name, in order: planning, the
 * follow-up when the programme has one, the evaluation with the leader or by
 * the participants, attendance. Certificates are made per participant.
 */
export function formDocuments(v: FormView): [file: string, doc: Document][] {
  const make: Record<string, (v: FormView) => Document> = {
    'planleggingsskjema.docx': planningForm,
    'oppfolgingsskjema.docx': followUpForm,
    'deltakerevaluering.docx': participantEvaluationForm,
    'evalueringsskjema.docx': evaluationForm,
    'oppmoteliste.docx': attendanceList,
  };
  return formFileNames(v).map((file) => [file, make[file]!(v)]);
}
