/**
 * A group's facilitator packs as files: per session a pack and a participant
 * handout (HTML and Markdown), an index in session order and `alle.html` for
 * printing every theme at once. Templates come through the renderer passed
 * in, so `refleks build` can reuse this with its own renderer.
 */
import type { OutputFile } from '../output.js';
import type { Workspace } from '../model.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import { indexView, packView, type PackView } from './view.js';

/**
 * All the packs need from a template engine: render a named template
 * (`packs/pack.html.hbs`) with a view, looking first in the theme's programme's
 * templates. The Handlebars renderer in src/templates satisfies it; the core
 * never imports the engine, and a test can pass a stub.
 */
export interface PackRenderer {
  render(name: string, view: object, opts: { programmeId: string }): string;
}

/** The folder below the workspace root where a group's packs go. */
export function packDir(ws: Workspace, groupId: string): string {
  return `${ws.settings.output}/${groupId}/veileder`;
}

const MD_SPECIAL = /[\\`*_[\]<>|]/g;

/**
 * Markdown has no escaping of its own in Handlebars (templates are compiled
 * with `noEscape`); names and titles get a backslash before the characters
 * that would otherwise turn into markup or raw HTML. File names and links stay as they are.
 */
export function escapeMarkdown<T>(value: T, key = ''): T {
  if (typeof value === 'string') return (key === 'url' || key === 'files' ? value : value.replace(MD_SPECIAL, '\\$&')) as T;
  if (Array.isArray(value)) return value.map((v) => escapeMarkdown(v, key)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = key === 'files' ? v : escapeMarkdown(v, k);
    return out as T;
  }
  return value;
}

function page(templates: PackRenderer, body: string, view: { lang: Lang; title: string }, programmeId: string, format: 'html' | 'md'): string {
  return templates.render(`packs/layout.${format}.hbs`, { ...view, body }, { programmeId });
}

function handoutTitle(view: PackView): string {
  return `${view.labels.handout}, ${view.labels.theme.toLowerCase()} ${view.session.number} – ${view.group.name}`;
}

export function packFiles(ws: Workspace, plan: GroupPlan, templates: PackRenderer, lang: Lang): OutputFile[] {
  const dir = packDir(ws, plan.group.id);
  const files: OutputFile[] = [];
  const sections: { body: string; cancelled: boolean }[] = [];
  for (const session of plan.sessions) {
    const view: PackView = packView(ws, plan, session, lang);
    // The theme's own programme picks `templates/<programme>/`, also in a combined group.
    const pid = session.theme.programmeId;
    const packBody = templates.render('packs/pack.html.hbs', view, { programmeId: pid });
    files.push({ path: `${dir}/${view.files.pack}`, bytes: page(templates, packBody, view, pid, 'html') });
    const handoutBody = templates.render('packs/handout.html.hbs', view, { programmeId: pid });
    files.push({ path: `${dir}/${view.files.handout}`, bytes: page(templates, handoutBody, { ...view, title: handoutTitle(view) }, pid, 'html') });
    sections.push({ body: templates.render('packs/pack.html.hbs', { ...view, headingOffset: 1 }, { programmeId: pid }), cancelled: view.session.cancelled });
    const md = escapeMarkdown(view);
    files.push({ path: `${dir}/${view.files.packMd}`, bytes: page(templates, templates.render('packs/pack.md.hbs', md, { programmeId: pid }), md, pid, 'md') });
    const handoutMd = { ...md, title: handoutTitle(md) };
    files.push({ path: `${dir}/${view.files.handoutMd}`, bytes: page(templates, templates.render('packs/handout.md.hbs', md, { programmeId: pid }), handoutMd, pid, 'md') });
  }
  const index = indexView(ws, plan, lang);
  const pid = plan.group.programmeId;
  files.push({ path: `${dir}/index.html`, bytes: page(templates, templates.render('packs/index.html.hbs', index, { programmeId: pid }), index, pid, 'html') });
  const all = { ...index, headingOffset: 1, title: `${index.labels.allPacks} – ${plan.group.name}`, sections };
  files.push({ path: `${dir}/alle.html`, bytes: page(templates, templates.render('packs/all.html.hbs', all, { programmeId: pid }), all, pid, 'html') });
  return files;
}
