/**
 * `refleks forms` as a coordinator runs it: files in the output folder,
 * nothing rewritten on a second run, hand-edited forms kept, bad wording
 * reported, --pdf without LibreOffice explained.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { copyWorkspace, runCli, treeHashes } from '../helpers/cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1793520000' };

describe('refleks forms', () => {
  it("writes each programme's forms for every demo group, one certificate per participant", async () => {
    const dir = copyWorkspace();
    const r = await runCli(['forms'], { cwd: dir, env: EPOCH });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const staff = [
      'evalueringsskjema.docx',
      'kursbevis',
      'oppfolgingsskjema.docx',
      'oppmoteliste.docx',
      'planleggingsskjema.docx',
    ];
    // Mestringstreff (forms: follow_up: false, evaluation: participants): no follow-up with a leader, the participants evaluate.
    const treff = ['deltakerevaluering.docx', 'kursbevis', 'oppmoteliste.docx', 'planleggingsskjema.docx'];
    for (const [group, participants, forms] of [
      ['sone-nord', 5, staff],
      ['rehab-teamet', 4, staff],
      ['sykehjem-kombinert', 6, staff],
      ['mestringstreff-var', 7, treff],
    ] as const) {
      const folder = join(dir, 'ut', group, 'skjema');
      expect(readdirSync(folder).sort()).toEqual(forms);
      expect(readdirSync(join(folder, 'kursbevis'))).toHaveLength(participants);
      expect(r.stdout).toContain(`${group}: ${forms.length - 1 + participants} skrevet, 0 uendret`);
    }
    expect(readdirSync(join(dir, 'ut', 'sone-nord', 'skjema', 'kursbevis')).sort()).toEqual([
      'ali-khan.docx',
      'jonas-aesoy.docx',
      'marte-lien-aberg.docx',
      'olena-kovalenko.docx',
      'siri-odegard.docx',
    ]);
  });

  it('rewrites nothing when run again with unchanged input', async () => {
    const dir = copyWorkspace();
    expect((await runCli(['forms'], { cwd: dir })).code).toBe(0);
    const before = treeHashes(join(dir, 'ut'));
    const again = await runCli(['forms'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('sone-nord: 0 skrevet, 9 uendret');
    expect(treeHashes(join(dir, 'ut'))).toEqual(before);
  });

  it('gives the same bytes in another time zone', async () => {
    const a = copyWorkspace();
    const b = copyWorkspace();
    expect((await runCli(['forms', 'rehab-teamet'], { cwd: a, env: { ...EPOCH, TZ: 'Europe/Oslo' } })).code).toBe(0);
    expect(
      (await runCli(['forms', 'rehab-teamet'], { cwd: b, env: { ...EPOCH, TZ: 'America/Los_Angeles' } })).code,
    ).toBe(0);
    expect(treeHashes(join(b, 'ut'))).toEqual(treeHashes(join(a, 'ut')));
  });

  it('keeps a form someone has filled in, unless --force', async () => {
    const dir = copyWorkspace();
    expect((await runCli(['forms', 'sone-nord'], { cwd: dir })).code).toBe(0);
    const path = join(dir, 'ut', 'sone-nord', 'skjema', 'evalueringsskjema.docx');
    writeFileSync(path, 'utfylt av leder');
    const kept = await runCli(['forms', 'sone-nord'], { cwd: dir });
    expect(kept.code).toBe(0);
    expect(kept.stderr).toContain('ut/sone-nord/skjema/evalueringsskjema.docx er endret for hånd');
    expect(kept.stderr).toContain('--force');
    expect(readFileSync(path, 'utf8')).toBe('utfylt av leder');
    expect((await runCli(['forms', 'sone-nord', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes nothing with --dry-run', async () => {
    const dir = copyWorkspace();
    const r = await runCli(['forms', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sone-nord: ville skrevet 9 filer');
    expect(existsSync(join(dir, 'ut'))).toBe(false);
    expect(existsSync(join(dir, '.refleks'))).toBe(false);
  });

  it('writes English content with --lang en', async () => {
    const dir = copyWorkspace();
    const r = await runCli(['forms', 'sone-nord', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sone-nord: 9 written, 0 unchanged');
  });

  it('reports a misspelt key in the workspace wording with its position, and writes nothing', async () => {
    const dir = copyWorkspace();
    mkdirSync(join(dir, 'templates', 'mestring', 'forms'), { recursive: true });
    writeFileSync(
      join(dir, 'templates', 'mestring', 'forms', 'nb.yaml'),
      '# egne spørsmål\nevaluation:\n  practise_question: Hva merker brukerne?\n',
    );
    const r = await runCli(['forms'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/mestring/forms/nb.yaml:3:3');
    expect(r.stderr).toContain('«practise_question»');
    expect(r.stderr).toContain('«practice_question»');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(join(dir, 'ut'))).toBe(false);
  });

  it('uses a workspace override of one question and keeps the rest', async () => {
    const dir = copyWorkspace();
    mkdirSync(join(dir, 'templates', 'forms'), { recursive: true });
    writeFileSync(
      join(dir, 'templates', 'forms', 'nb.yaml'),
      'evaluation:\n  continue_question: Hva tar vi med oss videre i tjenesten?\n',
    );
    expect((await runCli(['forms', 'sone-nord'], { cwd: dir })).code).toBe(0);
    const xml = unzipText(join(dir, 'ut', 'sone-nord', 'skjema', 'evalueringsskjema.docx'));
    expect(xml).toContain('Hva tar vi med oss videre i tjenesten?');
    expect(xml).not.toContain('Hva fortsetter tjenesten med?');
    expect(xml).toContain('Hva har endret seg i praksis som brukerne merker?');
  });

  it('says how to install LibreOffice when --pdf cannot find it', async () => {
    const dir = copyWorkspace();
    const r = await runCli(['forms', '--pdf'], { cwd: dir, env: { PATH: '/nonexistent' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sudo apt-get install libreoffice-writer');
    expect(existsSync(join(dir, 'ut'))).toBe(false);
  });

  it('names an unknown group', async () => {
    const r = await runCli(['forms', 'sone-sor'], { cwd: copyWorkspace() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sone-sor');
  });
});

function unzipText(path: string): string {
  return strFromU8(unzipSync(readFileSync(path))['word/document.xml']!);
}
