import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  yamlString
} from "./chunk-JVCZUEM6.mjs";
import {
  writeFileAtomic
} from "./chunk-74R4QDXV.mjs";
import "./chunk-QSFKID5M.mjs";
import {
  say
} from "./chunk-KYWUEDKV.mjs";
import "./chunk-JGOQCCTN.mjs";
import {
  isEmail
} from "./chunk-M4VNML75.mjs";
import {
  SCHEMAS_DIR,
  WORKSPACE_FILE
} from "./chunk-FUJPT6OL.mjs";
import "./chunk-JMJE6DP2.mjs";
import "./chunk-W5O3JMDT.mjs";
import "./chunk-DUHYSVVC.mjs";
import {
  UsageError
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/commands/init.ts
import { existsSync, mkdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";

// src/core/workspace-template.ts
function workspaceYaml(input) {
  const y = input.year;
  return [
    ...input.schemaPath ? [`# yaml-language-server: $schema=${input.schemaPath}`] : [],
    "# Innstillinger for dette refleks-arbeidsomr\xE5det.",
    "# Gruppene ligger i groups/, egne program i programmes/ og egne maler i templates/.",
    "# Kj\xF8r \xABrefleks validate\xBB etter at du har endret noe her.",
    "",
    "# Kommune og tjeneste, slik navnet skal st\xE5 i skjema, kursbevis og invitasjoner.",
    `organisation: ${yamlString(input.organisation)}`,
    "",
    "# Den som sender kalenderinvitasjonene (st\xE5r som arrang\xF8r i Outlook og Google).",
    "organiser:",
    `  name: ${yamlString(input.organiser.name)}`,
    `  email: ${yamlString(input.organiser.email)}`,
    "",
    "# Tidssone for alle klokkeslett. Endre bare hvis gruppene m\xF8tes i en annen tidssone.",
    "timezone: Europe/Oslo",
    "",
    "# Spr\xE5k i dokumenter og meldinger: nb (bokm\xE5l) eller en (engelsk).",
    "language: nb",
    "",
    "# Mappen der refleks legger kalenderfiler, skjema og veilederhefter.",
    "output: ut",
    "",
    "# P\xE5minnelse i kalenderen, s\xE5 mange timer f\xF8r hver samling.",
    "reminder_hours: 24",
    "",
    "# Perioder uten samlinger. En samling som havner her, flyttes til samme ukedag uka etter.",
    "# Offentlige helligdager trenger du ikke skrive inn; refleks kjenner dem.",
    "blackouts:",
    `  - { name: Juleferie, from: ${y}-12-21, to: ${y + 1}-01-01 }`,
    `  - { name: Vinterferie, from: ${y + 1}-02-22, to: ${y + 1}-02-26 }`,
    `  - { name: Fellesferie, from: ${y + 1}-07-05, to: ${y + 1}-08-01 }`,
    ""
  ].join("\n");
}

// src/commands/init.ts
function parsePersonArg(value) {
  const m = /^\s*(.+?)\s*<\s*([^>]+?)\s*>\s*$/.exec(value);
  if (!m || !isEmail(m[2])) return void 0;
  return { name: m[1], email: m[2] };
}
function run(ctx, dir, opts) {
  const root = resolve(ctx.cwd, dir);
  const file = join(root, WORKSPACE_FILE);
  if (existsSync(file)) {
    throw new UsageError(t(`${file} finnes allerede; refleks skriver ikke over den`, `${file} already exists; refleks does not overwrite it`));
  }
  let organiser = { name: "Kursansvarlig", email: "kursansvarlig@kommune.no" };
  if (opts.organiser) {
    const p = parsePersonArg(opts.organiser);
    if (!p) throw new UsageError(t(`--organiser m\xE5 v\xE6re \xABNavn <e-post>\xBB, fant \xAB${opts.organiser}\xBB`, `--organiser must be "Name <e-mail>", found "${opts.organiser}"`));
    organiser = p;
  }
  for (const sub of ["groups", "programmes", "templates"]) mkdirSync(join(root, sub), { recursive: true });
  const schemaPath = relative(root, join(SCHEMAS_DIR, "workspace.schema.json")).split("\\").join("/");
  writeFileAtomic(
    file,
    workspaceYaml({ organisation: opts.organisation ?? "Eksempel kommune, helse og omsorg", organiser, schemaPath, year: (/* @__PURE__ */ new Date()).getFullYear() })
  );
  const shown = relative(ctx.cwd, root) || ".";
  say(ctx, t(`Laget arbeidsomr\xE5det ${shown}/ med refleks.yaml, groups/, programmes/ og templates/.`, `Created the workspace ${shown}/ with refleks.yaml, groups/, programmes/ and templates/.`));
  if (!opts.organisation || !opts.organiser) say(ctx, t("Neste steg: fyll inn kommune og arrang\xF8r i refleks.yaml, og lag en gruppe med \xABrefleks new-group\xBB.", 'Next: fill in the organisation and organiser in refleks.yaml, and create a group with "refleks new-group".'));
  else say(ctx, t("Neste steg: lag en gruppe med \xABrefleks new-group\xBB.", 'Next: create a group with "refleks new-group".'));
  return 0;
}
export {
  parsePersonArg,
  run
};
