import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/io/write-outputs.ts
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
var MANIFEST = ".refleks/manifest.json";
function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function readManifest(root) {
  try {
    const m = JSON.parse(readFileSync(join(root, MANIFEST), "utf8"));
    if (m && m.version === 1 && typeof m.files === "object" && m.files !== null) return { version: 1, files: Object.assign(/* @__PURE__ */ Object.create(null), m.files) };
  } catch {
  }
  return { version: 1, files: /* @__PURE__ */ Object.create(null) };
}
var OutputManifest = class {
  constructor(root) {
    this.root = root;
    this.data = readManifest(root);
  }
  root;
  data;
  dirty = false;
  get(path) {
    return this.data.files[path];
  }
  set(path, hash) {
    if (this.data.files[path] !== hash) {
      this.data.files[path] = hash;
      this.dirty = true;
    }
  }
  /** Paths recorded below a folder, e.g. a group's output folder. */
  pathsUnder(prefix) {
    return Object.keys(this.data.files).filter((p) => p.startsWith(prefix));
  }
  save() {
    if (!this.dirty) return;
    const files = Object.fromEntries(Object.entries(this.data.files).sort(([a], [b]) => a < b ? -1 : 1));
    writeFileAtomic(join(this.root, MANIFEST), JSON.stringify({ version: 1, files }, null, 2) + "\n");
    this.dirty = false;
  }
};
var madeDirs = /* @__PURE__ */ new Set();
function writeFileAtomic(path, bytes) {
  const dir = dirname(path);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = join(dir, `.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    if (err.code === "ENOENT" && madeDirs.delete(dir)) return writeFileAtomic(path, bytes);
    throw err;
  }
}
function readIfExists(path) {
  try {
    return readFileSync(path);
  } catch (err) {
    if (err.code === "ENOENT" || err.code === "ENOTDIR") return void 0;
    throw err;
  }
}
function safeJoin(root, rel) {
  const norm = normalize(rel);
  if (isAbsolute(rel) || norm.startsWith("..") || norm.split(sep).includes("..")) {
    throw new Error(`refusing to write outside the workspace: ${rel}`);
  }
  return join(root, norm);
}
function writeOutputs(root, files, opts = {}, shared) {
  const manifest = shared ?? new OutputManifest(root);
  const report = { files: [], written: [], unchanged: [], edited: [] };
  const toWrite = [];
  for (const file of files) {
    const abs = safeJoin(root, file.path);
    const hash = sha256(file.bytes);
    let outcome = "written";
    const existing = readIfExists(abs);
    if (existing) {
      const onDisk = sha256(existing);
      if (onDisk === hash) outcome = "unchanged";
      else if (manifest.get(file.path) !== onDisk && !opts.force) outcome = "edited";
    }
    if (outcome === "written") {
      if (opts.dryRun) outcome = "planned";
      else toWrite.push({ abs, file, hash });
    }
    if (outcome === "unchanged" && !opts.dryRun) manifest.set(file.path, hash);
    report.files.push({ path: file.path, outcome });
    if (outcome === "written") report.written.push(file.path);
    if (outcome === "unchanged") report.unchanged.push(file.path);
    if (outcome === "edited") report.edited.push(file.path);
  }
  if (opts.dryRun) return report;
  for (const { abs, file, hash } of toWrite) {
    writeFileAtomic(abs, file.bytes);
    manifest.set(file.path, hash);
  }
  if (!shared) manifest.save();
  return report;
}

export {
  sha256,
  OutputManifest,
  writeFileAtomic,
  writeOutputs
};
