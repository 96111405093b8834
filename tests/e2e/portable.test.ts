/**
 * Portability through the CLI: old `$schema` comments (into the installed
 * package) are reported by validate, moved by `validate --fix` and by build,
 * with a line saying so; the workspace's schema copies follow refleks's; init
 * takes the county for the winter holiday and never assumes week 8.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCliProcess as runCli, scratchWorkspaces } from '../helpers/cli.js';

const OLD_WS = '# yaml-language-server: $schema=../../gprefix/lib/node_modules/refleks/schemas/workspace.schema.json';
const OLD_GROUP = '# yaml-language-server: $schema=../../gprefix/lib/node_modules/refleks/schemas/group.schema.json';

describe('$schema comments in a workspace made by an older refleks', () => {
  const scratch = scratchWorkspaces();
  const age = (ws: string) => {
    for (const [file, line] of [
      ['refleks.yaml', OLD_WS],
      ['groups/sone-nord.yaml', OLD_GROUP],
    ] as const) {
      const path = join(ws, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^# yaml-language-server: .*$/m, line));
    }
  };

  it('validate reports them and changes nothing; validate --fix moves them and says so', () => {
    const ws = scratch();
    age(ws);
    const before = readFileSync(join(ws, 'groups/sone-nord.yaml'), 'utf8');
    const r = runCli(['validate'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'merk: skjemareferansen ($schema) i refleks.yaml, groups/sone-nord.yaml peker ut av arbeidsområdet',
    );
    expect(r.stderr).toContain('«refleks validate --fix»');
    expect(readFileSync(join(ws, 'groups/sone-nord.yaml'), 'utf8')).toBe(before);

    const fixed = runCli(['validate', '--fix'], { cwd: ws });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toContain(
      'merk: skjemareferansen ($schema) i refleks.yaml, groups/sone-nord.yaml peker nå på .refleks/schemas/',
    );
    const after = readFileSync(join(ws, 'groups/sone-nord.yaml'), 'utf8');
    expect(after).toBe(
      before.replace(OLD_GROUP, '# yaml-language-server: $schema=../.refleks/schemas/group.schema.json'),
    );
    expect(readFileSync(join(ws, 'refleks.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=.refleks/schemas/workspace.schema.json',
    );
    // And the copies they point to are there.
    expect(JSON.parse(readFileSync(join(ws, '.refleks/schemas/group.schema.json'), 'utf8')).type).toBe('object');
    // Once moved, nothing more to say.
    expect(runCli(['validate'], { cwd: ws }).stderr).not.toContain('skjemareferansen');
  });

  it('the next build moves them too, with a line saying so; a dry run does not', () => {
    const ws = scratch();
    age(ws);
    const dry = runCli(['build', '--dry-run'], { cwd: ws });
    expect(dry.stderr).not.toContain('skjemareferansen');
    expect(readFileSync(join(ws, 'refleks.yaml'), 'utf8')).toContain(OLD_WS);
    const r = runCli(['build'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('peker nå på .refleks/schemas/');
    expect(readFileSync(join(ws, 'refleks.yaml'), 'utf8')).not.toContain('node_modules');
  });

  it('schema copies left by another version of refleks are refreshed', () => {
    const ws = scratch();
    rmSync(join(ws, '.refleks'), { recursive: true, force: true });
    expect(runCli(['validate', '--fix'], { cwd: ws }).code).toBe(0);
    const copy = join(ws, '.refleks/schemas/group.schema.json');
    writeFileSync(copy, '{"description": "from refleks 0.0.1"}\n');
    expect(runCli(['validate'], { cwd: ws }).code).toBe(0);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(ROOT, 'schemas/group.schema.json'), 'utf8'));
  });
});

describe('refleks init and the winter holiday', () => {
  const fresh = () => join(mkdtempSync(join(tmpdir(), 'refleks-init-')), 'kurs');

  it("--fylke gives the county's week", () => {
    const dir = fresh();
    expect(runCli(['init', dir, '--fylke', 'Innlandet']).code).toBe(0);
    expect(readFileSync(join(dir, 'refleks.yaml'), 'utf8')).toMatch(
      /^ {2}- \{ name: Vinterferie, from: \d{4}-\d\d-\d\d/m,
    );
    expect(runCli(['validate', '-w', dir]).code).toBe(0);
    expect(existsSync(join(dir, '.refleks/schemas/workspace.schema.json'))).toBe(true);
  });

  it('without a county (no terminal to ask in) both weeks are comments, and it says so', () => {
    const dir = fresh();
    const r = runCli(['init', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fjern # foran riktig uke');
    const text = readFileSync(join(dir, 'refleks.yaml'), 'utf8');
    expect(text).not.toMatch(/^ {2}- \{ name: Vinterferie/m);
    expect(text.match(/^ {2}# - \{ name: Vinterferie/gm)).toHaveLength(2);
  });

  it('an unknown county is a usage error with a suggestion, and nothing is written', () => {
    const dir = fresh();
    const r = runCli(['init', dir, '--county', 'Rogalnd']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kjenner ikke fylket «Rogalnd» (mente du «Rogaland»?)');
    expect(existsSync(join(dir, 'refleks.yaml'))).toBe(false);
  });

  it('shows paths with / relative to where it runs', () => {
    const parent = mkdtempSync(join(tmpdir(), 'refleks-init-'));
    expect(runCli(['init', 'a/b'], { cwd: parent }).code).toBe(0);
    const again = runCli(['init', 'a/b'], { cwd: parent });
    expect(again.stderr).toContain('feil: a/b/refleks.yaml finnes allerede');
  });
});
