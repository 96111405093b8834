/**
 * A group's identity is its id: `id:` in the group file (written by
 * `refleks new-group`), or the file name for files without one. The id names
 * the calendar state, the sent record, the output folder and goes into every
 * UID, so renaming a file without `id:` would otherwise orphan what was sent
 * and issue every session again under new UIDs (everyone gets it twice).
 *
 * Here: finding states whose group is gone (and the group they most likely
 * became), moving a group's records to a new id (`refleks rename`), and
 * archiving a state once its group is cancelled (`refleks cancel`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CalendarState } from '../core/calendar/state.js';
import type { Group } from '../core/model.js';
import type { Problem } from '../core/problems.js';
import { t } from '../core/text.js';
import { issuedTo } from './calendar-pending.js';
import { calendarStatePath, readCalendarState } from './calendar-state.js';
import { writeFileAtomic } from './write-outputs.js';
import { groupIdOfName, listGroupFiles } from '../load/group-files.js';
import { loadWorkspace } from '../load/workspace.js';

export interface Orphan {
  id: string;
  /** Sessions still live in the calendars of the people sent them. */
  live: number[];
  /** The group that most likely is this one under a new name. */
  match?: string;
}

function stateIds(root: string): string[] {
  const dir = join(root, '.refleks', 'calendar');
  if (!existsSync(dir)) return [];
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
  } catch {
    // Not a folder: the destination check names it before anything is written.
    return [];
  }
}

function addresses(g: Pick<Group, 'facilitator' | 'coFacilitator' | 'leader' | 'participants'>): Set<string> {
  return new Set(
    [g.facilitator, g.coFacilitator, g.leader, ...g.participants].flatMap((p) =>
      p?.email ? [p.email.toLowerCase()] : [],
    ),
  );
}

/**
 * States with invitations still live whose group file is gone. The likely new
 * name is the group sharing at least half of the addresses last invited.
 */
export function orphanedStates(root: string, groups: Group[]): Orphan[] {
  const known = new Set(groups.map((g) => g.id));
  const out: Orphan[] = [];
  for (const id of stateIds(root)) {
    if (known.has(id)) continue;
    let state: CalendarState | undefined;
    try {
      state = readCalendarState(root, id);
    } catch {
      continue;
    }
    if (!state) continue;
    const live = Object.entries(state.sessions)
      .filter(([, s]) => !s.cancelled)
      .map(([n]) => Number(n));
    if (!live.length) continue;
    const sent = new Set(
      Object.values(state.sessions).flatMap((s) =>
        issuedTo(s)
          .filter((x) => !x.removed)
          .map((x) => x.person.email.toLowerCase()),
      ),
    );
    let best: { id: string; share: number } | undefined;
    for (const g of groups) {
      const mine = addresses(g);
      const shared = [...sent].filter((e) => mine.has(e)).length;
      const share = sent.size ? shared / sent.size : 0;
      if (share >= 0.5 && (!best || share > best.share)) best = { id: g.id, share };
    }
    out.push({ id, live, ...(best ? { match: best.id } : {}) });
  }
  return out;
}

/** The warning `validate`, `build` and `status` give for an orphaned state, with both ways on. */
export function orphanProblem(o: Orphan): Problem {
  const sessions = o.live.join(', ');
  return {
    severity: 'warning',
    file: `.refleks/calendar/${o.id}.json`,
    message: o.match
      ? t(
          `gruppefilen for «${o.id}» finnes ikke lenger, men invitasjonene til samling ${sessions} står i deltakernes kalendere; det ser ut som gruppen er omdøpt til «${o.match}»`,
          `the group file for "${o.id}" is gone, but the invitations to session ${sessions} are in the participants' calendars; it looks as if the group was renamed to "${o.match}"`,
        )
      : t(
          `gruppefilen for «${o.id}» finnes ikke lenger, men invitasjonene til samling ${sessions} står i deltakernes kalendere`,
          `the group file for "${o.id}" is gone, but the invitations to session ${sessions} are in the participants' calendars`,
        ),
    hint: t(
      `Er gruppen omdøpt: kjør «refleks rename ${o.id} ${o.match ?? 'NY-ID'}», så beholder invitasjonene sine UID-er og oppdateres i stedet for å komme dobbelt. Er gruppen avsluttet: kjør «refleks cancel ${o.id}» for å lage avlysninger til alle som fikk invitasjoner.`,
      `If the group was renamed: run "refleks rename ${o.id} ${o.match ?? 'NEW-ID'}", so the invitations keep their UIDs and are updated instead of arriving twice. If the group has ended: run "refleks cancel ${o.id}" to make cancellations for everyone who was invited.`,
    ),
  };
}

