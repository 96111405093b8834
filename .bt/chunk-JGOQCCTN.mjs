import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  FAIL,
  SLUG_PATTERN,
  array,
  bool,
  byType,
  clockTime,
  email,
  int,
  isPlainMapping,
  isoDate,
  numberedMap,
  obj,
  oneOf,
  opt,
  req,
  slug,
  str
} from "./chunk-M4VNML75.mjs";
import {
  BUILTIN_PROGRAMMES,
  PACKAGE_ROOT,
  WORKSPACE_FILE
} from "./chunk-FUJPT6OL.mjs";
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
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/load/group.ts
import { basename } from "node:path";

// src/load/schemas.ts
var PERSON_HINT = t(
  "Skriv personen med feltene name og email, for eksempel { name: Kari Nordmann, email: kari.nordmann@kommune.no }.",
  "Write the person with the fields name and email, e.g. { name: Kari Nordmann, email: kari.nordmann@example.org }."
);
var MINUTES_HINT = t("Skriv antall minutter som et tall, for eksempel 120 for to timer.", "Write the number of minutes as a number, e.g. 120 for two hours.");
var WEEKS_HINT = t("Skriv antall uker mellom samlingene som et tall fra 1 til 12, for eksempel 2.", "Write the number of weeks between sessions as a number from 1 to 12, e.g. 2.");
function personSchema(emailRequired) {
  return obj(
    {
      name: req(str({ max: 200 }), "Fullt navn"),
      email: emailRequired ? req(email(), "E-postadresse") : opt(email(), "E-postadresse"),
      unit: opt(str({ max: 200 }), "Enhet, avdeling eller sone"),
      role: opt(str({ max: 200 }), "Stilling eller rolle")
    },
    { what: t("en person (name, email \u2026)", "a person (name, email \u2026)"), hint: PERSON_HINT }
  );
}
var person = personSchema(false);
var personWithEmail = personSchema(true);
var locationFields = obj(
  {
    room: opt(str({ max: 300 }), "Rom, for eksempel \xABM\xF8terom 2\xBB"),
    address: opt(str({ max: 300 }), "Adresse"),
    url: opt(str({ max: 1e3 }), "Lenke til nettm\xF8te (Teams, Zoom \u2026)")
  },
  { what: t("et sted", "a location") }
);
var locationSchema = byType(str({ max: 500 }), locationFields, t("et sted (tekst eller room/address/url)", "a location (text or room/address/url)"));
var workspaceSchema = obj({
  organisation: req(str({ max: 300 }), "Kommune og tjeneste, slik den skal st\xE5 i dokumentene"),
  organiser: req(personWithEmail, "Den som sender kalenderinvitasjonene"),
  timezone: opt(str({ max: 100 }), "Tidssone (standard Europe/Oslo)"),
  language: opt(oneOf(["nb", "en"]), "Spr\xE5k i dokumenter og meldinger: nb (bokm\xE5l) eller en"),
  output: opt(str({ max: 300 }), "Mappe for det refleks lager (standard ut)"),
  reminder_hours: opt(int({ min: 0, max: 24 * 14 }), "P\xE5minnelse s\xE5 mange timer f\xF8r hver samling (standard 24)"),
  blackouts: opt(
    array(
      obj({
        name: req(str({ max: 200 }), "Navn, for eksempel Fellesferie"),
        from: req(isoDate(), "F\xF8rste dag (\xC5\xC5\xC5\xC5-MM-DD)"),
        to: req(isoDate(), "Siste dag (\xC5\xC5\xC5\xC5-MM-DD)")
      }),
      { max: 200 }
    ),
    "Perioder uten samlinger (ferier)"
  )
}, {
  what: t("innstillinger med felt som organisation og organiser", "settings with fields such as organisation and organiser"),
  hint: t("refleks.yaml best\xE5r av felt som \xABorganisation: \u2026\xBB og \xABorganiser: \u2026\xBB p\xE5 hver sin linje.", 'refleks.yaml is made of fields such as "organisation: \u2026" and "organiser: \u2026", one per line.')
});
var material = obj({
  title: req(str({ max: 300 })),
  kind: req(oneOf(["film", "article", "form", "presentation", "other"]), "film, article, form, presentation eller other"),
  audience: opt(oneOf(["participants", "facilitator", "both"]), "participants, facilitator eller both (standard both)"),
  url: opt(str({ max: 1e3 }))
});
var theme = obj({
  id: req(slug(t("en id", "an id")), "Temaets id i programmet, for eksempel 1"),
  title: req(str({ max: 300 })),
  summary: req(str({ max: 4e3 })),
  goals: req(array(str({ max: 1e3 }), { min: 1 }), "L\xE6ringsm\xE5l"),
  questions: req(array(str({ max: 1e3 }), { min: 1 }), "Refleksjonssp\xF8rsm\xE5l"),
  between_sessions: req(array(str({ max: 1e3 }), { min: 1 }), "Egenarbeid mellom samlingene"),
  facilitator_notes: req(array(str({ max: 2e3 }), { min: 1 }), "Notater til veileder"),
  agenda: req(
    array(
      obj({
        minutes: req(int({ min: 1, max: 480 })),
        title: req(str({ max: 300 })),
        note: opt(str({ max: 1e3 }))
      }),
      { min: 1 }
    ),
    "Tidsplan for samlingen"
  ),
  materials: opt(array(material), "Filmer, artikler og skjema")
});
var programmeSchema = obj({
  id: req(slug(t("en id", "an id")), "Programmets id, brukt i gruppefilene"),
  title: req(str({ max: 300 })),
  short_title: opt(str({ max: 100 })),
  edition: req(str({ max: 100 })),
  audience: req(str({ max: 2e3 })),
  description: req(str({ max: 8e3 })),
  sessions: req(
    obj({
      count: req(int({ min: 1, max: 52 }), "Antall samlinger"),
      duration_minutes: req(int({ min: 15, max: 600 }), "Varighet i minutter"),
      interval_weeks: req(int({ min: 1, max: 12 }), "Uker mellom samlingene"),
      between_session_hours: opt(obj({ min: req(int({ min: 0, max: 40 })), max: req(int({ min: 0, max: 40 })) }), "Timer egenarbeid mellom samlingene"),
      leader_sessions: opt(array(int({ min: 1, max: 52 })), "Samlinger leder inviteres til")
    })
  ),
  per_person_invitations: opt(bool(), "\xC9n invitasjon per person (for kurs for innbyggere)"),
  recommended_participants: opt(obj({ min: req(int({ min: 1, max: 200 })), max: req(int({ min: 1, max: 200 })) }), "Anbefalt antall deltakere (standard 4\u20136)"),
  co_facilitator_label: opt(str({ max: 100 }), "Betegnelse p\xE5 medveileder, f.eks. erfaringskonsulent"),
  themes: req(array(theme, { min: 1, max: 52 }))
});
var override = obj({
  date: opt(isoDate(), "Ny dato (\xC5\xC5\xC5\xC5-MM-DD)"),
  time: opt(clockTime(), "Nytt starttidspunkt (TT:MM)"),
  duration: opt(int({ min: 15, max: 600, hint: MINUTES_HINT }), "Ny varighet i minutter"),
  location: opt(locationSchema, "Annet sted"),
  cancelled: opt(bool(), "true hvis samlingen er avlyst"),
  note: opt(str({ max: 1e3 }), "Merknad")
});
var groupSchema = obj({
  id: opt(slug(t("en id", "an id")), "Gruppens id (standard: filnavnet)"),
  name: req(str({ max: 200 }), "Gruppens navn"),
  programme: opt(slug(t("en programid", "a programme id")), "Programmets id, f.eks. mestring"),
  themes: opt(
    array(str({ max: 200 }), {
      min: 1,
      max: 52,
      hint: t("Skriv temaene som program/tema, for eksempel [mestring/1, rehabilitering/2], eller bruk bare programme: mestring.", "Write the themes as programme/theme, e.g. [mestring/1, rehabilitering/2], or use just programme: mestring.")
    }),
    "Kombinerte temaer, f.eks. rehabilitering/1"
  ),
  facilitator: req(personWithEmail, "Lokal veileder"),
  co_facilitator: opt(person, "Medveileder, f.eks. erfaringskonsulent"),
  leader: opt(personWithEmail, "Leder"),
  participants: req(
    array(person, {
      max: 200,
      hint: t("Skriv \xE9n deltaker per linje, for eksempel \xAB- { name: Ola Nordmann, email: ola.nordmann@kommune.no }\xBB.", 'Write one participant per line, e.g. "- { name: Ola Nordmann, email: ola.nordmann@example.org }".')
    }),
    "Deltakere"
  ),
  location: req(locationSchema, "Sted: rom og adresse, eller lenke"),
  start: req(isoDate(), "F\xF8rste samling (\xC5\xC5\xC5\xC5-MM-DD)"),
  time: req(clockTime(), "Starttidspunkt (TT:MM)"),
  duration: opt(int({ min: 15, max: 600, hint: MINUTES_HINT }), "Varighet i minutter"),
  interval_weeks: opt(int({ min: 1, max: 12, hint: WEEKS_HINT }), "Uker mellom samlingene"),
  sessions: opt(numberedMap(override, t("samlingsnummer med endringer", "session numbers with changes")), "Endringer for enkeltsamlinger")
}, {
  what: t("en gruppe med felt som name, programme og participants", "a group with fields such as name, programme and participants"),
  hint: t("En gruppefil best\xE5r av felt som \xABname: \u2026\xBB og \xABprogramme: \u2026\xBB p\xE5 hver sin linje, uten \xAB-\xBB foran.", 'A group file is made of fields such as "name: \u2026" and "programme: \u2026", one per line, without a "-" in front.')
});

