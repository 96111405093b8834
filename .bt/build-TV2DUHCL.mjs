import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  buildGroups
} from "./chunk-TI3BOJIN.mjs";
import "./chunk-OUMMSEYM.mjs";
import "./chunk-4RIZZ4NV.mjs";
import "./chunk-DCLAYZXH.mjs";
import {
  VERSION
} from "./chunk-QKY5F4QE.mjs";
import "./chunk-G3YWCE5X.mjs";
import {
  calendarIssueTime,
  calendarStatePath,
  writeCalendarState
} from "./chunk-D5ZROK2N.mjs";
import {
  issueTime,
  recordIssueTime
} from "./chunk-ODMSC6MY.mjs";
import {
  OutputManifest,
  writeFileAtomic,
  writeOutputs
} from "./chunk-74R4QDXV.mjs";
import "./chunk-HGIWPUE4.mjs";
import {
  workspaceRoot
} from "./chunk-QSFKID5M.mjs";
import {
  printProblems,
  say
} from "./chunk-KYWUEDKV.mjs";
import {
  loadProgrammes,
  loadSettings,
  loadWorkspace
} from "./chunk-JGOQCCTN.mjs";
import "./chunk-M4VNML75.mjs";
import {
  BUILTIN_PROGRAMMES,
  BUILTIN_TEMPLATES,
  WORKSPACE_FILE
} from "./chunk-FUJPT6OL.mjs";
import "./chunk-426QVGET.mjs";
import "./chunk-FNY576GM.mjs";
import "./chunk-JMJE6DP2.mjs";
import "./chunk-W5O3JMDT.mjs";
import "./chunk-DUHYSVVC.mjs";
import {
  InputError,
  UsageError,
  formatProblem,
  hasErrors
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/build/run-build.ts
import { existsSync as existsSync2, readdirSync as readdirSync2, readFileSync as readFileSync2 } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join as join2 } from "node:path";
import { Worker } from "node:worker_threads";

// src/build/fingerprint.ts
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
function filesBelow(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesBelow(p, out);
    else out.push(p);
  }
  return out;
}
function hashTree(h, label, dir) {
  for (const file of filesBelow(dir)) {
    h.update(`\0${label}:${relative(dir, file)}\0`);
    h.update(readFileSync(file));
  }
}
function sharedFingerprint(root, options) {
  const h = createHash("sha256");
  h.update(`refleks ${VERSION}\0${JSON.stringify(options)}\0`);
  h.update(readFileSync(join(root, WORKSPACE_FILE)));
  hashTree(h, "builtin-programmes", BUILTIN_PROGRAMMES);
  hashTree(h, "builtin-templates", BUILTIN_TEMPLATES);
  hashTree(h, "programmes", join(root, "programmes"));
  hashTree(h, "templates", join(root, "templates"));
  return h.digest("hex");
}
function groupFingerprint(shared, groupBytes, calendarState) {
  const h = createHash("sha256");
  h.update(shared);
  h.update("\0group\0");
  h.update(groupBytes);
  h.update("\0calendar\0");
  if (calendarState) h.update(calendarState);
  return h.digest("hex");
}

