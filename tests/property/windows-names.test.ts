/**
 * Property-based: every file or folder name refleks makes from a person's,
 * group's or theme's name can be created on Windows, whatever the name. The
 * rules are written out here, apart from the implementation, from Microsoft's
 * "Naming Files, Paths, and Namespaces". Fixed seed, so a failure reproduces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify as groupFileName } from '../../src/core/group-file.js';
import { personSlug } from '../../src/core/calendar/session-event.js';
import { slugify as themeFileName } from '../../src/core/packs/view.js';
import { slugify, uniqueSlugs } from '../../src/core/slug.js';
import { SLUG_PATTERN } from '../../src/load/schema.js';

const SEED = 20261130;

/** Why Windows would refuse `name` as a file or folder name, or undefined. */
function windowsProblem(name: string): string | undefined {
  if (name === '') return 'empty';
  if (/[<>:"/\\|?*]/.test(name)) return 'reserved character';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what Windows refuses
  if (/[\u0000-\u001f]/.test(name)) return 'control character';
  if (/[. ]$/.test(name)) return 'ends in a dot or space';
  if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(name.split('.')[0]!.trim())) return 'reserved device name';
  if (name.length > 255) return 'too long';
  return undefined;
}

const reserved = [
  'CON',
  'con',
  'Prn',
  'AUX',
  'NUL',
  'nul',
  'COM1',
  'com9',
  'LPT1',
  'lpt9',
  'COM0',
  'Con.',
  'NUL ',
  ' aux',
  'con.txt',
  'AUX.docx',
  'LPT³',
];
const nasty = [
  ':',
  '?',
  '*',
  '"',
  '<',
  '>',
  '|',
  '/',
  '\\',
  '.',
  ' ',
  '\u0000',
  '\u001f',
  '\t',
  '\n',
  '..',
  '...',
  ' .',
  '-',
  '—',
  'Æ',
  'ø',
  'å',
  '𝒜',
  '👩‍⚕️',
  '\u200b',
  '\u0301',
  'ﬁ',
  'İ',
  'ß',
];

/** Hostile names: reserved device names, bad characters, dots, spaces and emoji, in any mix. */
const hostileName = fc.oneof(
  fc.constantFrom(...reserved),
  fc.array(fc.constantFrom(...reserved, ...nasty), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
  fc
    .tuple(fc.constantFrom(...reserved), fc.constantFrom('', '.', ' ', '. ', ':', '?', '.docx', '-'))
    .map(([a, b]) => a + b),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...nasty, 'a', 'C', 'O', 'N', '1'), maxLength: 12 }),
);

const EXTENSIONS = ['', '.yaml', '.docx', '.ics', '.html', '.md'];

function expectWindowsSafe(slug: string, input: string): void {
  for (const ext of EXTENSIONS) {
    const problem = windowsProblem(slug + ext);
    expect(problem, `${JSON.stringify(input)} → ${JSON.stringify(slug + ext)}`).toBeUndefined();
  }
}

describe('names refleks writes are valid on Windows', () => {
  it('for 1,000 generated hostile names, through every slug function', () => {
    let checked = 0;
    fc.assert(
      fc.property(hostileName, (name) => {
        expectWindowsSafe(slugify(name, { fallback: 'x' }), name);
        expectWindowsSafe(groupFileName(name), name);
        expectWindowsSafe(themeFileName(name), name);
        expectWindowsSafe(personSlug(name), name);
        // A group id made from a name is one the loader accepts.
        expect(SLUG_PATTERN.test(groupFileName(name)), name).toBe(true);
        checked++;
      }),
      { seed: SEED, numRuns: 1000 },
    );
    expect(checked).toBe(1000);
  });

  it('for rosters of hostile names, with repeats numbered', () => {
    fc.assert(
      fc.property(fc.array(hostileName, { minLength: 1, maxLength: 12 }), (names) => {
        const slugs = uniqueSlugs(names, 'deltaker');
        expect(new Set(slugs).size).toBe(names.length);
        slugs.forEach((s, i) => expectWindowsSafe(s, names[i]!));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('reserved device names get a suffix instead of failing on Windows', () => {
    expect(slugify('Con')).toBe('con-1');
    expect(slugify('NUL.')).toBe('nul-1');
    expect(groupFileName('Aux')).toBe('aux-1');
    expect(slugify('Consulting')).toBe('consulting');
    expect(slugify('com 1')).toBe('com-1');
  });

  it('the rule in this test catches what it should (so the property can fail)', () => {
    for (const bad of ['CON', 'con.docx', 'a:b', 'a?', 'x.', 'x ', 'LPT1.yaml', 'tab\there'])
      expect(windowsProblem(bad), bad).toBeDefined();
    for (const good of ['sone-nord.yaml', 'con-1.docx', 'console', 'com10'])
      expect(windowsProblem(good), good).toBeUndefined();
  });
});
