import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkTemplateName,
  filesBelow,
  listTemplates
} from "./chunk-DCLAYZXH.mjs";
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
import {
  BUILTIN_TEMPLATES
} from "./chunk-FUJPT6OL.mjs";
import "./chunk-JMJE6DP2.mjs";
import "./chunk-W5O3JMDT.mjs";
import {
  closest
} from "./chunk-DUHYSVVC.mjs";
import {
  InputError,
  UsageError
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/commands/templates.ts
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
function origin(row) {
  switch (row.origin) {
    case "built-in":
      return t("innebygd", "built-in");
    case "workspace":
      return t("arbeidsomr\xE5det", "workspace");
    case "programme":
      return t(`arbeidsomr\xE5det, bare ${row.programmeId}`, `workspace, only ${row.programmeId}`);
    default:
      return t("--templates", "--templates");
  }
}
function run(ctx, sub, name) {
  const ws = openWorkspace(ctx);
  if (sub === void 0) {
    const ids = [...ws.programmes.keys(), "kombinert"];
    const rows = listTemplates({ root: ws.root }, ids);
    const header = [t("mal", "template")[ctx.lang], t("kommer fra", "comes from")[ctx.lang], t("fil", "file")[ctx.lang]];
    for (const line of table(rows.map((r) => [r.name, origin(r)[ctx.lang], r.display]), header)) ctx.out(line);
    if (!ctx.quiet) say(ctx, t("Kopier en innebygd mal inn i arbeidsomr\xE5det med \xABrefleks templates eject NAVN\xBB, og endre kopien.", 'Copy a built-in template into the workspace with "refleks templates eject NAME", and edit the copy.'));
    return 0;
  }
  if (sub !== "eject") throw new UsageError(t(`ukjent underkommando \xAB${sub}\xBB; bruk \xABrefleks templates\xBB eller \xABrefleks templates eject NAVN\xBB`, `unknown subcommand "${sub}"; use "refleks templates" or "refleks templates eject NAME"`));
  if (!name) throw new UsageError(t("hvilken mal? For eksempel: refleks templates eject partials/agenda.html.hbs", "which template? For example: refleks templates eject partials/agenda.html.hbs"));
  checkTemplateName(name);
  const builtins = filesBelow(BUILTIN_TEMPLATES);
  const normalized = name.replace(/\\/g, "/").replace(/^templates\//, "");
  if (!builtins.includes(normalized)) {
    const guess = closest(normalized, builtins) ?? builtins.find((b) => b.endsWith(`/${normalized}`) || b.startsWith(`${normalized}.`) || b.includes(`/${normalized}.`));
    throw new UsageError(t(`det finnes ingen innebygd mal ${name}${guess ? `. Mente du ${guess}?` : ""} (se \xABrefleks templates\xBB)`, `there is no built-in template ${name}${guess ? `. Did you mean ${guess}?` : ""} (see "refleks templates")`));
  }
  const rel = `templates/${normalized}`;
  const dest = join(ws.root, rel);
  if (existsSync(dest)) {
    throw new InputError([{ severity: "error", file: rel, message: t("finnes allerede i arbeidsomr\xE5det; refleks skriver ikke over den", "already exists in the workspace; refleks will not overwrite it"), hint: t("Endre den som er der, eller slett den f\xF8rst for \xE5 f\xE5 den innebygde p\xE5 nytt.", "Edit the one that is there, or delete it first to get the built-in one again.") }]);
  }
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(join(BUILTIN_TEMPLATES, normalized), dest);
  ctx.out(dest);
  if (!ctx.quiet) say(ctx, t(`Kopierte ${normalized} til ${rel}. Endringene dine gjelder fra neste \xABrefleks packs\xBB.`, `Copied ${normalized} to ${rel}. Your changes apply from the next "refleks packs".`));
  return 0;
}
export {
  run
};
