/**
 * Plain SVG bar charts: a handful of bars need no chart library. Each chart
 * is an image with a title and a description saying what it shows in words;
 * the same figures are in a table next to it.
 */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface Bar {
  label: string;
  value: number;
  /** What the bar's end says, e.g. «4 av 5». */
  valueText: string;
  /** Drawn hatched-light: no figure (not recorded, cancelled). */
  missing?: boolean;
}

const BAR_COLOR = '#1f3864';
const MISSING_COLOR = '#d9e2f3';

/** Horizontal bars, one row each, scaled to `max`. */
export function barChart(id: string, title: string, description: string, bars: Bar[], max: number): string {
  const row = 26;
  const labelWidth = 310;
  const barWidth = 300;
  const width = labelWidth + barWidth + 90;
  const height = bars.length * row + 10;
  const parts = bars.map((b, i) => {
    const y = 5 + i * row;
    const w = b.missing || max <= 0 ? barWidth : Math.max(2, Math.round((b.value / max) * barWidth));
    const label = b.label.length > 44 ? `${b.label.slice(0, 43)}…` : b.label;
    return (
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${esc(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 8}" fill="${b.missing ? MISSING_COLOR : BAR_COLOR}"/>` +
      `<text x="${labelWidth + (b.missing ? 8 : w + 6)}" y="${y + 16}">${esc(b.valueText)}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Calibri, Arial, sans-serif" font-size="12" fill="#000">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(description)}</desc>${parts.join('')}</svg>`
  );
}
