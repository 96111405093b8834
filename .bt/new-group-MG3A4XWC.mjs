import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  yamlFlowString,
  yamlString
} from "./chunk-JVCZUEM6.mjs";
import {
  writeFileAtomic
} from "./chunk-74R4QDXV.mjs";
import {
  dateConflict,
  planGroup
} from "./chunk-HGIWPUE4.mjs";
import {
  workspaceRoot
} from "./chunk-QSFKID5M.mjs";
import {
  printProblems
} from "./chunk-KYWUEDKV.mjs";
import {
  RECOMMENDED_PARTICIPANTS,
  loadProgrammes,
  loadSettings,
  readYaml,
  toGroup
} from "./chunk-JGOQCCTN.mjs";
import {
  FAIL,
  SLUG_PATTERN,
  clockTime,
  isEmail,
  isoDate
} from "./chunk-M4VNML75.mjs";
import {
  SCHEMAS_DIR
} from "./chunk-FUJPT6OL.mjs";
import {
  addDays,
  formatDate,
  formatSessionTime,
  weekday
} from "./chunk-FNY576GM.mjs";
import {
  parseYaml
} from "./chunk-JMJE6DP2.mjs";
import {
  slugify
} from "./chunk-W5O3JMDT.mjs";
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

// src/commands/new-group.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";

// src/core/group-file.ts
function slugify2(name) {
  return slugify(name, { max: 80, fallback: "gruppe" });
}
function personFlow(p) {
  const fields = [`name: ${yamlFlowString(p.name)}`];
  if (p.email) fields.push(`email: ${yamlFlowString(p.email)}`);
  if (p.unit) fields.push(`unit: ${yamlFlowString(p.unit)}`);
  if (p.role) fields.push(`role: ${yamlFlowString(p.role)}`);
  return `{ ${fields.join(", ")} }`;
}
function locationYaml(loc) {
  if (typeof loc === "string") return yamlString(loc);
  const fields = [];
  if (loc.room) fields.push(`room: ${yamlFlowString(loc.room)}`);
  if (loc.address) fields.push(`address: ${yamlFlowString(loc.address)}`);
  if (loc.url) fields.push(`url: ${yamlFlowString(loc.url)}`);
  return `{ ${fields.join(", ")} }`;
}
function groupYaml(a, opts) {
  const nb = opts.lang === "nb";
  const L = (n, e) => `# ${nb ? n : e}`;
  const out = [];
  if (opts.schemaPath) out.push(`# yaml-language-server: $schema=${opts.schemaPath}`);
  out.push(
    L("Gruppefil laget med \xABrefleks new-group\xBB. Du kan endre den i en vanlig teksteditor;", 'Group file made with "refleks new-group". You can edit it in any text editor;'),
    L("kj\xF8r \xABrefleks validate\xBB etterp\xE5 for \xE5 sjekke den. Linjer som begynner med # er", 'run "refleks validate" afterwards to check it. Lines starting with # are'),
    L("kommentarer og leses ikke av refleks.", "comments and are not read by refleks."),
    ""
  );
  if (a.id) out.push(L("Gruppens id, brukt i filnavn og kalenderinvitasjoner. Ikke endre den etter at invitasjonene er sendt.", "The group id, used in file names and calendar invitations. Do not change it after the invitations are sent."), `id: ${a.id}`, "");
  out.push(L("Gruppens navn, slik det st\xE5r i invitasjoner, skjema og kursbevis.", "The group name, as it appears in invitations, forms and certificates."), `name: ${yamlString(a.name)}`, "");
  if (a.themes) {
    out.push(
      L("Temaene gruppen tar, ett per samling og i denne rekkef\xF8lgen (program/tema).", "The themes the group takes, one per session and in this order (programme/theme)."),
      L("Se temaene med \xABrefleks programmes show mestring\xBB.", 'See the themes with "refleks programmes show mestring".')
    );
    if (a.programme) out.push(`programme: ${a.programme}`);
    out.push("themes:", ...a.themes.map((th) => `  - ${yamlString(th)}`), "");
  } else if (a.programme) {
    out.push(L("Programmet gruppen f\xF8lger (se \xABrefleks programmes\xBB).", 'The programme the group follows (see "refleks programmes").'), `programme: ${a.programme}`, "");
  }
  out.push(
    L("Lokal veileder: leder samlingene og f\xE5r veilederheftene.", "Local facilitator: leads the sessions and gets the facilitator packs."),
    `facilitator: ${personFlow(a.facilitator)}`,
    ""
  );
  if (a.coFacilitator) {
    const label = a.coFacilitatorLabel ?? (nb ? "medveileder" : "co-facilitator");
    out.push(L(`Medveileder (${label}): leder samlingene sammen med veilederen.`, `Co-facilitator (${label}): leads the sessions with the facilitator.`), `co_facilitator: ${personFlow(a.coFacilitator)}`, "");
  }
  if (a.leader) {
    out.push(
      L("Leder: er med p\xE5 planlegging, oppf\xF8lging og evaluering, og inviteres til noen av samlingene.", "Leader: takes part in planning, follow-up and evaluation, and is invited to some sessions."),
      `leader: ${personFlow(a.leader)}`,
      ""
    );
  }
  const { min, max } = a.recommended;
  const moved = addDays(a.start, 14 * a.intervalWeeks + 1);
  out.push(
    L(`Deltakere: ${min}\u2013${max} er anbefalt. name er p\xE5krevd; email, unit (enhet) og role (stilling) kan st\xE5.`, `Participants: ${min}\u2013${max} is recommended. name is required; email, unit and role are optional.`),
    "participants:",
    ...a.participants.map((p) => `  - ${personFlow(p)}`),
    "",
    L("Sted: rom og adresse, eller url med lenke til nettm\xF8te. \xC9n samling kan f\xE5 et annet sted under sessions.", "Location: room and address, or url with a link to an online meeting. One session can get another place under sessions."),
    `location: ${locationYaml(a.location)}`,
    "",
    L("F\xF8rste samling (\xC5\xC5\xC5\xC5-MM-DD). Samlinger som faller p\xE5 helligdager eller i ferier flyttes en uke.", "First session (YYYY-MM-DD). Sessions that fall on public holidays or in blackout periods move a week."),
    `start: ${a.start}`,
    L("Starttidspunkt (TT:MM), lokal tid.", "Start time (HH:MM), local time."),
    `time: "${a.time}"`,
    L("Varighet for hver samling, i minutter.", "Length of each session, in minutes."),
    `duration: ${a.duration}`,
    L("Uker mellom samlingene.", "Weeks between sessions."),
    `interval_weeks: ${a.intervalWeeks}`,
    "",
    L("Endringer for enkeltsamlinger, for eksempel:", "Changes to single sessions, for example:"),
    "# sessions:",
    nb ? `#   3: { date: ${moved}, note: Flyttet p\xE5 grunn av planleggingsdag }` : `#   3: { date: ${moved}, note: Moved because of a planning day }`,
    nb ? '#   4: { location: "Kommunestyresalen, R\xE5dhuset" }' : '#   4: { location: "Council chamber, Town hall" }',
    "#   5: { cancelled: true }",
    ""
  );
  return out.join("\n");
}

