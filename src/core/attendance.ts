/**
 * Attendance and who gets a certificate. Pure: a group's plan and what was
 * recorded in, per participant the sessions attended and whether that meets
 * the certificate rule out.
 */
import type { Attendance, Person } from './model.js';
import type { GroupPlan, PlannedSession } from './schedule.js';
import { yamlFlowString } from './yaml-text.js';
import { schemaRef } from './schema-comment.js';
import type { Problem } from './problems.js';
import { t } from './text.js';

/** Without a rule, coming once is enough for a certificate listing that once. */
export const DEFAULT_MIN_SESSIONS = 1;

export interface CertificateStanding {
  participant: Person;
  index: number;
  /** Sessions attended (recorded), or every session held when nothing is recorded. */
  attended: PlannedSession[];
  eligible: boolean;
}

export interface CertificatePlan {
  /** False when no attendance is recorded: certificates then assume full attendance. */
  recorded: boolean;
  minSessions: number;
  standings: CertificateStanding[];
  /** Sessions held (date before today, not cancelled) with no attendance recorded. */
  unrecorded: PlannedSession[];
}

export function activeSessions(plan: GroupPlan): PlannedSession[] {
  return plan.sessions.filter((s) => !s.cancelled);
}

/** Whether anything has been recorded for this group. */
export function hasAttendance(a: Attendance | undefined): a is Attendance {
  return !!a && a.sessions.size > 0;
}

export function certificatePlan(plan: GroupPlan, today?: string): CertificatePlan {
  const { group } = plan;
  const active = activeSessions(plan);
  const a = group.attendance;
  const minSessions = group.certificate?.minSessions ?? DEFAULT_MIN_SESSIONS;
  const held = today ? active.filter((s) => s.date < today) : active;
  const unrecorded = hasAttendance(a) || today ? held.filter((s) => !a?.sessions.has(s.number)) : [];
  if (!hasAttendance(a)) {
    return {
      recorded: false,
      minSessions,
      unrecorded,
      standings: group.participants.map((p, index) => ({ participant: p, index, attended: active, eligible: true })),
    };
  }
  const standings = group.participants.map((p, index) => {
    const attended = active.filter((s) => a.sessions.get(s.number)?.includes(index));
    return { participant: p, index, attended, eligible: attended.length >= minSessions };
  });
  return { recorded: true, minSessions, unrecorded, standings };
}

/** Attendance per session: how many came of how many, for recorded sessions. */
export function attendanceCounts(plan: GroupPlan): { session: PlannedSession; present?: number }[] {
  const a = plan.group.attendance;
  return activeSessions(plan).map((s) => {
    const list = a?.sessions.get(s.number);
    return list ? { session: s, present: list.length } : { session: s };
  });
}

/**
 * The attendance file's text: a comment saying what it is, then one line per
 * recorded session, names as in the group file, so `git diff` shows who came.
 */
export function attendanceYaml(plan: GroupPlan, sessions: Map<number, number[]>): string {
  const { group } = plan;
  const lines = [
    `# yaml-language-server: $schema=${schemaRef(`attendance/${group.id}.yaml`, 'attendance.schema.json')}`,
    `# Oppmøte for ${group.name} (${group.source.display}): hvem som kom på hver samling.`,
    `# Skrevet av «refleks attendance»; rett gjerne for hånd. En samling som mangler, er ikke registrert.`,
    'sessions:',
  ];
  for (const number of [...sessions.keys()].sort((a, b) => a - b)) {
    const names = sessions
      .get(number)!
      .slice()
      .sort((a, b) => a - b)
      .map((i) => yamlFlowString(group.participants[i]!.name));
    lines.push(`  ${number}: [${names.join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

/**
 * What `build` says about certificates: who can no longer reach the rule
 * (and so gets none), or, with nothing recorded once sessions were held,
 * that the certificates assume full attendance.
 */
export function certificateProblems(plan: GroupPlan, today: string): Problem[] {
  const { group } = plan;
  const cert = certificatePlan(plan);
  const active = activeSessions(plan);
  if (!cert.recorded) {
    if (!active.some((s) => s.date < today)) return [];
    return [
      {
        severity: 'warning',
        file: group.source.display,
        message: t(
          'ikke noe oppmøte er registrert, så kursbevisene forutsetter at alle var med på alt',
          'no attendance is recorded, so the certificates assume everyone came to every session',
        ),
        hint: t(
          `Registrer med «refleks attendance ${group.id} SAMLING NAVN…».`,
          `Record it with "refleks attendance ${group.id} SESSION NAME…".`,
        ),
      },
    ];
  }
  const left = active.filter((s) => !group.attendance!.sessions.has(s.number) && s.date >= today).length;
  const short = cert.standings.filter((st) => st.attended.length + left < cert.minSessions);
  if (!short.length) return [];
  const file = group.attendance!.source.display;
  return [
    {
      severity: 'warning',
      file,
      message: t(
        `får ikke kursbevis (minst ${cert.minSessions} samlinger): ${short.map((st) => `${st.participant.name} (${st.attended.length} av ${active.length})`).join(', ')}`,
        `no certificate (at least ${cert.minSessions} sessions): ${short.map((st) => `${st.participant.name} (${st.attended.length} of ${active.length})`).join(', ')}`,
      ),
    },
  ];
}
