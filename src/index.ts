/**
 * refleks as a library: the pure core behind the CLI. Load a workspace, plan
 * its groups, and produce calendar files, forms and packs as bytes; writing
 * them is up to you (or to `writeOutputs`).
 *
 *   import { loadWorkspace, planGroup, calendarFiles } from 'refleks';
 */
export type * from './core/model.js';
export type { Problem, Severity } from './core/problems.js';
export { formatProblem, hasErrors, InputError, UsageError } from './core/problems.js';
export type { Lang, Text } from './core/text.js';
export {
  findWorkspaceRoot,
  loadProgrammes,
  loadSettings,
  loadWorkspace,
  type LoadOptions,
  type LoadResult,
} from './load/workspace.js';
export { jsonSchemas } from './load/json-schemas.js';
export { dateConflict, planGroup, type GroupPlan, type PlannedSession, type PlanOptions } from './core/schedule.js';
export { publicHoliday } from './core/holidays.js';
export { formatDate, formatSessionTime, formatShortDate, formatTime } from './core/format-date.js';
export {
  calendarFiles,
  type CalendarOptions,
  type CalendarResult,
  type CalendarState,
  type SessionOutcome,
} from './core/calendar/index.js';
export { describePlan } from './core/calendar/describe.js';
export { overview, type Overview } from './core/status/overview.js';
export { parseRoster } from './load/roster.js';
export type { OutputFile } from './core/output.js';
export { writeOutputs, type WriteReport } from './io/write-outputs.js';

/** Word forms (loads docx when called). */
export async function formFiles(...args: Parameters<typeof import('./core/forms/index.js').formFiles>) {
  return (await import('./core/forms/index.js')).formFiles(...args);
}

/** Facilitator packs (loads Handlebars when called). */
export async function packFiles(...args: Parameters<typeof import('./core/packs/render.js').packFiles>) {
  return (await import('./core/packs/render.js')).packFiles(...args);
}
