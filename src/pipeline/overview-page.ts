/**
 * Writes `<output>/index.html`, the workspace overview, after a build. It
 * shows «today», so it is written again when a build changed anything or the
 * page is from another day; an unchanged re-build of many groups stays fast.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planGroup } from '../core/schedule.js';
import { overview } from '../core/status/overview.js';
import { overviewPage } from '../core/status/page.js';
import type { Lang } from '../core/text.js';
import { toWallTime } from '../core/zoned-time.js';
import { pendingInvitations } from '../io/calendar-pending.js';
import { writeOutputs, type WriteReport } from '../io/write-outputs.js';
import { loadSettings, loadWorkspace } from '../load/workspace.js';

export const OVERVIEW_FILE = 'index.html';

export function filledFormGroups(root: string, ids: string[]): Set<string> {
  return new Set(ids.filter((id) => {
    const dir = join(root, 'utfylt', id);
    return existsSync(dir) && readdirSync(dir).some((f) => /\.docx$/i.test(f) && !f.startsWith('~$'));
  }));
}

export function writeOverviewPage(root: string, lang: Lang, opts: { changed: boolean; force?: boolean; today?: string }): WriteReport | undefined {
  const { settings } = loadSettings(root);
  if (!settings) return undefined;
  const today = opts.today ?? toWallTime(Date.now(), settings.timezone).date;
  const rel = `${settings.output}/${OVERVIEW_FILE}`;
  const abs = join(root, rel);
  if (!opts.changed && existsSync(abs) && readFileSync(abs, 'utf8').includes(`<meta name="refleks-date" content="${today}">`)) return undefined;
  const { workspace: ws } = loadWorkspace(root);
  if (!ws) return undefined;
  const plans = ws.groups.map((g) => planGroup(g, ws.settings));
  const ov = overview(plans, today, 14, pendingInvitations(ws), { evaluated: filledFormGroups(root, ws.groups.map((g) => g.id)) });
  const html = overviewPage(ws.settings.organisation, plans, ov, lang, { report: existsSync(join(root, ws.settings.output, 'rapport', 'rapport.html')) });
  return writeOutputs(root, [{ path: rel, bytes: html }], { force: !!opts.force });
}
