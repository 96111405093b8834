import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  table
} from "./chunk-RS7H4E2V.mjs";
import {
  openWorkspace
} from "./chunk-QSFKID5M.mjs";
import {
  say
} from "./chunk-KYWUEDKV.mjs";
import "./chunk-JGOQCCTN.mjs";
import "./chunk-M4VNML75.mjs";
import "./chunk-FUJPT6OL.mjs";
import {
  formatShortDate
} from "./chunk-FNY576GM.mjs";
import "./chunk-JMJE6DP2.mjs";
import "./chunk-W5O3JMDT.mjs";
import "./chunk-DUHYSVVC.mjs";
import "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/commands/groups.ts
function run(ctx) {
  const ws = openWorkspace(ctx);
  const L = ctx.lang;
  if (!ws.groups.length) {
    say(ctx, t("Ingen grupper enn\xE5. Lag en med \xABrefleks new-group\xBB.", 'No groups yet. Create one with "refleks new-group".'));
    return 0;
  }
  const rows = ws.groups.map((g) => [g.id, g.name, g.programmeId, g.facilitator.name, String(g.participants.length), formatShortDate(g.start, L)]);
  const header = [t("id", "id")[L], t("navn", "name")[L], t("program", "programme")[L], t("veileder", "facilitator")[L], t("deltakere", "participants")[L], t("f\xF8rste samling", "first session")[L]];
  for (const line of table(rows, header)) ctx.out(line);
  return 0;
}
export {
  run
};
