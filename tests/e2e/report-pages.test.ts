/**
 * The report and the workspace overview in Chromium: axe-core finds no
 * accessibility violations, html-validate no invalid HTML, nothing is
 * fetched from the network, and the report prints on A4. Screenshots are
 * left in the temporary workspace (ut/*.png) for a person to look at.
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace, runCliProcess } from '../helpers/cli.js';
import { requireTool } from '../helpers/tools.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = requireTool(existsSync(CHROMIUM), 'chromium');
const require = createRequire(import.meta.url);

describe.runIf(hasChromium)('report and overview pages in Chromium', () => {
  let browser: Browser;
  const pages: string[] = [];
  beforeAll(async () => {
    // The demo ships attendance and filled-in forms; one group in English too.
    for (const lang of ['nb', 'en']) {
      const ws = copyWorkspace();
      const args = lang === 'en' ? ['--lang', 'en'] : [];
      for (const cmd of [['report', '--today', '2027-04-01'], ['build']]) {
        const r = runCliProcess([...cmd, ...args], { cwd: ws });
        expect(r.code, r.stderr).toBe(0);
      }
      pages.push(join(ws, 'ut', 'rapport', 'rapport.html'), join(ws, 'ut', 'index.html'));
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the pages hold what the demo recorded', () => {
    const report = readFileSync(pages[0]!, 'utf8');
    expect(report).toContain('Oppmøte per samling – Mestringstreff våren 2027');
    expect(report).toMatch(/<desc id="themes-d">[^<]+: \d,\d \(\d+ svar\)/);
    const overview = readFileSync(pages[1]!, 'utf8');
    expect(overview).toContain('<a href="rapport/rapport.html#g-sone-nord">rapport</a>');
    expect(overview).toContain('samling 4 03.03.2027 (flyttet fra 24.02.2027)');
  });

  it('the overview made from the plans kept in .refleks is the one a full load makes, and follows a change', () => {
    const ws = copyWorkspace();
    expect(runCliProcess(['build'], { cwd: ws }).code).toBe(0);
    const page = join(ws, 'ut', 'index.html');
    const full = readFileSync(page);
    rmSync(page);
    expect(runCliProcess(['build'], { cwd: ws }).code).toBe(0);
    expect(readFileSync(page).equals(full)).toBe(true);
    appendFileSync(join(ws, 'groups', 'sone-nord.yaml'), '\nsessions:\n  4: { cancelled: true }\n');
    expect(runCliProcess(['build'], { cwd: ws }).stdout).toContain('rehab-teamet: uendret, hoppet over');
    expect(readFileSync(page, 'utf8')).toMatch(/Hjemmetjenesten sone nord: [^<]*samling 4 [\d.]+ \(avlyst\)/);
  });

  it('html-validate finds nothing wrong', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const f of pages) {
      const report = await validator.validateString(readFileSync(f, 'utf8'), f);
      for (const m of report.results.flatMap((r) => r.messages))
        problems.push(`${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('axe-core finds no violations, no request leaves the machine, and the report prints on A4', async () => {
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const violations: string[] = [];
    const requests: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    page.on('request', (req) => {
      if (!req.url().startsWith('file://')) requests.push(req.url());
    });
    for (const f of pages) {
      await page.goto(`file://${f}`);
      expect((await page.title()).length).toBeGreaterThan(0);
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(() =>
        (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
      )) as { violations: { id: string; help: string; nodes: unknown[] }[] };
      for (const v of result.violations) violations.push(`${f}: ${v.id} (${v.nodes.length}) ${v.help}`);
      await page.screenshot({ path: f.replace(/\.html$/, '.png'), fullPage: true });
    }
    await page.goto(`file://${pages[0]}`);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
    await page.close();
    expect(violations).toEqual([]);
    expect(requests).toEqual([]);
  });
});
