/**
 * The bad-input corpus (issue 8): broken files a coordinator could really
 * produce, each with the message it must give. Every case is the small valid
 * workspace in tests/corpus/_base with the case's own files laid over it, plus
 * an output folder that already holds files from an earlier run. The built CLI
 * must exit with the expected code, print every expected fragment on stderr,
 * print no stack trace, and leave every byte of the workspace and the output
 * folder as it was.
 *
 * tests/corpus/<case>/expect.yaml:
 *   command: [validate]            arguments after the global options (default [validate])
 *   exit: 1                        1 bad input, 2 wrong usage
 *   errors: 1                      exact number of "feil:" lines (catches echoes of one mistake)
 *   stderr: [fragment, …]          must all appear, in Norwegian
 *   not_stderr: [fragment, …]      must not appear
 *   en: [fragment, …]              run again with --lang en; these must appear
 *   remove: [path, …]              files of the base to delete first
 *   generate: huge                 files too big to commit, made here
 *   fs: [{dir|file|fifo: path} | {symlink: path, to: target}, …]
 *                                  file-system states git cannot hold, made after the
 *                                  earlier output (a path may climb to ../ beside the workspace)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { parse } from 'yaml';
import { copyInputs, ROOT, runCli, runCliProcess, type CliResult } from '../helpers/cli.js';

const CORPUS = join(ROOT, 'tests', 'corpus');
const BASE = join(CORPUS, '_base');

interface Expect {
  command?: string[];
  exit: number;
  errors?: number;
  stderr: string[];
  not_stderr?: string[];
  en?: string[];
  remove?: string[];
  generate?: 'huge';
  fs?: FsEntry[];
}

type FsEntry = { dir: string } | { file: string } | { fifo: string } | { symlink: string; to: string };

const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => d.name)
  .sort();

const KEYS = ['command', 'exit', 'errors', 'stderr', 'not_stderr', 'en', 'remove', 'generate', 'fs'];

function readExpect(name: string): Expect {
  const e = parse(readFileSync(join(CORPUS, name, 'expect.yaml'), 'utf8')) as Expect;
  if (typeof e?.exit !== 'number' || !Array.isArray(e.stderr) || e.stderr.length === 0) {
    throw new Error(`tests/corpus/${name}/expect.yaml needs exit and at least one stderr fragment`);
  }
  // A misspelt or retired key would silently check nothing.
  const unknown = Object.keys(e).filter((k) => !KEYS.includes(k));
  if (unknown.length) throw new Error(`tests/corpus/${name}/expect.yaml: unknown key ${unknown.join(', ')}`);
  return e;
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Bytes the output folder holds before every run: an earlier build's files. */
const EARLIER_OUTPUT: Record<string, string | Uint8Array> = {
  'ut/gruppe/kalender.ics':
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//refleks//tidligere kjøring//NB\r\nEND:VCALENDAR\r\n',
  'ut/gruppe/invitasjoner/samling-1.ics': 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
  'ut/gruppe/skjema/evaluering.docx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3, 0xff, 0xfe]),
  'ut/les-meg.txt': 'Filer fra forrige kjøring. Skal stå urørt.\n',
};

/**
 * The workspace lives one level down in its temp folder, so that an output
 * folder that escapes it (`output: ../ut`) is still inside what we hash.
 */
