/**
 * One writer at a time: `.refleks/lock` holds the process id, the host and
 * the start time of the refleks that is writing. Two builds (or a build and a
 * schedule, a send and a sent) would otherwise each read the manifest and the
 * calendar state, write, and save over each other's records.
 *
 * The file is created whole or not at all (written under a temporary name,
 * then hard-linked to `lock`, which fails if it exists). A lock left by a
 * process that no longer runs on this host (`kill -9`, a crash) is taken over
 * with a line saying so; one from another host is reported, since refleks
 * cannot see whether that process still runs.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../core/problems.js';
import { t } from '../core/text.js';

export const LOCK_FILE = '.refleks/lock';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO instant. */
  started: string;
  command: string;
}

export interface LockOptions {
  command: string;
  /** How long to wait for another run to finish; default 10 s (REFLEKS_LOCK_WAIT_MS overrides). */
  waitMs?: number;
  /** Called once when the lock is held by a live process and we start waiting. */
  onWait?(holder: LockHolder): void;
  /** Called when a lock left by a process that no longer runs is taken over. */
  onStale?(holder: LockHolder): void;
}

/** Locks this process holds, by workspace: a command that locks and calls one that locks again is one holder. */
const held = new Map<string, { count: number; token: string }>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string') {
      return { pid: h.pid, host: h.host, started: String(h.started ?? ''), command: String(h.command ?? '') };
    }
  } catch {
    // Gone, or not ours: treated as no holder below.
  }
  return undefined;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Local time of day, as messages show it (13.05). */
function clock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '?';
  return `${String(d.getHours()).padStart(2, '0')}.${String(d.getMinutes()).padStart(2, '0')}`;
}

export class WorkspaceLockedError extends InputError {
  constructor(readonly holder: LockHolder) {
    const same = holder.host === hostname();
    super([
      {
        severity: 'error',
        file: LOCK_FILE,
        message: t(
          `en annen refleks skriver i arbeidsområdet («refleks ${holder.command}», prosess ${holder.pid} på ${holder.host}, startet kl. ${clock(holder.started)})`,
          `another refleks is writing in the workspace ("refleks ${holder.command}", process ${holder.pid} on ${holder.host}, started at ${clock(holder.started)})`,
        ),
        hint: same
          ? t('Vent til den er ferdig og kjør igjen.', 'Wait until it has finished and run again.')
          : t(
              `Vent til den er ferdig og kjør igjen. Kjører ingen refleks på ${holder.host} lenger, kan du slette ${LOCK_FILE}.`,
              `Wait until it has finished and run again. If no refleks runs on ${holder.host} any more, you can delete ${LOCK_FILE}.`,
            ),
      },
    ]);
    this.name = 'WorkspaceLockedError';
  }
}

/**
 * Takes the workspace's lock, waiting a little for another run to finish.
 * Returns the function that releases it (call it in a `finally`).
 */
export function lockWorkspace(root: string, opts: LockOptions): () => void {
  const path = join(root, LOCK_FILE);
  const mine = held.get(path);
  if (mine) {
    mine.count++;
    return once(() => release(path));
  }
  mkdirSync(join(root, '.refleks'), { recursive: true });
  const token = randomBytes(8).toString('hex');
  const me: LockHolder & { token: string } = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    command: opts.command,
    token,
  };
  const envWait = Number(process.env.REFLEKS_LOCK_WAIT_MS);
  const waitMs = opts.waitMs ?? (Number.isFinite(envWait) && envWait >= 0 ? envWait : 10_000);
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    if (create(root, path, JSON.stringify(me) + '\n', token)) {
      held.set(path, { count: 1, token });
      return once(() => release(path));
    }
    const holder = readHolder(path);
    // A process of this host that is gone, or this process itself after a run that did not release: stale.
    if (holder && holder.host === me.host && (!alive(holder.pid) || holder.pid === process.pid)) {
      opts.onStale?.(holder);
      takeOver(path, holder);
      continue;
    }
    if (!holder) {
      // Being created or removed this instant: look again shortly. Unreadable
      // for seconds (a crash between creating and writing it): a stale lock.
      let age: number;
      try {
        age = Date.now() - statSync(path).mtimeMs;
      } catch {
        continue;
      }
      if (age > 5000) {
        opts.onStale?.({ pid: 0, host: me.host, started: new Date(Date.now() - age).toISOString(), command: '?' });
        rmSync(path, { force: true });
        continue;
      }
      sleep(50);
      continue;
    }
    if (Date.now() >= deadline) throw new WorkspaceLockedError(holder);
    if (!told) {
      opts.onWait?.(holder);
      told = true;
    }
    sleep(Math.min(200, Math.max(1, deadline - Date.now())));
  }
}

/** The holder of the workspace's lock if it is a process that runs (or may run, on another host). */
export function liveLockHolder(root: string): LockHolder | undefined {
  const holder = readHolder(join(root, LOCK_FILE));
  if (!holder) return undefined;
  if (
    holder.host === hostname() &&
    (!alive(holder.pid) || (holder.pid === process.pid && !held.has(join(root, LOCK_FILE))))
  )
    return undefined;
  return holder;
}

/**
 * Creates the lock file with its content, or returns false if it exists. A
 * hard link makes it appear whole; where the disk has no hard links (some
 * network shares) an exclusive create and a write do, and a reader that
 * meets it empty looks again a moment later.
 */
function create(root: string, path: string, content: string, token: string): boolean {
  const tmp = join(root, '.refleks', `.lock-${token}.tmp`);
  writeFileSync(tmp, content);
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EOPNOTSUPP', 'EACCES'].includes(code ?? '')) throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Removes a stale lock, unless another process took it over first. */
function takeOver(path: string, stale: LockHolder): void {
  const now = readHolder(path);
  if (now && now.pid === stale.pid && now.host === stale.host && now.started === stale.started)
    rmSync(path, { force: true });
}

function release(path: string): void {
  const mine = held.get(path);
  if (!mine || --mine.count > 0) return;
  held.delete(path);
  try {
    // Only our own lock: a lock someone deleted and another run took is theirs.
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { token?: string };
    if (raw.token === mine.token) rmSync(path, { force: true });
  } catch {
    // Already gone.
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}
