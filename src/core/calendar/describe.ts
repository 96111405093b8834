/**
 * The plan and the calendar outcome as lines for the terminal, shared by
 * `schedule`, `build` and `status`. Pure: no printing here.
 */
import { formatDate, formatSessionTime } from '../format-date.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import { themeLabel } from './session-event.js';
import type { SessionOutcome } from './index.js';

const SHORT = 110;

function shorten(text: string, max = SHORT): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}

export function describePlan(plan: GroupPlan, lang: Lang): string[] {
  const nb = lang === 'nb';
  const { group } = plan;
  const count = plan.sessions.length;
  const lines = [
    `${group.name} (${group.id}) – ${group.programmeTitle}, ${count} ${nb ? (count === 1 ? 'samling' : 'samlinger') : count === 1 ? 'session' : 'sessions'}`,
  ];
  lines.push(`  ${nb ? 'Sted' : 'Place'}: ${group.location.text}`);
  for (const s of plan.sessions) {
    const when = formatSessionTime(s.date, s.start, s.end, lang);
    lines.push(
      `  ${s.number}. ${when} · ${themeLabel(group, s, lang)}${s.cancelled ? (nb ? ' (AVLYST)' : ' (CANCELLED)') : ''}`,
    );
    const indent = ' '.repeat(String(s.number).length + 4);
    if (s.postponed) {
      lines.push(`${indent}${nb ? 'utsatt fra' : 'postponed from'} ${formatDate(s.postponed.from, lang)}`);
    }
    if (s.moved) {
      lines.push(
        `${indent}${nb ? 'flyttet fra' : 'moved from'} ${formatDate(s.moved.from, lang)}: ${s.moved.reason[lang]}`,
      );
    }
    if (s.location.text !== group.location.text || s.location.url !== group.location.url) {
      lines.push(`${indent}${nb ? 'sted' : 'place'}: ${s.location.text || s.location.url}`);
    }
    if (s.note) lines.push(`${indent}${nb ? 'merk' : 'note'}: ${s.note}`);
    if (s.leaderInvited && group.leader) lines.push(`${indent}${nb ? 'leder inviteres' : 'leader invited'}`);
    if (s.betweenSessions.length) {
      lines.push(
        `${indent}${nb ? 'egenarbeid' : 'between sessions'}: ${shorten(s.betweenSessions.map((i) => (/[.!?…:]$/.test(i.trim()) ? i.trim() : `${i.trim()}.`)).join(' '))}`,
      );
    }
  }
  return lines;
}

const LABELS: Record<'new' | 'changed' | 'cancelled' | 'unchanged', { nb: string; en: string }> = {
  new: { nb: 'nye', en: 'new' },
  changed: { nb: 'endret', en: 'changed' },
  cancelled: { nb: 'avlyst', en: 'cancelled' },
  unchanged: { nb: 'uendret', en: 'unchanged' },
};

/**
 * «sone-nord: nye 1, 2, 3 · endret – · avlyst – · uendret –» and a line telling
 * the coordinator which files to send.
 */
export function describeOutcomes(
  groupId: string,
  outcomes: SessionOutcome[],
  lang: Lang,
  opts: { dryRun?: boolean } = {},
): string[] {
  const nb = lang === 'nb';
  const by = { new: [] as number[], changed: [] as number[], cancelled: [] as number[], unchanged: [] as number[] };
  for (const o of outcomes) {
    if (o.outcome === 'new' || o.outcome === 'changed' || o.outcome === 'cancelled') by[o.outcome].push(o.number);
    else if (o.outcome === 'unchanged' || o.outcome === 'already-cancelled') by.unchanged.push(o.number);
  }
  const part = (k: keyof typeof by) => `${LABELS[k][lang]} ${by[k].length ? by[k].join(', ') : '–'}`;
  const lines = [
    `${groupId}: ${nb ? 'invitasjoner' : 'invitations'} ${(['new', 'changed', 'cancelled', 'unchanged'] as const).map(part).join(' · ')}`,
  ];
  const relanguaged = outcomes.filter((o) => o.lang);
  if (relanguaged.length) {
    const name = (l: Lang) => (l === 'nb' ? (nb ? 'bokmål' : 'Norwegian') : nb ? 'engelsk' : 'English');
    const { from, to } = relanguaged[0]!.lang!;
    const which = relanguaged.map((o) => o.number).join(', ');
    lines.push(
      `  ${nb ? 'språket er endret fra' : 'the language changed from'} ${name(from)} ${nb ? 'til' : 'to'} ${name(to)} (${nb ? 'samling' : 'session'} ${which}): ${nb ? 'invitasjonene sendes på nytt' : 'the invitations go out again'}`,
    );
  }
  // One line for everyone who gets a CANCEL of their own, with the sessions.
  const removed = new Map<string, number[]>();
  for (const o of outcomes)
    for (const r of o.removed ?? []) removed.set(r.name, [...(removed.get(r.name) ?? []), o.number]);
  if (removed.size) {
    const who = [...removed].map(([name, ns]) => `${name} (${nb ? 'samling' : 'session'} ${ns.join(', ')})`).join(', ');
    lines.push(
      `  ${nb ? 'avlysning til' : 'cancellation to'} ${who}: ${nb ? 'ikke lenger i gruppen, eller ny e-postadresse' : 'no longer in the group, or a new e-mail address'}`,
    );
  }
  const toSend = outcomes.filter((o) => o.outcome === 'new' || o.outcome === 'changed' || o.outcome === 'cancelled');
  const removedFiles = outcomes.flatMap((o) => (o.removed ?? []).flatMap((r) => r.files));
  if (toSend.length) {
    const verb = opts.dryRun ? (nb ? 'ville sendt' : 'would send') : 'send';
    const files = [...toSend.flatMap((o) => o.files), ...removedFiles];
    const folder = commonFolder(files);
    const list =
      files.length <= 6
        ? files.map((f) => f.slice(folder.length)).join(', ')
        : `${files.length} ${nb ? 'filer' : 'files'}`;
    lines.push(`  ${verb} ${folder} ${list}`);
  } else {
    lines.push(`  ${nb ? 'ingenting nytt å sende' : 'nothing new to send'}`);
  }
  return lines;
}

function commonFolder(paths: string[]): string {
  if (!paths.length) return '';
  let prefix = paths[0]!.split('/').slice(0, -1);
  for (const p of paths) {
    const parts = p.split('/');
    let i = 0;
    while (i < prefix.length && prefix[i] === parts[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.join('/') + '/';
}
