/**
 * Nothing lost: a form a person filled in and saved from Word survives a
 * re-run; --force is the only way past. Word re-zips the whole package with
 * its own layout, so the test does the same rather than appending bytes.
 */
import { readFileSync, writeFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BIN, copyWorkspace, ROOT, runCli, treeHashes } from '../helpers/cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1798761600' };

function saveAsWordWould(path: string, answer: string): void {
  const entries = unzipSync(readFileSync(path));
  const doc = strFromU8(entries['word/document.xml']!);
  // Fill the first text field's content the way Word stores typed text.
  const filled = doc.replace(/(<w:sdtContent>.*?<w:t(?: [^>]*)?>)[^<]*(<\/w:t>)/s, `$1${answer}$2`);
  expect(filled).not.toBe(doc);
  entries['word/document.xml'] = strToU8(filled);
  entries['docProps/app.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application></Properties>',
  );
  writeFileSync(path, zipSync(entries, { level: 6, mtime: new Date() }));
}

describe('a form filled in by a person', () => {
  it('is kept on re-runs of forms and build, and replaced only with --force', async () => {
    const ws = copyWorkspace();
    expect((await runCli(['forms', 'sone-nord'], { cwd: ws, env: EPOCH })).code).toBe(0);
    const form = join(ws, 'ut/sone-nord/skjema/evalueringsskjema.docx');
    saveAsWordWould(form, 'Målene er nådd – brukerne merker forskjell.');
    const edited = readFileSync(form);

    // The group changes, so refleks wants to rewrite every form.
    const groupFile = join(ws, 'groups/sone-nord.yaml');
    writeFileSync(groupFile, readFileSync(groupFile, 'utf8').replace('time: "13:00"', 'time: "13:30"'));
    const r = await runCli(['forms', 'sone-nord'], { cwd: ws, env: EPOCH });
    expect(r.stderr).toContain('ut/sone-nord/skjema/evalueringsskjema.docx');
    expect(r.stderr).toMatch(/endret for hånd/);
    expect(readFileSync(form).equals(edited)).toBe(true);
    // The untouched forms were updated.
    const planning = strFromU8(
      unzipSync(readFileSync(join(ws, 'ut/sone-nord/skjema/planleggingsskjema.docx')))['word/document.xml']!,
    );
    expect(planning).toContain('13.30');

    const b = await runCli(['build', 'sone-nord'], { cwd: ws, env: EPOCH });
    expect(b.stderr).toContain('evalueringsskjema.docx');
    expect(readFileSync(form).equals(edited)).toBe(true);

    const forced = await runCli(['forms', 'sone-nord', '--force'], { cwd: ws, env: EPOCH });
    expect(forced.code).toBe(0);
    expect(readFileSync(form).equals(edited)).toBe(false);
  });

  it('re-running with unchanged input writes nothing and says so', async () => {
    const ws = copyWorkspace();
    expect((await runCli(['build'], { cwd: ws, env: EPOCH })).code).toBe(0);
    const before = treeHashes(ws);
    for (const cmd of ['schedule', 'forms', 'packs']) {
      const r = await runCli([cmd], { cwd: ws, env: EPOCH });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, cmd).toMatch(/0 (skrevet|filer skrevet)|uendret/);
    }
    expect(treeHashes(ws)).toEqual(before);
  });

  it('a failing group leaves its previous outputs intact', async () => {
    const ws = copyWorkspace();
    expect((await runCli(['build'], { cwd: ws, env: EPOCH })).code).toBe(0);
    const before = treeHashes(join(ws, 'ut'));
    const groupFile = join(ws, 'groups/sone-nord.yaml');
    writeFileSync(groupFile, readFileSync(groupFile, 'utf8').replace('time: "13:00"', 'time: "25:00"'));
    const r = await runCli(['build'], { cwd: ws, env: EPOCH });
    expect(r.code).toBe(1);
    expect(treeHashes(join(ws, 'ut'))).toEqual(before);
    expect(readdirSync(join(ws, 'ut/sone-nord/skjema')).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('Ctrl+C during a build stops between groups: whole groups, no temporary files, and the next run goes on', async () => {
    const { generateWorkspace } = (await import(`${ROOT}/bench/generate.mjs`)) as {
      generateWorkspace: (dir: string, n: number) => void;
    };
    const ws = join(mkdtempSync(join(tmpdir(), 'refleks-int-')), 'ws');
    generateWorkspace(ws, 40);
    const child = spawn(process.execPath, [BIN, 'build', '--jobs', '1'], {
      cwd: ws,
      env: { ...process.env, ...EPOCH, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    let sent = false;
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (d) => {
        out += d;
        // Interrupt once a few groups are done.
        if (!sent && (out.match(/filer skrevet/g) ?? []).length >= 3) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code).toBe(130);
    expect(err).toMatch(/Avbrutt: \d+ grupper ble bygget helt/);
    const files = Object.keys(treeHashes(join(ws, 'ut')));
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    // Everything on disk is recorded, with the hash of what is there.
    const manifest = JSON.parse(readFileSync(join(ws, '.refleks/manifest.json'), 'utf8')).files as Record<
      string,
      string
    >;
    for (const f of files) {
      const hash = createHash('sha256')
        .update(readFileSync(join(ws, 'ut', f)))
        .digest('hex');
      expect(manifest[`ut/${f}`], f).toBe(hash);
    }
    const built = (out.match(/filer skrevet/g) ?? []).length;
    expect(built).toBeGreaterThanOrEqual(3);
    expect(built).toBeLessThan(40);
    const again = await runCli(['build', '--jobs', '1'], { cwd: ws, env: EPOCH });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${40 - built} grupper bygget, ${built} uendret`);
  });
});
