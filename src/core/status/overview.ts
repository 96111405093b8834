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
import { certificatePlan } from '../attendance.js';

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
  /** Who gets a certificate; `assumed` when no attendance is recorded (everyone, for every session). */
  certificates: {
    assumed: boolean;
    minSessions: number;
    eligible: string[];
    short: { name: string; attended: number }[];
  };
}

export interface OverviewOptions {
  /** Groups with filled-in forms handed back (utfylt/<group>/): their evaluation is done. */
  evaluated?: ReadonlySet<string>;
}

export interface Overview {
  today: string;
  days: number;
  upcoming: UpcomingSession[];
  groups: GroupStatus[];
}

export function overview(
  plans: GroupPlan[],
  today: string,
  days: number,
  extra: Map<string, Text[]> = new Map(),
  opts: OverviewOptions = {},
): Overview {
  const until = addDays(today, days);
  const upcoming: UpcomingSession[] = [];
  const groups: GroupStatus[] = [];
  for (const plan of plans) {
    const active = plan.sessions.filter((s) => !s.cancelled);
    for (const s of active) {
      if (s.date >= today && s.date < until)
        upcoming.push({ groupId: plan.group.id, groupName: plan.group.name, session: s, of: plan.sessions.length });
    }
    const held = active.filter((s) => s.date < today).length;
    const phase: GroupPhase = held === 0 ? 'not-started' : held === active.length ? 'finished' : 'running';
    const attention: Text[] = [];
    if (phase !== 'finished') {
      for (const p of plan.problems) attention.push(problemText(p));
      for (const s of plan.sessions) {
        if (s.moved && s.date >= today) {
          attention.push(
            t(
              `samling ${s.number} er flyttet fra ${formatDate(s.moved.from, 'nb')} (${s.moved.reason.nb}) til ${formatDate(s.date, 'nb')}`,
              `session ${s.number} moved from ${formatDate(s.moved.from, 'en')} (${s.moved.reason.en}) to ${formatDate(s.date, 'en')}`,
            ),
          );
        }
      }
      attention.push(...(extra.get(plan.group.id) ?? []));
    }
    const cert = certificatePlan(plan, today);
    const certificates = {
      assumed: !cert.recorded,
      minSessions: cert.minSessions,
      eligible: cert.standings.filter((st) => st.eligible).map((st) => st.participant.name),
      short: cert.standings
        .filter((st) => !st.eligible)
        .map((st) => ({ name: st.participant.name, attended: st.attended.length })),
    };
    if (cert.recorded && cert.unrecorded.length) {
      const list = cert.unrecorded.map((s) => s.number).join(', ');
      attention.push(
        t(
          `oppmøte er ikke registrert for samling ${list} (refleks attendance ${plan.group.id} …)`,
          `attendance is not recorded for session ${list} (refleks attendance ${plan.group.id} …)`,
        ),
      );
    }
    if (phase === 'finished')
      attention.push(...endOfCourse(plan, cert, opts.evaluated?.has(plan.group.id) ?? false, active.length));
    const next = active.find((s) => s.date >= today);
    groups.push({
      id: plan.group.id,
      name: plan.group.name,
      phase,
      held,
      total: active.length,
      ...(next ? { next } : {}),
      attention,
      certificates,
    });
  }
  upcoming.sort((a, b) =>
    a.session.startUtc < b.session.startUtc
      ? -1
      : a.session.startUtc > b.session.startUtc
        ? 1
        : a.groupId < b.groupId
          ? -1
          : 1,
  );
  return { today, days, upcoming, groups };
}

/** After the last session: the evaluation with the leader, attendance, certificates. */
function endOfCourse(
  plan: GroupPlan,
  cert: ReturnType<typeof certificatePlan>,
  evaluated: boolean,
  sessions: number,
): Text[] {
  const id = plan.group.id;
  const out: Text[] = [];
  if (!evaluated) {
    out.push(
      t(
        `kurset er ferdig: avtal evalueringsmøtet med ${plan.group.leader?.name ?? 'leder'} (evalueringsskjema.docx), og legg utfylte skjema i utfylt/${id}/ for «refleks report»`,
        `the course is over: arrange the evaluation meeting with ${plan.group.leader?.name ?? 'the leader'} (evalueringsskjema.docx), and put filled-in forms in utfylt/${id}/ for "refleks report"`,
      ),
    );
  }
  if (!cert.recorded) {
    out.push(
      t(
        `oppmøte er ikke registrert: kursbevisene forutsetter at alle var med på alt (refleks attendance ${id} …)`,
        `no attendance recorded: the certificates assume everyone came to every session (refleks attendance ${id} …)`,
      ),
    );
  }
  const eligible = cert.standings.filter((st) => st.eligible);
  if (eligible.length)
    out.push(
      t(
        `${eligible.length} kursbevis å skrive ut og signere (skjema/kursbevis/)`,
        `${eligible.length} certificates to print and sign (skjema/kursbevis/)`,
      ),
    );
  const short = cert.standings.filter((st) => !st.eligible);
  if (short.length) {
    const names = short.map((st) => `${st.participant.name} (${st.attended.length} av ${sessions})`).join(', ');
    const namesEn = short.map((st) => `${st.participant.name} (${st.attended.length} of ${sessions})`).join(', ');
    out.push(
      t(
        `får ikke kursbevis, under ${cert.minSessions} samlinger: ${names}`,
        `no certificate, fewer than ${cert.minSessions} sessions: ${namesEn}`,
      ),
    );
  }
  return out;
}

function problemText(p: Problem): Text {
  const field = p.field ? `${p.field}: ` : '';
  return { nb: field + p.message.nb, en: field + p.message.en };
}
