/**
 * The one pipeline behind `schedule`, `forms`, `packs` and `build`: given a
 * workspace, the groups and the kinds of output asked for, it renders each
 * group (inline or, when there are many, in worker threads), adds PDF copies
 * of the forms, and commits each group's set in one step: its files, then its
 * calendar state, then its entries in the manifest and the build cache. Only
 * this thread writes. Commands parse arguments and print what comes back.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SessionOutcome } from '../core/calendar/index.js';
import type { WorkspaceSettings } from '../core/model.js';
import { hasErrors, InputError, UsageError, type Problem } from '../core/problems.js';
import type { GroupPlan } from '../core/schedule.js';
import { t, type Lang, type Text } from '../core/text.js';
import {
  calendarIssueTime,
  calendarStateChanges,
  calendarStatePath,
  readCalendarState,
  saveCalendarState,
} from '../io/calendar-state.js';
import { issueTime, recordIssueTime } from '../io/issue-time.js';
import { pdfCopies, requireSoffice } from '../io/pdf-convert.js';
import { lockWorkspace, type LockHolder } from '../io/workspace-lock.js';
import {
  destinationProblems,
  OutputManifest,
  writeOutputs,
  type DestinationChecks,
  type WriteReport,
} from '../io/write-outputs.js';
import { fileMatches, listGroupFiles } from '../load/group-files.js';
import { loadProgrammes, loadSettings, loadWorkspace } from '../load/workspace.js';
import { VERSION } from '../version.js';
import { checkForAdoption } from './adopt.js';
import { BuildCache } from './build-cache.js';
import { groupFingerprint, sharedFingerprint } from './fingerprint.js';
import { attendancePath } from '../load/attendance.js';
import { allFiles, type GroupBuild, type OutputKind, type RenderSettings } from './group-outputs.js';
import { buildGroups, type WorkerInput, type WorkerMessage } from './run-groups.js';

export type { OutputKind } from './group-outputs.js';

export interface OutputRequest {
  kinds: OutputKind[];
  /** Group ids (file names, with or without .yaml); default: every group. */
  only?: string[];
  /** Sessions on holidays or in blackout periods are errors instead of being moved. */
  strict?: boolean;
  /** One invitation file per person for every group. */
  perPerson?: boolean;
  /** --templates DIR, absolute: used before the workspace's templates. */
  templatesDir?: string;
  /** Language from --lang; otherwise the workspace's. */
  lang?: Lang;
  force?: boolean;
  dryRun?: boolean;
  /** Skip groups whose inputs are unchanged since the last such run (`refleks build`). */
  incremental?: boolean;
  /**
   * Write nothing unless every group is free of errors, so a run never leaves
   * some groups issued and others not. Otherwise a failed group is reported
   * and the others are written.
   */
  allOrNothing?: boolean;
  /** Keep each group's plan in its result. */
  withPlan?: boolean;
  /** Each built group's plan as the overview page keeps it (build's overview). */
  overviewPlans?: boolean;
  /** Worker threads; default: by the number of groups and cores. */
  jobs?: number;
  /** Stop between groups when aborted (Ctrl+C). */
  signal?: AbortSignal;
  /**
   * --adopt: files on disk of which refleks has no record (the manifest was
   * lost or damaged) are checked and, if they are what refleks last wrote,
   * taken as its own (see adopt.ts).
   */
  adopt?: boolean;
  /** The command, for the workspace lock's holder line; default from the kinds. */
  command?: string;
}

/** built: rendered and committed · skipped: unchanged · failed: errors · held: not written because another group failed. */
export type GroupStatus = 'built' | 'skipped' | 'failed' | 'held';

