import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The installed package's root, from both `src/` (tests) and `dist/` (built). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUILTIN_PROGRAMMES = join(PACKAGE_ROOT, 'programmes');
export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, 'templates');
export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
export const WORKSPACE_FILE = 'refleks.yaml';
