/**
 * Which characters a text may hold to reach every output refleks writes.
 * XML 1.0 (the Word forms) forbids the C0 controls other than tab, line feed
 * and carriage return, lone surrogates and U+FFFE/U+FFFF: one of them in a
 * name makes a .docx that Word, LibreOffice and python-docx refuse to open.
 * iCalendar forbids controls as well. C1 controls and the other
 * noncharacters are allowed by XML but are never text a person meant (C1
 * controls are what a Windows-1252 file read the wrong way turns into), so
 * they are refused too.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cs}\p{Noncharacter_Code_Point}]/u;
/** A line break of any kind, or a tab: not in a one-line field (a name, a place, a title). */
const BREAK = /[\t\n\r\u2028\u2029]/;

/** The first character no document can hold, with its index in `text`. */
export function unsafeChar(text: string): { index: number; char: string } | undefined {
  const m = UNSAFE.exec(text);
  return m ? { index: m.index, char: m[0] } : undefined;
}

/** The first tab or line break, for one-line fields. */
export function lineBreak(text: string): { index: number; char: string } | undefined {
  const m = BREAK.exec(text);
  return m ? { index: m.index, char: m[0] } : undefined;
}

/** `U+FFFF`, as a person can search for it in an editor. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** How a character is named in a message: tabs and line breaks by name, the rest by code point. */
export function describeChar(char: string): { nb: string; en: string } {
  switch (char) {
    case '\t':
      return { nb: 'tabulator', en: 'a tab' };
    case '\n':
    case '\r':
    case '\u2028':
    case '\u2029':
      return { nb: 'linjeskift', en: 'a line break' };
    default:
      return { nb: `tegnet ${codePointName(char)}`, en: `the character ${codePointName(char)}` };
  }
}

/**
 * Why a one-line answer (a name, a room) cannot be taken as typed, or
 * undefined: a tab, a line break (U+2028 from a pasted text among them) or a
 * character no document can hold. The wizard asks again rather than write a
 * group file its own loader would refuse.
 */
export function oneLineIssue(text: string): { nb: string; en: string } | undefined {
  const bad = lineBreak(text) ?? unsafeChar(text);
  if (!bad) return undefined;
  const what = describeChar(bad.char);
  return {
    nb: `Teksten har ${what.nb}, som ikke kan stå her. Skriv den på én linje uten.`,
    en: `The text has ${what.en}, which cannot stand here. Type it on one line without it.`,
  };
}