export interface GroupResult {
  /** From the file name: what the user names on the command line. */
  id: string;
  /** The group's own id (an `id:` field may differ from the file name). */
  groupId: string;
  /** The group file, as shown to the user (`groups/sone-nord.yaml`). */
  file: string;
  status: GroupStatus;
  /** Per session, what happened to its invitation (with calendar files). */
  outcomes: SessionOutcome[];
  /** Per file: written (planned on a dry run), unchanged, or kept because a person edited it. */
  write: WriteReport;
  plan?: GroupPlan;
  /** A built group's plan as the overview page keeps it (with `overviewPlans`). */
  overviewPlan?: string;
  /** Warnings of a built group, errors of a failed one. */
  problems: Problem[];
}

export interface OutputRun {
  lang: Lang;
  settings: WorkspaceSettings;
  /** In the order of the group files; after Ctrl+C only the groups finished before it. */
  groups: GroupResult[];
  workers: number;
  /** Stopped by Ctrl+C; the groups not in `groups` were not written. */
  interrupted: boolean;
  /** Said once for the run (a damaged build cache that was set aside). */
  notices: Problem[];
}

export interface OutputHooks {
  /** The workspace settings are read, so the language is known. */
  onStart?(lang: Lang): void;
  /** A group is final (built, skipped, failed or held). */
  /** Gets the run's language too, so progress lines are in the workspace's language before the run is back. */
  onGroup?(r: GroupResult, done: number, total: number, lang: Lang): void;
  /** Something to tell the person that is no group's problem (a cache folder refused); `debugOnly` for --debug. */
  onNote?(text: Text, debugOnly: boolean): void;
  /** Another refleks holds the workspace's lock; this run waits a little. */
  onLockWait?(holder: LockHolder): void;
  /** A lock left by a process that no longer runs was taken over. */
  onLockStale?(holder: LockHolder): void;
}

/** Below this many groups to render a worker's start-up costs more than it saves. */
const GROUPS_PER_WORKER = 24;

const noWrites = (): WriteReport => ({ files: [], written: [], unchanged: [], edited: [] });
const idOf = (f: string) => basename(f).replace(/\.ya?ml$/i, '');

/** The group files asked for (all when none is named); a name that is not there is a usage error. */
function groupFiles(root: string, only: string[] = []): string[] {
  // The same listing as every other command: a workspace validate refuses is refused here too.
  const listed = listGroupFiles(root);
  if (hasErrors(listed.problems)) throw new InputError(listed.problems);
  const files = listed.names;
  if (!only.length) return files;
  const wanted = new Set(only.map(idOf));
  // By file name or by the file's own `id:`.
  const missing = [...wanted].filter((id) => !files.some((f) => fileMatches(root, f, new Set([id]))));
  if (missing.length)
    throw new UsageError(
      t(`fant ikke gruppen ${missing.join(', ')} i groups/`, `no group ${missing.join(', ')} in groups/`),
    );
  return files.filter((f) => fileMatches(root, f, wanted));
}

function readIfExists(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Runs the pipeline holding the workspace's lock (not for a dry run, which
 * writes nothing), so no other refleks reads or writes the manifest and the
 * calendar state in between.
 */
export async function runOutputs(root: string, req: OutputRequest, hooks: OutputHooks = {}): Promise<OutputRun> {
  if (req.dryRun) return runUnlocked(root, req, hooks);
  const kinds = new Set(req.kinds);
  const command =
    req.command ??
    (kinds.size > 1 ? 'build' : kinds.has('calendar') ? 'schedule' : kinds.has('packs') ? 'packs' : 'forms');
  const release = lockWorkspace(root, {
    command,
    ...(hooks.onLockWait ? { onWait: hooks.onLockWait } : {}),
    ...(hooks.onLockStale ? { onStale: hooks.onLockStale } : {}),
  });
  try {
    return await runUnlocked(root, req, hooks);
  } finally {
    release();
  }
}

