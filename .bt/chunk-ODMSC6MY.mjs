import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-74R4QDXV.mjs";

// src/io/issue-time.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
var FILE = ".refleks/issued.json";
function sourceDateEpoch(env = process.env) {
  const raw = env.SOURCE_DATE_EPOCH;
  if (!raw || !/^\d+$/.test(raw)) return void 0;
  return new Date(Number(raw) * 1e3);
}
function issueTime(root, opts = {}) {
  const fromEnv = sourceDateEpoch(opts.env ?? process.env);
  if (fromEnv) return fromEnv;
  const path = join(root, FILE);
  if (existsSync(path)) {
    try {
      const { issuedAt } = JSON.parse(readFileSync(path, "utf8"));
      if (issuedAt && !Number.isNaN(Date.parse(issuedAt))) return new Date(issuedAt);
    } catch {
    }
  }
  const now = new Date(Math.floor((opts.now?.() ?? /* @__PURE__ */ new Date()).getTime() / 1e3) * 1e3);
  if (opts.record !== false) writeFileAtomic(path, JSON.stringify({ issuedAt: now.toISOString() }, null, 2) + "\n");
  return now;
}
function recordIssueTime(root, at, env = process.env) {
  if (sourceDateEpoch(env) || existsSync(join(root, FILE))) return;
  writeFileAtomic(join(root, FILE), JSON.stringify({ issuedAt: at.toISOString() }, null, 2) + "\n");
}

export {
  sourceDateEpoch,
  issueTime,
  recordIssueTime
};
