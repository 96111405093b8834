import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  escapeMarkdown,
  packDir,
  packFiles
} from "./chunk-AI7AVXKV.mjs";
import "./chunk-FNY576GM.mjs";
import "./chunk-W5O3JMDT.mjs";
import "./chunk-DAJR5TUZ.mjs";
export {
  escapeMarkdown,
  packDir,
  packFiles
};
