import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  formatProblem
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/cli/print.ts
function say(ctx, text) {
  ctx.out(text[ctx.lang]);
}
function printProblems(ctx, problems) {
  for (const p of problems) {
    const label = p.severity === "error" ? t("feil", "error") : t("advarsel", "warning");
    ctx.err(`${label[ctx.lang]}: ${formatProblem(p, ctx.lang)}`);
  }
}

export {
  say,
  printProblems
};