// src/load/group.ts
var COMBINED_ID = "kombinert";
var RECOMMENDED_PARTICIPANTS = { min: 4, max: 6 };
function toLocation(input) {
  if (typeof input === "string") return { text: input };
  const parts = [input.room, input.address].filter((p) => !!p);
  const text = parts.length ? parts.join(", ") : input.url ?? "";
  return { text, ...input };
}
function suggestSlug(text) {
  return slugify(text, { max: 80 });
}
function idFromFile(path) {
  return basename(path).replace(/\.ya?ml$/i, "");
}
function resolveThemes(raw, programmes, ctx) {
  const ids = [...programmes.keys()];
  let programme;
  if (raw.programme) {
    programme = programmes.get(raw.programme);
    if (!programme) {
      const guess = closest(raw.programme, ids);
      ctx.issues.push({
        path: ["programme"],
        message: t(`ukjent program \xAB${raw.programme}\xBB`, `unknown programme "${raw.programme}"`),
        hint: guess ? t(`Mente du \xAB${guess}\xBB?`, `Did you mean "${guess}"?`) : t(`Kjente program: ${ids.join(", ")}.`, `Known programmes: ${ids.join(", ")}.`)
      });
      return void 0;
    }
  }
  if (!raw.themes) {
    if (!programme) {
      ctx.issues.push({
        path: ["programme"],
        message: t("gruppen m\xE5 ha enten programme eller themes", "the group needs either programme or themes"),
        hint: t(`For eksempel \xABprogramme: mestring\xBB. Kjente program: ${ids.join(", ")}.`, `For example "programme: mestring". Known programmes: ${ids.join(", ")}.`)
      });
      return void 0;
    }
    return { programme, combined: false, themes: programme.themes.map((theme2) => ({ programmeId: programme.id, programmeTitle: programme.shortTitle, theme: theme2 })) };
  }
  const themes = [];
  let ok = true;
  const seen = /* @__PURE__ */ new Set();
  raw.themes.forEach((ref, i) => {
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(ref);
    const p = m ? programmes.get(m[1]) : programme;
    const themeId = m ? m[2] : ref;
    if (!p) {
      const guess = m ? closest(m[1], ids) : void 0;
      ctx.issues.push({
        path: ["themes", i],
        message: m ? t(`ukjent program \xAB${m[1]}\xBB i \xAB${ref}\xBB`, `unknown programme "${m[1]}" in "${ref}"`) : t(`\xAB${ref}\xBB mangler program`, `"${ref}" has no programme`),
        hint: guess ? t(`Mente du \xAB${guess}/${themeId}\xBB?`, `Did you mean "${guess}/${themeId}"?`) : m ? t(`Kjente program: ${ids.join(", ")}.`, `Known programmes: ${ids.join(", ")}.`) : t(
          `Skriv program/tema, for eksempel \xAB${ids.includes("mestring") ? "mestring" : ids[0] ?? "mestring"}/${ref}\xBB, eller legg til \xABprogramme: \u2026\xBB i gruppen.`,
          `Write programme/theme, e.g. "${ids.includes("mestring") ? "mestring" : ids[0] ?? "mestring"}/${ref}", or add "programme: \u2026" to the group.`
        )
      });
      ok = false;
      return;
    }
    const theme2 = p.themes.find((th) => th.id === themeId);
    if (!theme2) {
      ctx.issues.push({
        path: ["themes", i],
        message: t(`programmet \xAB${p.id}\xBB har ikke tema \xAB${themeId}\xBB`, `programme "${p.id}" has no theme "${themeId}"`),
        hint: t(`Temaer i ${p.id}: ${p.themes.map((th) => th.id).join(", ")}.`, `Themes in ${p.id}: ${p.themes.map((th) => th.id).join(", ")}.`)
      });
      ok = false;
      return;
    }
    const key = `${p.id}/${theme2.id}`;
    if (seen.has(key)) {
      ctx.issues.push({ path: ["themes", i], message: t(`temaet \xAB${key}\xBB st\xE5r to ganger`, `theme "${key}" is listed twice`) });
      ok = false;
    }
    seen.add(key);
    themes.push({ programmeId: p.id, programmeTitle: p.shortTitle, theme: theme2 });
  });
  if (!ok) return void 0;
  const first = programme ?? programmes.get(themes[0].programmeId);
  const combined = !programme || themes.some((th) => th.programmeId !== programme.id) || themes.length !== programme.themes.length;
  return { ...first ? { programme: first } : {}, themes, combined };
}
function checkDuplicates(people, ctx) {
  const seen = /* @__PURE__ */ new Map();
  for (const { person: person2, path } of people) {
    const keys = [`name:${person2.name.toLocaleLowerCase("nb")}`];
    if (person2.email) keys.push(`email:${person2.email.toLowerCase()}`);
    for (const key of keys) {
      const first = seen.get(key);
      if (first) {
        const what = key.startsWith("email:") ? t(`e-postadressen ${person2.email}`, `the e-mail address ${person2.email}`) : t(`navnet ${person2.name}`, `the name ${person2.name}`);
        ctx.issues.push({
          path: [...path, key.startsWith("email:") ? "email" : "name"],
          message: t(`samme person st\xE5r to ganger: ${what.nb} finnes ogs\xE5 i ${first}`, `the same person is listed twice: ${what.en} is also in ${first}`),
          hint: t("Slett den ene, eller rett opp navnet eller adressen.", "Remove one, or correct the name or address.")
        });
        break;
      }
      seen.set(key, pathText(path));
    }
  }
}
function pathText(path) {
  return path.map((p, i) => typeof p === "number" ? `[${p}]` : i ? `.${p}` : p).join("");
}
function toGroup(file, source, programmes) {
  const ctx = { issues: [] };
  const warnings = [];
  if (file.data === null || file.data === void 0) {
    return {
      problems: file.problems([
        {
          path: [],
          message: t("gruppefilen er tom", "the group file is empty"),
          hint: t("Fyll den ut (se en av de andre gruppefilene), eller lag gruppen med \xABrefleks new-group\xBB.", 'Fill it in (see one of the other group files), or create the group with "refleks new-group".')
        }
      ])
    };
  }
  const raw = groupSchema.parse(file.data, [], ctx);
  if (raw === FAIL) return { problems: file.problems(ctx.issues) };
  const id = raw.id ?? idFromFile(source.path);
  if (!SLUG_PATTERN.test(id)) {
    ctx.issues.push({
      path: [],
      message: t(`filnavnet \xAB${basename(source.path)}\xBB kan ikke brukes som gruppe-id`, `the file name "${basename(source.path)}" cannot be used as a group id`),
      hint: t(
        `Gi filen et navn med bare sm\xE5 bokstaver a\u2013z, tall og bindestrek, for eksempel ${suggestSlug(id) || "sone-nord"}.yaml, eller sett feltet id.`,
        `Rename the file using only lower-case a\u2013z, digits and hyphens, e.g. ${suggestSlug(id) || "zone-north"}.yaml, or set the id field.`
      )
    });
  }
  const resolved = resolveThemes(raw, programmes, ctx);
  const people = [{ person: raw.facilitator, path: ["facilitator"] }];
  if (raw.co_facilitator) people.push({ person: raw.co_facilitator, path: ["co_facilitator"] });
  if (raw.leader) people.push({ person: raw.leader, path: ["leader"] });
  raw.participants.forEach((p, i) => people.push({ person: p, path: ["participants", i] }));
  checkDuplicates(people, ctx);
  const n = raw.participants.length;
  const recommended = resolved?.programme && !resolved.combined ? resolved.programme.recommendedParticipants : RECOMMENDED_PARTICIPANTS;
  if (n === 0) {
    ctx.issues.push({
      path: ["participants"],
      message: t("deltakerlisten er tom", "the participant list is empty"),
      hint: t("Legg til deltakerne, for eksempel \xAB- { name: Ola Nordmann, email: ola@kommune.no }\xBB.", 'Add the participants, e.g. "- { name: Ola Nordmann, email: ola@example.org }".')
    });
  } else if (n < recommended.min || n > recommended.max) {
    warnings.push({
      path: ["participants"],
      message: t(`gruppen har ${n} deltakere; anbefalt er ${recommended.min}\u2013${recommended.max}`, `the group has ${n} participants; ${recommended.min}\u2013${recommended.max} is recommended`)
    });
  }
  const count = resolved ? resolved.themes.length : 0;
  const overrides = /* @__PURE__ */ new Map();
  for (const [number, o] of raw.sessions ?? /* @__PURE__ */ new Map()) {
    if (resolved && number > count) {
      ctx.issues.push({
        path: ["sessions", String(number)],
        onKey: true,
        message: t(`samling ${number} finnes ikke: gruppen har ${count} samlinger`, `session ${number} does not exist: the group has ${count} sessions`),
        hint: t(`Bruk et samlingsnummer fra 1 til ${count}.`, `Use a session number from 1 to ${count}.`)
      });
      continue;
    }
    if (o.cancelled && (o.date || o.time || o.location)) {
      warnings.push({ path: ["sessions", String(number)], message: t("samlingen er avlyst; ny dato, tid og sted blir ikke brukt", "the session is cancelled; its new date, time and place are ignored") });
    }
    overrides.set(number, {
      ...o.date ? { date: o.date } : {},
      ...o.time ? { time: o.time } : {},
      ...o.duration ? { durationMinutes: o.duration } : {},
      ...o.location ? { location: toLocation(o.location) } : {},
      ...o.cancelled ? { cancelled: true } : {},
      ...o.note ? { note: o.note } : {}
    });
  }
  const problems = [...file.problems(ctx.issues), ...file.problems(warnings, "warning")];
  if (ctx.issues.length || !resolved?.programme) return { problems };
  const programme = resolved.programme;
  const leaderSessions = resolved.combined ? [.../* @__PURE__ */ new Set([1, Math.ceil(count / 2), count])].filter((s) => s <= count) : programme.sessions.leaderSessions;
  return {
    group: {
      id,
      name: raw.name,
      programmeId: resolved.combined ? COMBINED_ID : programme.id,
      programmeTitle: resolved.combined ? combinedTitle(resolved.themes) : programme.title,
      combined: resolved.combined,
      themes: resolved.themes,
      facilitator: raw.facilitator,
      ...raw.co_facilitator ? { coFacilitator: raw.co_facilitator } : {},
      ...raw.leader ? { leader: raw.leader } : {},
      participants: raw.participants,
      location: toLocation(raw.location),
      start: raw.start,
      time: raw.time,
      durationMinutes: raw.duration ?? programme.sessions.durationMinutes,
      intervalWeeks: raw.interval_weeks ?? programme.sessions.intervalWeeks,
      betweenSessionHours: programme.sessions.betweenSessionHours,
      leaderSessions,
      perPersonInvitations: programme.perPersonInvitations,
      overrides,
      source,
      positions: fieldPositions(file, overrides)
    },
    problems
  };
}
function combinedTitle(themes) {
  const editions = [...new Set(themes.map((th) => th.programmeTitle))];
  return `Refleksjonsprogram \u2013 kombinert (${editions.join(" og ")})`;
}
function fieldPositions(file, overrides) {
  const positions = {};
  for (const key of ["start", "time", "location", "participants"]) positions[key] = file.locate([key]);
  for (const number of overrides.keys()) {
    positions[`sessions.${number}`] = file.locate(["sessions", String(number)], true);
    for (const key of ["date", "time"]) positions[`sessions.${number}.${key}`] = file.locate(["sessions", String(number), key]);
  }
  return positions;
}