function prepare(name: string | undefined, e: Expect): { top: string; workspace: string } {
  const top = mkdtempSync(join(tmpdir(), 'refleks-corpus-'));
  temps.push(top);
  const workspace = join(top, 'arbeidsomrade');
  copyInputs(BASE, workspace);
  if (name) cpSync(join(CORPUS, name), workspace, { recursive: true, filter: (src) => !src.endsWith('expect.yaml') });
  for (const path of e.remove ?? []) rmSync(join(workspace, path));
  if (e.generate === 'huge') {
    // Over the 512 KiB limit: a valid group followed by comment lines.
    const base = readFileSync(join(BASE, 'groups', 'gruppe.yaml'), 'utf8');
    const filler = `# ${'notat '.repeat(15)}\n`;
    writeFileSync(
      join(workspace, 'groups', 'gruppe.yaml'),
      base + filler.repeat(Math.ceil((600 * 1024) / filler.length)),
    );
  }
  for (const [path, bytes] of Object.entries(EARLIER_OUTPUT)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), bytes);
  }
  writeFileSync(join(top, 'utenfor.txt'), 'ved siden av arbeidsområdet\n');
  for (const entry of e.fs ?? []) {
    const path = join(
      workspace,
      'dir' in entry ? entry.dir : 'file' in entry ? entry.file : 'fifo' in entry ? entry.fifo : entry.symlink,
    );
    rmSync(path, { recursive: true, force: true });
    mkdirSync(dirname(path), { recursive: true });
    if ('dir' in entry) mkdirSync(path);
    else if ('file' in entry) writeFileSync(path, 'en fil der refleks venter en mappe\n');
    else if ('fifo' in entry) execFileSync('mkfifo', [path]);
    else symlinkSync(entry.to, path);
  }
  return { top, workspace };
}

/**
 * Every entry below a folder without following links: a file by its SHA-256,
 * a link by its target, anything else by its kind. (A link is not followed, so
 * a dangling one or a loop is part of the state, not a crash of the test.)
 */
function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      const rel = p.slice(dir.length + 1);
      if (st.isDirectory()) walk(p);
      else if (st.isSymbolicLink()) out[rel] = `link → ${readlinkSync(p)}`;
      else if (st.isFile()) out[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
      else out[rel] = 'not a file';
    }
  };
  walk(dir);
  return out;
}

function expectNoCrash(expect: ExpectStatic, r: CliResult): void {
  const all = `${r.stdout}\n${r.stderr}`;
  expect(all, 'stack trace').not.toMatch(/^\s+at .+:\d+/m);
  expect(all, 'uncaught error').not.toMatch(/^(\w*Error|Error)[:[ ]/m);
  expect(all, 'internal error').not.toMatch(/intern feil|internal error/);
  expect(r.code, 'exit code 70 is an internal error').not.toBe(70);
}

function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^(feil|error): /.test(l));
}

describe('the base workspace of the corpus', () => {
  it('is valid, so every case fails only by what it changes', () => {
    const { top, workspace } = prepare(undefined, { exit: 0, stderr: ['-'] });
    const before = treeHashes(top);
    const r = runCliProcess(['validate'], { cwd: workspace });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(treeHashes(top)).toEqual(before);
  });
});

// In-process runs of the built CLI, one at a time (runCli sets the environment around each).
describe('bad-input corpus', () => {
  it('has at least 120 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
  });

  for (const name of cases) {
    const e = readExpect(name);
    const command = e.command ?? ['validate'];
    it(`${name}: ${command.join(' ')} → exit ${e.exit}`, async ({ expect }) => {
      const { top, workspace } = prepare(name, e);
      const before = treeHashes(top);

      const r = await runCli(command, { cwd: workspace });
      expectNoCrash(expect, r);
      for (const fragment of e.stderr) expect(r.stderr).toContain(fragment);
      for (const fragment of e.not_stderr ?? []) expect(r.stderr).not.toContain(fragment);
      if (e.errors !== undefined) expect(errorLines(r.stderr), r.stderr).toHaveLength(e.errors);
      expect(r.code, r.stderr).toBe(e.exit);
      expect(treeHashes(top), 'the workspace and the output folder must be unchanged').toEqual(before);

      if (e.en) {
        const en = await runCli(['--lang', 'en', ...command], { cwd: workspace });
        expectNoCrash(expect, en);
        for (const fragment of e.en) expect(en.stderr).toContain(fragment);
        // English mode says nothing in Norwegian.
        expect(en.stderr).not.toMatch(/^(feil|advarsel): /m);
        expect(en.stderr).not.toMatch(/[«»]/);
        expect(en.code).toBe(e.exit);
        expect(treeHashes(top)).toEqual(before);
      }
    });
  }
});
