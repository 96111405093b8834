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
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SessionOutcome } from '../core/calendar/index.js';
import type { WorkspaceSettings } from '../core/model.js';
import { hasErrors, InputError, UsageError, type Problem } from '../core/problems.js';
import type { GroupPlan } from '../core/schedule.js';
import { t, type Lang } from '../core/text.js';
import { calendarIssueTime, calendarStatePath, saveCalendarState } from '../io/calendar-state.js';
import { issueTime, recordIssueTime } from '../io/issue-time.js';
import { pdfCopies, requireSoffice } from '../io/pdf-convert.js';
import { OutputManifest, writeOutputs, type WriteReport } from '../io/write-outputs.js';
import { fileMatches, listGroupFiles } from '../load/group-files.js';
import { loadProgrammes, loadSettings, loadWorkspace } from '../load/workspace.js';
import { VERSION } from '../version.js';
import { BuildCache } from './build-cache.js';
import { groupFingerprint, sharedFingerprint } from './fingerprint.js';
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
  /** Worker threads; default: by the number of groups and cores. */
  jobs?: number;
  /** Stop between groups when aborted (Ctrl+C). */
  signal?: AbortSignal;
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
}

export interface OutputHooks {
  /** The workspace settings are read, so the language is known. */
  onStart?(lang: Lang): void;
  /** A group is final (built, skipped, failed or held). */
  /** Gets the run's language too, so progress lines are in the workspace's language before the run is back. */
  onGroup?(r: GroupResult, done: number, total: number, lang: Lang): void;
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
  if (missing.length) throw new UsageError(t(`fant ikke gruppen ${missing.join(', ')} i groups/`, `no group ${missing.join(', ')} in groups/`));
  return files.filter((f) => fileMatches(root, f, wanted));
}

function readIfExists(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

export async function runOutputs(root: string, req: OutputRequest, hooks: OutputHooks = {}): Promise<OutputRun> {
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
    allOrNothing: !!req.allOrNothing,
  };

  const results = new Map<string, GroupResult>();
  let done = 0;
  const finish = (r: GroupResult) => {
    results.set(r.id, r);
    hooks.onGroup?.(r, ++done, files.length, lang);
  };
  const ordered = () => files.map((f) => results.get(idOf(f))).filter((r): r is GroupResult => !!r);

  // Skip what is unchanged, judged from raw bytes before anything is parsed.
  const cache = req.incremental ? new BuildCache(root) : undefined;
  // No language here: --lang changes messages, not outputs, so it must not make a group look changed.
  const options = {
    strict: render.strict,
    perPerson: render.perPerson,
    ...(soffice ? { pdf: true } : {}),
    ...(req.templatesDir ? { templates: req.templatesDir } : {}),
  };
  const sharedFp = cache ? sharedFingerprint(root, options, req.templatesDir) : '';
  const groupBytes = new Map<string, Uint8Array>();
  const fingerprint = (id: string) => groupFingerprint(sharedFp, groupBytes.get(id)!, readIfExists(calendarStatePath(root, id)));
  const toBuild: string[] = [];
  for (const f of files) {
    const id = idOf(f);
    if (cache) {
      groupBytes.set(id, readFileSync(join(root, 'groups', f)));
      const unchanged = !req.force ? cache.upToDate(id, fingerprint(id)) : undefined;
      if (unchanged) {
        const write = { ...noWrites(), files: unchanged.map((path) => ({ path, outcome: 'unchanged' as const })), unchanged };
        finish({ id, groupId: id, file: `groups/${f}`, status: 'skipped', outcomes: [], write, problems: [] });
        continue;
      }
    }
    toBuild.push(id);
  }
  if (!toBuild.length) return { lang, settings, groups: ordered(), workers: 0, interrupted: false };

  // Recorded only once a group is written: a failed run leaves no trace.
  const issuedAt = issueTime(root, { record: false });
  render.issuedAt = issuedAt.toISOString();
  render.calendarIssuedAt = calendarIssueTime().toISOString();
  const manifest = new OutputManifest(root);

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
    outcomes: build.calendar?.outcomes ?? [],
    write,
    ...(build.plan ? { plan: build.plan } : {}),
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

  /** One group's set in one step: files, then its calendar state, then the records of both. */
  const commit = (build: GroupBuild, problems: Problem[]) => {
    const id = idOfFile.get(build.file)!;
    const files = allFiles(build);
    const write = writeOutputs(root, files, { dryRun, force: !!req.force }, manifest);
    if (!dryRun) {
      recordIssueTime(root, issuedAt);
      if (build.calendar) saveCalendarState(root, build.calendar.state);
      // The state just saved is part of the next run's input, read the way
      // the next run will read it (by the file's name).
      cache?.set(id, fingerprint(id), files.map((f) => f.path));
    }
    finish(resultOf(build, 'built', problems, write));
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

  const jobs = Math.max(1, Math.min(req.jobs ?? Math.min(availableParallelism(), Math.ceil(toBuild.length / GROUPS_PER_WORKER)), toBuild.length, 16));
  try {
    if (jobs === 1) {
      const { workspace, problems } = loadWorkspace(root, { only: toBuild });
      handleLoadProblems(problems);
      if (workspace) await buildGroups(workspace, render, problems, (m) => m.type === 'group' && handleGroup(m.result), req.signal);
    } else {
      const chunks: string[][] = Array.from({ length: jobs }, () => []);
      toBuild.forEach((id, i) => chunks[i % jobs]!.push(id));
      await Promise.all(chunks.map((ids) => runWorker({ root, ids, settings: render }, (m) => {
        if (m.type === 'load') handleLoadProblems(m.problems);
        else if (m.type === 'group') handleGroup(m.result);
      }, req.signal)));
    }

    if (gather && !req.signal?.aborted) {
      if (render.allOrNothing && ordered().some((r) => r.status === 'failed')) {
        for (const { build, problems } of rendered) finish(resultOf(build, 'held', problems));
      } else {
        // Workers finish in any order; groups are written in the order of their files.
        const position = new Map(files.map((f, i) => [`groups/${f}`, i]));
        rendered.sort((a, b) => position.get(a.build.file)! - position.get(b.build.file)!);
        if (soffice) addPdfs(root, soffice, rendered.map((r) => r.build), issuedAt);
        for (const { build, problems } of rendered) {
          if (req.signal?.aborted) break;
          commit(build, problems);
        }
      }
    }
  } finally {
    if (!dryRun) {
      manifest.save();
      cache?.save();
    }
  }
  return { lang, settings, groups: ordered(), workers: jobs === 1 ? 0 : jobs, interrupted: !!req.signal?.aborted };
}

/** Adds the PDF copy of every form to its group's set, converting all groups' forms in one LibreOffice run. */
function addPdfs(root: string, soffice: string, builds: GroupBuild[], issuedAt: Date): void {
  const pdfs = pdfCopies(root, soffice, builds.flatMap((b) => b.files.forms ?? []), issuedAt);
  let next = 0;
  for (const b of builds) {
    const n = b.files.forms?.length ?? 0;
    b.files.pdf = pdfs.slice(next, (next += n));
  }
}

function runWorker(input: WorkerInput, onMessage: (m: WorkerMessage) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: input });
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
