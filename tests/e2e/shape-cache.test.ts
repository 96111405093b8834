/**
 * The cache of rendered form shapes on disk: it changes no byte of the forms,
 * spares a warm run from loading docx at all, and holds no personal data.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, copyWorkspace, ROOT, runCliProcess, treeHashes } from '../helpers/cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1798761600' };

describe('the shape cache', () => {
  it('gives the same forms as no cache, cold and warm', () => {
    const cache = mkdtempSync(join(tmpdir(), 'refleks-cache-'));
    const off = copyWorkspace();
    const cold = copyWorkspace();
    const warm = copyWorkspace();
    expect(runCliProcess(['forms'], { cwd: off, env: EPOCH }).code).toBe(0);
    expect(runCliProcess(['forms'], { cwd: cold, env: { ...EPOCH, REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: cache } }).code).toBe(0);
    expect(readdirSync(join(cache, 'forms')).length).toBeGreaterThan(0);
    expect(runCliProcess(['forms'], { cwd: warm, env: { ...EPOCH, REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: cache } }).code).toBe(0);
    const want = treeHashes(join(off, 'ut'));
    expect(Object.keys(want).length).toBeGreaterThan(30);
    expect(treeHashes(join(cold, 'ut'))).toEqual(want);
    expect(treeHashes(join(warm, 'ut'))).toEqual(want);
  });

  it('holds no names, e-mail addresses, places or dates of the groups', () => {
    const cache = mkdtempSync(join(tmpdir(), 'refleks-cache-'));
    const ws = copyWorkspace();
    expect(runCliProcess(['build'], { cwd: ws, env: { ...EPOCH, REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: cache } }).code).toBe(0);
    const stored = readdirSync(join(cache, 'forms')).map((f) => strFromU8(gunzipSync(readFileSync(join(cache, 'forms', f))))).join('\n');
    const secrets: string[] = [];
    for (const f of readdirSync(join(ws, 'groups'))) {
      const g = parse(readFileSync(join(ws, 'groups', f), 'utf8'));
      for (const p of [g.facilitator, g.co_facilitator, g.leader, ...g.participants].filter(Boolean)) secrets.push(p.name, ...(p.email ? [p.email] : []));
      secrets.push(g.name, g.location.room, g.location.address);
    }
    secrets.push('Lillevik kommune', '12. januar 2027', '12.01.2027');
    for (const s of secrets) expect(stored, s).not.toContain(s);
  });

  it('spares a warm run from loading docx', () => {
    const cache = mkdtempSync(join(tmpdir(), 'refleks-cache-'));
    const env = { ...process.env, ...EPOCH, REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: cache, NO_COLOR: '1' };
    const traced = (cwd: string) => {
      const log = join(mkdtempSync(join(tmpdir(), 'refleks-trace-')), 'imports.txt');
      writeFileSync(log, '');
      const r = spawnSync(process.execPath, ['--import', join(ROOT, 'tests/helpers/trace-imports.mjs'), BIN, 'build'], { cwd, encoding: 'utf8', env: { ...env, REFLEKS_TRACE_IMPORTS: log } });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(log, 'utf8');
    };
    expect(traced(copyWorkspace())).toContain('/node_modules/docx/');
    expect(traced(copyWorkspace())).not.toContain('/node_modules/docx/');
  });
});
