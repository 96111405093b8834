/**
 * `refleks new-group`: sets up a group file, asking in the order a coordinator
 * thinks (programme, name, people, dates, place), or taking every answer from
 * flags. The file is rendered with comments, parsed back with the same loader
 * as `validate`, planned, shown and only then written, so Ctrl+C or a bad
 * answer never leaves a file behind.
 *
 * Exit codes: 0 written (or declined), 1 the roster file's content is wrong,
 * 2 a flag is wrong or missing (also when there is no terminal to ask in),
 * 130 cancelled with Ctrl+C.
 *
 * This module runs the steps in order; each lives in new-group/, sharing the
 * session (new-group/session.ts).
 */
import type { CliContext } from './support/context.js';
import type { GroupAnswers } from '../core/group-file.js';
import { t } from '../core/text.js';
import { inquirerPrompter, PromptCancelled, type Prompter } from '../io/prompter.js';
import { writeGroup } from './new-group/finish-step.js';
import { chooseLocation } from './new-group/location-step.js';
import { chooseName } from './new-group/name-step.js';
import { chooseParticipants } from './new-group/participants-step.js';
import { choosePeople } from './new-group/people-step.js';
import { chooseProgramme } from './new-group/programme-step.js';
import { chooseSchedule } from './new-group/schedule-step.js';
import {
  openWizard,
  requireFlagsWithoutTerminal,
  type NewGroupDeps,
  type NewGroupOptions,
} from './new-group/wizard-state.js';

export { parsePersonFlag } from './new-group/people.js';
export { suggestStart } from './new-group/schedule-step.js';
export type { NewGroupDeps, NewGroupOptions } from './new-group/wizard-state.js';

export const CANCELLED = t('Avbrutt – ingenting er skrevet.', 'Cancelled – nothing was written.');

/** `deps` is for tests: a scripted prompter and a fixed today. */
export async function run(ctx: CliContext, opts: NewGroupOptions, deps?: NewGroupDeps): Promise<number> {
  try {
    return await createGroup(ctx, opts, deps ?? (ctx.isTTY ? { prompter: lazyInquirer(ctx) } : {}));
  } catch (err) {
    if (err instanceof PromptCancelled) {
      ctx.err(CANCELLED[ctx.lang]);
      return 130;
    }
    throw err;
  }
}

/** Loads @inquirer/prompts at the first question, in the language decided by then. */
function lazyInquirer(ctx: CliContext): Prompter {
  let real: Promise<Prompter> | undefined;
  const get = () => (real ??= inquirerPrompter(ctx.lang));
  return {
    input: async (q) => (await get()).input(q),
    select: async (q) => (await get()).select(q),
    checkbox: async (q) => (await get()).checkbox(q),
    confirm: async (q) => (await get()).confirm(q),
  };
}

export async function createGroup(ctx: CliContext, opts: NewGroupOptions, deps: NewGroupDeps = {}): Promise<number> {
  const s = openWizard(ctx, opts, deps);
  requireFlagsWithoutTerminal(s);
  // --- 1. Programme, or themes combined from several.
  const { choice, recommended, coLabel } = await chooseProgramme(s);
  // --- 2. Name, and the id (file name) made from it.
  const { name, id, file } = await chooseName(s);
  // --- 3. Facilitator, co-facilitator and leader.
  const { facilitator, coFacilitator, leader } = await choosePeople(s, coLabel);
  // --- 4. Participants: from flags, a roster file, or one at a time.
  const participants = await chooseParticipants(s, recommended);
  if (typeof participants === 'number') return participants;
  // --- 5. First date, time, duration and interval.
  const { start, time, duration, intervalWeeks } = await chooseSchedule(s, choice.base);
  // --- 6. Location.
  const location = await chooseLocation(s);
  // --- 7. Render, load it back exactly as `validate` would, plan, show, confirm.
  const answers: GroupAnswers = {
    name,
    // Written always: the group keeps its identity (state, UIDs, ut/ folder) if the file is renamed later.
    id,
    ...(choice.programme ? { programme: choice.programme.id } : {}),
    ...(choice.themes ? { themes: choice.themes } : {}),
    facilitator,
    ...(coFacilitator ? { coFacilitator } : {}),
    ...(coLabel ? { coFacilitatorLabel: coLabel } : {}),
    ...(leader ? { leader } : {}),
    participants: participants.people,
    recommended,
    location,
    start,
    time,
    duration,
    intervalWeeks,
  };
  return writeGroup(s, { answers, id, file, choice, participants });
}
