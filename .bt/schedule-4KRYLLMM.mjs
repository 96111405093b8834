import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  VERSION
} from "./chunk-QKY5F4QE.mjs";
import {
  calendarFiles,
  themeLabel
} from "./chunk-G3YWCE5X.mjs";
import {
  DamagedStateError,
  calendarIssueTime,
  calendarStatePath,
  readCalendarState,
  writeCalendarState
} from "./chunk-D5ZROK2N.mjs";
import "./chunk-ODMSC6MY.mjs";
import {
  writeOutputs
} from "./chunk-74R4QDXV.mjs";
import {
  planGroup
} from "./chunk-HGIWPUE4.mjs";
import {
  openWorkspace
} from "./chunk-QSFKID5M.mjs";
import {
  printProblems
} from "./chunk-KYWUEDKV.mjs";
import "./chunk-JGOQCCTN.mjs";
import "./chunk-M4VNML75.mjs";
import "./chunk-FUJPT6OL.mjs";
import {
  formatDate,
  formatSessionTime
} from "./chunk-FNY576GM.mjs";
import "./chunk-JMJE6DP2.mjs";
import "./chunk-W5O3JMDT.mjs";
import "./chunk-DUHYSVVC.mjs";
import {
  InputError,
  formatProblem,
  hasErrors
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/commands/schedule.ts
import { readFileSync } from "node:fs";
import { relative } from "node:path";

// src/core/calendar/describe.ts
var SHORT = 110;
function shorten(text, max = SHORT) {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}\u2026` : one;
}
function describePlan(plan, lang) {
  const nb = lang === "nb";
  const { group } = plan;
  const count = plan.sessions.length;
  const lines = [`${group.name} (${group.id}) \u2013 ${group.programmeTitle}, ${count} ${nb ? count === 1 ? "samling" : "samlinger" : count === 1 ? "session" : "sessions"}`];
  lines.push(`  ${nb ? "Sted" : "Place"}: ${group.location.text}`);
  const last = plan.sessions[plan.sessions.length - 1];
  for (const s of plan.sessions) {
    const when = formatSessionTime(s.date, s.start, s.end, lang);
    lines.push(`  ${s.number}. ${when} \xB7 ${themeLabel(group, s, lang)}${s.cancelled ? nb ? " (AVLYST)" : " (CANCELLED)" : ""}`);
    const indent = " ".repeat(String(s.number).length + 4);
    if (s.moved) {
      lines.push(`${indent}${nb ? "flyttet fra" : "moved from"} ${formatDate(s.moved.from, lang)}: ${s.moved.reason[lang]}`);
    }
    if (s.location.text !== group.location.text || s.location.url !== group.location.url) {
      lines.push(`${indent}${nb ? "sted" : "place"}: ${s.location.text || s.location.url}`);
    }
    if (s.note) lines.push(`${indent}${nb ? "merk" : "note"}: ${s.note}`);
    if (s.leaderInvited && group.leader) lines.push(`${indent}${nb ? "leder inviteres" : "leader invited"}`);
    if (s !== last && s.betweenSessions.length) {
      lines.push(`${indent}${nb ? "egenarbeid" : "between sessions"}: ${shorten(s.betweenSessions.map((i) => /[.!?…:]$/.test(i.trim()) ? i.trim() : `${i.trim()}.`).join(" "))}`);
    }
  }
  return lines;
}
var LABELS = {
  new: { nb: "nye", en: "new" },
  changed: { nb: "endret", en: "changed" },
  cancelled: { nb: "avlyst", en: "cancelled" },
  unchanged: { nb: "uendret", en: "unchanged" }
};
function describeOutcomes(groupId, outcomes, lang, opts = {}) {
  const nb = lang === "nb";
  const by = { new: [], changed: [], cancelled: [], unchanged: [] };
  for (const o of outcomes) {
    if (o.outcome === "new" || o.outcome === "changed" || o.outcome === "cancelled") by[o.outcome].push(o.number);
    else if (o.outcome === "unchanged" || o.outcome === "already-cancelled") by.unchanged.push(o.number);
  }
  const part = (k) => `${LABELS[k][lang]} ${by[k].length ? by[k].join(", ") : "\u2013"}`;
  const lines = [`${groupId}: ${nb ? "invitasjoner" : "invitations"} ${["new", "changed", "cancelled", "unchanged"].map(part).join(" \xB7 ")}`];
  const toSend = outcomes.filter((o) => o.outcome === "new" || o.outcome === "changed" || o.outcome === "cancelled");
  if (toSend.length) {
    const verb = opts.dryRun ? nb ? "ville sendt" : "would send" : "send";
    const files = toSend.flatMap((o) => o.files);
    const folder = commonFolder(files);
    const list = files.length <= 6 ? files.map((f) => f.slice(folder.length)).join(", ") : `${files.length} ${nb ? "filer" : "files"}`;
    lines.push(`  ${verb} ${folder} ${list}`);
  } else {
    lines.push(`  ${nb ? "ingenting nytt \xE5 sende" : "nothing new to send"}`);
  }
  return lines;
}
function commonFolder(paths) {
  let prefix = paths[0].split("/").slice(0, -1);
  for (const p of paths) {
    const parts = p.split("/");
    let i = 0;
    while (i < prefix.length && prefix[i] === parts[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.join("/") + "/";
}

// src/commands/schedule.ts
function planJson(plan, lang) {
  const { group } = plan;
  return {
    id: group.id,
    name: group.name,
    programme: group.programmeId,
    sessions: plan.sessions.map((s) => ({
      number: s.number,
      programme: s.theme.programmeId,
      theme: s.theme.theme.id,
      title: s.theme.theme.title,
      date: s.date,
      start: s.start,
      end: s.end,
      startUtc: s.startUtc,
      endUtc: s.endUtc,
      durationMinutes: s.durationMinutes,
      location: s.location,
      cancelled: s.cancelled,
      moved: s.moved ? { from: s.moved.from, reason: s.moved.reason[lang] } : null,
      overridden: s.overridden,
      note: s.note ?? null,
      leaderInvited: s.leaderInvited,
      betweenSessions: s.betweenSessions
    })),
    problems: plan.problems.map((p) => ({ severity: p.severity, file: p.file, line: p.line, field: p.field, message: formatProblem(p, lang) }))
  };
}
function run(ctx, groups = [], opts = {}) {
  const ws = openWorkspace(ctx, { only: groups });
  const L = ctx.lang;
  const plans = ws.groups.map((g) => planGroup(g, ws.settings, { strict: !!opts.strict }));
  const problems = plans.flatMap((p) => p.problems);
  if (!opts.json && !ctx.quiet) {
    for (const plan of plans) {
      for (const line of describePlan(plan, L)) ctx.out(line);
      ctx.out("");
    }
  }
  if (hasErrors(problems)) throw new InputError(problems);
  printProblems(ctx, problems);
  const states = /* @__PURE__ */ new Map();
  const damaged = [];
  for (const plan of plans) {
    try {
      states.set(plan.group.id, readCalendarState(ws.root, plan.group.id));
    } catch (err) {
      if (!(err instanceof DamagedStateError)) throw err;
      damaged.push({
        severity: "error",
        file: relative(ws.root, calendarStatePath(ws.root, plan.group.id)),
        message: t("kalenderstatusen er skadet, s\xE5 refleks vet ikke hva som er sendt f\xF8r", "the calendar state is damaged, so refleks does not know what was sent before"),
        hint: t(
          "Hent filen fra en sikkerhetskopi. Sletter du den, blir alle samlingene i gruppen sendt som nye invitasjoner.",
          "Restore it from a backup. If you delete it, every session of the group is issued as a new invitation."
        )
      });
    }
  }
  if (damaged.length) throw new InputError(damaged);
  const issuedAt = calendarIssueTime();
  const results = [];
  for (const plan of plans) {
    const result = calendarFiles(ws, plan, states.get(plan.group.id), issuedAt, { lang: L, version: VERSION, perPerson: !!opts.perPerson });
    const report = writeOutputs(ws.root, result.files, { dryRun: !!opts.dryRun, force: !!opts.force });
    if (!opts.dryRun) {
      const json = JSON.stringify(result.state, null, 2) + "\n";
      let onDisk;
      try {
        onDisk = readFileSync(calendarStatePath(ws.root, plan.group.id), "utf8");
      } catch {
        onDisk = void 0;
      }
      if (onDisk !== json) writeCalendarState(ws.root, result.state);
    }
    results.push({ plan, result, report });
  }
  if (opts.json) {
    const data = {
      timezone: ws.settings.timezone,
      dryRun: !!opts.dryRun,
      groups: results.map(({ plan, result, report }) => ({
        ...planJson(plan, L),
        invitations: result.outcomes,
        files: report.files
      }))
    };
    ctx.out(JSON.stringify(data, null, 2));
    return 0;
  }
  const out = ctx.quiet ? () => {
  } : ctx.out;
  for (const { plan, result, report } of results) {
    for (const line of describeOutcomes(plan.group.id, result.outcomes, L, { dryRun: !!opts.dryRun })) out(line);
    for (const path of report.edited) {
      ctx.err(t(`advarsel: ${path} er endret for h\xE5nd og ble ikke overskrevet (bruk --force)`, `warning: ${path} was edited by hand and was not overwritten (use --force)`)[L]);
    }
  }
  const written = results.reduce((n, r) => n + r.report.written.length, 0);
  const planned = results.reduce((n, r) => n + r.report.files.filter((f) => f.outcome === "planned").length, 0);
  const unchanged = results.reduce((n, r) => n + r.report.unchanged.length, 0);
  out(
    opts.dryRun ? t(`Pr\xF8vekj\xF8ring: ${planned} filer ville blitt skrevet, ${unchanged} er uendret. Ingenting er skrevet.`, `Dry run: ${planned} files would be written, ${unchanged} are unchanged. Nothing was written.`)[L] : t(`${written} filer skrevet, ${unchanged} uendret, under ${ws.settings.output}/.`, `${written} files written, ${unchanged} unchanged, in ${ws.settings.output}/.`)[L]
  );
  return 0;
}
export {
  run
};
