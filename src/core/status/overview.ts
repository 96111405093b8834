/**
 * What happens next across a workspace: the sessions of the coming days,
 * groups that need attention, groups not started, running and finished.
 * Pure: plans and a date in, a summary out.
 */
import type { Problem } from '../problems.js';
import type { GroupPlan, PlannedSession } from '../schedule.js';
import type { Text } from '../text.js';
import { t } from '../text.js';
import { addDays } from '../zoned-time.js';
import { formatDate } from '../format-date.js';

export type GroupPhase = 'not-started' | 'running' | 'finished';

export interface UpcomingSession {
  groupId: string;
  groupName: string;
  session: PlannedSession;
  of: number;
}

export interface GroupStatus {
  id: string;
  name: string;
  phase: GroupPhase;
  /** Sessions held (date before today), not cancelled. */
  held: number;
  total: number;
  next?: PlannedSession;
  attention: Text[];
}

export interface Overview {
  today: string;
  days: number;
  upcoming: UpcomingSession[];
  groups: GroupStatus[];
}

export function overview(plans: GroupPlan[], today: string, days: number, extra: Map<string, Text[]> = new Map()): Overview {
  const until = addDays(today, days);
  const upcoming: UpcomingSession[] = [];
  const groups: GroupStatus[] = [];
  for (const plan of plans) {
    const active = plan.sessions.filter((s) => !s.cancelled);
    for (const s of active) {
      if (s.date >= today && s.date < until) upcoming.push({ groupId: plan.group.id, groupName: plan.group.name, session: s, of: plan.sessions.length });
    }
    const held = active.filter((s) => s.date < today).length;
    const phase: GroupPhase = held === 0 ? 'not-started' : held === active.length ? 'finished' : 'running';
    const attention: Text[] = [];
    if (phase !== 'finished') {
      for (const p of plan.problems) attention.push(problemText(p));
      for (const s of plan.sessions) {
        if (s.moved && s.date >= today) {
          attention.push(t(
            `samling ${s.number} er flyttet fra ${formatDate(s.moved.from, 'nb')} (${s.moved.reason.nb}) til ${formatDate(s.date, 'nb')}`,
            `session ${s.number} moved from ${formatDate(s.moved.from, 'en')} (${s.moved.reason.en}) to ${formatDate(s.date, 'en')}`,
          ));
        }
      }
      attention.push(...(extra.get(plan.group.id) ?? []));
    }
    const next = active.find((s) => s.date >= today);
    groups.push({ id: plan.group.id, name: plan.group.name, phase, held, total: active.length, ...(next ? { next } : {}), attention });
  }
  upcoming.sort((a, b) => (a.session.startUtc < b.session.startUtc ? -1 : a.session.startUtc > b.session.startUtc ? 1 : a.groupId < b.groupId ? -1 : 1));
  return { today, days, upcoming, groups };
}

function problemText(p: Problem): Text {
  const field = p.field ? `${p.field}: ` : '';
  return { nb: field + p.message.nb, en: field + p.message.en };
}
