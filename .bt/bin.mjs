import { main } from './cli.mjs';
process.exitCode = await main({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), isTTY: false });
