import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { createRequire } from 'node:module';
const require = createRequire('/work/main/package.json');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const files = process.argv.slice(2);
const hv = new HtmlValidate({ extends: ['html-validate:recommended'] });
for (const f of files) {
  const r = await hv.validateString(readFileSync(f, 'utf8'), f);
  if (!r.valid) for (const m of r.results[0].messages) console.log('HV', f.split('/').slice(-3).join('/'), m.line, m.ruleId, m.message);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage();
for (const f of files) {
  await page.goto('file://' + f);
  await page.addScriptTag({ content: axeSource });
  const res = await page.evaluate(async () => await window.axe.run(document));
  for (const v of res.violations) console.log('AXE', f.split('/').slice(-3).join('/'), v.id, v.nodes.length, v.help);
}
await browser.close();
console.log('checked', files.length);
