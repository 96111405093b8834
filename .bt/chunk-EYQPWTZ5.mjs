import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  readCalendarState
} from "./chunk-D5ZROK2N.mjs";
import {
  writeFileAtomic
} from "./chunk-74R4QDXV.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/io/calendar-pending.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
function sentPath(root, groupId) {
  return join(root, ".refleks", "sent", `${groupId}.json`);
}
function readSent(root, groupId) {
  const path = sentPath(root, groupId);
  if (existsSync(path)) {
    try {
      const s = JSON.parse(readFileSync(path, "utf8"));
      if (s.version === 1 && s.sessions && typeof s.sessions === "object") return s;
    } catch {
    }
  }
  return { version: 1, sessions: {} };
}
function pendingFor(root, state) {
  if (!state) return [];
  const sent = readSent(root, state.group);
  return Object.entries(state.sessions).filter(([n, s]) => sent.sessions[n] !== s.sequence).map(([n, s]) => ({ number: Number(n), sequence: s.sequence, cancelled: s.cancelled })).sort((a, b) => a.number - b.number);
}
function markSent(root, groupId) {
  const state = readCalendarState(root, groupId);
  const pending = pendingFor(root, state);
  if (!state || !pending.length) return 0;
  const sessions = Object.fromEntries(Object.entries(state.sessions).map(([n, s]) => [n, s.sequence]));
  writeFileAtomic(sentPath(root, groupId), JSON.stringify({ version: 1, sessions }, null, 2) + "\n");
  return pending.length;
}
function pendingInvitations(ws) {
  const out = /* @__PURE__ */ new Map();
  for (const g of ws.groups) {
    let pending;
    try {
      pending = pendingFor(ws.root, readCalendarState(ws.root, g.id));
    } catch {
      continue;
    }
    if (!pending.length) continue;
    const list = pending.map((p) => `${p.number}${p.cancelled ? " (avlyst)" : ""}`).join(", ");
    const listEn = pending.map((p) => `${p.number}${p.cancelled ? " (cancelled)" : ""}`).join(", ");
    out.set(g.id, [t(
      `${pending.length} ${pending.length === 1 ? "invitasjon er" : "invitasjoner er"} ikke sendt enn\xE5: samling ${list} (${ws.settings.output}/${g.id}/invitasjoner/). Kj\xF8r \xABrefleks sent ${g.id}\xBB n\xE5r de er sendt.`,
      `${pending.length} invitation${pending.length === 1 ? " is" : "s are"} not sent yet: session ${listEn} (${ws.settings.output}/${g.id}/invitasjoner/). Run "refleks sent ${g.id}" once they are sent.`
    )]);
  }
  return out;
}

export {
  markSent,
  pendingInvitations
};
