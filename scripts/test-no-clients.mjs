// `npm run test:no-clients`: the suite without the checks that need a real
// client (LibreOffice, Chromium, Python's readers, libical, tmux, npm pack and
// install), to time the rest of it. `npm test` runs everything.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, REFLEKS_TESTS: 'no-clients' },
});
process.exit(r.status ?? 1);
