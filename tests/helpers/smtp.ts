/**
 * A real SMTP server in the test process (npm smtp-server) on 127.0.0.1, with
 * STARTTLS on a self-signed certificate made for the run by openssl and AUTH
 * required, and an asynchronous way to run the CLI against it (spawnSync
 * would block the server's event loop).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { BIN, ROOT } from './cli.js';

export interface Cert {
  key: Buffer;
  cert: Buffer;
  certPath: string;
}

/** A self-signed certificate for 127.0.0.1; the CLI trusts it through NODE_EXTRA_CA_CERTS. */
export function makeCert(): Cert {
  const dir = mkdtempSync(join(tmpdir(), 'refleks-cert-'));
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  return {
    key: readFileSync(join(dir, 'key.pem')),
    cert: readFileSync(join(dir, 'cert.pem')),
    certPath: join(dir, 'cert.pem'),
  };
}

export const USER = 'ingrid.solberg@lillevik.kommune.no';
export const PASSWORD = 'hemmelig-æøå';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  secure: boolean;
  user: string | undefined;
}

export type Hook = (info: {
  address?: string;
  count: number;
  raw?: Buffer;
}) => Promise<{ code: number; message: string } | 'drop' | void> | { code: number; message: string } | 'drop' | void;

export interface TestServer {
  port: number;
  received: Received[];
  /** Called at RCPT TO with the address; may answer with an error, or drop the connection. */
  onRcpt?: Hook;
  /** Called with the whole message before it is accepted; `count` is how many were accepted before. */
  onData?: Hook;
  /** Refuse every connection (the server is "down"). */
  down: boolean;
  /** Server errors other than a client resetting its connection. */
  errors: Error[];
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startServer(cert: Cert): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const state: TestServer = {
    port: 0,
    received: [],
    down: false,
    errors: [],
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const dropAll = () => {
    for (const s of sockets) s.destroy();
  };
  const server = new SMTPServer({
    key: cert.key,
    cert: cert.cert,
    secure: false,
    authMethods: ['PLAIN', 'LOGIN'],
    // AUTH only after STARTTLS (the default); the client must upgrade.
    allowInsecureAuth: false,
    closeTimeout: 100,
    logger: false,
    onConnect(_session, cb) {
      if (state.down) return cb(smtpError(421, 'Service not available'));
      cb();
    },
    onAuth(auth, _session, cb) {
      if (auth.username === USER && auth.password === PASSWORD) return cb(null, { user: auth.username });
      cb(smtpError(535, '5.7.8 Authentication credentials invalid'));
    },
    async onRcptTo(address, _session, cb) {
      const r = await state.onRcpt?.({ address: address.address, count: state.received.length });
      if (r === 'drop') {
        dropAll();
        return;
      }
      if (r) return cb(smtpError(r.code, r.message));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const r = await state.onData?.({ count: state.received.length, raw });
        if (r === 'drop') {
          dropAll();
          return;
        }
        if (r) return cb(smtpError(r.code, r.message));
        state.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((a) => a.address),
          raw,
          secure: session.secure,
          user: session.user as string | undefined,
        });
        cb(null, 'Queued');
      });
    },
  });
  // A client killed mid-session (the kill -9 test) resets its connection:
  // expected here, so it is not an unhandled error.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') state.errors.push(err);
  });
  server.server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.port = (server.server.address() as { port: number }).port;
  return state;
}

export interface AsyncResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking the test's event loop; `onStart` gets the child (to kill it). */
export function runCliAsync(
  args: string[],
  opts: { cwd: string; env?: Record<string, string>; onStart?: (child: ChildProcess) => void },
): Promise<AsyncResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NO_COLOR: '1',
        TZ: 'Europe/Oslo',
        REFLEKS_CACHE: 'off',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    opts.onStart?.(child);
  });
}
