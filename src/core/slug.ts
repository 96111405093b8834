/**
 * ASCII names for files, folders and ids, made from people's names, group
 * names and theme titles: they travel by e-mail and USB sticks to Windows
 * machines and are typed on the command line. Only a–z, 0–9 and inner
 * hyphens, never a name Windows reserves (CON, NUL, COM1 …). Norwegian letters are spelt the
 * way municipalities spell them in e-mail addresses (Æsøy → aesoy).
 */
const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd', œ: 'oe' };

export interface SlugOptions {
  /** Longest result; default 60. */
  max?: number;
  /** Cut at a hyphen rather than inside a word when shortening. */
  wholeWords?: boolean;
  /** Used when nothing usable is left (a name of only emoji). */
  fallback?: string;
}

/**
 * Names Windows keeps for devices, with or without an extension (`con.docx`
 * cannot be created either). COM0/LPT0 and the superscript digits are on the
 * list in newer Windows versions.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** True for a name (before its first dot) that Windows will not create. */
export function isWindowsReserved(name: string): boolean {
  return RESERVED.test(name.split('.')[0]!.trim());
}

export function slugify(text: string, opts: SlugOptions = {}): string {
  const max = opts.max ?? 60;
  const ascii = text
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[æøåßđłþðœ]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let cut = ascii.slice(0, max);
  if (opts.wholeWords && ascii.length > max) cut = cut.replace(/-[^-]*$/, '') || cut;
  const slug = cut.replace(/-+$/, '') || (opts.fallback ?? '');
  // «Aux» is a fine group name but not a file name on Windows.
  return isWindowsReserved(slug) ? `${slug}-1` : slug;
}

/** One slug per name, in order; repeated names get -2, -3 …; names without letters get `fallback-N`. */
export function uniqueSlugs(names: string[], fallback: string): string[] {
  const used = new Set<string>();
  return names.map((name, i) => {
    const base = slugify(name) || `${fallback}-${i + 1}`;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}
