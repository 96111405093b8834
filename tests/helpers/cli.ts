/**
 * End-to-end helpers: copy a fixture workspace to a temporary folder and run
 * the built CLI on it, in this process (runCli) or as a separate one (runCliProcess).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RunOptions } from '../../src/cli.js';
import { createHash } from 'node:crypto';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'refleks.js');
export const DEMO = join(ROOT, 'examples', 'demo');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The form-layout cache the runs of a test run share: a folder of its own
 * (never the user's), made and removed by tests/helpers/global-setup.ts, so
 * a layout is rendered once rather than in every run. Tests of the cache
 * itself set their own.
 */
function testCache(): string {
  const dir = process.env.REFLEKS_TEST_CACHE;
  if (!dir) throw new Error('REFLEKS_TEST_CACHE is not set: run the tests with vitest (tests/helpers/global-setup.ts)');
  return dir;
}

/** The environment every run gets: hermetic, with a form-layout cache of this test process only. */
function testEnv(env: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NO_COLOR: '1',
    TZ: 'Europe/Oslo',
    ...(env.REFLEKS_CACHE || env.REFLEKS_CACHE_DIR ? {} : { REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: testCache() }),
    ...env,
  };
}

/** The built CLI as a separate process, the way a coordinator runs it (for exit codes, stdin, signals). */
export function runCliProcess(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): CliResult {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    input: opts.input ?? '',
    env: testEnv(opts.env),
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** What the code reads from the environment; set for a run in this process and put back after. */
const ENV_READ = /^(TZ|NO_COLOR|SOURCE_DATE_EPOCH|REFLEKS_.*|XDG_CACHE_HOME|HOME)$/;

let cli: Promise<{ main: (opts: RunOptions) => Promise<number> }> | undefined;

/**
 * The built CLI's main() (dist/bundle, what bin/refleks.js runs) in this test
 * process, with its output captured: the same code without starting Node each
 * time. Not for tests of stdin, signals or a fresh process's module loading.
 * Runs must not overlap (tests in a file run one at a time).
 */
export async function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  cli ??= import(pathToFileURL(join(ROOT, 'dist', 'bundle', 'cli.js')).href);
  const { main } = await cli;
  const env = testEnv(opts.env);
  const saved: Record<string, string | undefined> = {};
  for (const key of new Set([...Object.keys(process.env).filter((k) => ENV_READ.test(k)), ...Object.keys(env)])) {
    saved[key] = process.env[key];
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
  let stdout = '';
  let stderr = '';
  try {
    const code = await main({
      argv: args,
      cwd: opts.cwd ?? ROOT,
      env: process.env,
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
      isTTY: false,
    });
    return { code, stdout, stderr };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * What a workspace holds that a person wrote: everything else (the output
 * folder, `.refleks/`) is what a run of refleks left, e.g. `npm run demo`.
 */
export const WORKSPACE_INPUTS = [
  'refleks.yaml',
  'logo.png',
  'groups',
  'programmes',
  'templates',
  'attendance',
  'utfylt',
];

/** Copies a workspace's own files (WORKSPACE_INPUTS that exist), never earlier outputs. */
export function copyInputs(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of WORKSPACE_INPUTS) {
    if (existsSync(join(from, name))) cpSync(join(from, name), join(to, name), { recursive: true });
  }
}

/** A fresh copy of a fixture workspace (default: the demo) in a temp folder. */
export function copyWorkspace(from: string = DEMO): string {
  const dir = mkdtempSync(join(tmpdir(), 'refleks-test-'));
  copyInputs(from, dir);
  return dir;
}

/** Every file below a folder, as paths relative to it, sorted; none if it does not exist. */
export function filesBelow(dir: string, ending = ''): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const name of entries.sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(ending)) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Every file below a folder with its SHA-256, for "nothing changed" assertions. */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of filesBelow(dir))
    out[f] = createHash('sha256')
      .update(readFileSync(join(dir, f)))
      .digest('hex');
  return out;
}

/** Fresh copies of a workspace for each test, removed after it. */
export function scratchWorkspaces(from: string = DEMO): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = copyWorkspace(from);
    dirs.push(dir);
    return dir;
  };
}
