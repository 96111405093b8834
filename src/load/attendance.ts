/**
 * `attendance/<group>.yaml`: who came to which session. Validated like every
 * other file, with file:line:column; a name that is not in the group gets a
 * «did you mean».
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attendance, Group, Person } from '../core/model.js';
import type { Problem } from '../core/problems.js';
import { t } from '../core/text.js';
import { closest } from './did-you-mean.js';
import { FAIL, type Ctx, type Issue } from './schema.js';
import { attendanceSchema } from './schemas.js';
import { parseYaml } from './yaml-file.js';

export const ATTENDANCE_DIR = 'attendance';

export function attendancePath(groupId: string): string {
  return `${ATTENDANCE_DIR}/${groupId}.yaml`;
}

/** A participant by name or e-mail as written in the group file (case and extra spaces do not matter). */
export function findParticipant(participants: readonly Person[], text: string): number | undefined {
  const key = text.trim().replace(/\s+/g, ' ').toLowerCase();
  const i = participants.findIndex((p) => p.name.toLowerCase() === key || p.email?.toLowerCase() === key);
  return i < 0 ? undefined : i;
}

export function suggestParticipant(participants: readonly Person[], text: string): string | undefined {
  return closest(text.trim(), [
    ...participants.map((p) => p.name),
    ...participants.flatMap((p) => (p.email ? [p.email] : [])),
  ]);
}

/** Reads a group's attendance, if the file exists. */
export function loadAttendance(root: string, group: Group): { attendance?: Attendance; problems: Problem[] } {
  const display = attendancePath(group.id);
  const path = join(root, display);
  if (!existsSync(path)) return { problems: [] };
  const { file, problems } = parseYaml(display, readFileSync(path));
  if (!file) return { problems };
  const ctx: Ctx = { issues: [] };
  const warnings: Issue[] = [];
  const raw = attendanceSchema.parse(file.data ?? {}, [], ctx);
  if (raw === FAIL) return { problems: [...problems, ...file.problems(ctx.issues)] };
  const count = group.themes.length;
  const sessions = new Map<number, number[]>();
  for (const [number, names] of raw.sessions) {
    const path = ['sessions', String(number)];
    if (number > count) {
      ctx.issues.push({
        path,
        onKey: true,
        message: t(
          `samling ${number} finnes ikke: gruppen har ${count} samlinger`,
          `session ${number} does not exist: the group has ${count} sessions`,
        ),
        hint: t(`Bruk et samlingsnummer fra 1 til ${count}.`, `Use a session number from 1 to ${count}.`),
      });
      continue;
    }
    if (group.overrides.get(number)?.cancelled && names.length) {
      warnings.push({
        path,
        onKey: true,
        message: t(`samling ${number} er avlyst, men har oppmøte`, `session ${number} is cancelled but has attendance`),
      });
    }
    const present: number[] = [];
    names.forEach((name, i) => {
      const index = findParticipant(group.participants, name);
      if (index === undefined) {
        const guess = suggestParticipant(group.participants, name);
        ctx.issues.push({
          path: [...path, i],
          message: t(
            `«${name}» er ikke deltaker i ${group.source.display}`,
            `"${name}" is not a participant in ${group.source.display}`,
          ),
          hint: guess
            ? t(`Mente du «${guess}»?`, `Did you mean "${guess}"?`)
            : t(
                'Skriv navnet eller e-postadressen slik den står i gruppefilen.',
                'Write the name or e-mail address as it is in the group file.',
              ),
        });
      } else if (present.includes(index)) {
        warnings.push({
          path: [...path, i],
          message: t(
            `${group.participants[index]!.name} står to ganger`,
            `${group.participants[index]!.name} is listed twice`,
          ),
        });
      } else {
        present.push(index);
      }
    });
    sessions.set(
      number,
      present.sort((a, b) => a - b),
    );
  }
  const all = [...problems, ...file.problems(ctx.issues), ...file.problems(warnings, 'warning')];
  if (ctx.issues.length) return { problems: all };
  return { attendance: { sessions, source: { origin: 'workspace', path, display } }, problems: all };
}