// src/build/run-build.ts
var CACHE = ".refleks/build.json";
var GROUPS_PER_WORKER = 24;
function readCache(root) {
  try {
    const c = JSON.parse(readFileSync2(join2(root, CACHE), "utf8"));
    if (c.version === 1 && c.groups && typeof c.groups === "object") return c;
  } catch {
  }
  return { version: 1, groups: {} };
}
function readIfExists(path) {
  try {
    return readFileSync2(path);
  } catch {
    return void 0;
  }
}
async function runBuild(root, opts, onGroup = () => {
}) {
  const { settings, problems: settingsProblems } = loadSettings(root);
  const { problems: programmeProblems } = loadProgrammes(root);
  const shared = [...settingsProblems, ...programmeProblems];
  if (!settings || hasErrors(shared)) throw new InputError(shared);
  const lang = opts.lang ?? settings.language;
  const buildSettings = {
    lang,
    version: VERSION,
    issuedAt: "",
    calendarIssuedAt: "",
    strict: !!opts.strict,
    perPerson: !!opts.perPerson
  };
  const sharedFp = sharedFingerprint(root, { lang, strict: buildSettings.strict, perPerson: buildSettings.perPerson });
  const cache = readCache(root);
  const groupDir = join2(root, "groups");
  let files = existsSync2(groupDir) ? readdirSync2(groupDir).filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith(".")).sort() : [];
  const idOf = (f) => basename(f).replace(/\.ya?ml$/i, "");
  if (opts.only?.length) {
    const wanted = new Set(opts.only.map(idOf));
    files = files.filter((f) => wanted.has(idOf(f)));
  }
  const reports = /* @__PURE__ */ new Map();
  const bytesOf = /* @__PURE__ */ new Map();
  const toBuild = [];
  let done = 0;
  for (const f of files) {
    const id = idOf(f);
    const bytes = readFileSync2(join2(groupDir, f));
    bytesOf.set(id, bytes);
    const fp = groupFingerprint(sharedFp, bytes, readIfExists(calendarStatePath(root, id)));
    const cached = cache.groups[id];
    if (!opts.force && cached?.fingerprint === fp && cached.files.every((p) => existsSync2(join2(root, p)))) {
      const r = { id, file: `groups/${f}`, status: "skipped", invitations: {}, written: 0, unchanged: cached.files.length, edited: [], problems: [] };
      reports.set(id, r);
      onGroup(r, ++done, files.length);
    } else {
      toBuild.push(id);
    }
  }
  if (!toBuild.length) return { lang, groups: files.map((f) => reports.get(idOf(f))), workers: 0 };
  const issuedAt = issueTime(root, { record: false });
  buildSettings.issuedAt = issuedAt.toISOString();
  let cacheChanged = false;
  buildSettings.calendarIssuedAt = calendarIssueTime().toISOString();
  const manifest = new OutputManifest(root);
  const idOfFile = new Map(files.map((f) => [`groups/${f}`, idOf(f)]));
  const loadWarnings = /* @__PURE__ */ new Map();
  const finish = (r) => {
    reports.set(r.id, r);
    onGroup(r, ++done, files.length);
  };
  const failed = (file, problems) => ({ id: idOfFile.get(file), file, status: "failed", invitations: {}, written: 0, unchanged: 0, edited: [], problems });
  const handleLoadProblems = (problems) => {
    const byFile = /* @__PURE__ */ new Map();
    for (const p of problems) byFile.set(p.file ?? "", [...byFile.get(p.file ?? "") ?? [], p]);
    for (const [file, list] of byFile) {
      if (!idOfFile.has(file)) throw new InputError(list);
      if (hasErrors(list)) finish(failed(file, list));
      else loadWarnings.set(file, list);
    }
  };
  const handleGroup = (result) => {
    const problems = [...loadWarnings.get(result.file) ?? [], ...result.problems];
    if (hasErrors(result.problems)) return finish(failed(result.file, problems));
    const id = idOfFile.get(result.file);
    const written = writeOutputs(root, result.files, { dryRun: !!opts.dryRun, force: !!opts.force }, manifest);
    if (!opts.dryRun) recordIssueTime(root, issuedAt);
    const invitations = {};
    for (const o of result.calendar?.outcomes ?? []) invitations[o.outcome] = (invitations[o.outcome] ?? 0) + 1;
    if (!opts.dryRun) {
      let stateBytes;
      if (result.calendar) {
        writeCalendarState(root, result.calendar.state);
        stateBytes = readFileSync2(calendarStatePath(root, result.calendar.state.group));
      }
      cache.groups[id] = { fingerprint: groupFingerprint(sharedFp, bytesOf.get(id), stateBytes), files: result.files.map((f) => f.path) };
      cacheChanged = true;
    }
    finish({
      id,
      file: result.file,
      status: "built",
      invitations,
      written: opts.dryRun ? written.files.filter((f) => f.outcome === "planned").length : written.written.length,
      unchanged: written.unchanged.length,
      edited: written.edited,
      problems
    });
  };
  const jobs = Math.max(1, Math.min(opts.jobs ?? Math.min(availableParallelism(), Math.ceil(toBuild.length / GROUPS_PER_WORKER)), toBuild.length, 16));
  try {
    if (jobs === 1) {
      const { workspace, problems } = loadWorkspace(root, { only: toBuild });
      handleLoadProblems(problems);
      if (workspace) await buildGroups(workspace, buildSettings, (m) => m.type === "group" && handleGroup(m.result));
    } else {
      const chunks = Array.from({ length: jobs }, () => []);
      toBuild.forEach((id, i) => chunks[i % jobs].push(id));
      await Promise.all(chunks.map((ids) => runWorker({ root, ids, settings: buildSettings }, (m) => {
        if (m.type === "load") handleLoadProblems(m.problems);
        else if (m.type === "group") handleGroup(m.result);
      })));
    }
  } finally {
    if (!opts.dryRun) {
      manifest.save();
      if (cacheChanged) writeFileAtomic(join2(root, CACHE), JSON.stringify(cache) + "\n");
    }
  }
  return { lang, groups: files.map((f) => reports.get(idOf(f))).filter((r) => !!r), workers: jobs === 1 ? 0 : jobs };
}
function runWorker(input, onMessage) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: input });
    worker.on("message", onMessage);
    worker.on("error", reject);
    worker.on("exit", (code) => code === 0 ? resolve() : reject(new Error(`build worker exited with code ${code}`)));
  });
}

