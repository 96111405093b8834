import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  table
} from "./chunk-RS7H4E2V.mjs";
import {
  workspaceRoot
} from "./chunk-QSFKID5M.mjs";
import {
  printProblems,
  say
} from "./chunk-KYWUEDKV.mjs";
import {
  loadProgrammes
} from "./chunk-JGOQCCTN.mjs";
import "./chunk-M4VNML75.mjs";
import "./chunk-FUJPT6OL.mjs";
import "./chunk-JMJE6DP2.mjs";
import "./chunk-W5O3JMDT.mjs";
import {
  closest
} from "./chunk-DUHYSVVC.mjs";
import {
  InputError,
  UsageError,
  hasErrors
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/commands/programmes.ts
function run(ctx, sub, id) {
  const root = workspaceRoot(ctx, true);
  const { programmes, problems } = loadProgrammes(root);
  if (hasErrors(problems)) throw new InputError(problems);
  printProblems(ctx, problems);
  const L = ctx.lang;
  if (sub === void 0) {
    const rows = [...programmes.values()].map((p2) => [p2.id, p2.shortTitle, String(p2.themes.length), p2.source.origin === "built-in" ? t("innebygd", "built-in")[L] : p2.source.display]);
    for (const line of table(rows, [t("id", "id")[L], t("program", "programme")[L], t("temaer", "themes")[L], t("kilde", "source")[L]])) ctx.out(line);
    return 0;
  }
  if (sub !== "show" && sub !== "vis") throw new UsageError(t(`ukjent underkommando \xAB${sub}\xBB; bruk \xABrefleks programmes show ID\xBB`, `unknown subcommand "${sub}"; use "refleks programmes show ID"`));
  if (!id) throw new UsageError(t("mangler programmets id, for eksempel \xABrefleks programmes show mestring\xBB", 'missing the programme id, e.g. "refleks programmes show mestring"'));
  const p = programmes.get(id);
  if (!p) {
    const guess = closest(id, [...programmes.keys()]);
    throw new UsageError(t(`ukjent program \xAB${id}\xBB${guess ? `; mente du \xAB${guess}\xBB?` : ""}`, `unknown programme "${id}"${guess ? `; did you mean "${guess}"?` : ""}`));
  }
  ctx.out(p.title);
  ctx.out("");
  ctx.out(p.description);
  ctx.out("");
  const s = p.sessions;
  say(ctx, t(
    `${s.count} samlinger \xE0 ${s.durationMinutes} minutter, hver ${s.intervalWeeks}. uke, ${s.betweenSessionHours.min}\u2013${s.betweenSessionHours.max} timer egenarbeid mellom samlingene. Leder deltar p\xE5 samling ${s.leaderSessions.join(", ")}.`,
    `${s.count} sessions of ${s.durationMinutes} minutes, every ${s.intervalWeeks} weeks, ${s.betweenSessionHours.min}\u2013${s.betweenSessionHours.max} hours of individual work between sessions. The leader joins sessions ${s.leaderSessions.join(", ")}.`
  ));
  ctx.out("");
  for (const th of p.themes) ctx.out(`  ${p.id}/${th.id}  ${th.title}`);
  return 0;
}
export {
  run
};
