/**
 * What a path in the workspace is, following symlinks. A coordinator can make
 * a symlink that leads nowhere (its target moved, or it points at itself) or a
 * folder where a file belongs; each is a clear error naming the path, never a
 * crash (issue 12, item 5).
 */
import { statSync } from 'node:fs';
import { InputError, type Problem } from '../core/problems.js';
import { t } from '../core/text.js';

export type EntryKind = 'file' | 'dir' | 'other';

/** The problem with a path whose target cannot be reached, or undefined for another error. */
export function unreachable(err: unknown, shown: string): Problem | undefined {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ELOOP') {
    return {
      severity: 'error',
      file: shown,
      message: t('er en symbolsk lenke som peker i ring', 'is a symbolic link that points in a loop'),
      hint: t(
        'Slett lenken, eller la den peke til en fil eller mappe som finnes.',
        'Delete the link, or make it point to a file or folder that exists.',
      ),
    };
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return {
      severity: 'error',
      file: shown,
      message: t('er en symbolsk lenke til noe som ikke finnes', 'is a symbolic link to something that does not exist'),
      hint: t(
        'Slett lenken, eller la den peke til en fil eller mappe som finnes.',
        'Delete the link, or make it point to a file or folder that exists.',
      ),
    };
  }
  return undefined;
}

/** File, folder or something else (a FIFO, a device); an InputError when the path leads nowhere. */
export function entryKind(abs: string, shown: string): EntryKind {
  try {
    const st = statSync(abs);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
  } catch (err) {
    const problem = unreachable(err, shown);
    if (problem) throw new InputError([problem]);
    throw err;
  }
}