function move(from: string, to: string): void {
  if (!existsSync(from)) return;
  mkdirSync(dirname(to), { recursive: true });
  renameSync(from, to);
}

/**
 * Moves what refleks keeps about group `from` to group `to`: calendar state
 * (with its `group` field), sent record, e-mail journal and output folder,
 * re-keying the manifest so the moved files still count as refleks's own.
 * What `to` had already (issued under new UIDs after a rename) goes to
 * `.refleks/archive/`. The build cache needs nothing: the moved state changes
 * the group's fingerprint, so the next build rebuilds it.
 */
export function moveGroupRecords(
  root: string,
  from: string,
  to: string,
  output: string,
  stamp: string,
): { archived: boolean } {
  const refleks = join(root, '.refleks');
  const archive = join(refleks, 'archive', `${to}-${stamp}`);
  let archived = false;
  const paths = (id: string) => ({
    state: calendarStatePath(root, id),
    sent: join(refleks, 'sent', `${id}.json`),
    mail: join(refleks, 'sent-mail', `${id}.json`),
    out: join(root, output, id),
  });
  const src = paths(from);
  const dst = paths(to);
  for (const key of ['state', 'sent', 'mail', 'out'] as const) {
    if (existsSync(dst[key])) {
      move(dst[key], join(archive, key === 'out' ? 'ut' : key, key === 'out' ? '' : `${to}.json`));
      archived = true;
    }
  }
  const state = JSON.parse(readFileSync(src.state, 'utf8')) as CalendarState;
  writeFileAtomic(dst.state, JSON.stringify({ ...state, group: to }, null, 2) + '\n');
  rmSync(src.state);
  move(src.sent, dst.sent);
  move(src.mail, dst.mail);
  move(src.out, dst.out);
  rekeyManifest(root, `${output}/${from}/`, `${output}/${to}/`);
  return { archived };
}

function rekeyManifest(root: string, from: string, to: string): void {
  const path = join(root, '.refleks', 'manifest.json');
  if (!existsSync(path)) return;
  let m: { version: number; files: Record<string, string> };
  try {
    m = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return;
  }
  if (!m || typeof m.files !== 'object' || m.files === null) return;
  const files: Record<string, string> = {};
  for (const [p, h] of Object.entries(m.files)) {
    if (p.startsWith(to)) continue;
    files[p.startsWith(from) ? to + p.slice(from.length) : p] = h;
  }
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileAtomic(path, JSON.stringify({ ...m, files: sorted }, null, 2) + '\n');
}

/** Moves a state whose group has ended (every session cancelled) to `.refleks/archive/`. */
export function archiveState(root: string, id: string, stamp: string): string {
  const to = join(root, '.refleks', 'archive', `${id}-${stamp}`, 'state', `${id}.json`);
  move(calendarStatePath(root, id), to);
  return to;
}

/**
 * Before `schedule` or `build` issue anything: a group with no state of its
 * own that looks like an orphaned state renamed would get every session as a
 * new invitation with new UIDs, and its people every session twice. That is
 * an error until the coordinator chooses `rename` or `cancel`. Cheap when
 * every state has its group file (the usual case): nothing is parsed then.
 */
export function renameGuard(root: string): Problem[] {
  const names = new Set(listGroupFiles(root).names.map(groupIdOfName));
  if (stateIds(root).every((id) => names.has(id))) return [];
  const ws = loadWorkspace(root).workspace;
  if (!ws) return [];
  return orphanedStates(root, ws.groups)
    .filter((o) => o.match && !existsSync(calendarStatePath(root, o.match)))
    .map((o) => {
      const p = orphanProblem(o);
      return {
        ...p,
        severity: 'error' as const,
        message: t(
          `${p.message.nb}. Nye invitasjoner for «${o.match}» ville kommet i tillegg til de gamle, så ingenting er laget`,
          `${p.message.en}. New invitations for "${o.match}" would come on top of the old ones, so nothing was made`,
        ),
      };
    });
}