// src/load/workspace.ts
import { existsSync, readdirSync, readFileSync as readFileSync2, statSync } from "node:fs";
import { basename as basename3, dirname, join as join2, resolve } from "node:path";

// src/load/programme-cache.ts
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename as basename2, join } from "node:path";
var PROGRAMME_CACHE = join(PACKAGE_ROOT, "dist", "programmes-cache.json");
var cache;
function load() {
  if (cache === void 0) {
    try {
      cache = JSON.parse(readFileSync(PROGRAMME_CACHE, "utf8"));
      if (cache?.version !== 1) cache = null;
    } catch {
      cache = null;
    }
  }
  return cache;
}
function hashBytes(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function cachedProgramme(source, bytes) {
  const entry = load()?.entries[basename2(source.path)];
  if (!entry || entry.sha256 !== hashBytes(bytes)) return void 0;
  return { ...entry.programme, source };
}

// src/load/programme.ts
function toProgramme(raw, source, ctx) {
  const before = ctx.issues.length;
  const s = raw.sessions;
  if (s.count !== raw.themes.length) {
    ctx.issues.push({
      path: ["sessions", "count"],
      message: t(`programmet har ${raw.themes.length} temaer, men ${s.count} samlinger`, `the programme has ${raw.themes.length} themes but ${s.count} sessions`),
      hint: t("Hver samling har ett tema: gj\xF8r tallene like.", "Each session has one theme: make the numbers equal.")
    });
  }
  const seen = /* @__PURE__ */ new Set();
  raw.themes.forEach((theme2, i) => {
    if (seen.has(theme2.id)) ctx.issues.push({ path: ["themes", i, "id"], message: t(`tema-id \xAB${theme2.id}\xBB er brukt f\xF8r`, `theme id "${theme2.id}" is used twice`) });
    seen.add(theme2.id);
    const total = theme2.agenda.reduce((sum, b) => sum + b.minutes, 0);
    if (total > s.duration_minutes) {
      ctx.issues.push({
        path: ["themes", i, "agenda"],
        message: t(`tidsplanen er ${total} minutter, men en samling varer ${s.duration_minutes}`, `the agenda is ${total} minutes but a session lasts ${s.duration_minutes}`),
        hint: t(
          `Kort ned punktene med til sammen ${total - s.duration_minutes} minutter, eller \xF8k sessions.duration_minutes.`,
          `Shorten the items by ${total - s.duration_minutes} minutes in all, or raise sessions.duration_minutes.`
        )
      });
    }
  });
  (s.leader_sessions ?? []).forEach((n, i) => {
    if (n > s.count) ctx.issues.push({ path: ["sessions", "leader_sessions", i], message: t(`samling ${n} finnes ikke (programmet har ${s.count})`, `session ${n} does not exist (the programme has ${s.count})`) });
  });
  const hours = s.between_session_hours ?? { min: 1, max: 2 };
  const rec = raw.recommended_participants;
  if (rec && rec.min > rec.max) ctx.issues.push({ path: ["recommended_participants"], message: t("min er st\xF8rre enn max", "min is greater than max") });
  if (hours.min > hours.max) ctx.issues.push({ path: ["sessions", "between_session_hours"], message: t("min er st\xF8rre enn max", "min is greater than max") });
  if (ctx.issues.length > before) return void 0;
  return {
    id: raw.id,
    title: raw.title,
    shortTitle: raw.short_title ?? raw.title,
    edition: raw.edition,
    audience: raw.audience,
    description: raw.description,
    sessions: {
      count: s.count,
      durationMinutes: s.duration_minutes,
      intervalWeeks: s.interval_weeks,
      betweenSessionHours: hours,
      leaderSessions: s.leader_sessions ?? [1, s.count]
    },
    perPersonInvitations: raw.per_person_invitations ?? false,
    recommendedParticipants: raw.recommended_participants ?? { min: 4, max: 6 },
    ...raw.co_facilitator_label ? { coFacilitatorLabel: raw.co_facilitator_label } : {},
    themes: raw.themes.map((th) => ({
      id: th.id,
      title: th.title,
      summary: th.summary,
      goals: th.goals,
      questions: th.questions,
      betweenSessions: th.between_sessions,
      facilitatorNotes: th.facilitator_notes,
      agenda: th.agenda.map((b) => ({ minutes: b.minutes, title: b.title, ...b.note ? { note: b.note } : {} })),
      materials: (th.materials ?? []).map((m) => ({ title: m.title, kind: m.kind, audience: m.audience ?? "both", ...m.url ? { url: m.url } : {} }))
    })),
    source
  };
}

// src/load/workspace.ts
function findWorkspaceRoot(start) {
  let dir = resolve(start);
  for (; ; ) {
    if (existsSync(join2(dir, WORKSPACE_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
}
function yamlFilesIn(dir) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith(".")).sort().map((f) => join2(dir, f));
}
function readYaml(absPath, display) {
  let bytes;
  try {
    bytes = readFileSync2(absPath);
  } catch (err) {
    const code = err.code ?? "";
    return { problems: [{ severity: "error", file: display, message: t(`kunne ikke lese filen (${code})`, `could not read the file (${code})`) }] };
  }
  return parseYaml(display, bytes);
}
function knownTimezones() {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["Europe/Oslo"];
  }
}
function defaultTimezoneIsValid(zone) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
function loadSettings(root) {
  const { file, problems } = readYaml(join2(root, WORKSPACE_FILE), WORKSPACE_FILE);
  if (!file) return { problems };
  const ctx = { issues: [] };
  const raw = workspaceSchema.parse(file.data ?? {}, [], ctx);
  if (raw === FAIL) return { problems: [...problems, ...file.problems(ctx.issues)] };
  const timezone = raw.timezone ?? "Europe/Oslo";
  if (!defaultTimezoneIsValid(timezone)) {
    const guess = closest(timezone, knownTimezones());
    ctx.issues.push({
      path: ["timezone"],
      message: t(`ukjent tidssone \xAB${timezone}\xBB`, `unknown time zone "${timezone}"`),
      hint: guess ? t(`Mente du \xAB${guess}\xBB?`, `Did you mean "${guess}"?`) : t("Bruk for eksempel Europe/Oslo.", "Use e.g. Europe/Oslo.")
    });
  }
  (raw.blackouts ?? []).forEach((b, i) => {
    if (b.to < b.from) {
      ctx.issues.push({
        path: ["blackouts", i, "to"],
        message: t(`slutter (${b.to}) f\xF8r den begynner (${b.from})`, `ends (${b.to}) before it starts (${b.from})`),
        hint: t("Bytt om from og to, eller rett opp datoene.", "Swap from and to, or correct the dates.")
      });
    }
  });
  const output = raw.output ?? "ut";
  if (/^([/\\]|[a-zA-Z]:)|(^|[/\\])\.\.([/\\]|$)/.test(output)) {
    ctx.issues.push({ path: ["output"], message: t(`utmappen \xAB${output}\xBB m\xE5 ligge inne i arbeidsomr\xE5det`, `the output folder "${output}" must be inside the workspace`), hint: t("Bruk en relativ sti som \xABut\xBB.", 'Use a relative path such as "ut".') });
  }
  if (ctx.issues.length) return { problems: [...problems, ...file.problems(ctx.issues)] };
  return {
    settings: {
      organisation: raw.organisation,
      organiser: { name: raw.organiser.name, email: raw.organiser.email },
      timezone,
      language: raw.language ?? "nb",
      output,
      blackouts: raw.blackouts ?? [],
      reminderHours: raw.reminder_hours ?? 24
    },
    problems
  };
}
function loadProgrammes(root, builtinDir = BUILTIN_PROGRAMMES, useCache = builtinDir === BUILTIN_PROGRAMMES) {
  const programmes = /* @__PURE__ */ new Map();
  const problems = [];
  const sources = yamlFilesIn(builtinDir).map((path) => ({ origin: "built-in", path, display: `(innebygd) programmes/${basename3(path)}` }));
  if (root) {
    for (const path of yamlFilesIn(join2(root, "programmes"))) sources.push({ origin: "workspace", path, display: `programmes/${basename3(path)}` });
  }
  for (const source of sources) {
    if (source.origin === "built-in" && useCache) {
      const programme2 = cachedProgramme(source, readFileSync2(source.path));
      if (programme2) {
        programmes.set(programme2.id, programme2);
        continue;
      }
    }
    const { file, problems: readProblems } = readYaml(source.path, source.display);
    problems.push(...readProblems);
    if (!file) continue;
    const ctx = { issues: [] };
    const raw = programmeSchema.parse(file.data, [], ctx);
    const programme = raw === FAIL ? void 0 : toProgramme(raw, source, ctx);
    problems.push(...file.problems(ctx.issues));
    if (!programme) continue;
    const existing = programmes.get(programme.id);
    if (existing && existing.source.origin === source.origin) {
      problems.push({
        severity: "error",
        file: source.display,
        ...file.locate(["id"]),
        field: "id",
        message: t(`programmet \xAB${programme.id}\xBB finnes allerede i ${existing.source.display}`, `programme "${programme.id}" already exists in ${existing.source.display}`)
      });
      continue;
    }
    programmes.set(programme.id, programme);
  }
  return { programmes, problems };
}
function loadWorkspace(root, opts = {}) {
  const problems = [];
  const { settings, problems: settingsProblems } = loadSettings(root);
  problems.push(...settingsProblems);
  const { programmes, problems: programmeProblems } = loadProgrammes(root, opts.builtinProgrammes);
  problems.push(...programmeProblems);
  const groups = [];
  const ids = /* @__PURE__ */ new Map();
  const groupDir = join2(root, "groups");
  let files = yamlFilesIn(groupDir);
  if (opts.only?.length) {
    const wanted = new Set(opts.only.map((g) => g.replace(/\.ya?ml$/i, "")));
    files = files.filter((f) => wanted.has(basename3(f).replace(/\.ya?ml$/i, "")));
  }
  for (const path of files) {
    const display = `groups/${basename3(path)}`;
    const { file, problems: readProblems } = readYaml(path, display);
    problems.push(...readProblems);
    if (!file) continue;
    const result = toGroup(file, { path, display, origin: "workspace" }, programmes);
    problems.push(...result.problems);
    if (!result.group) continue;
    const other = ids.get(result.group.id);
    if (other) {
      const hasId = isPlainMapping(file.data) && file.data.id !== void 0;
      problems.push({
        severity: "error",
        file: display,
        ...file.locate(hasId ? ["id"] : []),
        ...hasId ? { field: "id" } : {},
        message: t(`gruppe-id \xAB${result.group.id}\xBB brukes ogs\xE5 av ${other}`, `group id "${result.group.id}" is also used by ${other}`),
        hint: t("Gi filen et annet navn, eller endre feltet id.", "Rename the file, or change the id field.")
      });
      continue;
    }
    ids.set(result.group.id, display);
    groups.push(result.group);
  }
  if (!settings) return { problems };
  return { workspace: { root, settings, programmes, groups }, problems };
}

export {
  RECOMMENDED_PARTICIPANTS,
  toGroup,
  findWorkspaceRoot,
  readYaml,
  loadSettings,
  loadProgrammes,
  loadWorkspace
};
