/**
 * One form-layout cache folder for a whole test run, shared by every test
 * process and the CLI processes they start (see testEnv in cli.ts), and
 * removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'refleks-test-cache-'));
  process.env.REFLEKS_TEST_CACHE = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