async function runUnlocked(root: string, req: OutputRequest, hooks: OutputHooks): Promise<OutputRun> {
  // Settings and programmes first: a problem there concerns every group.
  const { settings, problems: settingsProblems } = loadSettings(root);
  const { problems: programmeProblems } = loadProgrammes(root);
  const shared = [...settingsProblems, ...programmeProblems];
  if (!settings || hasErrors(shared)) {
    // Nothing can be built; say at once what else is wrong in the groups asked for.
    throw new InputError(loadWorkspace(root, req.only?.length ? { only: req.only.map(idOf) } : {}).problems);
  }
  const lang = req.lang ?? settings.language;
  hooks.onStart?.(lang);

  const files = groupFiles(root, req.only);
  const kinds = new Set(req.kinds);
  // Before anything is rendered or written: the output folder and refleks's
  // own records must be a folder and files inside the workspace.
  const checked: DestinationChecks = new Map();
  const records = ['.refleks/manifest.json', '.refleks/build.json', '.refleks/calendar/', '.refleks/issued.json'];
  const stops = destinationProblems(root, [`${settings.output}/`, ...records], checked);
  if (stops.length) throw new InputError(stops);
  // Before anything is rendered: a missing LibreOffice is known at once.
  const soffice = kinds.has('pdf') && kinds.has('forms') ? requireSoffice() : undefined;
  const dryRun = !!req.dryRun;
  const render: RenderSettings = {
    kinds: [...kinds],
    lang,
    version: VERSION,
    issuedAt: '',
    calendarIssuedAt: '',
    strict: !!req.strict,
    perPerson: !!req.perPerson,
    ...(req.templatesDir ? { templatesDir: req.templatesDir } : {}),
    withPlan: !!req.withPlan,
    overviewPlans: !!req.overviewPlans,
    allOrNothing: !!req.allOrNothing,
  };

  const results = new Map<string, GroupResult>();
  let done = 0;
  const finish = (r: GroupResult) => {
    results.set(r.id, r);
    hooks.onGroup?.(r, ++done, files.length, lang);
  };
  const ordered = () => files.map((f) => results.get(idOf(f))).filter((r): r is GroupResult => !!r);

  // The record of written files first: a lost or damaged one stops the run
  // before anything is rendered, unless --adopt or --force says what to do.
  const manifest = new OutputManifest(root);
  let afresh = false;
  if (manifest.status === 'lost' || manifest.status === 'damaged') {
    if (!req.adopt && !req.force) manifest.assertUsable();
    if (req.only?.length) {
      throw new InputError(
        manifest.problems.map((p) => ({
          ...p,
          hint: t(
            'Kjør «refleks build --adopt» (eller --force) uten gruppenavn, så refleks får en ny oversikt over alle filene.',
            'Run "refleks build --adopt" (or --force) without group names, so that refleks gets a new record of every file.',
          ),
        })),
      );
    }
    manifest.startAfresh();
    afresh = true;
  }
  const notices: Problem[] = [];

  // Skip what is unchanged, judged from raw bytes before anything is parsed.
  const cache = req.incremental ? new BuildCache(root) : undefined;
  if (cache?.problem) notices.push(cache.problem);
  // No language here: --lang changes messages, not outputs, so it must not make a group look changed.
  const options = {
    strict: render.strict,
    perPerson: render.perPerson,
    ...(soffice ? { pdf: true } : {}),
    ...(req.templatesDir ? { templates: req.templatesDir } : {}),
  };
  const sharedFp = cache ? sharedFingerprint(root, options, req.templatesDir) : '';
  const groupBytes = new Map<string, Uint8Array>();
  const fingerprint = (id: string) =>
    groupFingerprint(
      sharedFp,
      groupBytes.get(id)!,
      readIfExists(calendarStatePath(root, id)),
      readIfExists(join(root, attendancePath(id))),
    );
  const toBuild: string[] = [];
  for (const f of files) {
    const id = idOf(f);
    if (cache) {
      groupBytes.set(id, readFileSync(join(root, 'groups', f)));
      // With a new manifest every group is looked at, so that its files are checked and recorded.
      const unchanged = !req.force && !afresh ? cache.upToDate(id, fingerprint(id)) : undefined;
      if (unchanged) {
        const write = {
          ...noWrites(),
          files: unchanged.map((path) => ({ path, outcome: 'unchanged' as const })),
          unchanged,
        };
        finish({ id, groupId: id, file: `groups/${f}`, status: 'skipped', outcomes: [], write, problems: [] });
        continue;
      }
    }
    toBuild.push(id);
  }
  if (!toBuild.length) return { lang, settings, groups: ordered(), workers: 0, interrupted: false, notices };

  // Recorded only once a group is written: a failed run leaves no trace.
  const issuedAt = issueTime(root, { record: false });
  render.issuedAt = issuedAt.toISOString();
  render.calendarIssuedAt = calendarIssueTime().toISOString();

  const idOfFile = new Map(files.map((f) => [`groups/${f}`, idOf(f)]));
  const failed = (file: string, problems: Problem[]): GroupResult => {
    const id = idOfFile.get(file)!;
    return { id, groupId: id, file, status: 'failed', outcomes: [], write: noWrites(), problems };
  };
  const resultOf = (build: GroupBuild, status: GroupStatus, problems: Problem[], write = noWrites()): GroupResult => ({
    id: idOfFile.get(build.file)!,
    groupId: build.groupId,
    file: build.file,
    status,
    // Only a group written has issued anything.
    outcomes: status === 'built' ? (build.calendar?.outcomes ?? []) : [],
    write,
    ...(build.plan ? { plan: build.plan } : {}),
    ...(status === 'built' && build.overviewPlan ? { overviewPlan: build.overviewPlan } : {}),
    problems,
  });

  // Warnings from loading a group are reported with its result.
  const loadWarnings = new Map<string, Problem[]>();
  const handleLoadProblems = (problems: Problem[]) => {
    const byFile = new Map<string, Problem[]>();
    for (const p of problems) byFile.set(p.file ?? '', [...(byFile.get(p.file ?? '') ?? []), p]);
    for (const [file, list] of byFile) {
      // Settings and programmes were checked before any group was loaded;
      // each worker reading them again must not report them again.
      if (!idOfFile.has(file)) {
        if (hasErrors(list)) throw new InputError(list);
        continue;
      }
      if (hasErrors(list)) finish(failed(file, list));
      else loadWarnings.set(file, list);
    }
  };

  /**
   * Every few seconds of a long run the records are saved (the manifest
   * before the cache), so a run stopped by kill -9 or a crash loses little
   * work: the next build skips what was committed.
   */
  let lastCheckpoint = Date.now();
  const checkpoint = () => {
    if (Date.now() - lastCheckpoint < CHECKPOINT_MS) return;
    lastCheckpoint = Date.now();
    try {
      manifest.save();
      cache?.save();
    } catch (err) {
      // Saved again at the end, where a failure is reported.
      if (typeof (err as NodeJS.ErrnoException)?.code !== 'string') throw err;
    }
  };

  /** After a full disk or a read-only folder, no later group is written. */
  let stopped = false;

  /** What writing one group's set may run into, checked before its first byte is written. */
  const writeOptions = (build: GroupBuild, dry: boolean) => {
    const state = build.calendar?.state;
    const calendarPaths = new Set((build.files.calendar ?? []).map((f) => f.path));
    // The state moves on (a new, changed or cancelled invitation) only if every calendar file is written.
    const stateMoves = !!state && calendarStateChanges(root, state);
    const why = new Map<string, Text>();
    let previous: ReturnType<typeof readCalendarState>;
    const adopt = req.adopt
      ? (file: { path: string }, onDisk: Uint8Array) => {
          // The files on disk are checked against the state they were written with: the one before this run.
          previous ??= build.calendar ? readCalendarState(root, build.groupId) : undefined;
          const v = checkForAdoption(file.path, onDisk, previous);
          if (!v.ok) why.set(file.path, v.why);
          return v.ok;
        }
      : undefined;
    const check = (report: WriteReport) => {
      const blocked = report.edited.filter((p) => calendarPaths.has(p));
      if (stateMoves && blocked.length)
        throw new InputError(blocked.map((p) => keptInvitation(p, manifest.knows(p), why.get(p))));
    };
    return { dryRun: dry, force: !!req.force, check, ...(adopt ? { adopt } : {}), why };
  };

  /**
   * One group's set in one step: files, then its calendar state, then the
   * records of both. The state advances only when every calendar file was
   * written, and the build cache records the group only when every file was.
   */
  const commit = (build: GroupBuild, problems: Problem[]) => {
    const id = idOfFile.get(build.file)!;
    if (stopped) return finish(resultOf(build, 'held', problems));
    const files = allFiles(build);
    // Checked before the first file is written: the set and its state go whole or not at all.
    const state = build.calendar
      ? [relative(root, calendarStatePath(root, build.calendar.state.group)).split(sep).join('/')]
      : [];
    const stops = destinationProblems(root, [...files.map((f) => f.path), ...state], checked);
    if (stops.length) return finish(resultOf(build, 'failed', [...problems, ...stops]));
    const { why, ...opts } = writeOptions(build, dryRun);
    let write: WriteReport;
    // The first group a first run writes records the (empty) manifest first; a failing run writes none.
    if (!dryRun) manifest.begin();
    try {
      write = writeOutputs(root, files, { ...opts, checked, retire: `${settings.output}/${build.groupId}/` }, manifest);
    } catch (err) {
      return finish(resultOf(build, 'failed', [...problems, ...writeProblems(root, err, false)]));
    }
    if (!dryRun) {
      try {
        recordIssueTime(root, issuedAt);
        if (build.calendar) saveCalendarState(root, build.calendar.state);
      } catch (err) {
        return finish(resultOf(build, 'failed', [...problems, ...writeProblems(root, err, true)]));
      }
      // The state just saved is part of the next run's input, read the way
      // the next run will read it (by the file's name). A group with a file
      // left as a person changed it is not up to date: it is looked at again.
      if (!write.edited.length)
        cache?.set(
          id,
          fingerprint(id),
          files.map((f) => f.path),
        );
      checkpoint();
    }
    const notKept = write.edited
      .filter((p) => why.has(p))
      .map((p): Problem => ({
        severity: 'warning',
        file: p,
        message: t(
          `ble ikke tatt inn som refleks sin: ${why.get(p)!.nb}`,
          `was not adopted as refleks's own: ${why.get(p)!.en}`,
        ),
      }));
    finish(resultOf(build, 'built', [...problems, ...notKept], write));
  };

  /** An error while writing: the group's problem, and for a full or read-only disk the end of the run's writing. */
  const writeProblems = (root: string, err: unknown, afterFiles: boolean): Problem[] => {
    if (err instanceof InputError) return err.problems;
    const code = (err as NodeJS.ErrnoException)?.code;
    if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw err;
    if (STOPPING.has(code)) stopped = true;
    const where = (err as NodeJS.ErrnoException).path;
    return [
      {
        severity: 'error',
        ...(where ? { file: relative(root, dirname(where)).split(sep).join('/') || '.' } : {}),
        message: t(
          `kunne ikke skrive: ${FS_REASONS[code]?.nb ?? code}`,
          `could not write: ${FS_REASONS[code]?.en ?? code}`,
        ),
        hint: afterFiles
          ? t(
              'Filene i gruppen ble skrevet, men kalenderstatusen ikke. Rett feilen og kjør igjen før du sender noe: da blir status og filer like.',
              "The group's files were written, but not its calendar state. Fix the problem and run again before you send anything: the state and the files then agree.",
            )
          : t(
              'Ingenting i gruppen ble endret. Rett feilen (frigjør plass på disken) og kjør igjen.',
              'Nothing in the group was changed. Fix the problem (free space on the disk) and run again.',
            ),
      },
    ];
  };

  // All groups are rendered before any is written when nothing may be
  // written unless all succeed, and for PDFs (one LibreOffice run for all).
  const gather = render.allOrNothing || !!soffice;
  const rendered: { build: GroupBuild; problems: Problem[] }[] = [];
  const handleGroup = (build: GroupBuild) => {
    // After Ctrl+C, results still arriving are not written: what is on disk
    // stays a set of whole groups.
    if (req.signal?.aborted) return;
    const problems = [...(loadWarnings.get(build.file) ?? []), ...build.problems];
    if (hasErrors(build.problems)) {
      finish(resultOf(build, 'failed', problems));
    } else if (gather) {
      rendered.push({ build, problems });
    } else {
      commit(build, problems);
    }
  };

  // Every worker opens the cache: say each thing once.
  const said = new Set<string>();
  const handleNote = (text: Text, debugOnly: boolean) => {
    if (said.has(text.en)) return;
    said.add(text.en);
    hooks.onNote?.(text, debugOnly);
  };

  const jobs = Math.max(
    1,
    Math.min(
      req.jobs ?? Math.min(availableParallelism(), Math.ceil(toBuild.length / GROUPS_PER_WORKER)),
      toBuild.length,
      16,
    ),
  );
  try {
    if (jobs === 1) {
      const { workspace, problems } = loadWorkspace(root, { only: toBuild });
      handleLoadProblems(problems);
      if (workspace)
        await buildGroups(
          workspace,
          render,
          problems,
          (m) => {
            if (m.type === 'group') handleGroup(m.result);
            else if (m.type === 'note') handleNote(m.text, m.debugOnly);
          },
          req.signal,
        );
    } else {
      const chunks: string[][] = Array.from({ length: jobs }, () => []);
      toBuild.forEach((id, i) => chunks[i % jobs]!.push(id));
      await Promise.all(
        chunks.map((ids) =>
          runWorker(
            { root, ids, settings: render },
            (m) => {
              if (m.type === 'load') handleLoadProblems(m.problems);
              else if (m.type === 'group') handleGroup(m.result);
              else if (m.type === 'note') handleNote(m.text, m.debugOnly);
            },
            req.signal,
          ),
        ),
      );
    }

    if (gather && !req.signal?.aborted) {
      if (render.allOrNothing && ordered().some((r) => r.status === 'failed')) {
        for (const { build, problems } of rendered) finish(resultOf(build, 'held', problems));
      } else {
        // Workers finish in any order; groups are written in the order of their files.
        const position = new Map(files.map((f, i) => [`groups/${f}`, i]));
        rendered.sort((a, b) => position.get(a.build.file)! - position.get(b.build.file)!);
        if (soffice)
          addPdfs(
            root,
            soffice,
            rendered.map((r) => r.build),
            issuedAt,
          );
        // All or nothing: a group that could not be written whole stops every group before the first is written.
        const refused = render.allOrNothing ? rendered.map((r) => refusal(r.build)) : [];
        if (refused.some((p) => p.length)) {
          rendered.forEach(({ build, problems }, i) =>
            finish(resultOf(build, refused[i]!.length ? 'failed' : 'held', [...problems, ...refused[i]!])),
          );
          rendered.length = 0;
        }
        for (const { build, problems } of rendered) {
          if (req.signal?.aborted) break;
          commit(build, problems);
        }
      }
    }
  } finally {
    if (!dryRun) saveRecords();
  }
  return {
    lang,
    settings,
    groups: ordered(),
    workers: jobs === 1 ? 0 : jobs,
    interrupted: !!req.signal?.aborted,
    notices,
  };

  /** The manifest before the cache: a group the cache calls up to date has its files recorded. */
  function saveRecords(): void {
    try {
      manifest.save();
      cache?.save();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException)?.code;
      if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw err;
      throw new InputError([
        {
          severity: 'error',
          file: '.refleks/',
          message: t(
            `kunne ikke lagre hva refleks har skrevet: ${FS_REASONS[code]?.nb ?? code}`,
            `could not save what refleks wrote: ${FS_REASONS[code]?.en ?? code}`,
          ),
          hint: t(
            'Rett feilen (frigjør plass på disken) og kjør «refleks build» igjen før du sender noe.',
            'Fix the problem (free space on the disk) and run "refleks build" again before you send anything.',
          ),
        },
      ]);
    }
  }

  /** Why a group cannot be written whole, found without writing (for all-or-nothing runs). */
  function refusal(build: GroupBuild): Problem[] {
    const { why: _why, ...opts } = writeOptions(build, true);
    try {
      writeOutputs(root, allFiles(build), opts, manifest);
      return [];
    } catch (err) {
      if (err instanceof InputError) return err.problems;
      throw err;
    }
  }
}

