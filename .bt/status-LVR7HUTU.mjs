import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  pendingInvitations
} from "./chunk-EYQPWTZ5.mjs";
import "./chunk-D5ZROK2N.mjs";
import "./chunk-ODMSC6MY.mjs";
import "./chunk-74R4QDXV.mjs";
import {
  planGroup
} from "./chunk-HGIWPUE4.mjs";
import {
  openWorkspace
} from "./chunk-QSFKID5M.mjs";
import {
  say
} from "./chunk-KYWUEDKV.mjs";
import "./chunk-JGOQCCTN.mjs";
import {
  FAIL,
  isoDate
} from "./chunk-M4VNML75.mjs";
import "./chunk-FUJPT6OL.mjs";
import {
  addDays,
  formatDate,
  formatSessionTime,
  toWallTime
} from "./chunk-FNY576GM.mjs";
import "./chunk-JMJE6DP2.mjs";
import "./chunk-W5O3JMDT.mjs";
import "./chunk-DUHYSVVC.mjs";
import {
  UsageError
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/core/status/overview.ts
function overview(plans, today, days, extra = /* @__PURE__ */ new Map()) {
  const until = addDays(today, days);
  const upcoming = [];
  const groups = [];
  for (const plan of plans) {
    const active = plan.sessions.filter((s) => !s.cancelled);
    for (const s of active) {
      if (s.date >= today && s.date < until) upcoming.push({ groupId: plan.group.id, groupName: plan.group.name, session: s, of: plan.sessions.length });
    }
    const held = active.filter((s) => s.date < today).length;
    const phase = held === 0 ? "not-started" : held === active.length ? "finished" : "running";
    const attention = [];
    if (phase !== "finished") {
      for (const p of plan.problems) attention.push(problemText(p));
      for (const s of plan.sessions) {
        if (s.moved && s.date >= today) {
          attention.push(t(
            `samling ${s.number} er flyttet fra ${formatDate(s.moved.from, "nb")} (${s.moved.reason.nb}) til ${formatDate(s.date, "nb")}`,
            `session ${s.number} moved from ${formatDate(s.moved.from, "en")} (${s.moved.reason.en}) to ${formatDate(s.date, "en")}`
          ));
        }
      }
      attention.push(...extra.get(plan.group.id) ?? []);
    }
    const next = active.find((s) => s.date >= today);
    groups.push({ id: plan.group.id, name: plan.group.name, phase, held, total: active.length, ...next ? { next } : {}, attention });
  }
  upcoming.sort((a, b) => a.session.startUtc < b.session.startUtc ? -1 : a.session.startUtc > b.session.startUtc ? 1 : a.groupId < b.groupId ? -1 : 1);
  return { today, days, upcoming, groups };
}
function problemText(p) {
  const field = p.field ? `${p.field}: ` : "";
  return { nb: field + p.message.nb, en: field + p.message.en };
}

// src/commands/status.ts
function run(ctx, opts) {
  const ws = openWorkspace(ctx);
  const days = Number(opts.days ?? 14);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new UsageError(t(`--days m\xE5 v\xE6re et helt tall fra 1 til 366, fant \xAB${opts.days}\xBB`, `--days must be a whole number from 1 to 366, found "${opts.days}"`));
  let today = toWallTime(Date.now(), ws.settings.timezone).date;
  if (opts.today) {
    const issues = { issues: [] };
    const parsed = isoDate().parse(opts.today, [], issues);
    if (parsed === FAIL) throw new UsageError(t(`--today: ${issues.issues[0].message.nb}`, `--today: ${issues.issues[0].message.en}`));
    today = parsed;
  }
  const plans = ws.groups.map((g) => planGroup(g, ws.settings));
  const report = overview(plans, today, days, pendingInvitations(ws));
  if (opts.json) {
    ctx.out(JSON.stringify(report, (key, value) => key === "theme" && value?.theme ? { programme: value.programmeId, id: value.theme.id, title: value.theme.title } : value, 2));
    return 0;
  }
  const L = ctx.lang;
  say(ctx, t(`Status for ${ws.settings.organisation} \u2013 ${formatDate(today, "nb")}`, `Status for ${ws.settings.organisation} \u2013 ${formatDate(today, "en")}`));
  ctx.out("");
  say(ctx, t(`Samlinger de neste ${days} dagene:`, `Sessions in the next ${days} days:`));
  if (!report.upcoming.length) say(ctx, t("  ingen", "  none"));
  for (const u of report.upcoming) {
    const s = u.session;
    ctx.out(`  ${formatSessionTime(s.date, s.start, s.end, L)}  ${u.groupName} \xB7 ${t(`samling ${s.number} av ${u.of}`, `session ${s.number} of ${u.of}`)[L]}: ${s.theme.theme.title} \xB7 ${s.location.text}`);
  }
  const attention = report.groups.filter((g) => g.attention.length);
  if (attention.length) {
    ctx.out("");
    say(ctx, t("Trenger oppmerksomhet:", "Needs attention:"));
    for (const g of attention) {
      ctx.out(`  ${g.name} (${g.id}):`);
      for (const a of g.attention) ctx.out(`    \u2013 ${a[L]}`);
    }
  }
  const by = (phase) => report.groups.filter((g) => g.phase === phase);
  ctx.out("");
  const names = (gs) => gs.length ? ` (${gs.map((g) => g.id).join(", ")})` : "";
  say(ctx, t(
    `Ikke startet: ${by("not-started").length}${names(by("not-started"))} \xB7 P\xE5g\xE5r: ${by("running").length}${names(by("running"))} \xB7 Ferdige: ${by("finished").length}${names(by("finished"))}`,
    `Not started: ${by("not-started").length}${names(by("not-started"))} \xB7 Running: ${by("running").length}${names(by("running"))} \xB7 Finished: ${by("finished").length}${names(by("finished"))}`
  ));
  return 0;
}
export {
  run
};
