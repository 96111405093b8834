import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  loadFormWording
} from "./chunk-OUMMSEYM.mjs";
import {
  issueTime
} from "./chunk-ODMSC6MY.mjs";
import {
  sha256,
  writeOutputs
} from "./chunk-74R4QDXV.mjs";
import {
  planGroup
} from "./chunk-HGIWPUE4.mjs";
import {
  openWorkspace
} from "./chunk-QSFKID5M.mjs";
import {
  printProblems,
  say
} from "./chunk-KYWUEDKV.mjs";
import "./chunk-JGOQCCTN.mjs";
import "./chunk-M4VNML75.mjs";
import "./chunk-FUJPT6OL.mjs";
import "./chunk-426QVGET.mjs";
import "./chunk-FNY576GM.mjs";
import "./chunk-JMJE6DP2.mjs";
import "./chunk-W5O3JMDT.mjs";
import "./chunk-DUHYSVVC.mjs";
import {
  InputError,
  hasErrors
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/commands/forms.ts
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

// src/core/forms/pdf.ts
import { createHash } from "node:crypto";
function pdfDate(d) {
  return d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}
function normalisePdf(bytes, issuedAt, seed) {
  const text = Buffer.from(bytes).toString("latin1");
  const stamp = pdfDate(issuedAt);
  const iso = issuedAt.toISOString().slice(0, 19);
  const id = createHash("md5").update(seed).digest("hex").toUpperCase();
  const out = text.replace(/(\/(?:CreationDate|ModDate)\s*\(D:)(\d{14})/g, (_m, pre) => `${pre}${stamp}`).replace(/(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})/g, (_m, pre) => `${pre}${iso}`).replace(/\/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>/g, (m, a, b) => m.replace(a, id).replace(b, id));
  return new Uint8Array(Buffer.from(out, "latin1"));
}

// src/commands/forms.ts
function findSoffice(env = process.env) {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const p = join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  return void 0;
}
var PDF_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},"UseTaggedPDF":{"type":"boolean","value":"true"}}';
function convertToPdf(soffice, docs, issuedAt) {
  const work = mkdtempSync(join(tmpdir(), "refleks-pdf-"));
  try {
    const inputs = docs.map((d, i) => {
      const p = join(work, `${String(i).padStart(4, "0")}.docx`);
      writeFileSync(p, d.bytes);
      return p;
    });
    const out = join(work, "pdf");
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", "--norestore", "--convert-to", PDF_FILTER, "--outdir", out, ...inputs], {
      encoding: "utf8",
      timeout: 6e5,
      env: { ...process.env, HOME: work }
    });
    return docs.map((d, i) => {
      const pdf = join(out, `${String(i).padStart(4, "0")}.pdf`);
      if (!existsSync(pdf)) {
        throw new Error(`LibreOffice did not convert ${d.path} (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || "").trim().slice(0, 500)}`);
      }
      return { path: d.path.replace(/\.docx$/, ".pdf"), bytes: normalisePdf(readFileSync(pdf), issuedAt, d.bytes) };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
async function run(ctx, groups = [], opts = {}) {
  const ws = openWorkspace(ctx, groups.length ? { only: groups } : {});
  const L = ctx.lang;
  const soffice = opts.pdf ? findSoffice() : void 0;
  if (opts.pdf && !soffice) {
    ctx.err(
      t(
        "feil: --pdf trenger LibreOffice, men fant ikke \xABsoffice\xBB. Installer det (Debian/Ubuntu: sudo apt-get install libreoffice-writer; Windows og Mac: libreoffice.org), eller kj\xF8r uten --pdf.",
        'error: --pdf needs LibreOffice, but "soffice" was not found. Install it (Debian/Ubuntu: sudo apt-get install libreoffice-writer; Windows and Mac: libreoffice.org), or run without --pdf.'
      )[L]
    );
    return 1;
  }
  const selected = groups.length ? ws.groups.filter((g) => groups.some((id) => id.replace(/\.ya?ml$/i, "") === g.id)) : ws.groups;
  if (!selected.length) {
    say(ctx, t("Ingen grupper enn\xE5. Lag en med \xABrefleks new-group\xBB.", 'No groups yet. Create one with "refleks new-group".'));
    return 0;
  }
  const { formFiles } = await import("./forms-OPECU43C.mjs");
  const issuedAt = issueTime(ws.root, { record: !opts.dryRun });
  const wordings = /* @__PURE__ */ new Map();
  const problems = [];
  const sets = [];
  for (const group of selected) {
    const plan = planGroup(group, ws.settings);
    problems.push(...plan.problems);
    if (!wordings.has(group.programmeId)) {
      const loaded = loadFormWording(ws, group.programmeId, L);
      problems.push(...loaded.problems);
      if (loaded.wording) wordings.set(group.programmeId, loaded.wording);
    }
    const wording = wordings.get(group.programmeId);
    if (hasErrors(problems) || !wording) continue;
    sets.push({ id: group.id, files: await formFiles(ws, plan, wording, issuedAt, L) });
  }
  if (hasErrors(problems)) throw new InputError(dedupe(problems));
  printProblems(ctx, dedupe(problems));
  if (soffice) {
    const pending = [];
    for (const set of sets) {
      for (const doc of [...set.files]) {
        const reused = existingPdf(ws.root, doc);
        if (reused) set.files.push(reused);
        else pending.push({ set: set.files, doc });
      }
    }
    const pdfs = pending.length ? convertToPdf(soffice, pending.map((p) => p.doc), issuedAt) : [];
    pending.forEach((p, i) => p.set.push(pdfs[i]));
  }
  let edited = 0;
  for (const set of sets) {
    const report = writeOutputs(ws.root, set.files, { dryRun: !!opts.dryRun, force: !!opts.force });
    edited += report.edited.length;
    if (opts.dryRun) {
      const planned = report.files.filter((f) => f.outcome === "planned").length;
      say(ctx, t(`${set.id}: ville skrevet ${planned} filer, ${report.unchanged.length} uendret`, `${set.id}: would write ${planned} files, ${report.unchanged.length} unchanged`));
    } else if (!ctx.quiet) {
      say(ctx, t(`${set.id}: ${report.written.length} skrevet, ${report.unchanged.length} uendret`, `${set.id}: ${report.written.length} written, ${report.unchanged.length} unchanged`));
    }
    for (const path of report.edited) {
      ctx.err(t(`advarsel: ${path} er endret for h\xE5nd og ble ikke overskrevet`, `warning: ${path} was edited by hand and was not overwritten`)[L]);
    }
  }
  if (edited) {
    ctx.err(t(`${edited} filer er endret for h\xE5nd og beholdt. Bruk --force for \xE5 skrive over dem.`, `${edited} files were edited by hand and kept. Use --force to overwrite them.`)[L]);
  }
  if (!opts.dryRun && !ctx.quiet && sets.length) {
    say(ctx, t(`Skjemaene ligger i ${ws.settings.output}/<gruppe>/skjema/.`, `The forms are in ${ws.settings.output}/<group>/skjema/.`));
  }
  return 0;
}
function existingPdf(root, doc) {
  const pdfPath = doc.path.replace(/\.docx$/, ".pdf");
  const docAbs = join(root, doc.path);
  const pdfAbs = join(root, pdfPath);
  if (!existsSync(docAbs) || !existsSync(pdfAbs)) return void 0;
  if (sha256(readFileSync(docAbs)) !== sha256(doc.bytes)) return void 0;
  return { path: pdfPath, bytes: readFileSync(pdfAbs) };
}
function dedupe(problems) {
  const seen = /* @__PURE__ */ new Set();
  return problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.column, p.field, p.message.nb]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
export {
  convertToPdf,
  findSoffice,
  run
};
