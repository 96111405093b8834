/**
 * The workspace overview, `ut/index.html`: every group on one timeline (a
 * row per group, a mark per session, moved and cancelled sessions drawn
 * differently and named in words), what needs attention (the same list as
 * `refleks status`), and links to each group's files. Self-contained, no
 * scripts; the page a coordinator keeps open.
 */
import { formatDate, formatShortDate } from '../format-date.js';
import type { GroupPlan } from '../schedule.js';
import { t, type Lang } from '../text.js';
import { esc } from '../report/svg.js';
import { REPORT_CSS } from '../report/html.js';
import type { Overview } from './overview.js';

export interface OverviewLinks {
  /** The report exists (ut/rapport/rapport.html). */
  report: boolean;
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const MONTHS: Record<Lang, string[]> = {
  nb: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

function timeline(plans: GroupPlan[], today: string, lang: Lang): string {
  const L = (nb: string, en: string) => t(nb, en)[lang];
  const dates = plans.flatMap((p) => p.sessions.flatMap((s) => [s.date, ...(s.moved ? [s.moved.from] : [])]));
  if (!dates.length) return '';
  const first = Math.min(...dates.map(dayNumber), dayNumber(today)) - 7;
  const last = Math.max(...dates.map(dayNumber), dayNumber(today)) + 7;
  const labelWidth = 190;
  const plot = 480;
  const row = 30;
  const top = 28;
  const width = labelWidth + plot + 20;
  const height = top + plans.length * row + 10;
  const x = (date: string) => labelWidth + ((dayNumber(date) - first) / (last - first)) * plot;
  const parts: string[] = [];
  // Month ticks.
  for (let d = first; d <= last; d++) {
    const iso = isoOf(d);
    if (!iso.endsWith('-01')) continue;
    const px = x(iso).toFixed(1);
    parts.push(`<line x1="${px}" y1="${top - 6}" x2="${px}" y2="${height - 6}" stroke="#bfbfbf"/>`);
    parts.push(
      `<text x="${px}" y="${top - 10}" text-anchor="middle">${MONTHS[lang][Number(iso.slice(5, 7)) - 1]}${iso.slice(5, 7) === '01' ? ` ${iso.slice(0, 4)}` : ''}</text>`,
    );
  }
  const tx = x(today).toFixed(1);
  parts.push(
    `<line x1="${tx}" y1="${top - 6}" x2="${tx}" y2="${height - 6}" stroke="#c00000" stroke-width="2" stroke-dasharray="4 3"/>`,
  );
  plans.forEach((p, i) => {
    const y = top + i * row + row / 2;
    const name = p.group.name.length > 28 ? `${p.group.name.slice(0, 27)}…` : p.group.name;
    parts.push(`<text x="${labelWidth - 8}" y="${y + 4}" text-anchor="end">${esc(name)}</text>`);
    parts.push(`<line x1="${labelWidth}" y1="${y}" x2="${labelWidth + plot}" y2="${y}" stroke="#d9d9d9"/>`);
    for (const s of p.sessions) {
      const sx = x(s.date);
      if (s.moved) {
        const fx = x(s.moved.from);
        parts.push(
          `<line x1="${fx.toFixed(1)}" y1="${y}" x2="${sx.toFixed(1)}" y2="${y}" stroke="#7f6000" stroke-width="2"/>`,
        );
        parts.push(`<circle cx="${fx.toFixed(1)}" cy="${y}" r="4" fill="#fff" stroke="#7f6000" stroke-width="1.5"/>`);
      }
      if (s.cancelled) {
        parts.push(
          `<path d="M${(sx - 5).toFixed(1)} ${y - 5}l10 10M${(sx + 5).toFixed(1)} ${y - 5}l-10 10" stroke="#c00000" stroke-width="2.5"/>`,
        );
      } else if (s.moved) {
        parts.push(
          `<rect x="${(sx - 5).toFixed(1)}" y="${y - 5}" width="10" height="10" transform="rotate(45 ${sx.toFixed(1)} ${y})" fill="#7f6000"/>`,
        );
      } else {
        parts.push(
          `<circle cx="${sx.toFixed(1)}" cy="${y}" r="5.5" fill="${s.date < today ? '#1f3864' : '#fff'}" stroke="#1f3864" stroke-width="2"/>`,
        );
      }
    }
  });
  const description = plans
    .map(
      (p) =>
        `${p.group.name}: ${p.sessions.map((s) => `${L('samling', 'session')} ${s.number} ${formatShortDate(s.date, lang)}${s.cancelled ? ` (${L('avlyst', 'cancelled')})` : s.moved ? ` (${L('flyttet fra', 'moved from')} ${formatShortDate(s.moved.from, lang)})` : ''}`).join(', ')}`,
    )
    .join('. ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="tl-t tl-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Calibri, Arial, sans-serif" font-size="12" fill="#000">` +
    `<title id="tl-t">${esc(L('Tidslinje for alle grupper', 'Timeline of all groups'))}</title><desc id="tl-d">${esc(description)}</desc>${parts.join('')}</svg>`
  );
}

export function overviewPage(
  organisation: string,
  plans: GroupPlan[],
  ov: Overview,
  lang: Lang,
  links: OverviewLinks,
): string {
  const L = (nb: string, en: string) => t(nb, en)[lang];
  const title = `${L('Oversikt', 'Overview')} – ${organisation}`;
  const phase = {
    'not-started': L('ikke startet', 'not started'),
    running: L('pågår', 'running'),
    finished: L('ferdig', 'finished'),
  };
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'nb' ? 'nb' : 'en'}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="refleks-date" content="${ov.today}"><title>${esc(title)}</title><style>${REPORT_CSS}
  .legend span { margin-right: 1.2em; white-space: nowrap; }</style></head>`,
    '<body><main>',
    `<h1>${esc(title)}</h1>`,
    `<p>${L('Per', 'As of')} ${esc(formatDate(ov.today, lang))}. ${L('Siden lages av «refleks build»; «refleks status» viser det samme i terminalen.', 'Made by "refleks build"; "refleks status" shows the same in the terminal.')}</p>`,
    `<h2>${L('Tidslinje', 'Timeline')}</h2>`,
    `<figure>${timeline(plans, ov.today, lang)}<figcaption class="legend"><span>● ${L('samling (fylt: holdt)', 'session (filled: held)')}</span><span>◆ ${L('flyttet (○ opprinnelig dato)', 'moved (○ original date)')}</span><span>✕ ${L('avlyst', 'cancelled')}</span><span>┆ ${L('i dag', 'today')}</span></figcaption></figure>`,
    `<h2>${L('Trenger oppmerksomhet', 'Needs attention')}</h2>`,
  ];
  const attention = ov.groups.filter((g) => g.attention.length);
  if (!attention.length) out.push(`<p>${L('Ingenting akkurat nå.', 'Nothing right now.')}</p>`);
  for (const g of attention) {
    out.push(`<h3>${esc(g.name)}</h3><ul>${g.attention.map((a) => `<li>${esc(a[lang])}</li>`).join('')}</ul>`);
  }
  out.push(`<h2>${L('Grupper', 'Groups')}</h2>`);
  out.push(
    `<table><thead><tr><th scope="col">${L('Gruppe', 'Group')}</th><th scope="col">${L('Status', 'Status')}</th><th scope="col">${L('Neste samling', 'Next session')}</th><th scope="col">${L('Filer', 'Files')}</th></tr></thead><tbody>`,
  );
  for (const g of ov.groups) {
    const id = encodeURIComponent(g.id);
    const files = [
      `<a href="${id}/kalender.ics">${L('kalender', 'calendar')}</a>`,
      `<a href="${id}/invitasjoner/">${L('invitasjoner', 'invitations')}</a>`,
      `<a href="${id}/skjema/">${L('skjema', 'forms')}</a>`,
      `<a href="${id}/veileder/index.html">${L('veilederhefte', 'facilitator pack')}</a>`,
      ...(links.report ? [`<a href="rapport/rapport.html#g-${id}">${L('rapport', 'report')}</a>`] : []),
    ];
    const next = g.next ? formatDate(g.next.date, lang) : '–';
    out.push(
      `<tr><th scope="row">${esc(g.name)}</th><td>${phase[g.phase]} (${g.held}/${g.total})</td><td>${esc(next)}</td><td>${files.join(' · ')}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  if (!links.report)
    out.push(
      `<p>${L('Rapporten fra evalueringen lages med «refleks report» når skjemaene er fylt ut.', 'The evaluation report is made with "refleks report" once the forms are filled in.')}</p>`,
    );
  out.push('</main></body></html>', '');
  return out.join('\n');
}
