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
import { planJson, revivePlan } from './plan-json.js';

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

function fileId(path: string): string {
  return basename(path).replace(/\.ya?ml$/i, '');
}

/**
 * Every group's plan: those a build just made (`made`, by file id, as
 * planJson), cached ones whose build fingerprint is unchanged, and the rest
 * loaded and planned.
 */
function allPlans(
  root: string,
  ws0: { settings: Workspace['settings'] },
  made: ReadonlyMap<string, string> = new Map(),
): { plans: GroupPlan[]; ws?: Workspace } {
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
  // The plans as the file keeps them: just made, or loaded and planned now.
  const texts = new Map<string, string>();
  for (const id of stale) if (made.has(id)) texts.set(id, made.get(id)!);
  const toLoad = stale.filter((id) => !texts.has(id));
  let ws: Workspace | undefined;
  if (toLoad.length) {
    ws = loadWorkspace(root, toLoad.length === ids.length ? {} : { only: toLoad }).workspace;
    for (const g of ws?.groups ?? []) texts.set(fileId(g.source.path), planJson(planGroup(g, ws0.settings)));
  }
  // Written by hand from the plans' JSON: a thousand groups' plans are not parsed and made into text again.
  if (stale.length) {
    const entries: string[] = [];
    for (const id of ids) {
      if (!built[id]) continue;
      const plan = texts.get(id) ?? (fresh(id) ? JSON.stringify(cached[id]!.plan) : undefined);
      if (plan !== undefined)
        entries.push(`${JSON.stringify(id)}:{"fingerprint":${JSON.stringify(built[id]!.fingerprint)},"plan":${plan}}`);
    }
    writeFileAtomic(join(root, PLAN_CACHE), `{"version":1,"groups":{${entries.join(',')}}}\n`);
  }
  const plans: GroupPlan[] = [];
  for (const id of ids) {
    const text = texts.get(id);
    const plan = text !== undefined ? JSON.parse(text) : fresh(id) ? cached[id]!.plan : undefined;
    // A group that does not load is reported by build itself.
    if (plan) plans.push(revivePlan(plan) as GroupPlan);
  }
  return { plans, ...(ws ? { ws } : {}) };
}

export function writeOverviewPage(
  root: string,
  lang: Lang,
  opts: {
    changed: boolean;
    force?: boolean;
    today?: string;
    /** Plans the build just made (planJson), by group file id: not loaded again. */
    made?: ReadonlyMap<string, string>;
  },
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
  const { plans } = allPlans(root, { settings }, opts.made);
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
