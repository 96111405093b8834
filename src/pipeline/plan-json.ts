/**
 * A group's plan as the overview page keeps it (`.refleks/overview-plans.json`):
 * JSON, with Maps (session overrides, attendance) as tagged entry lists, and
 * of a theme only its id and title (its goals, agenda and texts would make the
 * file ten times larger). Made where the group is planned, in a build worker,
 * so the overview never loads the group files again after a build.
 */
import type { GroupPlan } from '../core/schedule.js';

const toJson = (_: string, v: unknown) => {
  if (v instanceof Map) return { $map: [...v.entries()] };
  if (v && typeof v === 'object' && 'agenda' in v && 'goals' in v) {
    const theme = v as unknown as { id: string; title: string };
    return { id: theme.id, title: theme.title, goals: [] };
  }
  return v;
};

export function planJson(plan: GroupPlan | unknown): string {
  return JSON.stringify(plan, toJson);
}

/** The kept form back to a plan: tagged entry lists to Maps, in place (the object is not used again). */
export function revivePlan(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revivePlan(v[i]);
    return v;
  }
  if (!v || typeof v !== 'object') return v;
  if ('$map' in v) return new Map((v as { $map: [unknown, unknown][] }).$map.map(([k, x]) => [k, revivePlan(x)]));
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) o[k] = revivePlan(o[k]);
  return o;
}
