/**
 * `refleks attendance GROUP [SESSION] [NAME…]`: records who came, in
 * attendance/<group>.yaml (a file a person can read, edit and diff). Names or
 * e-mail addresses as in the group file; --all, --none; or --from-form with
 * a filled-in attendance list. Without a session, shows what is recorded.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { openWorkspace, say, workspaceRoot, type CliContext } from './support/context.js';
import { withWorkspaceLock } from './support/outputs.js';
import { attendanceYaml } from '../core/attendance.js';
import { formatDate } from '../core/format-date.js';
import { tags } from '../core/forms/fields.js';
import type { Group } from '../core/model.js';
import { UsageError, InputError } from '../core/problems.js';
import { planGroup, type GroupPlan } from '../core/schedule.js';
import { t } from '../core/text.js';
import { writeFileAtomic } from '../io/write-outputs.js';
import { refreshSchemas } from '../io/workspace-schemas.js';
import { attendancePath, findParticipant, suggestParticipant } from '../load/attendance.js';
import { loadFormWording } from '../load/form-wording.js';

export interface AttendanceOptions {
  all?: boolean;
  none?: boolean;
  fromForm?: string;
}

function sessionNumber(plan: GroupPlan, text: string) {
  const n = Number(text);
  const count = plan.sessions.length;
  const s = Number.isInteger(n) ? plan.sessions.find((x) => x.number === n) : undefined;
  if (!s)
    throw new UsageError(
      t(
        `«${text}» er ikke en samling i ${plan.group.id}; bruk et tall fra 1 til ${count}`,
        `"${text}" is not a session of ${plan.group.id}; use a number from 1 to ${count}`,
      ),
    );
  if (s.cancelled)
    throw new UsageError(
      t(
        `samling ${n} er avlyst; oppmøte registreres ikke for den`,
        `session ${n} is cancelled; attendance is not recorded for it`,
      ),
    );
  return s;
}

function resolveNames(group: Group, names: string[]): number[] {
  const out: number[] = [];
  const bad: { name: string; guess?: string }[] = [];
  for (const name of names) {
    const i = findParticipant(group.participants, name);
    if (i === undefined) {
      const guess = suggestParticipant(group.participants, name);
      bad.push({ name, ...(guess ? { guess } : {}) });
    } else if (!out.includes(i)) out.push(i);
  }
  if (bad.length) {
    throw new UsageError(
      t(
        `ikke deltaker i ${group.source.display}: ${bad.map((x) => (x.guess ? `«${x.name}» (mente du «${x.guess}»?)` : `«${x.name}»`)).join(', ')}`,
        `not a participant in ${group.source.display}: ${bad.map((x) => (x.guess ? `"${x.name}" (did you mean "${x.guess}"?)` : `"${x.name}"`)).join(', ')}`,
      ),
    );
  }
  return out.sort((a, b) => a - b);
}

function save(root: string, plan: GroupPlan, sessions: Map<number, number[]>): string {
  const rel = attendancePath(plan.group.id);
  const abs = join(root, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileAtomic(abs, attendanceYaml(plan, sessions));
  // The file's $schema comment points at the workspace's copy of the schema.
  refreshSchemas(root);
  return rel;
}

function show(ctx: CliContext, plan: GroupPlan): void {
  const a = plan.group.attendance;
  const total = plan.group.participants.length;
  say(ctx, t(`Oppmøte for ${plan.group.name}:`, `Attendance for ${plan.group.name}:`));
  for (const s of plan.sessions) {
    const list = a?.sessions.get(s.number);
    const when = formatDate(s.date, ctx.lang);
    const what = s.cancelled
      ? t('avlyst', 'cancelled')
      : list
        ? t(
            `${list.length} av ${total}: ${list.map((i) => plan.group.participants[i]!.name).join(', ') || 'ingen'}`,
            `${list.length} of ${total}: ${list.map((i) => plan.group.participants[i]!.name).join(', ') || 'nobody'}`,
          )
        : t('ikke registrert', 'not recorded');
    ctx.out(`  ${s.number}. ${when}: ${what[ctx.lang]}`);
  }
}

export async function run(
  ctx: CliContext,
  groupArg: string,
  sessionArg: string | undefined,
  names: string[] = [],
  opts: AttendanceOptions = {},
): Promise<number> {
  // It writes the group's attendance: one writer at a time.
  return withWorkspaceLock(ctx, workspaceRoot(ctx), 'attendance', () => record(ctx, groupArg, sessionArg, names, opts));
}

async function record(
  ctx: CliContext,
  groupArg: string,
  sessionArg: string | undefined,
  names: string[],
  opts: AttendanceOptions,
): Promise<number> {
  const ws = openWorkspace(ctx, { only: [groupArg] });
  const group = ws.groups.find((g) => g.id === groupArg.replace(/\.ya?ml$/i, ''));
  if (!group) throw new UsageError(t(`fant ikke gruppen ${groupArg} i groups/`, `no group ${groupArg} in groups/`));
  const plan = planGroup(group, ws.settings);
  const sessions = new Map(group.attendance?.sessions ?? []);
  const total = group.participants.length;

  if (opts.fromForm) {
    if (sessionArg || names.length || opts.all || opts.none)
      throw new UsageError(
        t(
          '--from-form tar ingen samling, navn, --all eller --none',
          '--from-form takes no session, names, --all or --none',
        ),
      );
    const abs = resolve(ctx.cwd, opts.fromForm);
    if (!existsSync(abs)) throw new UsageError(t(`fant ikke filen ${opts.fromForm}`, `no such file: ${opts.fromForm}`));
    const { groupForms, readFilledForm, FormReadError } = await import('./support/filled-forms.js');
    const wording = loadFormWording(ws, group.programmeId, ctx.lang);
    if (!wording.wording) throw new InputError(wording.problems);
    const display = relative(ctx.cwd, abs) || abs;
    let form;
    try {
      form = readFilledForm(readFileSync(abs), display, await groupForms(ws, plan, wording.wording, ctx.lang));
    } catch (err) {
      if (err instanceof FormReadError) throw new InputError([{ severity: 'error', file: display, message: err.text }]);
      throw err;
    }
    if (form.kind !== 'attendance') {
      throw new InputError([
        {
          severity: 'error',
          file: display,
          message: t(
            'er ikke en oppmøteliste (men et annet skjema fra refleks); bruk «refleks report» for evaluering og oppfølging',
            'is not an attendance list (but another refleks form); use "refleks report" for evaluation and follow-up',
          ),
        },
      ]);
    }
    let recorded = 0;
    for (const s of plan.sessions.filter((x) => !x.cancelled)) {
      const present = group.participants
        .map((_, i) => i)
        .filter((i) => form.values.get(tags.present(i + 1, s.number)) === true);
      if (!present.length) continue;
      sessions.set(s.number, present);
      recorded++;
      say(
        ctx,
        t(
          `Samling ${s.number} (${formatDate(s.date, 'nb')}): ${present.length} av ${total} til stede`,
          `Session ${s.number} (${formatDate(s.date, 'en')}): ${present.length} of ${total} present`,
        ),
      );
    }
    if (!recorded) {
      say(ctx, t(`Ingen kryss i ${display}; ingenting registrert.`, `No ticks in ${display}; nothing recorded.`));
      return 0;
    }
    const rel = save(ws.root, plan, sessions);
    say(
      ctx,
      t(
        `Lagret i ${rel}. Samlinger uten kryss er ikke registrert.`,
        `Saved in ${rel}. Sessions without ticks are not recorded.`,
      ),
    );
    return 0;
  }

  if (!sessionArg) {
    if (names.length || opts.all || opts.none)
      throw new UsageError(
        t(
          'oppgi samlingsnummeret først, for eksempel «refleks attendance sone-nord 2 Ali Khan»',
          'give the session number first, e.g. "refleks attendance sone-nord 2 Ali Khan"',
        ),
      );
    show(ctx, plan);
    return 0;
  }
  const s = sessionNumber(plan, sessionArg);
  const modes = [opts.all, opts.none, names.length > 0].filter(Boolean).length;
  if (modes !== 1)
    throw new UsageError(t('oppgi enten navn, --all eller --none', 'give either names, --all or --none'));
  const present = opts.all ? group.participants.map((_, i) => i) : opts.none ? [] : resolveNames(group, names);
  sessions.set(s.number, present);
  const rel = save(ws.root, plan, sessions);
  const who = present.map((i) => group.participants[i]!.name).join(', ');
  say(
    ctx,
    t(
      `Samling ${s.number} (${formatDate(s.date, 'nb')}): ${present.length} av ${total} til stede${who ? ` (${who})` : ''}. Lagret i ${rel}.`,
      `Session ${s.number} (${formatDate(s.date, 'en')}): ${present.length} of ${total} present${who ? ` (${who})` : ''}. Saved in ${rel}.`,
    ),
  );
  return 0;
}
