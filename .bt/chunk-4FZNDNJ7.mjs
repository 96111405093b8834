import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/problems.ts
function formatProblem(p, lang) {
  const where = [];
  if (p.file) {
    let loc = p.file;
    if (p.line !== void 0) loc += `:${p.line}`;
    if (p.line !== void 0 && p.column !== void 0) loc += `:${p.column}`;
    where.push(loc);
  }
  if (p.field) where.push(p.field);
  const prefix = where.length ? `${where.join(": ")}: ` : "";
  const message = p.message[lang];
  const hint = p.hint ? `${/[.!?:]$/.test(message) ? "" : "."} ${p.hint[lang]}` : "";
  return `${prefix}${message}${hint}`;
}
function hasErrors(problems) {
  return problems.some((p) => p.severity === "error");
}
var InputError = class extends Error {
  problems;
  constructor(problems) {
    super(problems.map((p) => formatProblem(p, "en")).join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }
};
var UsageError = class extends Error {
  text;
  constructor(text) {
    super(text.en);
    this.name = "UsageError";
    this.text = text;
  }
};
function fieldPath(path) {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

export {
  formatProblem,
  hasErrors,
  InputError,
  UsageError,
  fieldPath
};
