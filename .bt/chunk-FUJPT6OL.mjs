import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/paths.ts
import { fileURLToPath } from "node:url";
import { join } from "node:path";
var PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));
var BUILTIN_PROGRAMMES = join(PACKAGE_ROOT, "programmes");
var BUILTIN_TEMPLATES = join(PACKAGE_ROOT, "templates");
var SCHEMAS_DIR = join(PACKAGE_ROOT, "schemas");
var WORKSPACE_FILE = "refleks.yaml";

export {
  PACKAGE_ROOT,
  BUILTIN_PROGRAMMES,
  BUILTIN_TEMPLATES,
  SCHEMAS_DIR,
  WORKSPACE_FILE
};