// src/io/prompter.ts
var PromptCancelled = class extends Error {
  constructor() {
    super("cancelled");
    this.name = "PromptCancelled";
  }
};
function isExit(err) {
  return err instanceof Error && (err.name === "ExitPromptError" || err.name === "AbortPromptError");
}
async function inquirerPrompter(lang) {
  const inq = await import("@inquirer/prompts");
  const nb = lang === "nb";
  const words = nb ? { navigate: "flytt", select: "velg", submit: "ferdig", all: "alle", invert: "snu" } : {};
  const keysHelpTip = (keys) => keys.map(([key, action]) => `${key} ${words[action] ?? action}`).join(" \u2022 ");
  const listTheme = { style: { keysHelpTip } };
  const guard = async (p) => {
    try {
      return await p;
    } catch (err) {
      if (isExit(err)) throw new PromptCancelled();
      throw err;
    }
  };
  return {
    input: (q) => guard(
      inq.input({
        message: q.message,
        ...q.default !== void 0 ? { default: q.default } : {},
        ...q.validate ? { validate: q.validate } : {},
        ...q.transformer ? { transformer: (v, { isFinal }) => isFinal ? v : q.transformer(v) } : {}
      })
    ),
    select: (q) => guard(inq.select({ message: q.message, choices: q.choices, ...q.default !== void 0 ? { default: q.default } : {}, pageSize: 12, theme: listTheme })),
    checkbox: (q) => {
      const items = [];
      let group;
      for (const c of q.choices) {
        if (c.group && c.group !== group) items.push(new inq.Separator(`\u2500\u2500 ${c.group}`));
        group = c.group;
        items.push({ name: c.name, value: c.value, ...c.short ? { short: c.short } : {}, ...c.checked ? { checked: true } : {}, ...c.description ? { description: c.description } : {} });
      }
      return guard(
        inq.checkbox({
          message: q.message,
          choices: items,
          pageSize: 14,
          theme: listTheme,
          ...q.validate ? { validate: (chosen) => q.validate(chosen.map((c) => c.value)) } : {}
        })
      );
    },
    confirm: (q) => guard(
      inq.confirm({
        message: q.message,
        ...q.default !== void 0 ? { default: q.default } : {},
        ...nb ? { theme: { keywords: { yes: "ja", no: "nei", error: () => "Svar ja eller nei" } } } : {}
      })
    )
  };
}

