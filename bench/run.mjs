// refleks benchmark: runs the real CLI as whole processes and prints medians
// and ratios to a bare `node -e 0` measured in the same run.
//   npm run bench            all scenarios (1, 100, 1,000 groups)
//   npm run bench -- --quick skip the 1,000-group scenarios
// Targets are those of issue 15 (ratios to `node -e 0` on a 2-core machine).
// Besides wall time it prints the CPU time the child used (Linux only): on a
// machine other work keeps busy, wall time grows with the wait for a core and
// CPU time much less, so report both, and say whether the machine was quiet.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace, moveToTrash, TRASH } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'refleks.js');
const WORK = join(ROOT, 'bench', '.work');
const quick = process.argv.includes('--quick');
const env = {
  ...process.env,
  NO_COLOR: '1',
  SOURCE_DATE_EPOCH: '1798761600',
  REFLEKS_CACHE_DIR: join(fileURLToPath(new URL('..', import.meta.url)), 'bench', '.work', 'shape-cache'),
};

/** CPU time (user + system) of this process's waited-for children, in ms; null where /proc is not. */
function childrenCpu() {
  if (!existsSync('/proc/self/stat')) return null;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // cutime and cstime, fields 16 and 17 of proc(5), in clock ticks (100 a second on Linux).
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function time(args, { cwd = ROOT, before, extraEnv } = {}) {
  before?.();
  const c0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  const c1 = childrenCpu();
  return { ms, cpu: c0 === null ? null : c1 - c0 };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function measure(runs, args, opts) {
  const times = Array.from({ length: runs }, () => time(args, opts));
  return { ms: median(times.map((t) => t.ms)), cpu: times[0].cpu === null ? null : median(times.map((t) => t.cpu)) };
}

const clean = (ws) => () => {
  moveToTrash(join(ws, 'ut'));
  moveToTrash(join(ws, '.refleks'));
};

const ws1 = join(WORK, 'ws-1');
const ws100 = join(WORK, 'ws-100');
const ws1000 = join(WORK, 'ws-1000');
generateWorkspace(ws1, 1);
generateWorkspace(ws100, 100);
if (!quick) generateWorkspace(ws1000, 1000);

const rows = [];
const load = loadavg()[0];
const node0 = measure(15, ['-e', '0']);
const add = (name, m, target) =>
  rows.push({
    name,
    ms: m.ms,
    ratio: m.ms / node0.ms,
    cpu: m.cpu,
    cpuRatio: m.cpu === null ? null : m.cpu / node0.cpu,
    target,
  });
add('node -e 0', node0);
add('refleks --help', measure(15, [BIN, '--help']), { ratio: 1.3 });
add('refleks validate (demo)', measure(15, [BIN, 'validate', '-w', join(ROOT, 'examples', 'demo')]), { ratio: 2 });
add(
  'refleks status (demo)',
  measure(10, [BIN, 'status', '-w', join(ROOT, 'examples', 'demo'), '--today', '2027-01-10']),
);
// The shape cache (~/.cache/refleks) holds rendered form layouts across runs;
// measure both a machine's first build and the ones after it.
const cacheDir = join(WORK, 'shape-cache');
moveToTrash(cacheDir);
add(
  'build, 1 group, no shape cache',
  measure(7, [BIN, 'build', '-q', '-w', ws1], { before: clean(ws1), extraEnv: { REFLEKS_CACHE: 'off' } }),
  { ratio: 3 },
);
add(
  'build, 1 group, warm shape cache',
  measure(7, [BIN, 'build', '-q', '-w', ws1], { before: clean(ws1), extraEnv: { REFLEKS_CACHE_DIR: cacheDir } }),
  { ratio: 3 },
);
// Many groups: from an empty shape cache, the conservative case.
const coldClean = (ws) => () => {
  clean(ws)();
  moveToTrash(cacheDir);
};
add('build, 100 groups', measure(3, [BIN, 'build', '-q', '-w', ws100], { before: coldClean(ws100) }), {
  msPerGroup: 20,
  groups: 100,
});
if (!quick) {
  add('build, 1,000 groups', measure(1, [BIN, 'build', '-q', '-w', ws1000], { before: coldClean(ws1000) }), {
    ms: 15000,
    msPerGroup: 15,
    groups: 1000,
  });
  add('re-build, 1,000 unchanged', measure(5, [BIN, 'build', '-q', '-w', ws1000]), { ms: 1000 });
  const file = join(ws1000, 'groups', 'gruppe-0500.yaml');
  const original = readFileSync(file, 'utf8');
  let flip = false;
  const touch = () => {
    flip = !flip;
    writeFileSync(file, original.replace(/time: "[^"]+"/, `time: "${flip ? '10:15' : '10:45'}"`));
  };
  add('re-build, 1,000 with 1 changed', measure(5, [BIN, 'build', '-q', '-w', ws1000], { before: touch }), {
    ms: 2000,
  });
  writeFileSync(file, original);
}

const fmt = (n) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);
const loadAfter = loadavg()[0];
console.log(
  `refleks benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${load.toFixed(1)} → ${loadAfter.toFixed(1)}`,
);
console.log(
  'scenario'.padEnd(36) +
    'median'.padStart(10) +
    'ratio'.padStart(9) +
    'cpu'.padStart(10) +
    'ratio'.padStart(9) +
    '  target (wall)',
);
for (const r of rows) {
  let target = '';
  if (r.target?.ratio) target = `≤ ${r.target.ratio}× ${r.ratio <= r.target.ratio ? 'ok' : 'MISSED'}`;
  else if (r.target?.ms) target = `≤ ${fmt(r.target.ms)} ${r.ms <= r.target.ms ? 'ok' : 'MISSED'}`;
  if (r.target?.msPerGroup)
    target += `${target ? '; ' : ''}${(r.ms / r.target.groups).toFixed(1)} ms/group (≤ ${r.target.msPerGroup})`;
  const cpu =
    r.cpu === null
      ? '–'.padStart(10) + '–'.padStart(9)
      : fmt(r.cpu).padStart(10) + `${r.cpuRatio.toFixed(2)}×`.padStart(9);
  console.log(r.name.padEnd(36) + fmt(r.ms).padStart(10) + `${r.ratio.toFixed(2)}×`.padStart(9) + cpu + '  ' + target);
}
// What the runs left, deleted only now that nothing is measured (see moveToTrash).
rmSync(TRASH, { recursive: true, force: true });
