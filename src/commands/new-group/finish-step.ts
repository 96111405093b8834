/**
 * Step 7 of `refleks new-group`: render the group file, load it back exactly
 * as `validate` would, plan its sessions, show a summary, confirm, and only
 * then write it (never over an existing file).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { printProblems } from '../support/context.js';
import { formatDate, formatSessionTime } from '../../core/format-date.js';
import { groupYaml, type GroupAnswers } from '../../core/group-file.js';
import type { Group, Person } from '../../core/model.js';
import { hasErrors, InputError } from '../../core/problems.js';
import { planGroup, type PlannedSession } from '../../core/schedule.js';
import { writeFileAtomic } from '../../io/write-outputs.js';
import { toGroup } from '../../load/group.js';
import { parseYaml } from '../../load/yaml-file.js';
import { schemaRef } from '../../core/schema-comment.js';
import { refreshSchemas } from '../../io/workspace-schemas.js';
import type { ParticipantList } from './participants-step.js';
import type { ThemeChoice } from './programme-step.js';
import type { WizardState } from './wizard-state.js';
import { t } from '../../core/text.js';

/** Everything the steps gathered, ready to be written. */
export interface GroupDraft {
  answers: GroupAnswers;
  id: string;
  file: string;
  choice: ThemeChoice;
  participants: ParticipantList;
}

export async function writeGroup(s: WizardState, draft: GroupDraft): Promise<number> {
  const { ctx, opts, root, settings, programmes, prompter, say, usage } = s;
  const { id, file } = draft;
  const abs = join(root, 'groups', `${id}.yaml`);
  const schemaPath = schemaRef(file, 'group.schema.json');
  const text = groupYaml(draft.answers, { lang: ctx.lang, schemaPath });
  const { file: parsed, problems: yamlProblems } = parseYaml(file, new TextEncoder().encode(text));
  const loaded = parsed
    ? toGroup(parsed, { origin: 'workspace', path: abs, display: file }, programmes)
    : { problems: yamlProblems };
  if (!loaded.group || hasErrors(loaded.problems)) {
    // Every answer was checked as it came in; this is the safety net.
    throw new InputError(loaded.problems.length ? loaded.problems : yamlProblems);
  }
  const plan = planGroup(loaded.group, settings);
  if (hasErrors(plan.problems)) throw new InputError(plan.problems);

  if (!ctx.quiet || prompter) showSummary(s, draft, loaded.group, plan.sessions);
  printProblems(ctx, [...loaded.problems.filter((p) => p.field !== 'participants'), ...plan.problems]);

  if (
    !opts.yes &&
    !(await prompter!.confirm({ message: t(`Skrive ${file}?`, `Write ${file}?`)[ctx.lang], default: true }))
  ) {
    say(t('Ingenting er skrevet.', 'Nothing was written.')[ctx.lang]);
    return 0;
  }
  // Never overwrite: someone may have made the file while we asked.
  if (existsSync(abs))
    throw usage(
      `${file} finnes allerede; refleks skriver ikke over den`,
      `${file} already exists; refleks does not overwrite it`,
    );
  mkdirSync(join(root, 'groups'), { recursive: true });
  writeFileAtomic(abs, text);
  refreshSchemas(root);
  say(t(`Skrev ${file}.`, `Wrote ${file}.`)[ctx.lang]);
  if (!ctx.quiet) {
    say(t('Neste steg:', 'Next steps:')[ctx.lang]);
    say(
      `  refleks schedule ${id}   ${t('datoer og kalenderinvitasjoner', 'dates and calendar invitations')[ctx.lang]}`,
    );
    say(
      `  refleks forms ${id}      ${t('planleggingsskjema, oppmøteliste og kursbevis', 'planning form, attendance list and certificates')[ctx.lang]}`,
    );
    say(
      `  refleks packs ${id}      ${t('veilederhefter og deltakerark', 'facilitator packs and participant handouts')[ctx.lang]}`,
    );
  }
  return 0;
}

function showSummary(
  { ctx, say }: WizardState,
  { answers, file, choice, participants }: GroupDraft,
  group: Group,
  sessions: PlannedSession[],
): void {
  const { facilitator, coFacilitator, leader } = answers;
  say();
  say(t('Oppsummering', 'Summary')[ctx.lang]);
  const row = (label: string, value: string) => say(`  ${label.padEnd(13)}${value}`);
  const who = (p: Person) => (p.email ? `${p.name} <${p.email}>` : p.name);
  row(t('Gruppe:', 'Group:')[ctx.lang], `${answers.name} (${file})`);
  row(
    t('Program:', 'Programme:')[ctx.lang],
    `${group.combined ? group.programmeTitle : choice.base.shortTitle} – ${choice.count} ${t('samlinger', 'sessions')[ctx.lang]}`,
  );
  row(t('Veileder:', 'Facilitator:')[ctx.lang], who(facilitator));
  if (coFacilitator) row(t('Medveileder:', 'Co-facil.:')[ctx.lang], who(coFacilitator));
  if (leader) row(t('Leder:', 'Leader:')[ctx.lang], who(leader));
  row(t('Deltakere:', 'Participants:')[ctx.lang], participants.countLine());
  row(t('Sted:', 'Location:')[ctx.lang], group.location.text);
  say(`  ${t('Samlinger:', 'Sessions:')[ctx.lang]}`);
  for (const s of sessions) {
    const moved = s.moved
      ? t(
          ` (flyttet fra ${formatDate(s.moved.from, 'nb', { weekday: false })}: ${s.moved.reason.nb})`,
          ` (moved from ${formatDate(s.moved.from, 'en', { weekday: false })}: ${s.moved.reason.en})`,
        )[ctx.lang]
      : '';
    say(
      `    ${String(s.number).padStart(2)}. ${formatSessionTime(s.date, s.start, s.end, ctx.lang)}  ${s.theme.theme.title}${moved}${s.leaderInvited && leader ? t('  (leder inviteres)', '  (leader invited)')[ctx.lang] : ''}`,
    );
  }
  say();
}
