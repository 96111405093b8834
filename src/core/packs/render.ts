/**
 * A group's facilitator packs as files: per session a pack (in `veileder/`)
 * and a participant handout (in `deltaker/`, so what is handed out is apart
 * from what is not), HTML and Markdown, an index in session order and
 * `alle.html` for printing every theme at once. Templates come through the renderer passed
 * in, so `refleks build` can reuse this with its own renderer.
 */
import type { OutputFile } from '../output.js';
import type { Workspace } from '../model.js';
import type { GroupPlan } from '../schedule.js';
import type { Lang } from '../text.js';
import type { PackLabels } from './labels.js';
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

/** The folder of the participant handouts. */
export function handoutDir(ws: Workspace, groupId: string): string {
  return `${ws.settings.output}/${groupId}/deltaker`;
}

const MD_SPECIAL = /[\\`*_[\]<>|]/g;
/** What starts a heading, list, quote or rule at the start of a line. */
const MD_BLOCK_START = /^(#{1,6}(?=\s|$)|[-+=~]|\d{1,9}(?=[.)](\s|$)))/;

/**
 * One piece of text as Markdown that shows exactly that text: characters that
 * would become markup or raw HTML get a backslash; a single line break
 * becomes a space, so a name can never start a heading, a list item or a new
 * table row; paragraphs (blank lines) stay, each unable to start a block.
 */
export function markdownText(value: string): string {
  let text = markdownTexts.get(value);
  if (text === undefined) {
    // Bounded: the texts that repeat (labels, themes) come back at once.
    if (markdownTexts.size >= 10_000) markdownTexts.clear();
    markdownTexts.set(value, (text = markdownOf(value)));
  }
  return text;
}

/** Most texts of a pack (labels, the theme's material) are the same for every group. */
const markdownTexts = new Map<string, string>();

function markdownOf(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((para) =>
      para
        .replace(/\s*\n\s*/g, ' ')
        .replace(MD_SPECIAL, '\\$&')
        .replace(MD_BLOCK_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`)),
    )
    .join('\n\n');
}

/**
 * A link as it may stand inside `<…>` or `(…)` in Markdown: characters that
 * would end the link early are percent-encoded (the loader refuses most of
 * them already; this holds for any view).
 */
// eslint-disable-next-line no-control-regex -- control characters are what must be encoded
const URL_UNSAFE = /[\s<>()"'`\\|[\]\u0000-\u001f\u007f]/g;

export function markdownUrl(value: string): string {
  return value.replace(URL_UNSAFE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Markdown has no escaping of its own in Handlebars (templates are compiled
 * with `noEscape`); every text of the view goes through markdownText, links
 * through markdownUrl. File names stay as they are (refleks makes them).
 */
export function escapeMarkdown<T>(value: T, key = ''): T {
  if (typeof value === 'string')
    return (key === 'files' ? value : key === 'url' ? markdownUrl(value) : markdownText(value)) as T;
  if (Array.isArray(value)) return value.map((v) => escapeMarkdown(v, key)) as T;
  if (value && typeof value === 'object') {
    if (key === 'files') return { ...value } as T;
    // A theme's content is one object shared by every group's view: escaped once.
    let out = escapedObjects.get(value) as Record<string, unknown> | undefined;
    if (!out) {
      out = {};
      for (const [k, v] of Object.entries(value)) out[k] = escapeMarkdown(v, k);
      escapedObjects.set(value, out);
    }
    return out as T;
  }
  return value;
}

/** By object: what escapeMarkdown made of it (the same, as long as views are not changed once made). */
const escapedObjects = new WeakMap<object, unknown>();

/**
 * `footer` is the page's last line: organisation and where the page comes from
 * for the facilitator, only the organisation on a handout (participants need
 * no word about files or templates).
 */
function page(
  templates: PackRenderer,
  body: string,
  view: { lang: Lang; title: string; organisation: string; labels: PackLabels },
  programmeId: string,
  format: 'html' | 'md',
  handout = false,
): string {
  const footer = handout ? `${view.organisation}.` : `${view.organisation}. ${view.labels.generatedBy}`;
  return templates.render(`packs/layout.${format}.hbs`, { ...view, body, footer }, { programmeId });
}

function handoutTitle(view: PackView): string {
  return `${view.labels.handout}, ${view.labels.theme.toLowerCase()} ${view.session.number} – ${view.group.name}`;
}

export function packFiles(ws: Workspace, plan: GroupPlan, templates: PackRenderer, lang: Lang): OutputFile[] {
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
    files.push({
      path: `${out}/${view.files.handout}`,
      bytes: page(templates, handoutBody, { ...view, title: handoutTitle(view) }, pid, 'html', true),
    });
    sections.push({
      body: templates.render('packs/pack.html.hbs', { ...view, headingOffset: 1 }, { programmeId: pid }),
      cancelled: view.session.cancelled,
    });
    const md = escapeMarkdown(view);
    files.push({
      path: `${dir}/${view.files.packMd}`,
      bytes: page(templates, templates.render('packs/pack.md.hbs', md, { programmeId: pid }), md, pid, 'md'),
    });
    const handoutMd = { ...md, title: handoutTitle(md) };
    files.push({
      path: `${out}/${view.files.handoutMd}`,
      bytes: page(
        templates,
        templates.render('packs/handout.md.hbs', md, { programmeId: pid }),
        handoutMd,
        pid,
        'md',
        true,
      ),
    });
  }
  const index = indexView(ws, plan, lang);
  const pid = plan.group.programmeId;
  files.push({
    path: `${dir}/index.html`,
    bytes: page(templates, templates.render('packs/index.html.hbs', index, { programmeId: pid }), index, pid, 'html'),
  });
  const all = { ...index, headingOffset: 1, title: `${index.labels.allPacks} – ${plan.group.name}`, sections };
  files.push({
    path: `${dir}/alle.html`,
    bytes: page(templates, templates.render('packs/all.html.hbs', all, { programmeId: pid }), all, pid, 'html'),
  });
  return files;
}
