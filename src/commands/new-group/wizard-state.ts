/**
 * What every step of `refleks new-group` shares: the command's options, the
 * prompter (if there is a terminal), the workspace it writes into, the
 * language helpers and the people named so far. Also the generic "take it from
 * the flag, or ask" helper the schedule questions use.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { printProblems, workspaceRoot, type CliContext } from '../support/context.js';
import type { Programme, WorkspaceSettings } from '../../core/model.js';
import { hasErrors, InputError, UsageError } from '../../core/problems.js';
import { t } from '../../core/text.js';
import type { Prompter } from '../../io/prompter.js';
import { loadProgrammes, loadSettings, readYaml } from '../../load/workspace.js';
import { KnownPeople } from './people.js';

export interface NewGroupOptions {
  programme?: string;
  themes?: string;
  name?: string;
  id?: string;
  facilitator?: string;
  coFacilitator?: string;
  leader?: string;
  participant?: string[];
  roster?: string;
  skipBadRows?: boolean;
  start?: string;
  time?: string;
  duration?: string;
  interval?: string;
  location?: string;
  yes?: boolean;
}

export interface NewGroupDeps {
  /** Asks the questions; none means there is no terminal (piped, CI). */
  prompter?: Prompter;
  /** Today in the workspace's zone (YYYY-MM-DD), for the suggested first date. */
  today?: string;
}

export interface WizardState {
  ctx: CliContext;
  opts: NewGroupOptions;
  deps: NewGroupDeps;
  root: string;
  settings: WorkspaceSettings;
  programmes: Map<string, Programme>;
  programmeList: Programme[];
  /** Ids already used by the workspace's groups. */
  takenIds: Set<string>;
  prompter: Prompter | undefined;
  /** Optional answers with a default are asked only interactively and without --yes. */
  askOptional: boolean;
  /** Everyone named in the group so far, so nobody is listed twice. */
  people: KnownPeople;
  say(line?: string): void;
  usage(nb: string, en: string): UsageError;
}

export function openWizard(ctx: CliContext, opts: NewGroupOptions, deps: NewGroupDeps): WizardState {
  const say = (line = '') => ctx.out(line);
  const usage = (nb: string, en: string) => new UsageError(t(nb, en));

  // --- The workspace: settings, programmes and the ids already taken. Other
  // groups are not loaded: a broken group file must not stop a new one.
  const root = workspaceRoot(ctx);
  const { settings, problems: settingsProblems } = loadSettings(root);
  if (!settings || hasErrors(settingsProblems)) throw new InputError(settingsProblems);
  if (!ctx.langFromFlag) ctx.lang = settings.language;
  const { programmes, problems: programmeProblems } = loadProgrammes(root);
  printProblems(ctx, programmeProblems);
  if (!programmes.size) throw new InputError(programmeProblems);
  const takenIds = existingGroupIds(root);
  const prompter = deps.prompter;
  return {
    ctx,
    opts,
    deps,
    root,
    settings,
    programmes,
    programmeList: [...programmes.values()],
    takenIds,
    prompter,
    askOptional: !!prompter && !opts.yes,
    people: new KnownPeople(),
    say,
    usage,
  };
}

/** Ids already used: file names in groups/ and any `id:` written inside them. */
function existingGroupIds(root: string): Set<string> {
  const dir = join(root, 'groups');
  const ids = new Set<string>();
  if (!existsSync(dir)) return ids;
  for (const f of readdirSync(dir)) {
    if (!/\.ya?ml$/i.test(f)) continue;
    ids.add(f.replace(/\.ya?ml$/i, ''));
    const { file } = readYaml(join(dir, f), `groups/${f}`);
    const id = (file?.data as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

/** Without a terminal nothing can be asked: list everything missing at once. */
export function requireFlagsWithoutTerminal({ opts, prompter, ctx, usage }: WizardState): void {
  if (prompter) return;
  const missing: string[] = [];
  if (!opts.programme && !opts.themes)
    missing.push(
      t(
        '--programme ID (eller --themes mestring/1,rehabilitering/2,…)',
        '--programme ID (or --themes mestring/1,rehabilitering/2,…)',
      )[ctx.lang],
    );
  if (!opts.name) missing.push(t('--name "Gruppens navn"', '--name "Group name"')[ctx.lang]);
  if (!opts.facilitator) missing.push(t('--facilitator "Navn <e-post>"', '--facilitator "Name <e-mail>"')[ctx.lang]);
  if (!opts.participant?.length && !opts.roster)
    missing.push(
      t(
        '--participant "Navn <e-post>" (kan gjentas) eller --roster FIL',
        '--participant "Name <e-mail>" (repeatable) or --roster FILE',
      )[ctx.lang],
    );
  if (!opts.start) missing.push(t('--start ÅÅÅÅ-MM-DD', '--start YYYY-MM-DD')[ctx.lang]);
  if (!opts.location)
    missing.push(t('--location "rom og adresse, eller lenke"', '--location "room and address, or link"')[ctx.lang]);
  if (!opts.yes)
    missing.push(t('--yes (skriv filen uten å spørre)', '--yes (write the file without asking)')[ctx.lang]);
  if (missing.length) {
    throw usage(
      `ingen terminal å spørre i, og disse valgene mangler:\n  ${missing.join('\n  ')}\nSe «refleks new-group --help».`,
      `no terminal to ask in, and these flags are missing:\n  ${missing.join('\n  ')}\nSee "refleks new-group --help".`,
    );
  }
}

/** A checked flag; otherwise the default, asked for only when optional answers are asked. */
export async function valueFromFlagOrAsk(
  { prompter, askOptional, usage }: WizardState,
  q: { flag?: string; flagName: string; message: string; default: string; issue: (v: string) => string | undefined },
): Promise<string> {
  if (q.flag !== undefined) {
    const issue = q.issue(q.flag);
    if (issue) throw usage(`${q.flagName} «${q.flag}»: ${issue}`, `${q.flagName} "${q.flag}": ${issue}`);
    return q.flag.trim();
  }
  if (!askOptional) return q.default;
  return (
    await prompter!.input({ message: q.message, default: q.default, validate: (v) => q.issue(v) ?? true })
  ).trim();
}
