import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root: the nearest folder up with our package.json.
 * This module runs from `src/` (tests), `dist/` (library) and `dist/bundle/`
 * (the CLI), so the depth is not fixed.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'programmes'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('refleks: cannot find the package folder');
    dir = parent;
  }
}

export const PACKAGE_ROOT = packageRoot();
export const BUILTIN_PROGRAMMES = join(PACKAGE_ROOT, 'programmes');
export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, 'templates');
export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
export const WORKSPACE_FILE = 'refleks.yaml';

/**
 * A path as messages show it: relative to `from` (the workspace, or where the
 * command runs) and with `/` on every platform, so what people copy from a
 * message into the command line works in PowerShell and cmd too.
 */
export function shownPath(from: string, abs: string): string {
  return (relative(from, abs) || '.').split(sep).join('/');
}
