/**
 * The logo in refleks.yaml through the CLI: a new image rebuilds the
 * certificates even though no YAML changed, and a logo refleks cannot use is
 * reported where it is named.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyWorkspace, runCli, treeHashes } from '../helpers/cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1798761600' };

describe('the certificate logo', () => {
  it('rebuilds the certificates when only the image changes', async () => {
    const ws = copyWorkspace();
    expect((await runCli(['build', 'sone-nord'], { cwd: ws, env: EPOCH })).code).toBe(0);
    const before = treeHashes(join(ws, 'ut', 'sone-nord', 'skjema'));
    // The same picture with one more chunk: another image as far as the bytes go.
    const png = readFileSync(join(ws, 'logo.png'));
    const iend = png.length - 12;
    const text = Buffer.concat([
      Buffer.from([0, 0, 0, 1]),
      Buffer.from('tEXtx'),
      Buffer.from([0x3b, 0x62, 0x2f, 0x6a]),
    ]);
    writeFileSync(join(ws, 'logo.png'), Buffer.concat([png.subarray(0, iend), text, png.subarray(iend)]));
    const again = await runCli(['build', 'sone-nord'], { cwd: ws, env: EPOCH });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/sone-nord: \d+ filer skrevet/);
    const after = treeHashes(join(ws, 'ut', 'sone-nord', 'skjema'));
    const changed = Object.keys(after)
      .filter((p) => after[p] !== before[p])
      .sort();
    expect(changed).toEqual(
      Object.keys(after)
        .filter((p) => p.startsWith('kursbevis/'))
        .sort(),
    );
  });

  it('refuses a logo that is not an image, naming refleks.yaml, the line and the field', async () => {
    const ws = copyWorkspace();
    writeFileSync(join(ws, 'logo.png'), 'ikke et bilde\n');
    const r = await runCli(['validate'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refleks\.yaml:\d+:\d+: logo: logoen «logo\.png» er verken PNG eller JPEG/);
    expect(r.stderr).toContain('1 MB');
  });
});
