/**
 * The report as one self-contained HTML page: inline styles and SVG, no
 * scripts, no fonts or images from elsewhere, printable on A4. Headings,
 * table headers and chart descriptions are there for screen readers.
 */
import { formatDate, formatShortDate } from '../format-date.js';
import type { Lang } from '../text.js';
import { t } from '../text.js';
import { barChart, esc } from './svg.js';
import { mean, type GroupSection, type WorkspaceReport } from './model.js';

export function numberText(n: number, lang: Lang, digits = 1): string {
  return Number.isNaN(n) ? '–' : n.toFixed(digits).replace('.', lang === 'nb' ? ',' : '.');
}

export const REPORT_CSS = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: Calibri, Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #000; background: #fff; max-width: 178mm; margin: 0 auto; padding: 1em; }
  h1, h2, h3 { color: #1f3864; line-height: 1.2; }
  h1 { font-size: 20pt; } h2 { font-size: 16pt; margin-top: 1.6em; } h3 { font-size: 13pt; }
  table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 10pt; }
  th, td { border: 1px solid #000; padding: 3px 6px; text-align: left; vertical-align: top; }
  thead th { background: #d9e2f3; }
  td.num, th.num { text-align: right; }
  svg { max-width: 100%; height: auto; }
  .note { border-left: 4px solid #1f3864; padding: 0.2em 0.8em; background: #f2f2f2; }
  .small { font-size: 9.5pt; }
  blockquote { margin: 0.3em 0 0.8em; padding-left: 0.8em; border-left: 3px solid #595959; white-space: pre-wrap; }
  a { color: #1f3864; }
  table.att th, table.att td { padding: 2px 4px; font-size: 9pt; }
  @media print { section.group { break-before: page; } a { color: #000; } }
`;

function groupHtml(g: GroupSection, lang: Lang, index: number): string {
  const L = (nb: string, en: string) => t(nb, en)[lang];
  const out: string[] = [
    `<section class="group" aria-labelledby="g-${g.id}">`,
    `<h2 id="g-${g.id}">${esc(g.name)}</h2>`,
    `<p>${esc(g.programmeTitle)}</p>`,
  ];
  out.push(`<h3>${L('Oppmøte', 'Attendance')}</h3>`);
  const total = g.people.length || undefined;
  if (!g.attendanceRecorded) {
    out.push(
      `<p class="note">${L('Oppmøte er ikke registrert for denne gruppen; kursbevisene forutsetter at alle var med på alt.', 'No attendance is recorded for this group; the certificates assume everyone came to every session.')}</p>`,
    );
  } else {
    const active = g.sessions.filter((s) => !s.cancelled);
    const bars = active.map((s) => ({
      label: `${L('Samling', 'Session')} ${s.number} (${formatShortDate(s.date, lang)})`,
      value: s.present ?? 0,
      valueText:
        s.present === undefined ? L('ikke registrert', 'not recorded') : `${s.present} ${L('av', 'of')} ${total}`,
      ...(s.present === undefined ? { missing: true } : {}),
    }));
    const description = bars.map((b) => `${b.label}: ${b.valueText}`).join('; ');
    out.push(
      `<figure>${barChart(`att${index}`, L(`Oppmøte per samling – ${g.name}`, `Attendance per session – ${g.name}`), description, bars, total ?? 1)}<figcaption>${L('Hvor mange som kom på hver samling. Samme tall står i tabellen under.', 'How many came to each session. The table below has the same figures.')}</figcaption></figure>`,
    );
    out.push(
      `<table class="att"><caption>${L('Oppmøte per deltaker', 'Attendance per participant')}</caption><thead><tr><th scope="col">${L('Deltaker', 'Participant')}</th>`,
    );
    for (const s of active)
      out.push(
        `<th scope="col" class="num">${s.number}<br><span class="small">${esc(formatShortDate(s.date, lang))}</span></th>`,
      );
    out.push(
      `<th scope="col" class="num">${L('Sum', 'Total')}</th><th scope="col">${L(`Kursbevis (minst ${g.minSessions})`, `Certificate (at least ${g.minSessions})`)}</th></tr></thead><tbody>`,
    );
    for (const p of g.people) {
      out.push(`<tr><th scope="row">${esc(p.name)}</th>`);
      for (const s of active)
        out.push(
          `<td class="num">${s.present === undefined ? '–' : p.attended.includes(s.number) ? L('ja', 'yes') : L('nei', 'no')}</td>`,
        );
      out.push(
        `<td class="num">${p.attended.length}</td><td>${p.eligible ? L('ja', 'yes') : L('nei – for få samlinger', 'no – too few sessions')}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push(`<h3>${L('Vurdering av temaene', 'Rating of the themes')}</h3>`);
  const rated = g.ratings.filter((r) => r.values.length);
  if (!rated.length)
    out.push(`<p>${L('Ingen vurderinger lest fra evalueringsskjema.', 'No ratings read from evaluation forms.')}</p>`);
  else {
    out.push(
      `<table><caption>${L('Vurdering fra 1 (lite) til 5 (mye)', 'Rating from 1 (little) to 5 (much)')}</caption><thead><tr><th scope="col">${L('Samling', 'Session')}</th><th scope="col">${L('Tema', 'Theme')}</th><th scope="col" class="num">${L('Snitt', 'Mean')}</th><th scope="col" class="num">${L('Antall svar', 'Answers')}</th></tr></thead><tbody>`,
    );
    for (const r of g.ratings)
      out.push(
        `<tr><td>${r.session}</td><th scope="row">${esc(r.theme)}</th><td class="num">${numberText(mean(r.values), lang)}</td><td class="num">${r.values.length}</td></tr>`,
      );
    out.push('</tbody></table>');
  }
  if (g.goals.length) {
    out.push(
      `<h3>${L('Nådde gruppen målene?', 'Did the group reach the goals?')}</h3><table><thead><tr><th scope="col">${L('Samling', 'Session')}</th><th scope="col">${L('Mål', 'Goal')}</th><th scope="col" class="num">${L('Ja', 'Yes')}</th><th scope="col" class="num">${L('Delvis', 'Partly')}</th><th scope="col" class="num">${L('Nei', 'No')}</th></tr></thead><tbody>`,
    );
    for (const r of g.goals)
      out.push(
        `<tr><td>${r.session}</td><th scope="row">${esc(r.goal)}</th><td class="num">${r.counts.ja}</td><td class="num">${r.counts.delvis}</td><td class="num">${r.counts.nei}</td></tr>`,
      );
    out.push('</tbody></table>');
  }
  out.push(`<h3>${L('Svar med egne ord', 'Answers in their own words')}</h3>`);
  if (!g.texts.length) out.push(`<p>${L('Ingen fritekstsvar.', 'No free-text answers.')}</p>`);
  for (const a of g.texts) {
    const where = a.session ? `${L('Samling', 'Session')} ${a.session}: ` : '';
    out.push(
      `<p><strong>${esc(where + a.question[lang])}</strong> <span class="small">(${esc(a.file)})</span></p><blockquote>${esc(a.answer)}</blockquote>`,
    );
  }
  out.push(`<h3>${L('Tiltak som følges opp', 'Actions being followed up')}</h3>`);
  if (!g.actions.length)
    out.push(`<p>${L('Ingen tiltak lest fra oppfølgingsskjema.', 'No actions read from follow-up forms.')}</p>`);
  else {
    out.push(
      `<table><thead><tr><th scope="col">${L('Samling', 'Session')}</th><th scope="col">${L('Tiltak', 'Action')}</th><th scope="col">${L('Ansvarlig', 'Owner')}</th><th scope="col">${L('Frist', 'Deadline')}</th></tr></thead><tbody>`,
    );
    for (const a of g.actions) {
      const deadline = a.deadlineIso ? formatDate(a.deadlineIso, lang) : a.deadline || '–';
      out.push(
        `<tr><td>${a.session}</td><td>${esc(a.action)}</td><td>${esc(a.owner || '–')}</td><td>${esc(deadline)}${a.overdue ? ` <strong>(${L('forfalt', 'overdue')})</strong>` : ''}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push(`<h3>${L('Kilder', 'Sources')}</h3>`);
  out.push(
    `<p class="small">${g.files.length ? `${L('Lest fra', 'Read from')}: ${g.files.map(esc).join(', ')}` : L('Ingen utfylte skjema funnet.', 'No filled-in forms found.')}</p>`,
  );
  if (g.notes.length)
    out.push(`<ul class="small">${g.notes.map((n) => `<li>${esc(n.file)}: ${esc(n.text[lang])}</li>`).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}

export function reportHtml(r: WorkspaceReport, lang: Lang): string {
  const L = (nb: string, en: string) => t(nb, en)[lang];
  const title = `${L('Rapport', 'Report')} – ${r.organisation}`;
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'nb' ? 'nb' : 'en'}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${REPORT_CSS}</style></head>`,
    '<body><main>',
    `<h1>${esc(title)}</h1>`,
    `<p>${L('Laget', 'Made')} ${esc(formatDate(r.today, lang))} ${L(`fra ${r.groups.length} grupper`, `from ${r.groups.length} groups`)}.</p>`,
    `<p class="note">${L(
      'Fritekstsvarene kommer fra de utfylte skjemaene som er nevnt under hver gruppe, og kan inneholde personopplysninger. Rapporten er laget på denne maskinen; ingenting er sendt noe sted. Del den bare med dem som skal ha den.',
      'The free-text answers come from the filled-in forms named under each group and may hold personal data. The report was made on this machine; nothing was sent anywhere. Share it only with those who need it.',
    )}</p>`,
  ];
  if (r.themes.length) {
    out.push(`<h2>${L('Vurdering per tema, alle grupper', 'Rating per theme, all groups')}</h2>`);
    const bars = r.themes.map((th) => ({
      label: th.theme,
      value: th.mean,
      valueText: `${numberText(th.mean, lang)} (${th.values.length} ${L('svar', 'answers')})`,
    }));
    out.push(
      `<figure>${barChart('themes', L('Gjennomsnittlig vurdering per tema, 1 til 5', 'Mean rating per theme, 1 to 5'), bars.map((b) => `${b.label}: ${b.valueText}`).join('; '), bars, 5)}<figcaption>${L('Snitt av vurderingene fra 1 (lite) til 5 (mye) på tvers av gruppene. Samme tall står i tabellen under.', 'Mean of the ratings from 1 (little) to 5 (much) across the groups. The table below has the same figures.')}</figcaption></figure>`,
    );
    out.push(
      `<table><thead><tr><th scope="col">${L('Tema', 'Theme')}</th><th scope="col" class="num">${L('Snitt', 'Mean')}</th><th scope="col" class="num">${L('Svar', 'Answers')}</th><th scope="col" class="num">${L('Grupper', 'Groups')}</th></tr></thead><tbody>`,
    );
    for (const th of r.themes)
      out.push(
        `<tr><th scope="row">${esc(th.theme)}</th><td class="num">${numberText(th.mean, lang)}</td><td class="num">${th.values.length}</td><td class="num">${th.groups}</td></tr>`,
      );
    out.push('</tbody></table>');
  }
  r.groups.forEach((g, i) => out.push(groupHtml(g, lang, i + 1)));
  out.push('</main></body></html>', '');
  return out.join('\n');
}
