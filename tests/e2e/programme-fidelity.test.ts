/**
 * The built CLI on copies of the demo: links are validated where they are
 * written, an English workspace gets English on every line of `build` and in
 * its calendars, and a postponed session reaches the invitation files.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyWorkspace, runCli } from '../helpers/cli.js';

describe('programme truth through the CLI', () => {
  it('validate refuses a material link that is not a web address, with file, line and field', async () => {
    const dir = copyWorkspace();
    appendFileSync(
      join(dir, 'groups', 'sone-nord.yaml'),
      '\nmaterials:\n  2:\n    - { title: Film, url: "javascript:alert(1)" }\n',
    );
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /groups\/sone-nord\.yaml:\d+:\d+: materials\.2\[0\]\.url: lenken må begynne med https:\/\/ \(fant «javascript:»\)/,
    );
    expect(r.stderr).toContain('https://');
  });

  it('an English workspace gets English on every line of build, and PRODID names the language', async () => {
    const dir = copyWorkspace();
    const settings = join(dir, 'refleks.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^language: nb$/m, 'language: en'));
    const r = await runCli(['build', 'sone-nord', 'mestringstreff-var'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line, line).not.toMatch(/\b(filer|skrevet|uendret|invitasjoner|grupper|Ferdig)\b/);
    const ics = readFileSync(join(dir, 'ut', 'sone-nord', 'invitasjoner', 'samling-1.ics'), 'utf8');
    expect(ics).toMatch(/^PRODID:-\/\/refleks\/\/refleks [^/]+\/\/EN\r$/m);
    expect(ics).toContain('CATEGORIES:Reflection group');
  });

  it('postponing session 3 sends updated invitations for 3, 4 and 5 and leaves 1 and 2 alone', async () => {
    const dir = copyWorkspace();
    expect((await runCli(['schedule', 'sone-nord'], { cwd: dir })).code).toBe(0);
    const before = readFileSync(join(dir, 'ut', 'sone-nord', 'invitasjoner', 'samling-3.ics'), 'utf8');
    appendFileSync(join(dir, 'groups', 'sone-nord.yaml'), '\nsessions:\n  3: { postponed: true }\n');
    const r = await runCli(['schedule', 'sone-nord'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('utsatt fra');
    expect(r.stdout).toMatch(/endret 3, 4, 5/);
    const after = readFileSync(join(dir, 'ut', 'sone-nord', 'invitasjoner', 'samling-3.ics'), 'utf8');
    const uid = (s: string) => /^UID:(.*)\r$/m.exec(s)![1];
    expect(uid(after)).toBe(uid(before));
    expect(after).toContain('SEQUENCE:1');
    expect(after.replace(/\r\n /g, '')).toContain('Denne samlingen er utsatt fra');
  });
});
