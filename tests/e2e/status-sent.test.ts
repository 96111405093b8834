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
    expect(await status()).toContain(
      '5 invitasjoner er ikke sendt ennå: samling 1, 2, 3, 4, 5 (ut/sone-nord/invitasjoner/)',
    );

    const sent = await runCli(['sent', 'sone-nord'], { cwd: ws });
    expect(sent.stdout).toContain('sone-nord: 5 invitasjoner merket som sendt');
    expect(await status()).not.toContain('ut/sone-nord/invitasjoner/');
    expect(await status()).toContain('ut/rehab-teamet/invitasjoner/');

    const file = join(ws, 'groups/sone-nord.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nsessions:\n  5: { cancelled: true }\n');
    expect((await runCli(['schedule', '-q'], { cwd: ws })).code).toBe(0);
    expect(await status()).toContain('1 invitasjon er ikke sendt ennå: samling 5 (avlyst)');
    // Without a group and without a terminal to ask in, marking every group needs --all.
    const refused = await runCli(['sent'], { cwd: ws });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('legg til --all');
    expect((await runCli(['sent', '--all'], { cwd: ws })).stdout).toContain('sone-nord: 1 invitasjon merket som sendt');
    expect((await runCli(['sent', '--all'], { cwd: ws })).stdout).toContain('Ingen invitasjoner ventet');
  });

  it('marks one session for one person, and status names who is still missing', async () => {
    const ws = copyWorkspace();
    const status = async () => (await runCli(['status', '--today', '2027-01-05'], { cwd: ws })).stdout;
    expect((await runCli(['schedule', '-q', 'sone-nord'], { cwd: ws })).code).toBe(0);
    const state = JSON.parse(readFileSync(join(ws, '.refleks/calendar/sone-nord.json'), 'utf8'));
    const first = state.sessions['3'].issued.attendees[1];
    const one = await runCli(['sent', 'sone-nord', '--session', '3', '--person', first.email.toUpperCase()], {
      cwd: ws,
    });
    expect(one.stdout).toContain(`sone-nord: 1 invitasjon til ${first.email.toUpperCase()} merket som sendt`);
    // Session 3 now misses everyone but that one person; the others are missing for all.
    const line = (await status()).split('\n').find((l) => l.includes('ikke sendt ennå'))!;
    expect(line).toContain('5 invitasjoner er ikke sendt ennå: samling 1, 2, 3 (mangler for ');
    expect(line.slice(line.indexOf('(mangler for'), line.indexOf('), 4, 5'))).not.toContain(first.name);
    expect((await runCli(['sent', 'sone-nord', '--person', 'nobody@example.org'], { cwd: ws })).code).toBe(2);
  });
});