// src/commands/build.ts
function invitationText(r) {
  const i = r.invitations;
  const parts = [];
  if (i.new) parts.push(t(`${i.new} ${i.new === 1 ? "ny" : "nye"}`, `${i.new} new`));
  if (i.changed) parts.push(t(`${i.changed} ${i.changed === 1 ? "endret" : "endrede"}`, `${i.changed} changed`));
  if (i.cancelled) parts.push(t(`${i.cancelled} ${i.cancelled === 1 ? "avlyst" : "avlyste"}`, `${i.cancelled} cancelled`));
  if (!parts.length) return void 0;
  return t(`invitasjoner \xE5 sende: ${parts.map((p) => p.nb).join(", ")}`, `invitations to send: ${parts.map((p) => p.en).join(", ")}`);
}
function groupLine(r) {
  if (r.status === "skipped") return t(`${r.id}: uendret, hoppet over`, `${r.id}: unchanged, skipped`);
  if (r.status === "failed") return t(`${r.id}: FEIL \u2013 se under`, `${r.id}: FAILED \u2013 see below`);
  const inv = invitationText(r);
  const warnings = r.problems.length;
  return t(
    `${r.id}: ${r.written} filer skrevet, ${r.unchanged} uendret${inv ? `; ${inv.nb}` : ""}${warnings ? `; ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"}` : ""}`,
    `${r.id}: ${r.written} files written, ${r.unchanged} unchanged${inv ? `; ${inv.en}` : ""}${warnings ? `; ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}`
  );
}
async function run(ctx, groups = [], opts = {}) {
  const root = workspaceRoot(ctx);
  let jobs;
  if (opts.jobs !== void 0) {
    jobs = Number(opts.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(t(`--jobs m\xE5 v\xE6re et helt tall fra 1 til 64, fant \xAB${opts.jobs}\xBB`, `--jobs must be a whole number from 1 to 64, found "${opts.jobs}"`));
  }
  const bar = ctx.isTTY && !ctx.quiet && !opts.json;
  const report = await runBuild(
    root,
    { only: groups, force: !!opts.force, dryRun: !!opts.dryRun, strict: !!opts.strict, perPerson: !!opts.perPerson, ...jobs ? { jobs } : {}, ...ctx.langFromFlag ? { lang: ctx.lang } : {} },
    (r, done, total) => {
      if (bar) {
        const width = 30;
        const filled = Math.round(done / total * width);
        process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${t("grupper", "groups")[ctx.lang]}`);
        if (done === total) process.stderr.write("\n");
      } else if (!ctx.quiet && !opts.json) {
        ctx.out(groupLine(r)[ctx.lang]);
      }
    }
  );
  if (!ctx.langFromFlag) ctx.lang = report.lang;
  const failed = report.groups.filter((g) => g.status === "failed");
  if (opts.json) {
    ctx.out(JSON.stringify({
      groups: report.groups.map((g) => ({ ...g, problems: g.problems.map((p) => ({ severity: p.severity, file: p.file, line: p.line, column: p.column, field: p.field, message: formatProblem(p, ctx.lang) })) })),
      failed: failed.length
    }, null, 2));
    return failed.length ? 1 : 0;
  }
  for (const g of report.groups) printProblems(ctx, g.problems);
  const edited = report.groups.flatMap((g) => g.edited);
  for (const path of edited) ctx.err(t(`advarsel: ${path} er endret for h\xE5nd og ble ikke overskrevet (bruk --force)`, `warning: ${path} was edited by hand and was not overwritten (use --force)`)[ctx.lang]);
  if (bar) for (const g of report.groups.filter((g2) => g2.status === "built")) ctx.out(groupLine(g)[ctx.lang]);
  if (!ctx.quiet) {
    const n = (s) => report.groups.filter((g) => g.status === s).length;
    const files = report.groups.reduce((sum, g) => sum + g.written, 0);
    say(ctx, opts.dryRun ? t(`T\xF8rrkj\xF8ring: ${n("built")} grupper ville f\xE5tt ${files} filer skrevet, ${n("skipped")} uendret, ${failed.length} med feil. Ingenting er skrevet.`, `Dry run: ${n("built")} groups would get ${files} files written, ${n("skipped")} unchanged, ${failed.length} failed. Nothing was written.`) : files === 0 && !failed.length ? t(`Ingenting \xE5 gj\xF8re: alt er oppdatert (${report.groups.length} grupper).`, `Nothing to do: everything is up to date (${report.groups.length} groups).`) : t(`Ferdig: ${n("built")} grupper bygget, ${n("skipped")} uendret, ${failed.length} med feil; ${files} filer skrevet.`, `Done: ${n("built")} groups built, ${n("skipped")} unchanged, ${failed.length} failed; ${files} files written.`));
  }
  if (failed.length) {
    ctx.err(t(`${failed.length} ${failed.length === 1 ? "gruppe" : "grupper"} kunne ikke bygges: ${failed.map((g) => g.file).join(", ")}`, `${failed.length} group${failed.length === 1 ? "" : "s"} could not be built: ${failed.map((g) => g.file).join(", ")}`)[ctx.lang]);
    return 1;
  }
  return 0;
}
export {
  run
};
