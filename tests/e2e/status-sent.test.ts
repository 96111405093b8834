import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyWorkspace, runCli } from '../helpers/cli.js';

describe('status reminds of invitations not yet sent', () => {
  it('until they are marked sent, and again when one changes', async () => {
    const ws = copyWorkspace();
    const status = async () => (await runCli(['status', '--today', '2027-01-05'], { cwd: ws })).stdout;
    expect(await status()).not.toContain('ikke sendt');
    expect((await runCli(['schedule', '-q'], { cwd: ws })).code).toBe(0);
    expect(await status()).toContain('5 invitasjoner er ikke sendt ennå: samling 1, 2, 3, 4, 5 (ut/sone-nord/invitasjoner/)');

    const sent = (await runCli(['sent', 'sone-nord'], { cwd: ws }));
    expect(sent.stdout).toContain('sone-nord: 5 invitasjoner merket som sendt');
    expect(await status()).not.toContain('ut/sone-nord/invitasjoner/');
    expect(await status()).toContain('ut/rehab-teamet/invitasjoner/');

    const file = join(ws, 'groups/sone-nord.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nsessions:\n  5: { cancelled: true }\n');
    expect((await runCli(['schedule', '-q'], { cwd: ws })).code).toBe(0);
    expect(await status()).toContain('1 invitasjon er ikke sendt ennå: samling 5 (avlyst)');
    expect((await runCli(['sent'], { cwd: ws })).stdout).toContain('sone-nord: 1 invitasjon merket som sendt');
    expect((await runCli(['sent'], { cwd: ws })).stdout).toContain('Ingen invitasjoner ventet');
  });
});
