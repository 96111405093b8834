import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  PACKAGE_ROOT
} from "./chunk-FUJPT6OL.mjs";
import {
  buildWording,
  wordingPaths
} from "./chunk-426QVGET.mjs";

// src/io/form-wording.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
function loadFormWording(ws, programmeId, lang) {
  const layers = [];
  for (const { origin, path } of wordingPaths(programmeId, lang)) {
    const abs = join(origin === "built-in" ? PACKAGE_ROOT : ws.root, path);
    if (!existsSync(abs) || !statSync(abs).isFile()) continue;
    layers.push({ display: origin === "built-in" ? `(refleks) ${path}` : path, bytes: readFileSync(abs) });
  }
  return buildWording(layers);
}

export {
  loadFormWording
};
