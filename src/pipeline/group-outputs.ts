/**
 * One group's complete output set: calendar files, Word forms and facilitator
 * packs, produced in memory before anything is written. `refleks build` calls
 * this for every changed group, on the main thread or in a worker; the single
 * commands call the same core functions, so the bytes are the same.
 */
import { calendarFiles, type CalendarState, type SessionOutcome } from '../core/calendar/index.js';
import type { FormWording, ShapeStore } from '../core/forms/index.js';
import type { Group, Workspace } from '../core/model.js';
import { hasErrors, InputError, type Problem } from '../core/problems.js';
import { planGroup } from '../core/schedule.js';
import { certificateProblems } from '../core/attendance.js';
import { toWallTime } from '../core/zoned-time.js';
import type { Lang } from '../core/text.js';
import type { OutputFile } from '../io/write-outputs.js';
import type { TemplateRenderer } from '../templates/engine.js';

export interface BuildSettings {
  lang: Lang;
  version: string;
  /** ISO instant for document timestamps (the workspace's recorded issue time). */
  issuedAt: string;
  /** ISO instant stamped on invitations that are new or changed in this run (DTSTAMP). */
  calendarIssuedAt: string;
  strict: boolean;
  perPerson: boolean;
}

export interface BuildTools {
  renderer: TemplateRenderer;
  /** Where rendered form shapes are kept (memory, or memory and disk). */
  shapes: ShapeStore;
  wording(programmeId: string): FormWording;
}

export interface GroupBuild {
  groupId: string;
  /** The group file, as shown to the user (`groups/sone-nord.yaml`). */
  file: string;
  files: OutputFile[];
  calendar?: { state: CalendarState; outcomes: SessionOutcome[] };
  problems: Problem[];
}

export async function buildGroup(ws: Workspace, group: Group, previous: CalendarState | undefined, settings: BuildSettings, tools: BuildTools): Promise<GroupBuild> {
  const plan = planGroup(group, ws.settings, { strict: settings.strict });
  if (hasErrors(plan.problems)) return { groupId: group.id, file: group.source.display, files: [], problems: plan.problems };
  const issuedAt = new Date(settings.issuedAt);
  try {
    const { formFiles } = await import('../core/forms/index.js');
    const { packFiles } = await import('../core/packs/render.js');
    const calendar = calendarFiles(ws, plan, previous, new Date(settings.calendarIssuedAt), { lang: settings.lang, version: settings.version, perPerson: settings.perPerson });
    const forms = await formFiles(ws, plan, tools.wording(group.programmeId), issuedAt, settings.lang, tools.shapes);
    const packs = packFiles(ws, plan, tools.renderer, settings.lang);
    return {
      groupId: group.id,
      file: group.source.display,
      files: [...calendar.files, ...forms, ...packs],
      calendar: { state: calendar.state, outcomes: calendar.outcomes },
      problems: [...plan.problems, ...certificateProblems(plan, toWallTime(Date.now(), ws.settings.timezone).date)],
    };
  } catch (err) {
    // A template or wording error belongs to this group; the others go on.
    if (err instanceof InputError) return { groupId: group.id, file: group.source.display, files: [], problems: [...plan.problems, ...err.problems] };
    throw err;
  }
}
