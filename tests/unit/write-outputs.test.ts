import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputManifest, writeOutputs } from '../../src/io/write-outputs.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'refleks-write-'));

describe('writeOutputs', () => {
  it('writes new files and records them in the manifest', () => {
    const root = fresh();
    const r = writeOutputs(root, [{ path: 'ut/a/kalender.ics', bytes: 'BEGIN:VCALENDAR' }, { path: 'ut/a/b.txt', bytes: new Uint8Array([1, 2, 3]) }]);
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

  it('treats an existing file it never wrote as a person\'s file', () => {
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
    writeOutputs(root, Array.from({ length: 20 }, (_, i) => ({ path: `ut/g/f${i}.txt`, bytes: `content ${i}` })));
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
