import { describe, expect, it } from 'vitest';
import { packFiles } from '../../src/core/packs/render.js';
import { planGroup } from '../../src/core/schedule.js';
import { loadWorkspace } from '../../src/load/workspace.js';
import { compileCount, createRenderer } from '../../src/templates/engine.js';
import { DEMO } from '../helpers/cli.js';

describe('precompiled built-in templates', () => {
  it('render exactly what compiling the templates renders, without compiling', () => {
    const ws = loadWorkspace(DEMO).workspace!;
    const before = compileCount();
    const pre = createRenderer({ root: ws.root });
    const precompiledFiles = ws.groups.flatMap((g) => packFiles(ws, planGroup(g, ws.settings), pre, 'nb'));
    // The demo has no templates of its own, so every template is a built-in one.
    expect(compileCount() - before).toBe(0);
    const compiled = createRenderer({ root: ws.root, precompiled: false });
    const compiledFiles = ws.groups.flatMap((g) => packFiles(ws, planGroup(g, ws.settings), compiled, 'nb'));
    expect(compileCount() - before).toBeGreaterThan(10);
    expect(precompiledFiles.length).toBeGreaterThan(80);
    expect(precompiledFiles).toEqual(compiledFiles);
  });
});
