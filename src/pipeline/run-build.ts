/**
 * `refleks build`: every group's calendar, forms and packs in one run.
 * Groups whose inputs are unchanged since the last build are skipped before
 * anything is parsed; the rest are built inline or, when there are many, in
 * worker threads. Only this thread writes, one complete group at a time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Outcome } from '../core/calendar/index.js';
import { hasErrors, InputError, type Problem } from '../core/problems.js';
import type { Lang } from '../core/text.js';
import { calendarIssueTime, calendarStatePath, writeCalendarState } from '../io/calendar-state.js';
import { issueTime, recordIssueTime } from '../io/issue-time.js';
import { OutputManifest, writeFileAtomic, writeOutputs } from '../io/write-outputs.js';
import { loadProgrammes, loadSettings, loadWorkspace } from '../load/workspace.js';
import { VERSION } from '../version.js';
import type { BuildSettings, GroupBuild } from './group-outputs.js';
import { groupFingerprint, sharedFingerprint } from './fingerprint.js';
import { buildGroups, type WorkerInput, type WorkerMessage } from './run-groups.js';

export interface BuildOptions {
  only?: string[];
  force?: boolean;
  dryRun?: boolean;
  strict?: boolean;
  perPerson?: boolean;
  /** Worker threads; default: by the number of changed groups and cores. */
  jobs?: number;
  /** Language from --lang; otherwise the workspace's. */
  lang?: Lang;
  /** Stop between groups when aborted (Ctrl+C). */
  signal?: AbortSignal;
}

export type GroupStatus = 'built' | 'skipped' | 'failed';

export interface GroupReport {
  id: string;
  file: string;
  status: GroupStatus;
  invitations: Partial<Record<Outcome, number>>;
  written: number;
  unchanged: number;
  edited: string[];
  problems: Problem[];
}

export interface BuildReport {
  lang: Lang;
  groups: GroupReport[];
  workers: number;
  /** Stopped by Ctrl+C; the groups not in `groups` were not built. */
  interrupted: boolean;
}

const CACHE = '.refleks/build.json';
/** Below this many changed groups a worker's start-up costs more than it saves. */
const GROUPS_PER_WORKER = 24;

interface BuildCache {
  version: 1;
  groups: Record<string, { fingerprint: string; files: string[] }>;
}

function readCache(root: string): BuildCache {
  try {
    const c = JSON.parse(readFileSync(join(root, CACHE), 'utf8')) as BuildCache;
    if (c.version === 1 && c.groups && typeof c.groups === 'object') return c;
  } catch {
    // No cache: everything is built.
  }
  return { version: 1, groups: {} };
}

