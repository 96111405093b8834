import { mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileLockedError, OutputManifest, writeOutputs } from '../../src/io/write-outputs.js';
import { formatProblem } from '../../src/core/problems.js';
import { handleError } from '../../src/cli.js';
import { treeHashes } from '../helpers/cli.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'refleks-write-'));

describe('writeOutputs', () => {
  it('writes new files and records them in the manifest', () => {
    const root = fresh();
    const r = writeOutputs(root, [
      { path: 'ut/a/kalender.ics', bytes: 'BEGIN:VCALENDAR' },
      { path: 'ut/a/b.txt', bytes: new Uint8Array([1, 2, 3]) },
    ]);
    expect(r.written).toEqual(['ut/a/kalender.ics', 'ut/a/b.txt']);
    expect(readFileSync(join(root, 'ut/a/kalender.ics'), 'utf8')).toBe('BEGIN:VCALENDAR');
    const manifest = JSON.parse(readFileSync(join(root, '.refleks/manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual(['ut/a/b.txt', 'ut/a/kalender.ics']);
  });

  it('does not rewrite a file whose content is unchanged', () => {
    const root = fresh();
    writeOutputs(root, [{ path: 'ut/x.txt', bytes: 'same' }]);
    const before = readFileSync(join(root, 'ut/x.txt'));
    const r = writeOutputs(root, [{ path: 'ut/x.txt', bytes: 'same' }]);
    expect(r.unchanged).toEqual(['ut/x.txt']);
    expect(r.written).toEqual([]);
    expect(readFileSync(join(root, 'ut/x.txt'))).toEqual(before);
  });

  it('keeps a file a person edited, and overwrites it only with force', () => {
    const root = fresh();
    writeOutputs(root, [{ path: 'ut/skjema.docx', bytes: 'from refleks v1' }]);
    writeFileSync(join(root, 'ut/skjema.docx'), 'filled in by the leader');
    const r = writeOutputs(root, [{ path: 'ut/skjema.docx', bytes: 'from refleks v2' }]);
    expect(r.edited).toEqual(['ut/skjema.docx']);
    expect(readFileSync(join(root, 'ut/skjema.docx'), 'utf8')).toBe('filled in by the leader');
    const forced = writeOutputs(root, [{ path: 'ut/skjema.docx', bytes: 'from refleks v2' }], { force: true });
    expect(forced.written).toEqual(['ut/skjema.docx']);
    expect(readFileSync(join(root, 'ut/skjema.docx'), 'utf8')).toBe('from refleks v2');
  });

  it("treats an existing file it never wrote as a person's file", () => {
    const root = fresh();
    writeOutputs(root, [{ path: 'ut/other.txt', bytes: 'x' }]);
    writeFileSync(join(root, 'ut/mine.txt'), 'my notes');
    const r = writeOutputs(root, [{ path: 'ut/mine.txt', bytes: 'generated' }]);
    expect(r.edited).toEqual(['ut/mine.txt']);
    expect(readFileSync(join(root, 'ut/mine.txt'), 'utf8')).toBe('my notes');
  });

  it('writes nothing on a dry run, not even the manifest', () => {
    const root = fresh();
    const r = writeOutputs(root, [{ path: 'ut/x.txt', bytes: 'y' }], { dryRun: true });
    expect(r.files).toEqual([{ path: 'ut/x.txt', outcome: 'planned' }]);
    expect(readdirSync(root)).toEqual([]);
  });

  it('leaves no temporary files behind', () => {
    const root = fresh();
    writeOutputs(
      root,
      Array.from({ length: 20 }, (_, i) => ({ path: `ut/g/f${i}.txt`, bytes: `content ${i}` })),
    );
    expect(readdirSync(join(root, 'ut/g')).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(root, '.refleks')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write outside the workspace', () => {
    const root = fresh();
    expect(() => writeOutputs(root, [{ path: '../escape.txt', bytes: 'x' }])).toThrow(/outside the workspace/);
    expect(() => writeOutputs(root, [{ path: 'ut/../../escape.txt', bytes: 'x' }])).toThrow(/outside the workspace/);
    expect(existsSync(join(root, '..', 'escape.txt'))).toBe(false);
  });

  it('shares one manifest across many sets and saves it once', () => {
    const root = fresh();
    const manifest = new OutputManifest(root);
    writeOutputs(root, [{ path: 'ut/a/1.txt', bytes: '1' }], {}, manifest);
    writeOutputs(root, [{ path: 'ut/b/1.txt', bytes: '2' }], {}, manifest);
    expect(existsSync(join(root, '.refleks/manifest.json'))).toBe(false);
    manifest.save();
    const saved = JSON.parse(readFileSync(join(root, '.refleks/manifest.json'), 'utf8'));
    expect(Object.keys(saved.files)).toEqual(['ut/a/1.txt', 'ut/b/1.txt']);
  });
});

/**
 * Windows habits, injected: a form open in Word makes the rename over it fail
 * with EPERM/EBUSY/EACCES for as long as it is open; antivirus does the same
 * for a moment. Only the rename is replaced; everything else is the real disk.
 */
describe('writeOutputs when another program holds a file', () => {
  const lockedRename = (target: string, code: string, times = Infinity) => {
    let failures = 0;
    return {
      renameSync(from: string, to: string) {
        if (to.endsWith(target) && failures < times) {
          failures++;
          throw Object.assign(new Error(`${code}: operation not permitted, rename '${from}' -> '${to}'`), { code });
        }
        renameSync(from, to);
      },
      get failures() {
        return failures;
      },
    };
  };
  const set = (version: string) => [
    { path: 'ut/sone-nord/kalender.ics', bytes: `kalender ${version}` },
    { path: 'ut/sone-nord/skjema/planleggingsskjema.docx', bytes: `planlegging ${version}` },
    { path: 'ut/sone-nord/skjema/evalueringsskjema.docx', bytes: `evaluering ${version}` },
    { path: 'ut/sone-nord/skjema/oppmoteliste.docx', bytes: `oppmøte ${version}` },
    ...(version === 'v2' ? [{ path: 'ut/sone-nord/skjema/ny.docx', bytes: 'ny' }] : []),
  ];

  for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
    it(`${code} that lasts: a clear message naming the file, and the group's set unchanged`, () => {
      const root = fresh();
      writeOutputs(root, set('v1'));
      const before = treeHashes(root);
      const fs = lockedRename('evalueringsskjema.docx', code);
      let error: unknown;
      try {
        writeOutputs(root, set('v2'), { fs });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(FileLockedError);
      const text = formatProblem((error as FileLockedError).problems[0]!, 'nb');
      expect(text).toContain('ut/sone-nord/skjema/evalueringsskjema.docx');
      expect(text).toContain('lukk filen i Word og kjør igjen');
      expect(text).toContain(code);
      // Retried before giving up, then nothing of the set changed: the files
      // renamed before the locked one are back, the new one is gone, no temp files.
      expect(fs.failures).toBeGreaterThan(3);
      expect(treeHashes(root)).toEqual(before);
      expect(readdirSync(join(root, 'ut/sone-nord/skjema')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(existsSync(join(root, 'ut/sone-nord/skjema/ny.docx'))).toBe(false);
    });
  }

  it('a lock that goes away (antivirus) is waited out and the set is written', () => {
    const root = fresh();
    writeOutputs(root, set('v1'));
    const fs = lockedRename('planleggingsskjema.docx', 'EBUSY', 2);
    const r = writeOutputs(root, set('v2'), { fs });
    expect(fs.failures).toBe(2);
    expect(r.written).toHaveLength(5);
    expect(readFileSync(join(root, 'ut/sone-nord/skjema/planleggingsskjema.docx'), 'utf8')).toBe('planlegging v2');
  });

  it('other errors are not retried and still leave the set whole', () => {
    const root = fresh();
    writeOutputs(root, set('v1'));
    const before = treeHashes(root);
    const fs = lockedRename('oppmoteliste.docx', 'ENOSPC');
    expect(() => writeOutputs(root, set('v2'), { fs })).toThrow(/ENOSPC/);
    expect(fs.failures).toBe(1);
    expect(treeHashes(root)).toEqual(before);
  });

  it('the CLI shows the message without a stack trace and exits 1', () => {
    const lines: string[] = [];
    const ctx = {
      lang: 'nb',
      langFromFlag: false,
      cwd: '/',
      debug: false,
      quiet: false,
      isTTY: false,
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(l),
    } as const;
    const code = handleError({ ...ctx }, new FileLockedError('ut/a b/skjema.docx', 'EBUSY', true));
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/^(feil: )?ut\/a b\/skjema\.docx: .*EBUSY.*lukk filen i Word og kjør igjen/m);
    expect(lines.join('\n')).not.toMatch(/at .*write-outputs/);
  });
});
