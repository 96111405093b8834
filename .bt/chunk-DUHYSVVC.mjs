import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/load/did-you-mean.ts
function distance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(above + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = above;
    }
  }
  return prev[b.length];
}
function closest(input, candidates) {
  const needle = input.toLowerCase();
  let best;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(needle, c.toLowerCase());
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  if (best === void 0) return void 0;
  const limit = Math.max(2, Math.floor(best.length / 3));
  return bestScore <= limit ? best : void 0;
}

export {
  closest
};