const CHECKPOINT_MS = 5000;

/** Errors that will not go away for the next group either. */
const STOPPING = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO']);

const FS_REASONS: Record<string, Text> = {
  ENOSPC: t('disken er full (ENOSPC)', 'the disk is full (ENOSPC)'),
  EDQUOT: t('kvoten din på disken er brukt opp (EDQUOT)', 'your disk quota is used up (EDQUOT)'),
  EROFS: t('disken er skrivebeskyttet (EROFS)', 'the disk is read-only (EROFS)'),
  EIO: t('lese- eller skrivefeil på disken (EIO)', 'a read or write error on the disk (EIO)'),
  EACCES: t('refleks har ikke lov til å skrive her (EACCES)', 'refleks is not allowed to write here (EACCES)'),
  EPERM: t('refleks har ikke lov til å skrive her (EPERM)', 'refleks is not allowed to write here (EPERM)'),
};

/** An invitation that could not be written because the file on disk is not refleks's last version. */
function keptInvitation(path: string, known: boolean, why: Text | undefined): Problem {
  return {
    severity: 'error',
    file: path,
    message: known
      ? t(
          'er endret for hånd etter at refleks skrev den, så den nye versjonen av invitasjonen ble ikke skrevet; ingenting i gruppen er skrevet, og kalenderstatusen er som før',
          'was edited by hand after refleks wrote it, so the new version of the invitation was not written; nothing of the group was written, and the calendar state is as before',
        )
      : t(
          `refleks har ingen oversikt over å ha skrevet denne filen${why ? ` (${why.nb})` : ''}, så den nye versjonen av invitasjonen ble ikke skrevet; ingenting i gruppen er skrevet, og kalenderstatusen er som før`,
          `refleks has no record of writing this file${why ? ` (${why.en})` : ''}, so the new version of the invitation was not written; nothing of the group was written, and the calendar state is as before`,
        ),
    hint:
      known || why
        ? t(
            'Kjør igjen med --force for å erstatte den med den nye invitasjonen, eller flytt filen bort og kjør igjen.',
            'Run again with --force to replace it with the new invitation, or move the file away and run again.',
          )
        : t(
            'Er filen fra refleks (for eksempel etter at .refleks/manifest.json gikk tapt), kjør «refleks build --adopt»; ellers kjør igjen med --force for å erstatte den.',
            'If the file is from refleks (for example after .refleks/manifest.json was lost), run "refleks build --adopt"; otherwise run again with --force to replace it.',
          ),
  };
}

/** Adds the PDF copy of every form to its group's set, converting all groups' forms in one LibreOffice run. */
function addPdfs(root: string, soffice: string, builds: GroupBuild[], issuedAt: Date): void {
  const pdfs = pdfCopies(
    root,
    soffice,
    builds.flatMap((b) => b.files.forms ?? []),
    issuedAt,
  );
  let next = 0;
  for (const b of builds) {
    const n = b.files.forms?.length ?? 0;
    b.files.pdf = pdfs.slice(next, (next += n));
  }
}

function runWorker(input: WorkerInput, onMessage: (m: WorkerMessage) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // A young generation three times V8's default (semi-spaces of 32 MB): rendering makes
    // much short-lived text, and fewer scavenges promote less of it; a thousand groups
    // rendered in one process took about a seventh less time so.
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: input,
      resourceLimits: { maxYoungGenerationSizeMb: 96 },
    });
    // Workers only render; stopping one loses nothing that was written.
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', onMessage);
    worker.on('error', reject);
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      if (code === 0 || signal?.aborted) resolve();
      else reject(new Error(`build worker exited with code ${code}`));
    });
  });
}
