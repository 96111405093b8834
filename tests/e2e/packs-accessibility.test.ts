/**
 * Every generated page, opened in Debian's Chromium: axe-core finds no
 * accessibility violations, html-validate finds no invalid HTML, and the
 * page asks for nothing over the network. Printing gives A4 pages; the
 * handout fits on one.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace, runCli } from '../helpers/cli.js';
import { requireTool } from '../helpers/tools.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = requireTool(existsSync(CHROMIUM), 'chromium');
const require = createRequire(import.meta.url);

function pages(dir: string): string[] {
  const out: string[] = [];
  for (const group of readdirSync(join(dir, 'ut'))) {
    for (const sub of ['veileder', 'deltaker']) {
      const folder = join(dir, 'ut', group, sub);
      for (const f of readdirSync(folder)) if (f.endsWith('.html')) out.push(join(folder, f));
    }
  }
  return out.sort();
}

/** The demo in Norwegian with one session cancelled, and one group in English. */
async function generate(): Promise<string[]> {
  const nb = copyWorkspace();
  appendFileSync(join(nb, 'groups', 'sone-nord.yaml'), '\nsessions:\n  2:\n    cancelled: true\n');
  const r = await runCli(['packs'], { cwd: nb });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(readFileSync(join(nb, 'ut', 'sone-nord', 'veileder', 'index.html'), 'utf8')).toContain('Avlyst');
  const en = copyWorkspace();
  // A group in English: its own language: (not --lang, which changes refleks's messages only).
  const file = join(en, 'groups', 'mestringstreff-var.yaml');
  writeFileSync(file, `language: en\n${readFileSync(file, 'utf8')}`);
  expect((await runCli(['packs', 'mestringstreff-var'], { cwd: en })).code).toBe(0);
  // The English pages share their structure with the Norwegian ones; one of each kind is enough.
  const english = pages(en).filter(
    (f) => f.includes('/mestringstreff-var/') && /\/(index|alle|tema-1-.*|deltakerark-1-.*)\.html$/.test(f),
  );
  expect(english).toHaveLength(4);
  return [...pages(nb), ...english];
}

describe.runIf(hasChromium)('generated pages in Chromium', () => {
  let browser: Browser;
  let files: string[] = [];
  beforeAll(async () => {
    files = await generate();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('html-validate finds nothing wrong on any page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const f of files) {
      const report = await validator.validateString(readFileSync(f, 'utf8'), f);
      for (const m of report.results.flatMap((r) => r.messages))
        problems.push(`${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    // Per group a pack and a handout per theme (5, 5, 5 and 6 themes), index and alle; plus four English pages.
    expect(files.length).toBe(12 + 12 + 12 + 14 + 4);
    expect(problems).toEqual([]);
  });

  // One test per folder, so a slow machine does not run one test past its time limit.
  for (const folder of ['sone-nord', 'rehab-teamet', 'sykehjem-kombinert', 'mestringstreff-var', 'English']) {
    it(`axe-core finds no violations, and no page makes a network request: ${folder}`, async () => {
      const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      const requests: string[] = [];
      const violations: string[] = [];
      const queue = files.filter((f, i) =>
        folder === 'English' ? i >= files.length - 4 : i < files.length - 4 && f.includes(`/${folder}/`),
      );
      expect(queue.length).toBeGreaterThan(3);
      const worker = async () => {
        const page = await browser.newPage();
        page.on('request', (req) => {
          if (!req.url().startsWith('file://')) requests.push(req.url());
        });
        for (let f = queue.shift(); f; f = queue.shift()) {
          await page.goto(`file://${f}`);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(folder === 'English' ? 'en' : 'nb');
          expect((await page.title()).length).toBeGreaterThan(0);
          await page.addScriptTag({ content: axeSource });
          const result = (await page.evaluate(() =>
            (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
          )) as { violations: { id: string; help: string; nodes: unknown[] }[] };
          for (const v of result.violations) violations.push(`${f}: ${v.id} (${v.nodes.length}) ${v.help}`);
        }
        await page.close();
      };
      await Promise.all([worker(), worker()]);
      expect(violations).toEqual([]);
      expect(requests).toEqual([]);
    });
  }

  it('prints on A4; every handout is one page with boxes that do not overlap; alle.html starts each theme on a new page', async () => {
    const page = await browser.newPage();
    const handouts = files.filter((f) => f.includes('/deltaker/'));
    expect(handouts.length).toBeGreaterThan(20);
    for (const handout of handouts) {
      await page.goto(`file://${handout}`);
      await page.emulateMedia({ media: 'print' });
      // Each box (1.05em plus its offset) fits inside its own item, and items do not overlap.
      const items = await page.evaluate(() =>
        [...document.querySelectorAll('.checklist li')].map((li) => {
          const r = li.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, em: parseFloat(getComputedStyle(li).fontSize) };
        }),
      );
      for (const [i, it] of items.entries()) {
        expect(it.bottom - it.top, handout).toBeGreaterThanOrEqual(1.25 * it.em - 0.5);
        if (i > 0) expect(it.top, handout).toBeGreaterThanOrEqual(items[i - 1]!.bottom);
      }
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const text = pdf.toString('latin1');
      expect(text.match(/\/Type\s*\/Page(?!s)/g), handout).toHaveLength(1);
      // A4 in PDF points: 595 × 842.
      const box = text.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
      expect(Math.round(Number(box?.[1]))).toBe(595);
      expect(Math.round(Number(box?.[2]))).toBe(842);
    }

    const all = files.find((f) => f.includes('/sykehjem-kombinert/') && f.endsWith('alle.html'))!;
    await page.goto(`file://${all}`);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.evaluate(() =>
      [...document.querySelectorAll('article.theme')].map((a) => getComputedStyle(a).breakBefore),
    );
    expect(breaks).toEqual(['auto', 'page', 'page', 'page', 'page']);
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('tr')].every((tr) => getComputedStyle(tr).breakInside === 'avoid'),
    );
    expect(rows).toBe(true);
    await page.close();
  });
});
