import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEMO, ROOT } from '../helpers/cli.js';

describe('the library entry', () => {
  it('loads a workspace and plans a group through the package name, without the CLI', () => {
    const script = `
      import { loadWorkspace, planGroup, formatSessionTime } from 'refleks';
      const { workspace } = loadWorkspace(${JSON.stringify(DEMO)});
      const g = workspace.groups.find((g) => g.id === 'sykehjem-kombinert');
      const s = planGroup(g, workspace.settings).sessions[1];
      console.log(formatSessionTime(s.date, s.start, s.end, 'nb'), '|', s.moved.reason.nb);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('torsdag 13. mai 2027 kl. 14.30–16.30 | Kristi himmelfartsdag');
  });
});
