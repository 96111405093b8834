import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  markSent
} from "./chunk-EYQPWTZ5.mjs";
import "./chunk-D5ZROK2N.mjs";
import "./chunk-ODMSC6MY.mjs";
import "./chunk-74R4QDXV.mjs";
import {
  openWorkspace
} from "./chunk-QSFKID5M.mjs";
import {
  say
} from "./chunk-KYWUEDKV.mjs";
import "./chunk-JGOQCCTN.mjs";
import "./chunk-M4VNML75.mjs";
import "./chunk-FUJPT6OL.mjs";
import "./chunk-JMJE6DP2.mjs";
import "./chunk-W5O3JMDT.mjs";
import "./chunk-DUHYSVVC.mjs";
import "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/commands/sent.ts
function run(ctx, groups = []) {
  const ws = openWorkspace(ctx, { only: groups });
  let total = 0;
  for (const g of ws.groups) {
    const n = markSent(ws.root, g.id);
    total += n;
    if (n) say(ctx, t(`${g.id}: ${n} ${n === 1 ? "invitasjon" : "invitasjoner"} merket som sendt`, `${g.id}: ${n} invitation${n === 1 ? "" : "s"} marked as sent`));
  }
  if (!total) say(ctx, t("Ingen invitasjoner ventet p\xE5 \xE5 bli sendt.", "No invitations were waiting to be sent."));
  return 0;
}
export {
  run
};
