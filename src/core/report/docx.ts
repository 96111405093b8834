/**
 * The report as a Word document for the leader: the same model as the HTML
 * page, built from the forms' building blocks (real headings, table header
 * rows, document language and title), so it is as accessible as the forms.
 */
import { TextRun, type Paragraph, type Table } from 'docx';
import { dataTable, docxParts, formDocument, heading, para } from '../forms/docx-kit.js';
import { zipParts } from '../forms/zip.js';
import { formatDate, formatShortDate } from '../format-date.js';
import { t, type Lang } from '../text.js';
import { numberText } from './html.js';
import { mean, type WorkspaceReport } from './model.js';

export async function reportDocx(r: WorkspaceReport, lang: Lang, issuedAt: Date): Promise<Uint8Array> {
  const L = (nb: string, en: string) => t(nb, en)[lang];
  const title = `${L('Rapport', 'Report')} – ${r.organisation}`;
  const children: (Paragraph | Table)[] = [
    heading(1, title),
    para(
      `${L('Laget', 'Made')} ${formatDate(r.today, lang)} ${L(`fra ${r.groups.length} grupper`, `from ${r.groups.length} groups`)}.`,
    ),
    para(
      L(
        'Fritekstsvarene kommer fra de utfylte skjemaene som er nevnt under hver gruppe, og kan inneholde personopplysninger. Rapporten er laget på denne maskinen; ingenting er sendt noe sted.',
        'The free-text answers come from the filled-in forms named under each group and may hold personal data. The report was made on this machine; nothing was sent anywhere.',
      ),
    ),
  ];
  if (r.themes.length) {
    children.push(
      heading(2, L('Vurdering per tema, alle grupper', 'Rating per theme, all groups')),
      dataTable(
        [
          { header: L('Tema', 'Theme'), weight: 6 },
          { header: L('Snitt (1–5)', 'Mean (1–5)'), weight: 2, align: 'center' },
          { header: L('Svar', 'Answers'), weight: 2, align: 'center' },
        ],
        r.themes.map((th) => [th.theme, numberText(th.mean, lang), String(th.values.length)]),
      ),
    );
  }
  for (const g of r.groups) {
    children.push(heading(2, g.name), para(g.programmeTitle));
    if (g.attendanceRecorded) {
      const active = g.sessions.filter((s) => !s.cancelled);
      children.push(
        heading(3, L('Oppmøte', 'Attendance')),
        dataTable(
          [
            { header: L('Samling', 'Session'), weight: 4 },
            { header: L('Til stede', 'Present'), weight: 3, align: 'center' },
          ],
          active.map((s) => [
            `${s.number} (${formatShortDate(s.date, lang)})`,
            s.present === undefined
              ? L('ikke registrert', 'not recorded')
              : `${s.present} ${L('av', 'of')} ${g.people.length}`,
          ]),
        ),
        // A paragraph between the tables, or LibreOffice and Word join them into one.
        para(
          L(
            `Per deltaker (kursbevis for minst ${g.minSessions} samlinger):`,
            `Per participant (certificate for at least ${g.minSessions} sessions):`,
          ),
          { spacingBefore: 200 },
        ),
        dataTable(
          [
            { header: L('Deltaker', 'Participant'), weight: 5 },
            { header: L('Samlinger', 'Sessions'), weight: 4 },
            { header: L('Kursbevis', 'Certificate'), weight: 2, align: 'center' },
          ],
          g.people.map((p) => [p.name, p.attended.join(', ') || '–', p.eligible ? L('ja', 'yes') : L('nei', 'no')]),
        ),
      );
    } else {
      children.push(
        heading(3, L('Oppmøte', 'Attendance')),
        para(
          L(
            'Oppmøte er ikke registrert; kursbevisene forutsetter at alle var med på alt.',
            'No attendance recorded; the certificates assume everyone came to every session.',
          ),
        ),
      );
    }
    const rated = g.ratings.filter((x) => x.values.length);
    children.push(heading(3, L('Vurdering av temaene', 'Rating of the themes')));
    if (rated.length) {
      children.push(
        dataTable(
          [
            { header: L('Tema', 'Theme'), weight: 6 },
            { header: L('Snitt (1–5)', 'Mean (1–5)'), weight: 2, align: 'center' },
            { header: L('Svar', 'Answers'), weight: 2, align: 'center' },
          ],
          g.ratings.map((x) => [`${x.session}. ${x.theme}`, numberText(mean(x.values), lang), String(x.values.length)]),
        ),
      );
    } else
      children.push(para(L('Ingen vurderinger lest fra evalueringsskjema.', 'No ratings read from evaluation forms.')));
    children.push(heading(3, L('Svar med egne ord', 'Answers in their own words')));
    if (!g.texts.length) children.push(para(L('Ingen fritekstsvar.', 'No free-text answers.')));
    for (const a of g.texts) {
      children.push(
        para([
          new TextRun({
            text: `${a.session ? `${L('Samling', 'Session')} ${a.session}: ` : ''}${a.question[lang]}`,
            bold: true,
          }),
        ]),
        para(a.answer),
      );
    }
    children.push(heading(3, L('Tiltak som følges opp', 'Actions being followed up')));
    if (g.actions.length) {
      children.push(
        dataTable(
          [
            { header: L('Tiltak', 'Action'), weight: 5 },
            { header: L('Ansvarlig', 'Owner'), weight: 3 },
            { header: L('Frist', 'Deadline'), weight: 3 },
          ],
          g.actions.map((a) => [
            `${a.session}: ${a.action}`,
            a.owner || '–',
            `${a.deadlineIso ? formatDate(a.deadlineIso, lang) : a.deadline || '–'}${a.overdue ? ` (${L('forfalt', 'overdue')})` : ''}`,
          ]),
        ),
      );
    } else children.push(para(L('Ingen tiltak lest fra oppfølgingsskjema.', 'No actions read from follow-up forms.')));
    children.push(para(`${L('Kilder', 'Sources')}: ${g.files.join(', ') || '–'}`));
    for (const n of g.notes) children.push(para(`${n.file}: ${n.text[lang]}`));
  }
  const doc = formDocument({
    lang,
    title,
    subject: L('Rapport fra refleksjonsgruppene', 'Report from the reflection groups'),
    organisation: r.organisation,
    footer: title,
    pageLabel: L('Side {current} av {total}', 'Page {current} of {total}'),
    children,
  });
  return zipParts(await docxParts(doc, issuedAt, lang));
}
