/**
 * Real clients (LibreOffice, Python's icalendar/vobject/python-docx, libical, Chromium, tmux)
 * are installed by .ci/run. On a developer machine without them the tests that
 * need them are skipped; under CI a missing tool fails instead, so a green CI
 * always means the real clients were run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

export function hasPythonModule(mod: string): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', `import ${mod}`]).status === 0;
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/**
 * `npm run test:no-clients` (REFLEKS_TESTS=no-clients): every check that needs
 * a real client is skipped, to time the rest of the suite on its own.
 */
export const NO_CLIENTS = process.env.REFLEKS_TESTS === 'no-clients';

/** True if the test should run; throws under CI when the tool is missing. */
export function requireTool(available: boolean, name: string): boolean {
  if (NO_CLIENTS) return false;
  if (!available && process.env.CI && process.env.CI !== 'false')
    throw new Error(`${name} is missing, but CI must run this check (see .ci/run)`);
  return available;
}
