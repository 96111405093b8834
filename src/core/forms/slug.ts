/**
 * File names from people's names: ASCII only (they travel by e-mail and USB
 * sticks to Windows machines), Norwegian letters spelt the way the
 * municipality spells them in e-mail addresses (Æsøy → aesoy), unique within
 * the group.
 */
const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd', œ: 'oe' };

export function nameSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[æøåßđłþðœ]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** One slug per name, in order; repeated names get -2, -3 …; names without letters get `fallback-N`. */
export function uniqueSlugs(names: string[], fallback: string): string[] {
  const used = new Set<string>();
  return names.map((name, i) => {
    const base = nameSlug(name) || `${fallback}-${i + 1}`;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}
