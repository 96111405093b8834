import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  buildGroups
} from "../chunk-TI3BOJIN.mjs";
import "../chunk-OUMMSEYM.mjs";
import "../chunk-4RIZZ4NV.mjs";
import "../chunk-DCLAYZXH.mjs";
import "../chunk-G3YWCE5X.mjs";
import "../chunk-D5ZROK2N.mjs";
import "../chunk-ODMSC6MY.mjs";
import "../chunk-74R4QDXV.mjs";
import "../chunk-HGIWPUE4.mjs";
import {
  loadWorkspace
} from "../chunk-JGOQCCTN.mjs";
import "../chunk-M4VNML75.mjs";
import "../chunk-FUJPT6OL.mjs";
import "../chunk-426QVGET.mjs";
import "../chunk-FNY576GM.mjs";
import "../chunk-JMJE6DP2.mjs";
import "../chunk-W5O3JMDT.mjs";
import "../chunk-DUHYSVVC.mjs";
import "../chunk-4FZNDNJ7.mjs";
import "../chunk-DAJR5TUZ.mjs";

// src/build/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var input = workerData;
var post = (m) => parentPort.postMessage(m);
var { workspace, problems } = loadWorkspace(input.root, { only: input.ids });
post({ type: "load", problems });
if (workspace) await buildGroups(workspace, input.settings, post);
post({ type: "done" });
