/**
 * `refleks send --smtp` when things go wrong, against the real SMTP server of
 * tests/helpers/send-fixture.ts: a dropped connection, 4xx answers, a refused
 * address, `kill -9` in the middle of a run, no terminal, a wrong password, an
 * untrusted certificate, a damaged journal.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCliProcess as runCli } from '../helpers/cli.js';
import {
  cert,
  ENV,
  havePython,
  messageId,
  PEOPLE,
  runCliAsync,
  send,
  server,
  SESSIONS,
  TOTAL,
  workspace,
} from '../helpers/send-fixture.js';

describe.runIf(havePython)('refleks send --smtp: faults', () => {
  it('the connection dropped after N messages: a second run sends exactly the rest', async () => {
    const ws = workspace();
    const N = 4;
    server.onRcpt = ({ count }) => {
      if (count >= N) {
        server.down = true;
        return 'drop';
      }
    };
    const first = await send(ws);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`${TOTAL - N} er ikke sendt; kjør kommandoen igjen senere`);
    expect(server.received).toHaveLength(N);
    const firstIds = server.received.map((m) => messageId(m.raw));
    server.onRcpt = undefined;
    server.down = false;
    const second = await send(ws);
    expect(second.code).toBe(0);
    expect(server.received).toHaveLength(TOTAL);
    const ids = server.received.map((m) => messageId(m.raw));
    expect(new Set(ids).size).toBe(TOTAL);
    expect(ids.slice(0, N)).toEqual(firstIds);
  });

  it('retries 421 and 451; a 550 for one address is reported and the others are delivered (exit 1)', async () => {
    const ws = workspace();
    const tries = new Map<string, number>();
    server.onRcpt = ({ address }) => {
      const n = (tries.get(address!) ?? 0) + 1;
      tries.set(address!, n);
      if (address === PEOPLE[2]!.email) return { code: 550, message: '5.1.1 Mailbox unavailable' };
      if (address === PEOPLE[1]!.email && n === 1) return { code: 451, message: '4.7.1 Try again later' };
    };
    let first421 = true;
    server.onData = ({ raw }) => {
      if (first421 && raw!.toString('utf8').includes(PEOPLE[0]!.email)) {
        first421 = false;
        return { code: 421, message: '4.3.2 Shutting down, try again' };
      }
    };
    const r = await send(ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `tjeneren avviste e-posten til ${PEOPLE[2]!.name} <${PEOPLE[2]!.email}>, sone-sor samling 1: 550 5.1.1 Mailbox unavailable`,
    );
    expect(server.received).toHaveLength(TOTAL - SESSIONS);
    expect(server.received.some((m) => m.to[0] === PEOPLE[2]!.email)).toBe(false);
    expect(tries.get(PEOPLE[1]!.email)).toBe(SESSIONS + 1);
    expect(first421).toBe(false);
    expect(new Set(server.received.map((m) => messageId(m.raw))).size).toBe(TOTAL - SESSIONS);
    // status names who is still missing.
    expect(runCli(['status', '--today', '2027-02-20'], { cwd: ws }).stdout).toContain(`mangler for ${PEOPLE[2]!.name}`);
  });

  it('kill -9 in the middle: the resumed run re-sends only the message in the acceptance window, with the same Message-ID', async () => {
    const ws = workspace();
    const K = 6;
    let victim: ChildProcess | undefined;
    server.onData = async ({ count }) => {
      if (count === K && victim) {
        const v = victim;
        victim = undefined;
        await new Promise<void>((resolve) => {
          v.once('close', () => resolve());
          v.kill('SIGKILL');
        });
        // The server then accepts the message: the client never hears it.
      }
    };
    const killed = await send(ws, [], {}, (child) => (victim = child));
    expect(killed.signal).toBe('SIGKILL');
    // The server's side of that message finishes after the client is gone.
    await vi.waitFor(() => expect(server.received).toHaveLength(K + 1));
    const windowMsg = server.received[K]!;
    server.onData = undefined;
    // Killed again, this time before the server has the message (at RCPT TO).
    const K2 = K + 4;
    server.onRcpt = async ({ count }) => {
      if (count === K2 + 1 && victim) {
        const v = victim;
        victim = undefined;
        await new Promise<void>((resolve) => {
          v.once('close', () => resolve());
          v.kill('SIGKILL');
        });
        return 'drop';
      }
    };
    const killedAgain = await send(ws, [], {}, (child) => (victim = child));
    expect(killedAgain.signal).toBe('SIGKILL');
    expect(server.received).toHaveLength(K2 + 1);
    server.onRcpt = undefined;
    const resumed = await send(ws);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('sendt på nytt med samme Message-ID');
    expect(resumed.stdout).toContain(`${TOTAL - K2} av ${TOTAL - K2} e-poster sendt.`);
    const ids = server.received.map((m) => messageId(m.raw));
    expect(ids).toHaveLength(TOTAL + 1);
    expect(new Set(ids).size).toBe(TOTAL);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(twice).toEqual([messageId(windowMsg.raw)]);
    // The same message, byte for byte (same Date, same boundaries).
    const again = server.received.slice(K + 1).find((m) => messageId(m.raw) === twice[0])!;
    expect(again).toBeDefined();
    expect(again.raw.equals(windowMsg.raw)).toBe(true);
  });

  it('without a terminal and without --yes it exits 2 and says why; a wrong password stops with exit 1', async () => {
    const ws = workspace();
    const r = await runCliAsync(['send', '--smtp'], { cwd: ws, env: { ...ENV, NODE_EXTRA_CA_CERTS: cert.certPath } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ingen terminal å spørre i. Legg til --yes');
    const bad = await send(ws, [], { REFLEKS_SMTP_PASSWORD: 'feil' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/stoppet: .*535/);
    expect(server.received).toHaveLength(0);
    // The server's certificate is checked: without the CA it stops too.
    const untrusted = await runCliAsync(['send', '--smtp', '--yes'], { cwd: ws, env: { ...ENV } });
    expect(untrusted.code).toBe(1);
    expect(server.received).toHaveLength(0);
  });

  it('a damaged e-mail log is an error naming the file (exit 1), and nothing is sent', async () => {
    const ws = workspace();
    mkdirSync(join(ws, '.refleks', 'sent-mail'), { recursive: true });
    writeFileSync(
      join(ws, '.refleks', 'sent-mail', 'sone-sor.json'),
      '{"version":1,"group":"sone-sor","messages":[{"session":"tre"}]}',
    );
    const r = await send(ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.refleks/sent-mail/sone-sor.json: messages[0].session: e-postloggen er skadet');
    writeFileSync(join(ws, '.refleks', 'sent-mail', 'sone-sor.json'), '{"version":1,');
    const truncated = await send(ws);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('.refleks/sent-mail/sone-sor.json: e-postloggen er skadet');
    expect(server.received).toHaveLength(0);
  });
});
