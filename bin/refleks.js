#!/usr/bin/env node
// Thin entry: everything lives in the built CLI.
import { main } from '../dist/bundle/cli.js';

// `refleks … | head` closes the pipe early; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// Ctrl+C: a long command (build) stops between groups, keeps what it wrote
// complete and records it; a second Ctrl+C stops at once. Writes are atomic
// either way, so no file is ever left half-written.
const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});

const code = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdin.isTTY && !!process.stdout.isTTY,
  signal: interrupt.signal,
});
process.exitCode = interrupt.signal.aborted && code === 0 ? 130 : code;
