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

const code = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdin.isTTY && !!process.stdout.isTTY,
});
process.exitCode = code;
