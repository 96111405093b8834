/**
 * `refleks build --adopt`: when the manifest of written files is lost or
 * damaged, the files in the output folder are taken as refleks's own only
 * after checking that they are what refleks last wrote:
 *  - an invitation (.ics) must parse and carry, for every event, the UID and
 *    SEQUENCE the calendar state holds (and CANCEL exactly for a cancelled
 *    session); otherwise it is not what refleks last issued, and is kept;
 *  - a Word document must still say it was last saved by refleks (Word and
 *    LibreOffice write the person's name there when they save a filled-in form);
 *  - packs (HTML, Markdown) and PDFs are taken as they are, and reported.
 */
import { extname } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { CalendarState } from '../core/calendar/state.js';
import { t, type Text } from '../core/text.js';

export type AdoptVerdict = { ok: true } | { ok: false; why: Text };

/** The VEVENTs of an iCalendar text: UID, SEQUENCE; and the METHOD. */
interface IcsEvent {
  uid?: string;
  sequence?: number;
  /** Lower-case addresses of the ATTENDEE lines. */
  attendees: string[];
}

function readIcs(text: string): { method?: string; events: IcsEvent[] } | undefined {
  // Unfold (RFC 5545, 3.1): a line break followed by a space or tab continues the line.
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  if (lines[0]?.trim() !== 'BEGIN:VCALENDAR') return undefined;
  let method: string | undefined;
  const events: IcsEvent[] = [];
  let current: IcsEvent | undefined;
  let ended = false;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).split(';')[0]!.toUpperCase();
    const value = line.slice(colon + 1);
    if (line === 'BEGIN:VEVENT') current = { attendees: [] };
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (line === 'END:VCALENDAR') ended = true;
    else if (name === 'METHOD' && !current) method = value;
    else if (current && name === 'UID') current.uid = value;
    else if (current && name === 'SEQUENCE' && /^\d+$/.test(value)) current.sequence = Number(value);
    else if (current && name === 'ATTENDEE') current.attendees.push(value.replace(/^mailto:/i, '').toLowerCase());
  }
  return ended ? { ...(method ? { method } : {}), events } : undefined;
}

export function checkInvitation(bytes: Uint8Array, state: CalendarState | undefined): AdoptVerdict {
  if (!state)
    return {
      ok: false,
      why: t('refleks har ingen kalenderstatus å sjekke den mot', 'refleks has no calendar state to check it against'),
    };
  const ics = readIcs(new TextDecoder().decode(bytes));
  if (!ics || !ics.events.length)
    return { ok: false, why: t('filen er ikke en hel kalenderfil', 'the file is not a whole calendar file') };
  const byUid = new Map(Object.values(state.sessions).map((s) => [s.uid, s]));
  for (const e of ics.events) {
    const s = e.uid ? byUid.get(e.uid) : undefined;
    if (!s)
      return {
        ok: false,
        why: t(
          `UID ${e.uid ?? '(mangler)'} finnes ikke i kalenderstatusen`,
          `UID ${e.uid ?? '(missing)'} is not in the calendar state`,
        ),
      };
    // The versions this UID may hold on disk: the whole-group file's; in a file for one
    // person, that person's own (others keep theirs when someone is removed); and the
    // CANCEL a removed address was sent (src/core/calendar/state.ts).
    const method = s.cancelled ? 'CANCEL' : 'REQUEST';
    const allowed: { sequence: number; method: string }[] = [{ sequence: s.sequence, method }];
    const one = e.attendees.length === 1 ? e.attendees[0]! : undefined;
    if (one && s.people[one]) allowed.push({ sequence: s.people[one].sequence, method });
    for (const r of s.removed)
      if (r.email.toLowerCase() === one) allowed.push({ sequence: r.sequence, method: 'CANCEL' });
    if (!allowed.some((a) => a.sequence === e.sequence)) {
      return {
        ok: false,
        why: t(
          `den har SEQUENCE ${e.sequence ?? '(mangler)'}, men kalenderstatusen sier ${s.sequence}`,
          `it has SEQUENCE ${e.sequence ?? '(missing)'}, but the calendar state says ${s.sequence}`,
        ),
      };
    }
    if (ics.method !== 'PUBLISH' && !allowed.some((a) => a.sequence === e.sequence && a.method === ics.method)) {
      return {
        ok: false,
        why: t(
          `den er ${ics.method ?? 'uten METHOD'}, men kalenderstatusen sier ${s.cancelled ? 'avlyst' : 'ikke avlyst'}`,
          `it is ${ics.method ?? 'without METHOD'}, but the calendar state says ${s.cancelled ? 'cancelled' : 'not cancelled'}`,
        ),
      };
    }
  }
  return { ok: true };
}

/** One entry of a zip file, found through its central directory; undefined if it is not there or not a zip. */
export function zipEntry(bytes: Uint8Array, name: string): Buffer | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > b.length) return undefined;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  for (let i = 0; i < count && p + 46 <= b.length; i++) {
    if (b.readUInt32LE(p) !== 0x02014b50) return undefined;
    const method = b.readUInt16LE(p + 10);
    const size = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    if (b.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) return undefined;
      const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      const data = b.subarray(start, start + size);
      try {
        return method === 0 ? Buffer.from(data) : method === 8 ? inflateRawSync(data) : undefined;
      } catch {
        return undefined;
      }
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

export function checkDocx(bytes: Uint8Array): AdoptVerdict {
  const core = zipEntry(bytes, 'docProps/core.xml')?.toString('utf8');
  if (core === undefined)
    return { ok: false, why: t('filen er ikke et helt Word-dokument', 'the file is not a whole Word document') };
  if (/<cp:lastModifiedBy>refleks<\/cp:lastModifiedBy>/.test(core)) return { ok: true };
  const by = /<cp:lastModifiedBy>([^<]*)<\/cp:lastModifiedBy>/.exec(core)?.[1];
  return {
    ok: false,
    why: by
      ? t(`den er sist lagret av «${by}», ikke av refleks`, `it was last saved by "${by}", not by refleks`)
      : t('den er lagret av et annet program enn refleks', 'it was saved by another program than refleks'),
  };
}

/** The verdict on one file on disk of which refleks has no record. */
export function checkForAdoption(path: string, bytes: Uint8Array, state: CalendarState | undefined): AdoptVerdict {
  switch (extname(path).toLowerCase()) {
    case '.ics':
      return checkInvitation(bytes, state);
    case '.docx':
      return checkDocx(bytes);
    default:
      return { ok: true };
  }
}
