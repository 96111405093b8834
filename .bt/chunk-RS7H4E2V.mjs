import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/cli/table.ts
function table(rows, header) {
  const all = header ? [header, ...rows] : rows;
  const widths = [];
  for (const row of all) row.forEach((cell, i) => widths[i] = Math.max(widths[i] ?? 0, [...cell].length));
  const line = (row) => row.map((cell, i) => i === row.length - 1 ? cell : cell + " ".repeat(widths[i] - [...cell].length)).join("  ").trimEnd();
  const out = all.map(line);
  if (header) out.splice(1, 0, widths.map((w) => "\u2500".repeat(w)).join("  "));
  return out;
}

export {
  table
};
