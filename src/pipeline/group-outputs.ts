/**
 * One group's outputs of the requested kinds (calendar files, Word forms,
 * facilitator packs), produced in memory before anything is written. Every
 * command gets its files from here, on the main thread or in a worker, so an
 * option or a fix lands in all of them at once.
 */
import { calendarFiles, type CalendarState, type SessionOutcome } from '../core/calendar/index.js';
import type { FormWording, ShapeStore } from '../core/forms/index.js';
import type { Group, Workspace } from '../core/model.js';
import { hasErrors, InputError, type Problem } from '../core/problems.js';
import { planGroup, type GroupPlan } from '../core/schedule.js';
import { certificateProblems } from '../core/attendance.js';
import { toWallTime } from '../core/zoned-time.js';
import type { Lang } from '../core/text.js';
import type { OutputFile } from '../io/write-outputs.js';
import type { TemplateRenderer } from '../templates/engine.js';
import { planJson } from './plan-json.js';

/**
 * What a command can ask for. `pdf` is PDF/A copies of the forms, made after
 * rendering (by LibreOffice, on the main thread); a report can join later.
 */
export type OutputKind = 'calendar' | 'forms' | 'packs' | 'pdf';
/** In this order a group's files are written. */
const FILE_ORDER: readonly OutputKind[] = ['calendar', 'forms', 'pdf', 'packs'];

/** Everything a thread needs to render groups; plain data, so it can go to a worker. */
export interface RenderSettings {
  kinds: OutputKind[];
  /** Language of refleks's messages; documents take the group's or the workspace's (see buildGroup). */
  lang: Lang;
  version: string;
  /** ISO instant for document timestamps (the workspace's recorded issue time). */
  issuedAt: string;
  /** ISO instant stamped on invitations that are new or changed in this run (DTSTAMP). */
  calendarIssuedAt: string;
  strict: boolean;
  /** One invitation file per person for every group (a programme can ask for it too). */
  perPerson: boolean;
  /** --templates DIR: absolute, used before the workspace's templates. */
  templatesDir?: string;
  /** Keep each group's plan in its result (schedule prints it). */
  withPlan: boolean;
  /** Give each group's plan as the overview page keeps it (planJson), so build's overview loads no group again. */
  overviewPlans?: boolean;
  /** Stop rendering (but keep planning) once a group has failed: nothing will be written anyway. */
  allOrNothing: boolean;
}

export interface RenderTools {
  /** Only when packs are asked for (it loads Handlebars). */
  renderer?: TemplateRenderer;
  /** Where rendered form shapes are kept (memory, or memory and disk); only with forms. */
  shapes?: ShapeStore;
  /** The form wording of a programme in a document language. */
  wording(programmeId: string, lang: Lang): FormWording;
}

export interface GroupBuild {
  groupId: string;
  /** The group file, as shown to the user (`groups/sone-nord.yaml`). */
  file: string;
  files: Partial<Record<OutputKind, OutputFile[]>>;
  calendar?: { state: CalendarState; outcomes: SessionOutcome[] };
  plan?: GroupPlan;
  /** The plan as planJson made it (with `overviewPlans`). */
  overviewPlan?: string;
  problems: Problem[];
}

export function allFiles(build: Pick<GroupBuild, 'files'>): OutputFile[] {
  return FILE_ORDER.flatMap((k) => build.files[k] ?? []);
}

export interface GroupInput {
  /** The calendar state of the last run; read only when calendar files are asked for, after planning. */
  previous(): CalendarState | undefined;
  /** False: plan only, to report problems (another group has failed already). */
  render: boolean;
}

export async function buildGroup(
  ws: Workspace,
  group: Group,
  input: GroupInput,
  settings: RenderSettings,
  tools: RenderTools,
): Promise<GroupBuild> {
  const plan = planGroup(group, ws.settings, { strict: settings.strict });
  const base = { groupId: group.id, file: group.source.display, files: {}, ...(settings.withPlan ? { plan } : {}) };
  if (hasErrors(plan.problems) || !input.render) return { ...base, problems: plan.problems };
  const wants = new Set(settings.kinds);
  // What participants receive is in the group's language (or the workspace's),
  // never in the language of the command run: `--lang en` only changes
  // refleks's own messages, so it cannot rewrite invitations already sent.
  const lang = group.language ?? ws.settings.language;
  const files: GroupBuild['files'] = {};
  let calendar: GroupBuild['calendar'];
  try {
    if (wants.has('calendar')) {
      const options = { lang, version: settings.version, perPerson: settings.perPerson };
      const result = calendarFiles(ws, plan, input.previous(), new Date(settings.calendarIssuedAt), options);
      files.calendar = result.files;
      calendar = { state: result.state, outcomes: result.outcomes };
    }
    if (wants.has('forms')) {
      const { formFiles } = await import('../core/forms/index.js');
      files.forms = await formFiles(
        ws,
        plan,
        tools.wording(group.programmeId, lang),
        new Date(settings.issuedAt),
        lang,
        tools.shapes,
      );
    }
    if (wants.has('packs')) {
      const { packFiles } = await import('../core/packs/render.js');
      files.packs = packFiles(ws, plan, tools.renderer!, lang);
    }
  } catch (err) {
    // A template, wording or calendar-state error belongs to this group; the others go on.
    if (err instanceof InputError) return { ...base, problems: [...plan.problems, ...err.problems] };
    throw err;
  }
  // Who gets no certificate (or that they assume full attendance) is said where the forms are made.
  const certificates = wants.has('forms')
    ? certificateProblems(plan, toWallTime(Date.now(), ws.settings.timezone).date)
    : [];
  return {
    ...base,
    files,
    ...(calendar ? { calendar } : {}),
    ...(settings.overviewPlans ? { overviewPlan: planJson(plan) } : {}),
    problems: [...plan.problems, ...certificates],
  };
}
