/**
 * What the forms are made from: the group, its sessions, the wording, and
 * how dates are written. Free of docx, so the mail merge can use it without
 * loading the document library.
 */
import { formatDate, formatSessionTime, formatShortDate } from '../format-date.js';
import type { Group, Workspace } from '../model.js';
import type { PlannedSession } from '../schedule.js';
import type { Lang } from '../text.js';
import type { FormWording } from './wording.js';

/** How dates and times are written; the mail merge replaces these with tokens (see merge.ts). */
export interface Formatters {
  date(date: string): string;
  shortDate(date: string): string;
  sessionTime(date: string, start: string, end: string): string;
}

export function realFormatters(lang: Lang): Formatters {
  return {
    date: (d) => formatDate(d, lang),
    shortDate: (d) => formatShortDate(d, lang),
    sessionTime: (d, s, e) => formatSessionTime(d, s, e, lang),
  };
}

export interface FormContext {
  workspace: Workspace;
  group: Group;
  sessions: PlannedSession[];
  w: FormWording;
  lang: Lang;
  /** Default: the real formatters for `lang`. */
  fmt?: Formatters;
}

