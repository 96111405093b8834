import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  PACKAGE_ROOT
} from "./chunk-FUJPT6OL.mjs";

// src/version.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
var VERSION = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")).version;

export {
  VERSION
};
