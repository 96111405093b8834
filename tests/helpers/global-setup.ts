/**
 * A temporary folder for the whole test run: every test process, and every
 * program the tests start (the CLI, LibreOffice, Chromium, Python), gets it
 * as TMPDIR, so the workspace copies and scratch folders the tests make are
 * all below it and removed when the run ends, instead of piling up in /tmp.
 * The form-layout cache the runs share (see testEnv in cli.ts) is in it too.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const run = mkdtempSync(join(tmpdir(), 'refleks-tests-'));
  const cache = join(run, 'form-layouts');
  mkdirSync(cache, { mode: 0o700 });
  process.env.TMPDIR = run;
  process.env.REFLEKS_TEST_CACHE = cache;
  return () => {
    try {
      rmSync(run, { recursive: true, force: true });
    } catch {
      // A folder still mounted (a test's tmpfs after a crash) stays; the rest is gone.
    }
  };
}
