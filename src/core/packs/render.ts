/**
 * A group's facilitator packs as files: per session a pack (in `veileder/`)
 * and a participant handout (in `deltaker/`, so what is handed out is apart
 * from what is not), HTML and Markdown, an index in session order and
 * `alle.html` for printing every theme at once. Templates come through the renderer passed
 * in, so `refleks build` can reuse this with its own renderer.
 */
import type { OutputFile } from '../../io/write-outputs.js';
import type { TemplateRenderer } from '../../templates/engine.js';
import type { Workspace } from '../model.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import type { PackLabels } from './labels.js';
import { indexView, packView, type PackView } from './view.js';

export interface PackOptions {
  /** Leave out the Markdown files. */
  htmlOnly?: boolean;
}

/** The folder below the workspace root where a group's packs go. */
export function packDir(ws: Workspace, groupId: string): string {
  return `${ws.settings.output}/${groupId}/veileder`;
}

/** The folder of the participant handouts. */
export function handoutDir(ws: Workspace, groupId: string): string {
  return `${ws.settings.output}/${groupId}/deltaker`;
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

/**
 * `footer` is the page's last line: organisation and where the page comes from
 * for the facilitator, only the organisation on a handout (participants need
 * no word about files or templates).
 */
function page(templates: TemplateRenderer, body: string, view: { lang: Lang; title: string; organisation: string; labels: PackLabels }, programmeId: string, format: 'html' | 'md', handout = false): string {
  const footer = handout ? `${view.organisation}.` : `${view.organisation}. ${view.labels.generatedBy}`;
  return templates.render(`packs/layout.${format}.hbs`, { ...view, body, footer }, { programmeId });
}

function handoutTitle(view: PackView): string {
  return `${view.labels.handout}, ${view.labels.theme.toLowerCase()} ${view.session.number} – ${view.group.name}`;
}

export function packFiles(ws: Workspace, plan: GroupPlan, templates: TemplateRenderer, lang: Lang, opts: PackOptions = {}): OutputFile[] {
  const dir = packDir(ws, plan.group.id);
  const out = handoutDir(ws, plan.group.id);
  const files: OutputFile[] = [];
  const sections: { body: string; cancelled: boolean }[] = [];
  for (const session of plan.sessions) {
    const view: PackView = packView(ws, plan, session, lang);
    // The theme's own programme picks `templates/<programme>/`, also in a combined group.
    const pid = session.theme.programmeId;
    const packBody = templates.render('packs/pack.html.hbs', view, { programmeId: pid });
    files.push({ path: `${dir}/${view.files.pack}`, bytes: page(templates, packBody, view, pid, 'html') });
    const handoutBody = templates.render('packs/handout.html.hbs', view, { programmeId: pid });
    files.push({ path: `${out}/${view.files.handout}`, bytes: page(templates, handoutBody, { ...view, title: handoutTitle(view) }, pid, 'html', true) });
    sections.push({ body: templates.render('packs/pack.html.hbs', { ...view, headingOffset: 1 }, { programmeId: pid }), cancelled: view.session.cancelled });
    if (!opts.htmlOnly) {
      const md = escapeMarkdown(view);
      files.push({ path: `${dir}/${view.files.packMd}`, bytes: page(templates, templates.render('packs/pack.md.hbs', md, { programmeId: pid }), md, pid, 'md') });
      const handoutMd = { ...md, title: handoutTitle(md) };
      files.push({ path: `${out}/${view.files.handoutMd}`, bytes: page(templates, templates.render('packs/handout.md.hbs', md, { programmeId: pid }), handoutMd, pid, 'md', true) });
    }
  }
  const index = indexView(ws, plan, lang);
  const pid = plan.group.programmeId;
  const indexPage = { ...index, hasMarkdown: !opts.htmlOnly };
  files.push({ path: `${dir}/index.html`, bytes: page(templates, templates.render('packs/index.html.hbs', indexPage, { programmeId: pid }), index, pid, 'html') });
  const all = { ...index, headingOffset: 1, title: `${index.labels.allPacks} – ${plan.group.name}`, sections };
  files.push({ path: `${dir}/alle.html`, bytes: page(templates, templates.render('packs/all.html.hbs', all, { programmeId: pid }), all, pid, 'html') });
  return files;
}
