/**
 * Writes `<output>/index.html`, the workspace overview, after a build. It
 * shows «today», so it is written again when a build changed anything or the
 * page is from another day. It needs every group's plan, but loading a
 * thousand group files costs seconds; so each group's plan is kept in
 * `.refleks/overview-plans.json` with the build fingerprint it was made for,
 * and only groups whose fingerprint moved (the ones just built) are loaded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Workspace } from '../core/model.js';
import { planGroup, type GroupPlan } from '../core/schedule.js';
import { overview } from '../core/status/overview.js';
import { overviewPage } from '../core/status/page.js';
import type { Lang } from '../core/text.js';
import { toWallTime } from '../core/zoned-time.js';
import { pendingInvitations } from '../io/calendar-pending.js';
import { writeFileAtomic, writeOutputs, type WriteReport } from '../io/write-outputs.js';
import { loadSettings, loadWorkspace } from '../load/workspace.js';

export const OVERVIEW_FILE = 'index.html';
const BUILD_CACHE = '.refleks/build.json';
const PLAN_CACHE = '.refleks/overview-plans.json';

interface PlanCache {
  version: 1;
  groups: Record<string, { fingerprint: string; plan: unknown }>;
}

/** Groups that have handed back filled-in forms (utfylt/<group>/*.docx). */
export function filledFormGroups(root: string, ids: string[]): Set<string> {
  return new Set(
    ids.filter((id) => {
      const dir = join(root, 'utfylt', id);
      return existsSync(dir) && readdirSync(dir).some((f) => /\.docx$/i.test(f) && !f.startsWith('~$'));
    }),
  );
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

// Plans hold Maps (session overrides, attendance); JSON keeps them as tagged
// entry lists. Of a theme the overview needs only its id and title; its
// goals, agenda and texts would make the file ten times larger.
const toJson = (_: string, v: unknown) => {
  if (v instanceof Map) return { $map: [...v.entries()] };
  if (v && typeof v === 'object' && 'agenda' in v && 'goals' in v) {
    const theme = v as unknown as { id: string; title: string };
    return { id: theme.id, title: theme.title, goals: [] };
  }
  return v;
};
/** The kept form back to a plan: tagged entry lists to Maps, in place (the cache object is not used again). */
function revive(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i]);
    return v;
  }
  if (!v || typeof v !== 'object') return v;
  if ('$map' in v) return new Map((v as { $map: [unknown, unknown][] }).$map.map(([k, x]) => [k, revive(x)]));
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) o[k] = revive(o[k]);
  return o;
}

function fileId(path: string): string {
  return basename(path).replace(/\.ya?ml$/i, '');
}

/** Every group's plan: cached ones whose build fingerprint is unchanged, the rest loaded and planned. */
function allPlans(root: string, ws0: { settings: Workspace['settings'] }): { plans: GroupPlan[]; ws?: Workspace } {
  const groupDir = join(root, 'groups');
  const ids = existsSync(groupDir)
    ? readdirSync(groupDir)
        .filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith('.'))
        .sort()
        .map(fileId)
    : [];
  const built = readJson<{ groups?: Record<string, { fingerprint: string }> }>(join(root, BUILD_CACHE))?.groups ?? {};
  const cache = readJson<PlanCache>(join(root, PLAN_CACHE));
  const cached = cache?.version === 1 ? cache.groups : {};
  const fresh = (id: string) => !!built[id] && cached[id]?.fingerprint === built[id]!.fingerprint;
  const stale = ids.filter((id) => !fresh(id));
  const loaded = new Map<string, GroupPlan>();
  let ws: Workspace | undefined;
  if (stale.length) {
    ws = loadWorkspace(root, stale.length === ids.length ? {} : { only: stale }).workspace;
    for (const g of ws?.groups ?? []) loaded.set(fileId(g.source.path), planGroup(g, ws0.settings));
  }
  // The file keeps loaded plans (Maps tagged by toJson) and kept ones as they were read;
  // it is written before the kept ones are revived in place.
  if (stale.length) {
    const next: PlanCache = { version: 1, groups: {} };
    for (const id of ids) {
      if (!built[id]) continue;
      const plan = loaded.get(id) ?? (fresh(id) ? cached[id]!.plan : undefined);
      if (plan !== undefined) next.groups[id] = { fingerprint: built[id]!.fingerprint, plan };
    }
    writeFileAtomic(join(root, PLAN_CACHE), JSON.stringify(next, toJson) + '\n');
  }
  const plans: GroupPlan[] = [];
  for (const id of ids) {
    const plan = loaded.get(id) ?? (fresh(id) ? (revive(cached[id]!.plan) as GroupPlan) : undefined);
    if (plan) plans.push(plan); // A group that does not load is reported by build itself.
  }
  return { plans, ...(ws ? { ws } : {}) };
}

export function writeOverviewPage(
  root: string,
  lang: Lang,
  opts: { changed: boolean; force?: boolean; today?: string },
): WriteReport | undefined {
  const { settings } = loadSettings(root);
  if (!settings) return undefined;
  const today = opts.today ?? toWallTime(Date.now(), settings.timezone).date;
  const rel = `${settings.output}/${OVERVIEW_FILE}`;
  const abs = join(root, rel);
  if (
    !opts.changed &&
    existsSync(abs) &&
    readFileSync(abs, 'utf8').includes(`<meta name="refleks-date" content="${today}">`)
  )
    return undefined;
  const { plans } = allPlans(root, { settings });
  // Pending invitations only need the groups' ids and the workspace folder.
  const light = { root, settings, programmes: new Map(), groups: plans.map((p) => p.group) } as Workspace;
  const ov = overview(plans, today, 14, pendingInvitations(light), {
    evaluated: filledFormGroups(
      root,
      plans.map((p) => p.group.id),
    ),
  });
  const html = overviewPage(settings.organisation, plans, ov, lang, {
    report: existsSync(join(root, settings.output, 'rapport', 'rapport.html')),
  });
  return writeOutputs(root, [{ path: rel, bytes: html }], { force: !!opts.force });
}
