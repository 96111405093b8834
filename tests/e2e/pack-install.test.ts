/**
 * refleks the way a user gets it: the project as a clean clone has it (the
 * files git keeps, no dist/), packed by `npm pack` (whose prepack builds),
 * installed globally into a temporary prefix, and run from the installed bin:
 * --version, init, new-group from flags, build. Then the workspace is moved
 * to another folder and its `$schema` comments must still lead to JSON
 * Schemas that the files pass. npm's cache is warm after `npm ci`, so the
 * install prefers it to the registry.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';
import { NO_CLIENTS } from '../helpers/tools.js';

const WINDOWS = process.platform === 'win32';
const npmWorks = spawnSync('npm', ['--version'], { encoding: 'utf8', shell: WINDOWS }).status === 0;
// Only outside CI may a machine without npm skip this; packing and installing is a real-client check.
const skip = (!npmWorks && !process.env.CI) || NO_CLIENTS;

const work = mkdtempSync(join(tmpdir(), 'refleks-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The environment without what `npm test` passes to its scripts
 * (npm_config_local_prefix and the like would point npm at this checkout);
 * where npm's cache and registry are stays.
 */
const KEEP = /^npm_config_(cache|userconfig|globalconfig|cafile|registry|proxy|https_proxy|noproxy|strict_ssl)$/i;
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || KEEP.test(k)));

function run(
  cmd: string,
  args: string[],
  opts: SpawnSyncOptions = {},
): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', shell: WINDOWS, timeout: 240_000, env: cleanEnv, ...opts });
  return { code: r.status ?? -1, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** The files a clean clone has: what git tracks or would track, without build output or node_modules. */
function cleanClone(to: string): void {
  const git = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  if (git.code === 0) {
    for (const rel of git.stdout.split('\0').filter(Boolean)) {
      if (!existsSync(join(ROOT, rel))) continue; // deleted, not yet committed
      mkdirSync(dirname(join(to, rel)), { recursive: true });
      cpSync(join(ROOT, rel), join(to, rel));
    }
  } else {
    cpSync(ROOT, to, { recursive: true, filter: (src) => !/[\\/](node_modules|dist|\.git|tmp)$/.test(src) });
  }
  expect(existsSync(join(to, 'dist'))).toBe(false);
  // The packages `npm ci` installed; a clone would have its own, identical ones.
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'), WINDOWS ? 'junction' : 'dir');
}

describe.skipIf(skip)('the packed and installed refleks', () => {
  it('packs from a clean clone, installs globally and runs init, new-group and build; the moved workspace keeps its schemas', () => {
    const clone = join(work, 'clone');
    cleanClone(clone);
    const pack = run('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: clone });
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball, pack.stdout + pack.stderr).toBeDefined();
    // postpack removed the shrinkwrap it shipped, so the clone has one lock file.
    expect(existsSync(join(clone, 'npm-shrinkwrap.json'))).toBe(false);

    const prefix = join(work, 'prefix');
    const install = run('npm', [
      'install',
      '-g',
      '--prefix',
      prefix,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      join(work, tarball!),
    ]);
    expect(install.code, install.stderr).toBe(0);
    const pkg = join(prefix, WINDOWS ? '' : 'lib', 'node_modules', 'refleks');
    for (const f of [
      'dist/bundle/cli.js',
      'schemas/group.schema.json',
      'programmes/mestring.yaml',
      'npm-shrinkwrap.json',
    ])
      expect(existsSync(join(pkg, f)), f).toBe(true);
    for (const f of ['src', 'tests', 'package-lock.json']) expect(existsSync(join(pkg, f)), f).toBe(false);
    // The shipped tree is the tested one: docx's nanoid as the override pins it.
    const shrinkwrap = JSON.parse(readFileSync(join(pkg, 'npm-shrinkwrap.json'), 'utf8'));
    expect(shrinkwrap.packages['node_modules/docx/node_modules/nanoid']?.version).toMatch(/^5\./);
    expect(Object.values(shrinkwrap.packages).some((p) => (p as { dev?: boolean }).dev)).toBe(false);

    const bin = join(prefix, WINDOWS ? 'refleks.cmd' : 'bin/refleks');
    const env = {
      PATH: `${dirname(process.execPath)}${WINDOWS ? ';' : ':'}${process.env.PATH ?? ''}`,
      HOME: work,
      USERPROFILE: work,
      REFLEKS_CACHE: 'off',
      NO_COLOR: '1',
      TZ: 'Europe/Oslo',
    };
    const refleks = (args: string[], cwd: string) => run(bin, args, { cwd, env });

    const version = refleks(['--version'], work);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);

    const init = refleks(
      [
        'init',
        'kurs',
        '--organisation',
        'Lillevik kommune',
        '--organiser',
        'Ingrid Solberg <ingrid@lillevik.kommune.no>',
        '--fylke',
        'Rogaland',
      ],
      work,
    );
    expect(init.code, init.stderr).toBe(0);
    const ws = join(work, 'kurs');
    expect(readFileSync(join(ws, 'refleks.yaml'), 'utf8')).toContain(
      '- { name: Vinterferie, from: 2027-03-01, to: 2027-03-05 }',
    );

    const group = refleks(
      [
        'new-group',
        '--programme',
        'mestring',
        '--name',
        'Hjemmetjenesten sone sør',
        '--facilitator',
        'Kari Nordmann <kari.nordmann@lillevik.kommune.no>',
        ...['Ali Khan', 'Berit Berg', 'Cecilie Dahl', 'Dag Eik'].flatMap((n) => [
          '--participant',
          `${n} <${n.toLowerCase().replace(' ', '.')}@lillevik.kommune.no>`,
        ]),
        '--start',
        '2027-01-12',
        '--time',
        '13:00',
        '--location',
        'Helsehuset, møterom 2',
        '--yes',
      ],
      ws,
    );
    expect(group.code, group.stderr).toBe(0);

    const build = refleks(['build'], ws);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/1 grupper? bygget/);
    for (const f of ['kalender.ics', 'skjema/planleggingsskjema.docx', 'veileder/index.html'])
      expect(existsSync(join(ws, 'ut/hjemmetjenesten-sone-sor', f)), f).toBe(true);

    // Moved (another folder, as on a network drive or after a git clone),
    // every $schema comment still leads to a schema the file passes.
    const moved = join(work, 'elsewhere', 'deeper', 'kurs');
    mkdirSync(dirname(moved), { recursive: true });
    renameSync(ws, moved);
    rmSync(prefix, { recursive: true, force: true }); // and refleks is gone, as after a Node upgrade
    const files = ['refleks.yaml', 'groups/hjemmetjenesten-sone-sor.yaml'];
    for (const rel of files) {
      const text = readFileSync(join(moved, rel), 'utf8');
      const ref = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];
      expect(ref, rel).toBeDefined();
      expect(ref).not.toMatch(/node_modules|^[/\\]|^[A-Za-z]:/);
      const schemaFile = resolve(dirname(join(moved, rel)), ref!);
      expect(existsSync(schemaFile), `${rel} → ${ref}`).toBe(true);
      const validate = new Ajv({ strict: true, allowUnionTypes: true, validateFormats: false }).compile(
        JSON.parse(readFileSync(schemaFile, 'utf8')),
      );
      expect(
        validate(parse(text, { version: '1.2', schema: 'core' })),
        `${rel}: ${JSON.stringify(validate.errors)}`,
      ).toBe(true);
    }
  }, 240_000);
});