// src/commands/new-group.ts
var CANCELLED = t("Avbrutt \u2013 ingenting er skrevet.", "Cancelled \u2013 nothing was written.");
async function run(ctx, opts, deps) {
  try {
    return await createGroup(ctx, opts, deps ?? (ctx.isTTY ? { prompter: lazyInquirer(ctx) } : {}));
  } catch (err) {
    if (err instanceof PromptCancelled) {
      ctx.err(CANCELLED[ctx.lang]);
      return 130;
    }
    throw err;
  }
}
function lazyInquirer(ctx) {
  let real;
  const get = () => real ??= inquirerPrompter(ctx.lang);
  return {
    input: async (q) => (await get()).input(q),
    select: async (q) => (await get()).select(q),
    checkbox: async (q) => (await get()).checkbox(q),
    confirm: async (q) => (await get()).confirm(q)
  };
}
function todayIn(zone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(/* @__PURE__ */ new Date());
}
function existingGroupIds(root) {
  const dir = join(root, "groups");
  const ids = /* @__PURE__ */ new Set();
  if (!existsSync(dir)) return ids;
  for (const f of readdirSync(dir)) {
    if (!/\.ya?ml$/i.test(f)) continue;
    ids.add(f.replace(/\.ya?ml$/i, ""));
    const { file } = readYaml(join(dir, f), `groups/${f}`);
    const id = file?.data?.id;
    if (typeof id === "string") ids.add(id);
  }
  return ids;
}
function keyOf(p) {
  return [`name:${p.name.toLocaleLowerCase("nb")}`, ...p.email ? [`email:${p.email.toLowerCase()}`] : []];
}
function parsePersonFlag(value, emailRequired) {
  const m = /^\s*(.*?)\s*<\s*([^>]*?)\s*>\s*$/.exec(value);
  const name = (m ? m[1] : value).trim();
  const email = m ? m[2] : void 0;
  if (!name) return t("navnet mangler", "the name is missing");
  if (name.length > 200) return t("navnet er lengre enn 200 tegn", "the name is longer than 200 characters");
  if (email !== void 0 && !isEmail(email)) return t(`\xAB${email}\xBB er ikke en gyldig e-postadresse`, `"${email}" is not a valid e-mail address`);
  if (emailRequired && !email) return t("e-postadressen mangler", "the e-mail address is missing");
  return { name, ...email ? { email } : {} };
}
async function createGroup(ctx, opts, deps = {}) {
  const L = (nb, en) => ctx.lang === "nb" ? nb : en;
  const say = (line = "") => ctx.out(line);
  const usage = (nb, en) => new UsageError(t(nb, en));
  const root = workspaceRoot(ctx);
  const { settings, problems: settingsProblems } = loadSettings(root);
  if (!settings || hasErrors(settingsProblems)) throw new InputError(settingsProblems);
  if (!ctx.langFromFlag) ctx.lang = settings.language;
  const { programmes, problems: programmeProblems } = loadProgrammes(root);
  printProblems(ctx, programmeProblems);
  if (!programmes.size) throw new InputError(programmeProblems);
  const takenIds = existingGroupIds(root);
  const prompter = deps.prompter;
  const askOptional = !!prompter && !opts.yes;
  if (!prompter) {
    const missing = [];
    if (!opts.programme && !opts.themes) missing.push(L("--programme ID (eller --themes mestring/1,rehabilitering/2,\u2026)", "--programme ID (or --themes mestring/1,rehabilitering/2,\u2026)"));
    if (!opts.name) missing.push(L('--name "Gruppens navn"', '--name "Group name"'));
    if (!opts.facilitator) missing.push(L('--facilitator "Navn <e-post>"', '--facilitator "Name <e-mail>"'));
    if (!opts.participant?.length && !opts.roster) missing.push(L('--participant "Navn <e-post>" (kan gjentas) eller --roster FIL', '--participant "Name <e-mail>" (repeatable) or --roster FILE'));
    if (!opts.start) missing.push(L("--start \xC5\xC5\xC5\xC5-MM-DD", "--start YYYY-MM-DD"));
    if (!opts.location) missing.push(L('--location "rom og adresse, eller lenke"', '--location "room and address, or link"'));
    if (!opts.yes) missing.push(L("--yes (skriv filen uten \xE5 sp\xF8rre)", "--yes (write the file without asking)"));
    if (missing.length) {
      throw usage(
        `ingen terminal \xE5 sp\xF8rre i, og disse valgene mangler:
  ${missing.join("\n  ")}
Se \xABrefleks new-group --help\xBB.`,
        `no terminal to ask in, and these flags are missing:
  ${missing.join("\n  ")}
See "refleks new-group --help".`
      );
    }
  }
  const programmeList = [...programmes.values()];
  const choice = await chooseThemes();
  async function chooseThemes() {
    let programme;
    if (opts.programme) {
      programme = programmes.get(opts.programme);
      if (!programme) {
        const guess = closest(opts.programme, [...programmes.keys()]);
        throw usage(
          `ukjent program \xAB${opts.programme}\xBB i --programme.${guess ? ` Mente du \xAB${guess}\xBB?` : ""} Kjente program: ${[...programmes.keys()].join(", ")}.`,
          `unknown programme "${opts.programme}" in --programme.${guess ? ` Did you mean "${guess}"?` : ""} Known programmes: ${[...programmes.keys()].join(", ")}.`
        );
      }
    }
    if (opts.themes !== void 0) {
      const refs = opts.themes.split(",").map((s) => s.trim()).filter(Boolean);
      if (!refs.length) throw usage("--themes er tom", "--themes is empty");
      const seen = /* @__PURE__ */ new Set();
      const resolved = refs.map((ref) => {
        const m = /^([^/\s]+)\/([^/\s]+)$/.exec(ref);
        const p = m ? programmes.get(m[1]) : programme;
        const themeId = m ? m[2] : ref;
        if (!p) throw usage(`ukjent tema \xAB${ref}\xBB i --themes: skriv program/tema, for eksempel rehabilitering/1`, `unknown theme "${ref}" in --themes: write programme/theme, e.g. rehabilitering/1`);
        if (!p.themes.some((th) => th.id === themeId)) {
          throw usage(`programmet \xAB${p.id}\xBB har ikke tema \xAB${themeId}\xBB (--themes); temaene er ${p.themes.map((th) => th.id).join(", ")}`, `programme "${p.id}" has no theme "${themeId}" (--themes); its themes are ${p.themes.map((th) => th.id).join(", ")}`);
        }
        const key = `${p.id}/${themeId}`;
        if (seen.has(key)) throw usage(`temaet \xAB${key}\xBB st\xE5r to ganger i --themes`, `theme "${key}" is listed twice in --themes`);
        seen.add(key);
        return { key, p };
      });
      const base = programme ?? resolved[0].p;
      return { ...programme ? { programme } : {}, themes: resolved.map((r) => r.key), base, count: resolved.length };
    }
    if (programme) return { programme, base: programme, count: programme.themes.length };
    const COMBINE = "\0combine";
    const picked = await prompter.select({
      message: L("Hvilket program skal gruppen f\xF8lge?", "Which programme will the group follow?"),
      choices: [
        ...programmeList.map((p) => ({
          name: `${p.shortTitle} \u2013 ${p.themes.length} ${L("samlinger", "sessions")}, ${L("hver", "every")} ${p.sessions.intervalWeeks === 1 ? L("uke", "week") : `${p.sessions.intervalWeeks}. ${L("uke", "week")}`}${p.source.origin === "workspace" ? L(" (arbeidsomr\xE5dets eget)", " (this workspace)") : ""}`,
          value: p.id,
          description: p.audience.replace(/\s+/g, " ").trim()
        })),
        { name: L("Kombiner temaer fra begge utgavene", "Combine themes from both editions"), value: COMBINE, description: L("Velg temaene selv, fra flere program, og rekkef\xF8lgen de tas i.", "Pick the themes yourself, from several programmes, and their order.") }
      ],
      default: programmeList[0].id
    });
    if (picked !== COMBINE) {
      const p = programmes.get(picked);
      return { programme: p, base: p, count: p.themes.length };
    }
    const combinable = programmeList.filter((p) => !p.perPersonInvitations);
    const all = (combinable.length ? combinable : programmeList).flatMap((p, pi) => p.themes.map((th, i) => ({ key: `${p.id}/${th.id}`, p, th, i, pi })));
    const chosen = await prompter.checkbox({
      message: L("Velg temaene (mellomrom velger, Enter er ferdig; vanligvis fem)", "Pick the themes (space picks, Enter finishes; usually five)"),
      choices: all.map((a) => ({ name: `${a.key}  ${a.th.title}`, value: a.key, short: a.key, group: a.p.shortTitle })),
      validate: (v) => v.length ? true : L("Velg minst ett tema.", "Pick at least one theme.")
    });
    let order = all.filter((a) => chosen.includes(a.key)).sort((a, b) => a.i - b.i || a.pi - b.pi);
    if (order.length > 1) {
      say(L("Rekkef\xF8lge:", "Order:"));
      order.forEach((a, n) => say(`  ${n + 1}. ${a.key}  ${a.th.title}`));
      if (await prompter.confirm({ message: L("Vil du endre rekkef\xF8lgen?", "Do you want to change the order?"), default: false })) {
        const left = [...order];
        const mine = [];
        while (left.length > 1) {
          const key = await prompter.select({
            message: L(`Samling ${mine.length + 1}:`, `Session ${mine.length + 1}:`),
            choices: left.map((a) => ({ name: `${a.key}  ${a.th.title}`, value: a.key })),
            default: left[0].key
          });
          mine.push(left.splice(left.findIndex((a) => a.key === key), 1)[0]);
        }
        order = [...mine, ...left];
      }
    }
    return { themes: order.map((a) => a.key), base: order[0].p, count: order.length };
  }
  const recommended = choice.programme && !choice.themes ? choice.programme.recommendedParticipants : RECOMMENDED_PARTICIPANTS;
  const coLabel = choice.themes ? programmeList.find((p) => p.coFacilitatorLabel && choice.themes.some((k) => k.startsWith(`${p.id}/`)))?.coFacilitatorLabel : choice.programme?.coFacilitatorLabel;
  const idTaken = (id2) => takenIds.has(id2) || existsSync(join(root, "groups", `${id2}.yaml`)) || existsSync(join(root, "groups", `${id2}.yml`));
  if (opts.id !== void 0) {
    if (!SLUG_PATTERN.test(opts.id)) throw usage(`--id \xAB${opts.id}\xBB kan ikke brukes: bare sm\xE5 bokstaver a\u2013z, tall og bindestrek`, `--id "${opts.id}" cannot be used: only lower-case a\u2013z, digits and hyphens`);
    if (idTaken(opts.id)) throw usage(`det finnes allerede en gruppe med id \xAB${opts.id}\xBB (groups/${opts.id}.yaml); velg en annen --id`, `there is already a group with id "${opts.id}" (groups/${opts.id}.yaml); choose another --id`);
  }
  const nameProblem = (name2) => {
    if (!name2.trim()) return L("Skriv et navn.", "Type a name.");
    if (name2.trim().length > 200) return L("Navnet kan v\xE6re h\xF8yst 200 tegn.", "The name can be at most 200 characters.");
    if (opts.id === void 0 && idTaken(slugify2(name2))) {
      const id2 = slugify2(name2);
      return L(`Det finnes allerede en gruppe med id \xAB${id2}\xBB (groups/${id2}.yaml). Velg et annet navn.`, `There is already a group with id "${id2}" (groups/${id2}.yaml). Choose another name.`);
    }
    return void 0;
  };
  let name;
  if (opts.name !== void 0) {
    const p = nameProblem(opts.name);
    if (p) throw usage(`--name: ${p}${opts.id === void 0 && opts.name.trim() ? " Eller gi en annen id med --id." : ""}`, `--name: ${p}${opts.id === void 0 && opts.name.trim() ? " Or give another id with --id." : ""}`);
    name = opts.name.trim();
  } else {
    name = (await prompter.input({
      message: L("Gruppens navn (slik det skal st\xE5 i invitasjonene):", "The group name (as it will appear in invitations):"),
      validate: (v) => nameProblem(v) ?? true,
      transformer: (v) => v.trim() && opts.id === void 0 ? `${v}  \u2192 groups/${slugify2(v)}.yaml` : v
    })).trim();
  }
  const id = opts.id ?? slugify2(name);
  const file = `groups/${id}.yaml`;
  if (prompter && opts.name === void 0) say(L(`  Filen blir ${file}.`, `  The file will be ${file}.`));
  const people = [];
  const duplicateOf = (p) => {
    const keys = keyOf(p);
    return people.find((o) => keyOf(o.person).some((k) => keys.includes(k)))?.what;
  };
  const nameTakenBy = (n) => duplicateOf({ name: n.trim() });
  const emailTakenBy = (e) => people.find((o) => o.person.email?.toLowerCase() === e.trim().toLowerCase())?.what;
  async function personFromFlagOrAsk(q) {
    if (q.flag !== void 0) {
      const p2 = parsePersonFlag(q.flag, q.emailRequired);
      if (!("name" in p2)) {
        throw usage(`${q.flagName}: ${p2.nb}. Skriv \xABNavn <e-post>\xBB, for eksempel ${q.flagName} "Kari Nordmann <kari.nordmann@kommune.no>".`, `${q.flagName}: ${p2.en}. Write "Name <e-mail>", e.g. ${q.flagName} "Kari Nordmann <kari.nordmann@example.org>".`);
      }
      const dup = duplicateOf(p2);
      if (dup) throw usage(`${q.flagName}: ${p2.name} st\xE5r allerede som ${dup.nb}`, `${q.flagName}: ${p2.name} is already listed as ${dup.en}`);
      people.push({ person: p2, what: q.what });
      return p2;
    }
    if (!q.ask) return void 0;
    const what = q.what[ctx.lang];
    const personName = (await prompter.input({
      message: q.optional ? L(`${cap(what)} \u2013 navn (la st\xE5 tomt hvis ingen):`, `${cap(what)} \u2013 name (leave empty if none):`) : L(`${cap(what)} \u2013 navn:`, `${cap(what)} \u2013 name:`),
      validate: (v) => {
        if (!v.trim()) return q.optional ? true : L("Skriv navnet.", "Type the name.");
        if (v.trim().length > 200) return L("Navnet kan v\xE6re h\xF8yst 200 tegn.", "The name can be at most 200 characters.");
        const dup = nameTakenBy(v);
        return dup ? L(`${v.trim()} st\xE5r allerede som ${dup.nb}.`, `${v.trim()} is already listed as ${dup.en}.`) : true;
      }
    })).trim();
    if (!personName) return void 0;
    const email = (await prompter.input({
      message: q.emailRequired ? L(`${cap(what)} \u2013 e-post:`, `${cap(what)} \u2013 e-mail:`) : L(`${cap(what)} \u2013 e-post (valgfritt):`, `${cap(what)} \u2013 e-mail (optional):`),
      validate: (v) => {
        if (!v.trim()) return q.emailRequired ? L("Skriv e-postadressen.", "Type the e-mail address.") : true;
        if (!isEmail(v.trim())) return L(`\xAB${v.trim()}\xBB er ikke en gyldig e-postadresse. Skriv den som navn@kommune.no.`, `"${v.trim()}" is not a valid e-mail address. Write it as name@example.org.`);
        const dup = emailTakenBy(v);
        return dup ? L(`Adressen st\xE5r allerede p\xE5 ${dup.nb}.`, `The address is already used by ${dup.en}.`) : true;
      }
    })).trim();
    const p = { name: personName, ...email ? { email } : {} };
    people.push({ person: p, what: q.what });
    return p;
  }
  const facilitator = await personFromFlagOrAsk({ flag: opts.facilitator, flagName: "--facilitator", what: t("lokal veileder", "local facilitator"), emailRequired: true, optional: false, ask: true });
  const coFacilitator = await personFromFlagOrAsk({
    flag: opts.coFacilitator,
    flagName: "--co-facilitator",
    what: coLabel ? t(`medveileder (${coLabel})`, `co-facilitator (${coLabel})`) : t("medveileder", "co-facilitator"),
    emailRequired: false,
    optional: true,
    ask: askOptional && !!coLabel
  });
  const leader = await personFromFlagOrAsk({ flag: opts.leader, flagName: "--leader", what: t("leder", "leader"), emailRequired: true, optional: true, ask: askOptional });
  const participants = [];
  const addParticipant = (p, what) => {
    participants.push(p);
    people.push({ person: p, what });
  };
  for (const [i, value] of (opts.participant ?? []).entries()) {
    const p = parsePersonFlag(value, false);
    if (!("name" in p)) throw usage(`--participant \xAB${value}\xBB: ${p.nb}. Skriv \xABNavn <e-post>\xBB eller bare \xABNavn\xBB.`, `--participant "${value}": ${p.en}. Write "Name <e-mail>" or just "Name".`);
    const dup = duplicateOf(p);
    if (dup) throw usage(`--participant: ${p.name} st\xE5r allerede som ${dup.nb}`, `--participant: ${p.name} is already listed as ${dup.en}`);
    addParticipant(p, t(`deltaker ${i + 1}`, `participant ${i + 1}`));
  }
  const countLine = () => {
    const n = participants.length;
    const ok = n >= recommended.min && n <= recommended.max;
    return L(`${n} ${n === 1 ? "deltaker" : "deltakere"} (anbefalt ${recommended.min}\u2013${recommended.max})${ok ? "" : " \u2013 utenfor anbefalingen, men det g\xE5r"}`, `${n} ${n === 1 ? "participant" : "participants"} (${recommended.min}\u2013${recommended.max} recommended)${ok ? "" : " \u2013 outside the recommendation, but that is allowed"}`);
  };
  async function readRoster(path) {
    const abs2 = resolve(ctx.cwd, path);
    const display = relative(ctx.cwd, abs2) || basename(abs2);
    const { parseRoster, RosterError } = await import("./roster-GPTRWUTU.mjs");
    try {
      const roster = parseRoster(readFileSync(abs2), { taken: people });
      return { roster, display };
    } catch (err) {
      if (err instanceof RosterError) return { display, failure: { severity: "error", file: display, message: err.text, ...err.hint ? { hint: err.hint } : {} } };
      throw err;
    }
  }
  const rosterSummary = (r, display) => {
    const enc = r.encoding === "windows-1252" ? "Windows-1252" : r.encoding.toUpperCase();
    const sep = r.separator === ";" ? L("semikolon", "semicolons") : r.separator === "," ? L("komma", "commas") : L("tabulator", "tabs");
    return L(`Leste ${r.people.length} av ${r.rows} rader fra ${display} (${enc}, ${sep}).`, `Read ${r.people.length} of ${r.rows} rows from ${display} (${enc}, ${sep}).`);
  };
  const rowLines = (r) => r.problems.map((p) => L(`  rad ${p.row}: ${p.message.nb}`, `  row ${p.row}: ${p.message.en}`));
  if (opts.roster !== void 0) {
    const abs2 = resolve(ctx.cwd, opts.roster);
    if (!existsSync(abs2) || !statSync(abs2).isFile()) throw usage(`fant ikke deltakerlisten \xAB${opts.roster}\xBB (--roster)`, `roster file "${opts.roster}" not found (--roster)`);
    const { roster, display, failure } = await readRoster(opts.roster);
    if (failure) throw new InputError([failure]);
    if (roster.problems.length) {
      const rows = roster.problems.map((p) => ({ severity: opts.skipBadRows ? "warning" : "error", file: display, message: t(`rad ${p.row}: ${p.message.nb}`, `row ${p.row}: ${p.message.en}`) }));
      if (opts.skipBadRows) {
        printProblems(ctx, rows);
        ctx.err(L(`Hopper over ${rows.length} ${rows.length === 1 ? "rad" : "rader"} med feil (--skip-bad-rows).`, `Skipping ${rows.length} bad ${rows.length === 1 ? "row" : "rows"} (--skip-bad-rows).`));
      } else if (prompter) {
        say(rosterSummary(roster, display));
        say(L(`${roster.problems.length} ${roster.problems.length === 1 ? "rad har" : "rader har"} feil:`, `${roster.problems.length} ${roster.problems.length === 1 ? "row has" : "rows have"} problems:`));
        rowLines(roster).forEach((l) => say(l));
        if (!await prompter.confirm({ message: L("Hoppe over radene med feil og fortsette?", "Skip the rows with problems and go on?"), default: false })) {
          ctx.err(L("Rett radene i listen og kj\xF8r igjen. Ingenting er skrevet.", "Fix the rows in the list and run again. Nothing was written."));
          return 1;
        }
      } else {
        rows[rows.length - 1].hint = t("Rett radene (i Excel: eksporter p\xE5 nytt som CSV), eller bruk --skip-bad-rows for \xE5 hoppe over dem.", "Fix the rows (in Excel: export again as CSV), or use --skip-bad-rows to skip them.");
        throw new InputError(rows);
      }
    }
    if (!roster.people.length) throw new InputError([{ severity: "error", file: display, message: t("listen har ingen deltakere", "the list has no participants") }]);
    roster.people.forEach((p, i) => addParticipant(p, t(`${display} nr. ${i + 1}`, `${display} no. ${i + 1}`)));
    if (!ctx.quiet || prompter) say(rosterSummary(roster, display));
  }
  if (!participants.length && prompter) {
    const how = await prompter.select({
      message: L("Hvordan vil du legge inn deltakerne?", "How do you want to add the participants?"),
      choices: [
        { name: L("\xC9n og \xE9n", "One at a time"), value: "one" },
        { name: L("Importer fra fil (CSV fra Excel)", "Import from a file (CSV from Excel)"), value: "file", description: L("F\xF8rste rad: Navn; E-post; Enhet; Stilling. Semikolon eller komma.", "First row: Name, Email, Unit, Role. Semicolons or commas.") }
      ],
      default: "one"
    });
    if (how === "file") {
      for (; ; ) {
        const path = (await prompter.input({
          message: L("Filen med deltakerlisten (CSV):", "The file with the participant list (CSV):"),
          validate: (v) => {
            const abs2 = resolve(ctx.cwd, v.trim());
            if (!v.trim()) return L("Skriv filnavnet, for eksempel deltakere.csv.", "Type the file name, e.g. participants.csv.");
            if (!existsSync(abs2) || !statSync(abs2).isFile()) return L(`Fant ikke ${v.trim()} (leter fra ${ctx.cwd}).`, `${v.trim()} not found (looking from ${ctx.cwd}).`);
            return true;
          }
        })).trim();
        const loaded2 = await readRoster(path);
        if (loaded2.failure) {
          ctx.err(`${L("feil", "error")}: ${loaded2.failure.message[ctx.lang]}${loaded2.failure.hint ? ` ${loaded2.failure.hint[ctx.lang]}` : ""}`);
          continue;
        }
        const r = loaded2.roster;
        say(rosterSummary(r, loaded2.display));
        if (r.problems.length) {
          say(L(`${r.problems.length} ${r.problems.length === 1 ? "rad har" : "rader har"} feil:`, `${r.problems.length} ${r.problems.length === 1 ? "row has" : "rows have"} problems:`));
          rowLines(r).forEach((l) => say(l));
          const skip = r.people.length > 0 && await prompter.confirm({ message: L(`Hoppe over ${r.problems.length === 1 ? "raden" : "radene"} med feil og bruke de ${r.people.length} andre?`, `Skip the ${r.problems.length === 1 ? "row" : "rows"} with problems and use the other ${r.people.length}?`), default: false });
          if (!skip) {
            say(L("Rett listen (og lagre den som CSV igjen), og velg filen p\xE5 nytt.", "Fix the list (and save it as CSV again), then choose the file again."));
            continue;
          }
        }
        if (!r.people.length) {
          say(L("Listen har ingen deltakere. Velg en annen fil.", "The list has no participants. Choose another file."));
          continue;
        }
        r.people.forEach((p, i) => addParticipant(p, t(`${loaded2.display} nr. ${i + 1}`, `${loaded2.display} no. ${i + 1}`)));
        break;
      }
      say(`  ${countLine()}`);
    }
    if (how === "one" || await prompter.confirm({ message: L("Legge til flere deltakere \xE9n og \xE9n?", "Add more participants one at a time?"), default: false })) {
      for (; ; ) {
        const n = participants.length + 1;
        const personName = (await prompter.input({
          message: L(`Deltaker ${n} \u2013 navn${participants.length ? " (tomt = ferdig)" : ""}:`, `Participant ${n} \u2013 name${participants.length ? " (empty = done)" : ""}:`),
          validate: (v) => {
            if (!v.trim()) return participants.length ? true : L("Gruppen trenger minst \xE9n deltaker.", "The group needs at least one participant.");
            if (v.trim().length > 200) return L("Navnet kan v\xE6re h\xF8yst 200 tegn.", "The name can be at most 200 characters.");
            if (participants.length >= 200) return L("En gruppe kan ha h\xF8yst 200 deltakere.", "A group can have at most 200 participants.");
            const dup = nameTakenBy(v);
            return dup ? L(`${v.trim()} st\xE5r allerede som ${dup.nb}.`, `${v.trim()} is already listed as ${dup.en}.`) : true;
          }
        })).trim();
        if (!personName) break;
        const email = (await prompter.input({
          message: L(`Deltaker ${n} \u2013 e-post (valgfritt):`, `Participant ${n} \u2013 e-mail (optional):`),
          validate: (v) => {
            if (!v.trim()) return true;
            if (!isEmail(v.trim())) return L(`\xAB${v.trim()}\xBB er ikke en gyldig e-postadresse. Skriv den som navn@kommune.no, eller la feltet st\xE5 tomt.`, `"${v.trim()}" is not a valid e-mail address. Write it as name@example.org, or leave it empty.`);
            const dup = emailTakenBy(v);
            return dup ? L(`Adressen st\xE5r allerede p\xE5 ${dup.nb}.`, `The address is already used by ${dup.en}.`) : true;
          }
        })).trim();
        addParticipant({ name: personName, ...email ? { email } : {} }, t(`deltaker ${n}`, `participant ${n}`));
        say(`  ${countLine()}`);
      }
    }
  }
  if (participants.length > 200) throw new InputError([{ severity: "error", message: t(`${participants.length} deltakere er for mange; en gruppe kan ha h\xF8yst 200`, `${participants.length} participants are too many; a group can have at most 200`) }]);
  if (participants.length < recommended.min || participants.length > recommended.max) {
    ctx.err(`${L("advarsel", "warning")}: ${countLine()}`);
  }
  const dateIssue = (v) => {
    const c = { issues: [] };
    if (isoDate().parse(v.trim(), [], c) !== FAIL) return void 0;
    const issue = c.issues[0];
    return `${issue.message[ctx.lang]}${issue.hint ? `. ${issue.hint[ctx.lang]}` : ""}`;
  };
  const dateWarning = (date) => {
    const conflict = dateConflict(date, settings);
    if (conflict) return L(`${formatDate(date, "nb")} er ${conflict.nb}; samlingen flyttes da en uke fram`, `${formatDate(date, "en")} is ${conflict.en}; the session would move a week on`);
    if (weekday(date) >= 5) return L(`${formatDate(date, "nb")} er en helgedag`, `${formatDate(date, "en")} is a weekend day`);
    return void 0;
  };
  let start;
  if (opts.start !== void 0) {
    const issue = dateIssue(opts.start);
    if (issue) throw usage(`--start: ${issue}`, `--start: ${issue}`);
    start = opts.start.trim();
    const warn = dateWarning(start);
    if (warn) ctx.err(`${L("advarsel", "warning")}: ${warn}`);
  } else {
    const suggestion = suggestStart(deps.today ?? todayIn(settings.timezone), settings);
    for (; ; ) {
      start = (await prompter.input({
        message: L("F\xF8rste samling (\xC5\xC5\xC5\xC5-MM-DD):", "First session (YYYY-MM-DD):"),
        default: suggestion,
        validate: (v) => dateIssue(v) ?? true,
        transformer: (v) => dateIssue(v) ? v : `${v}  (${formatDate(v.trim(), ctx.lang)})`
      })).trim();
      const warn = dateWarning(start);
      say(`  \u2192 ${formatDate(start, ctx.lang)}`);
      if (!warn) break;
      say(`  ${L("Merk", "Note")}: ${warn}.`);
      if (await prompter.confirm({ message: L("Bruke denne datoen likevel?", "Use this date anyway?"), default: false })) break;
    }
  }
  const dotted = (v) => v.trim().replace(/^(\d{1,2})\.(\d{2})$/, "$1:$2");
  const timeIssue = (v) => {
    const c = { issues: [] };
    if (clockTime().parse(dotted(v), [], c) !== FAIL) return void 0;
    const issue = c.issues[0];
    return `${issue.message[ctx.lang]}${issue.hint ? ` ${issue.hint[ctx.lang]}` : ""}`;
  };
  const normTime = (v) => {
    const c = { issues: [] };
    return clockTime().parse(dotted(v), [], c);
  };
  const intIssue = (v, min, max) => /^\s*\d+\s*$/.test(v) && +v >= min && +v <= max ? void 0 : L(`Skriv et helt tall fra ${min} til ${max}.`, `Type a whole number from ${min} to ${max}.`);
  async function valueFromFlagOrAsk(q) {
    if (q.flag !== void 0) {
      const issue = q.issue(q.flag);
      if (issue) throw usage(`${q.flagName} \xAB${q.flag}\xBB: ${issue}`, `${q.flagName} "${q.flag}": ${issue}`);
      return q.flag.trim();
    }
    if (!askOptional) return q.default;
    return (await prompter.input({ message: q.message, default: q.default, validate: (v) => q.issue(v) ?? true })).trim();
  }
  const time = normTime(await valueFromFlagOrAsk({ flag: opts.time, flagName: "--time", message: L("Starttidspunkt (TT:MM):", "Start time (HH:MM):"), default: "13:00", issue: timeIssue }));
  const duration = +await valueFromFlagOrAsk({ flag: opts.duration, flagName: "--duration", message: L("Varighet i minutter:", "Length in minutes:"), default: String(choice.base.sessions.durationMinutes), issue: (v) => intIssue(v, 15, 600) });
  const intervalWeeks = +await valueFromFlagOrAsk({ flag: opts.interval, flagName: "--interval", message: L("Uker mellom samlingene:", "Weeks between sessions:"), default: String(choice.base.sessions.intervalWeeks), issue: (v) => intIssue(v, 1, 12) });
  let location;
  if (opts.location !== void 0) {
    const v = opts.location.trim();
    if (!v) throw usage("--location er tom", "--location is empty");
    if (v.length > 500) throw usage("--location er lengre enn 500 tegn", "--location is longer than 500 characters");
    location = /^https?:\/\/\S+$/i.test(v) ? { url: v } : v;
  } else {
    const where = await prompter.select({
      message: L("Hvor m\xF8tes gruppen?", "Where does the group meet?"),
      choices: [
        { name: L("I et m\xF8terom", "In a meeting room"), value: "room" },
        { name: L("Nettm\xF8te (Teams, Zoom \u2026)", "Online (Teams, Zoom \u2026)"), value: "online" }
      ],
      default: "room"
    });
    if (where === "room") {
      const room = (await prompter.input({ message: L("Rom (for eksempel \xABHelsehuset, m\xF8terom 2\xBB):", 'Room (e.g. "Health centre, room 2"):'), validate: (v) => v.trim() ? v.trim().length <= 300 ? true : L("H\xF8yst 300 tegn.", "At most 300 characters.") : L("Skriv rommet.", "Type the room.") })).trim();
      const address = (await prompter.input({ message: L("Adresse (valgfritt):", "Address (optional):"), validate: (v) => v.trim().length <= 300 ? true : L("H\xF8yst 300 tegn.", "At most 300 characters.") })).trim();
      location = { room, ...address ? { address } : {} };
    } else {
      const url = (await prompter.input({ message: L("Lenke til nettm\xF8tet:", "Link to the online meeting:"), validate: (v) => /^https?:\/\/\S+$/i.test(v.trim()) && v.trim().length <= 1e3 ? true : L("Lim inn lenken, den begynner med https://.", "Paste the link; it starts with https://.") })).trim();
      location = { url };
    }
  }
  const answers = {
    name,
    ...choice.programme ? { programme: choice.programme.id } : {},
    ...choice.themes ? { themes: choice.themes } : {},
    facilitator,
    ...coFacilitator ? { coFacilitator } : {},
    ...coLabel ? { coFacilitatorLabel: coLabel } : {},
    ...leader ? { leader } : {},
    participants,
    recommended,
    location,
    start,
    time,
    duration,
    intervalWeeks
  };
  const abs = join(root, "groups", `${id}.yaml`);
  const schemaPath = relative(join(root, "groups"), join(SCHEMAS_DIR, "group.schema.json")).split("\\").join("/");
  const text = groupYaml(answers, { lang: ctx.lang, schemaPath });
  const { file: parsed, problems: yamlProblems } = parseYaml(file, new TextEncoder().encode(text));
  const loaded = parsed ? toGroup(parsed, { origin: "workspace", path: abs, display: file }, programmes) : { problems: yamlProblems };
  if (!loaded.group || hasErrors(loaded.problems)) {
    throw new InputError(loaded.problems.length ? loaded.problems : yamlProblems);
  }
  const plan = planGroup(loaded.group, settings);
  if (hasErrors(plan.problems)) throw new InputError(plan.problems);
  if (!ctx.quiet || prompter) {
    say();
    say(L("Oppsummering", "Summary"));
    const row = (label, value) => say(`  ${label.padEnd(13)}${value}`);
    const who = (p) => p.email ? `${p.name} <${p.email}>` : p.name;
    row(L("Gruppe:", "Group:"), `${name} (${file})`);
    row(L("Program:", "Programme:"), `${loaded.group.combined ? loaded.group.programmeTitle : choice.base.shortTitle} \u2013 ${choice.count} ${L("samlinger", "sessions")}`);
    row(L("Veileder:", "Facilitator:"), who(facilitator));
    if (coFacilitator) row(L("Medveileder:", "Co-facil.:"), who(coFacilitator));
    if (leader) row(L("Leder:", "Leader:"), who(leader));
    row(L("Deltakere:", "Participants:"), countLine());
    row(L("Sted:", "Location:"), loaded.group.location.text);
    say(`  ${L("Samlinger:", "Sessions:")}`);
    for (const s of plan.sessions) {
      const moved = s.moved ? L(` (flyttet fra ${formatDate(s.moved.from, "nb", { weekday: false })}: ${s.moved.reason.nb})`, ` (moved from ${formatDate(s.moved.from, "en", { weekday: false })}: ${s.moved.reason.en})`) : "";
      say(`    ${String(s.number).padStart(2)}. ${formatSessionTime(s.date, s.start, s.end, ctx.lang)}  ${s.theme.theme.title}${moved}${s.leaderInvited && leader ? L("  (leder inviteres)", "  (leader invited)") : ""}`);
    }
    say();
  }
  printProblems(ctx, [...loaded.problems.filter((p) => p.field !== "participants"), ...plan.problems]);
  if (!opts.yes && !await prompter.confirm({ message: L(`Skrive ${file}?`, `Write ${file}?`), default: true })) {
    say(L("Ingenting er skrevet.", "Nothing was written."));
    return 0;
  }
  if (existsSync(abs)) throw usage(`${file} finnes allerede; refleks skriver ikke over den`, `${file} already exists; refleks does not overwrite it`);
  mkdirSync(join(root, "groups"), { recursive: true });
  writeFileAtomic(abs, text);
  say(L(`Skrev ${file}.`, `Wrote ${file}.`));
  if (!ctx.quiet) {
    say(L("Neste steg:", "Next steps:"));
    say(`  refleks schedule ${id}   ${L("datoer og kalenderinvitasjoner", "dates and calendar invitations")}`);
    say(`  refleks forms ${id}      ${L("planleggingsskjema, oppm\xF8teliste og kursbevis", "planning form, attendance list and certificates")}`);
    say(`  refleks packs ${id}      ${L("veilederhefter og deltakerark", "facilitator packs and participant handouts")}`);
  }
  return 0;
}
function cap(s) {
  return s.charAt(0).toLocaleUpperCase("nb") + s.slice(1);
}
function suggestStart(today, settings) {
  let d = addDays(today, 14);
  for (let i = 0; i < 120 && (weekday(d) >= 5 || dateConflict(d, settings)); i++) d = addDays(d, 1);
  return d;
}
export {
  CANCELLED,
  createGroup,
  parsePersonFlag,
  run,
  suggestStart
};
