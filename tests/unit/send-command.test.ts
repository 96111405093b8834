/**
 * `refleks send --smtp` at a terminal, in process with a scripted prompter and
 * a recording connection: it shows the table, asks before sending, asks for
 * the password hidden when REFLEKS_SMTP_PASSWORD is not set, and draws a
 * progress bar.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/commands/send.js';
import type { CliContext } from '../../src/commands/support/context.js';
import type { SmtpSettings } from '../../src/core/model.js';
import { runCliProcess as runCli } from '../helpers/cli.js';
import type { Prompter } from '../../src/io/prompter.js';
import type { MailSender } from '../../src/io/mail.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'refleks-send-cmd-'));
  dirs.push(ws);
  writeFileSync(
    join(ws, 'refleks.yaml'),
    `organisation: Lillevik kommune
organiser: { name: Ingrid Solberg, email: ingrid@lillevik.kommune.no }
smtp: { host: smtp.lillevik.kommune.no, user: ingrid@lillevik.kommune.no }
`,
  );
  mkdirSync(join(ws, 'groups'));
  writeFileSync(
    join(ws, 'groups', 'g.yaml'),
    `name: Gruppe
programme: mestring
facilitator: { name: Kari, email: kari@lillevik.kommune.no }
participants:
  - { name: Ali, email: ali@lillevik.kommune.no }
location: Rom 1
start: 2027-03-02
time: "13:00"
`,
  );
  const r = runCli(['schedule', '-q'], { cwd: ws });
  if (r.code !== 0) throw new Error(r.stderr);
  return ws;
}

function context(ws: string) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const ctx: CliContext = {
    lang: 'nb',
    langFromFlag: false,
    cwd: ws,
    debug: false,
    quiet: false,
    isTTY: true,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    progress: (l) => progress.push(l),
  };
  return { ctx, out, err, progress };
}

function prompter(answers: { confirm: boolean; password?: string }, asked: string[]): Prompter {
  const no = () => Promise.reject(new Error('not asked here'));
  return {
    input: no,
    select: no,
    checkbox: no,
    confirm: async (q) => (asked.push(`confirm: ${q.message}`), answers.confirm),
    password: async (q) => (asked.push(`password: ${q.message}`), answers.password ?? ''),
  };
}

function recorder() {
  const sent: string[] = [];
  const opened: { smtp: SmtpSettings; password: string | undefined }[] = [];
  const connect = async (smtp: SmtpSettings, password: string | undefined): Promise<MailSender> => {
    opened.push({ smtp, password });
    return { send: async (_raw, env) => (sent.push(env.to), { response: '250 OK' }), close() {} };
  };
  return { sent, opened, connect };
}

describe('refleks send --smtp at a terminal', () => {
  it('asks first; «nei» sends nothing', async () => {
    const ws = workspace();
    const { ctx, out } = context(ws);
    const asked: string[] = [];
    const rec = recorder();
    const code = await run(
      ctx,
      [],
      { smtp: true },
      { prompter: prompter({ confirm: false }, asked), connect: rec.connect, env: {}, sleep: async () => {} },
    );
    expect(code).toBe(0);
    expect(asked).toEqual(['confirm: Sende 10 e-poster til 2 personer gjennom smtp.lillevik.kommune.no?']);
    expect(out.join('\n')).toMatch(/g\s+Ali\s+1\s+ny/);
    expect(out).toContain('Avbrutt – ingenting er sendt.');
    expect(rec.opened).toEqual([]);
  });

  it('asks for the password hidden, sends with a progress bar, defaults to port 587 and STARTTLS', async () => {
    const ws = workspace();
    const { ctx, out, progress } = context(ws);
    const asked: string[] = [];
    const rec = recorder();
    const code = await run(
      ctx,
      [],
      { smtp: true },
      {
        prompter: prompter({ confirm: true, password: 'pw' }, asked),
        connect: rec.connect,
        env: {},
        sleep: async () => {},
      },
    );
    expect(code).toBe(0);
    expect(asked[1]).toBe('password: Passord for ingrid@lillevik.kommune.no på smtp.lillevik.kommune.no:');
    expect(rec.opened).toEqual([
      {
        smtp: {
          host: 'smtp.lillevik.kommune.no',
          port: 587,
          security: 'starttls',
          user: 'ingrid@lillevik.kommune.no',
          perMinute: 30,
        },
        password: 'pw',
      },
    ]);
    expect(rec.sent).toHaveLength(10);
    expect(progress[0]).toBe('[------------------------] 0/10 Kari');
    expect(progress).toContain('[########################] 10/10 Ali');
    expect(progress[progress.length - 1]).toBe('');
    expect(out).toContain('10 av 10 e-poster sendt.');
  });

  it('takes the password from REFLEKS_SMTP_PASSWORD and never asks for it', async () => {
    const ws = workspace();
    const { ctx } = context(ws);
    const asked: string[] = [];
    const rec = recorder();
    await run(
      ctx,
      [],
      { smtp: true, yes: true },
      {
        prompter: prompter({ confirm: true }, asked),
        connect: rec.connect,
        env: { REFLEKS_SMTP_PASSWORD: 'fra-miljø' },
        sleep: async () => {},
      },
    );
    expect(asked).toEqual([]);
    expect(rec.opened[0]!.password).toBe('fra-miljø');
  });

  it('without a terminal: --yes without a password is exit 2 naming REFLEKS_SMTP_PASSWORD', async () => {
    const ws = workspace();
    const { ctx } = context(ws);
    ctx.isTTY = false;
    const rec = recorder();
    await expect(run(ctx, [], { smtp: true, yes: true }, { connect: rec.connect, env: {} })).rejects.toThrow(
      /REFLEKS_SMTP_PASSWORD/,
    );
    expect(rec.opened).toEqual([]);
  });
});