function readIfExists(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** `onGroup` gets the build's language too, so progress lines are in the workspace's language before the report is back. */
export async function runBuild(root: string, opts: BuildOptions, onGroup: (r: GroupReport, done: number, total: number, lang: Lang) => void = () => {}): Promise<BuildReport> {
  // Settings and programmes first: a problem there concerns every group.
  const { settings, problems: settingsProblems } = loadSettings(root);
  const { problems: programmeProblems } = loadProgrammes(root);
  const shared = [...settingsProblems, ...programmeProblems];
  if (!settings || hasErrors(shared)) throw new InputError(shared);
  const lang = opts.lang ?? settings.language;

  const buildSettings: BuildSettings = {
    lang,
    version: VERSION,
    issuedAt: '',
    calendarIssuedAt: '',
    strict: !!opts.strict,
    perPerson: !!opts.perPerson,
  };
  const sharedFp = sharedFingerprint(root, { lang, strict: buildSettings.strict, perPerson: buildSettings.perPerson });
  const cache = readCache(root);

  const groupDir = join(root, 'groups');
  let files = existsSync(groupDir) ? readdirSync(groupDir).filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith('.')).sort() : [];
  const idOf = (f: string) => basename(f).replace(/\.ya?ml$/i, '');
  if (opts.only?.length) {
    const wanted = new Set(opts.only.map(idOf));
    files = files.filter((f) => wanted.has(idOf(f)));
  }

  const reports = new Map<string, GroupReport>();
  const bytesOf = new Map<string, Uint8Array>();
  const toBuild: string[] = [];
  let done = 0;
  for (const f of files) {
    const id = idOf(f);
    const bytes = readFileSync(join(groupDir, f));
    bytesOf.set(id, bytes);
    const fp = groupFingerprint(sharedFp, bytes, readIfExists(calendarStatePath(root, id)));
    const cached = cache.groups[id];
    if (!opts.force && cached?.fingerprint === fp && cached.files.every((p) => existsSync(join(root, p)))) {
      const r: GroupReport = { id, file: `groups/${f}`, status: 'skipped', invitations: {}, written: 0, unchanged: cached.files.length, edited: [], problems: [] };
      reports.set(id, r);
      onGroup(r, ++done, files.length, lang);
    } else {
      toBuild.push(id);
    }
  }
  if (!toBuild.length) return { lang, groups: files.map((f) => reports.get(idOf(f))!), workers: 0, interrupted: false };

  // Recorded only once a group is written: a failed build leaves no trace.
  const issuedAt = issueTime(root, { record: false });
  buildSettings.issuedAt = issuedAt.toISOString();
  let cacheChanged = false;
  buildSettings.calendarIssuedAt = calendarIssueTime().toISOString();
  const manifest = new OutputManifest(root);

  const idOfFile = new Map(files.map((f) => [`groups/${f}`, idOf(f)]));
  // Warnings from loading a group are reported with its build.
  const loadWarnings = new Map<string, Problem[]>();
  const finish = (r: GroupReport) => {
    reports.set(r.id, r);
    onGroup(r, ++done, files.length, lang);
  };
  const failed = (file: string, problems: Problem[]): GroupReport => ({ id: idOfFile.get(file)!, file, status: 'failed', invitations: {}, written: 0, unchanged: 0, edited: [], problems });

  const handleLoadProblems = (problems: Problem[]) => {
    const byFile = new Map<string, Problem[]>();
    for (const p of problems) byFile.set(p.file ?? '', [...(byFile.get(p.file ?? '') ?? []), p]);
    for (const [file, list] of byFile) {
      // Settings and programmes were checked before any group was built;
      // each worker reading them again must not report them again.
      if (!idOfFile.has(file)) {
        if (hasErrors(list)) throw new InputError(list);
        continue;
      }
      if (hasErrors(list)) finish(failed(file, list));
      else loadWarnings.set(file, list);
    }
  };

  const handleGroup = (result: GroupBuild) => {
    // After Ctrl+C, results still arriving are not written: what is on disk
    // stays a set of whole groups.
    if (opts.signal?.aborted) return;
    const problems = [...(loadWarnings.get(result.file) ?? []), ...result.problems];
    if (hasErrors(result.problems)) return finish(failed(result.file, problems));
    const id = idOfFile.get(result.file)!;
    const written = writeOutputs(root, result.files, { dryRun: !!opts.dryRun, force: !!opts.force }, manifest);
    if (!opts.dryRun) recordIssueTime(root, issuedAt);
    const invitations: Partial<Record<Outcome, number>> = {};
    for (const o of result.calendar?.outcomes ?? []) invitations[o.outcome] = (invitations[o.outcome] ?? 0) + 1;
    if (!opts.dryRun) {
      if (result.calendar) writeCalendarState(root, result.calendar.state);
      // The state just written is part of the next run's input, read the way
      // the next run will read it (by the file's name).
      cache.groups[id] = { fingerprint: groupFingerprint(sharedFp, bytesOf.get(id)!, readIfExists(calendarStatePath(root, id))), files: result.files.map((f) => f.path) };
      cacheChanged = true;
    }
    finish({
      id,
      file: result.file,
      status: 'built',
      invitations,
      written: opts.dryRun ? written.files.filter((f) => f.outcome === 'planned').length : written.written.length,
      unchanged: written.unchanged.length,
      edited: written.edited,
      problems,
    });
  };

  const jobs = Math.max(1, Math.min(opts.jobs ?? Math.min(availableParallelism(), Math.ceil(toBuild.length / GROUPS_PER_WORKER)), toBuild.length, 16));
  try {
    if (jobs === 1) {
      const { workspace, problems } = loadWorkspace(root, { only: toBuild });
      handleLoadProblems(problems);
      if (workspace) await buildGroups(workspace, buildSettings, (m) => m.type === 'group' && handleGroup(m.result), opts.signal);
    } else {
      const chunks: string[][] = Array.from({ length: jobs }, () => []);
      toBuild.forEach((id, i) => chunks[i % jobs]!.push(id));
      await Promise.all(chunks.map((ids) => runWorker({ root, ids, settings: buildSettings }, (m) => {
        if (m.type === 'load') handleLoadProblems(m.problems);
        else if (m.type === 'group') handleGroup(m.result);
      }, opts.signal)));
    }
  } finally {
    if (!opts.dryRun) {
      manifest.save();
      if (cacheChanged) writeFileAtomic(join(root, CACHE), JSON.stringify(cache) + '\n');
    }
  }
  return { lang, groups: files.map((f) => reports.get(idOf(f))).filter((r): r is GroupReport => !!r), workers: jobs === 1 ? 0 : jobs, interrupted: !!opts.signal?.aborted };
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
