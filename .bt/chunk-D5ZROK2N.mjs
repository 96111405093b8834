import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  sourceDateEpoch
} from "./chunk-ODMSC6MY.mjs";
import {
  writeFileAtomic
} from "./chunk-74R4QDXV.mjs";

// src/io/calendar-state.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
function calendarIssueTime(env = process.env, now = Date.now) {
  return sourceDateEpoch(env) ?? new Date(Math.floor(now() / 1e3) * 1e3);
}
function calendarStatePath(root, groupId) {
  return join(root, ".refleks", "calendar", `${groupId}.json`);
}
function readCalendarState(root, groupId) {
  const path = calendarStatePath(root, groupId);
  if (!existsSync(path)) return void 0;
  const raw = readFileSync(path, "utf8");
  let data;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new DamagedStateError(path);
  }
  const s = data;
  if (!s || s.version !== 1 || typeof s.sessions !== "object" || s.sessions === null) throw new DamagedStateError(path);
  for (const v of Object.values(s.sessions)) {
    if (typeof v?.uid !== "string" || typeof v.sequence !== "number" || typeof v.dtstamp !== "string" || typeof v.hash !== "string" || !v.issued) {
      throw new DamagedStateError(path);
    }
  }
  return s;
}
function writeCalendarState(root, state) {
  writeFileAtomic(calendarStatePath(root, state.group), JSON.stringify(state, null, 2) + "\n");
}
var DamagedStateError = class extends Error {
  constructor(path) {
    super(`damaged calendar state: ${path}`);
    this.path = path;
    this.name = "DamagedStateError";
  }
  path;
};

export {
  calendarIssueTime,
  calendarStatePath,
  readCalendarState,
  writeCalendarState,
  DamagedStateError
};
