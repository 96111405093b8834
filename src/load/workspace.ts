/**
 * Finds and loads a workspace: settings, programmes (built-in, then the
 * workspace's own by id) and groups. Collects every problem in every file
 * instead of stopping at the first.
 */
import { loadAttendance } from './attendance.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Group, Logo, Programme, SmtpSettings, Source, Workspace, WorkspaceSettings } from '../core/model.js';
import { readLogo } from './logo.js';
import type { Problem } from '../core/problems.js';
import { t } from '../core/text.js';
import { isRuleZone } from '../core/zoned-time.js';
import { BUILTIN_PROGRAMMES, WORKSPACE_FILE } from '../paths.js';
import { toGroup } from './group.js';
import { cachedProgramme } from './programme-cache.js';
import { toProgramme } from './programme.js';
import { closest } from './did-you-mean.js';
import { FAIL, isPlainMapping, type Ctx } from './schema.js';
import { programmeSchema, workspaceSchema, type WorkspaceFile } from './schemas.js';
import { parseYaml, type YamlFile } from './yaml-file.js';
import { fileMatches, groupIdOfName, listGroupFiles } from './group-files.js';

export function findWorkspaceRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, WORKSPACE_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadResult {
  workspace?: Workspace;
  problems: Problem[];
}

export interface LoadOptions {
  /** Load only these group ids (others are neither read nor validated). */
  only?: string[];
  /** Folder of built-in programmes (tests point elsewhere). */
  builtinProgrammes?: string;
}

function yamlFilesIn(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith('.'))
    .sort()
    .map((f) => join(dir, f));
}

export function readYaml(absPath: string, display: string): { file?: YamlFile; problems: Problem[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return {
      problems: [
        {
          severity: 'error',
          file: display,
          message: t(`kunne ikke lese filen (${code})`, `could not read the file (${code})`),
        },
      ],
    };
  }
  return parseYaml(display, bytes);
}

function knownTimezones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Oslo'];
  }
}

function defaultTimezoneIsValid(zone: string): boolean {
  // Creating a formatter costs ICU's start-up; zones the rule covers need none.
  if (isRuleZone(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function loadSettings(root: string): { settings?: WorkspaceSettings; problems: Problem[] } {
  const { file, problems } = readYaml(join(root, WORKSPACE_FILE), WORKSPACE_FILE);
  if (!file) return { problems };
  const ctx: Ctx = { issues: [] };
  const raw = workspaceSchema.parse(file.data ?? {}, [], ctx);
  if (raw === FAIL) return { problems: [...problems, ...file.problems(ctx.issues)] };
  const timezone = raw.timezone ?? 'Europe/Oslo';
  if (!defaultTimezoneIsValid(timezone)) {
    const guess = closest(timezone, knownTimezones());
    ctx.issues.push({
      path: ['timezone'],
      message: t(`ukjent tidssone «${timezone}»`, `unknown time zone "${timezone}"`),
      hint: guess
        ? t(`Mente du «${guess}»?`, `Did you mean "${guess}"?`)
        : t('Bruk for eksempel Europe/Oslo.', 'Use e.g. Europe/Oslo.'),
    });
  }
  (raw.blackouts ?? []).forEach((b, i) => {
    if (b.to < b.from) {
      ctx.issues.push({
        path: ['blackouts', i, 'to'],
        message: t(`slutter (${b.to}) før den begynner (${b.from})`, `ends (${b.to}) before it starts (${b.from})`),
        hint: t('Bytt om from og to, eller rett opp datoene.', 'Swap from and to, or correct the dates.'),
      });
    }
  });
  const output = raw.output ?? 'ut';
  if (/^([/\\]|[a-zA-Z]:)|(^|[/\\])\.\.([/\\]|$)/.test(output)) {
    ctx.issues.push({
      path: ['output'],
      message: t(
        `utmappen «${output}» må ligge inne i arbeidsområdet`,
        `the output folder "${output}" must be inside the workspace`,
      ),
      hint: t('Bruk en relativ sti som «ut».', 'Use a relative path such as "ut".'),
    });
  }
  let logo: Logo | undefined;
  if (raw.logo) {
    const r = readLogo(root, raw.logo);
    if ('logo' in r) logo = r.logo;
    else ctx.issues.push({ path: ['logo'], message: r.problem, hint: r.hint });
  }
  if (ctx.issues.length) return { problems: [...problems, ...file.problems(ctx.issues)] };
  return {
    settings: {
      organisation: raw.organisation,
      organiser: { name: raw.organiser.name, email: raw.organiser.email },
      timezone,
      language: raw.language ?? 'nb',
      output,
      blackouts: raw.blackouts ?? [],
      reminderHours: raw.reminder_hours ?? 24,
      ...(raw.smtp ? { smtp: smtpSettings(raw.smtp) } : {}),
      ...(logo ? { logo } : {}),
    },
    problems,
  };
}

function smtpSettings(raw: NonNullable<WorkspaceFile['smtp']>): SmtpSettings {
  const security = raw.security ?? 'starttls';
  const port = raw.port ?? (security === 'tls' ? 465 : security === 'none' ? 25 : 587);
  return { host: raw.host, port, security, ...(raw.user ? { user: raw.user } : {}), perMinute: raw.per_minute ?? 30 };
}

export function loadProgrammes(
  root: string | undefined,
  builtinDir = BUILTIN_PROGRAMMES,
  // The cache only describes the package's own programmes folder; the build
  // that writes it must not read it.
  useCache = builtinDir === BUILTIN_PROGRAMMES,
): { programmes: Map<string, Programme>; problems: Problem[] } {
  const programmes = new Map<string, Programme>();
  const problems: Problem[] = [];
  const sources: Source[] = yamlFilesIn(builtinDir).map((path) => ({
    origin: 'built-in',
    path,
    display: `(innebygd) programmes/${basename(path)}`,
  }));
  if (root) {
    for (const path of yamlFilesIn(join(root, 'programmes')))
      sources.push({ origin: 'workspace', path, display: `programmes/${basename(path)}` });
  }
  for (const source of sources) {
    if (source.origin === 'built-in' && useCache) {
      const programme = cachedProgramme(source, readFileSync(source.path));
      if (programme) {
        programmes.set(programme.id, programme);
        continue;
      }
    }
    const { file, problems: readProblems } = readYaml(source.path, source.display);
    problems.push(...readProblems);
    if (!file) continue;
    const ctx: Ctx = { issues: [] };
    const raw = programmeSchema.parse(file.data, [], ctx);
    const programme = raw === FAIL ? undefined : toProgramme(raw, source, ctx);
    problems.push(...file.problems(ctx.issues));
    if (!programme) continue;
    const existing = programmes.get(programme.id);
    if (existing && existing.source.origin === source.origin) {
      problems.push({
        severity: 'error',
        file: source.display,
        ...file.locate(['id']),
        field: 'id',
        message: t(
          `programmet «${programme.id}» finnes allerede i ${existing.source.display}`,
          `programme "${programme.id}" already exists in ${existing.source.display}`,
        ),
      });
      continue;
    }
    // A workspace programme with a built-in's id replaces it: that is how a
    // coordinator adapts a shipped programme.
    programmes.set(programme.id, programme);
  }
  return { programmes, problems };
}

export function loadWorkspace(root: string, opts: LoadOptions = {}): LoadResult {
  const problems: Problem[] = [];
  const { settings, problems: settingsProblems } = loadSettings(root);
  problems.push(...settingsProblems);
  const { programmes, problems: programmeProblems } = loadProgrammes(root, opts.builtinProgrammes);
  problems.push(...programmeProblems);

  const groups: Group[] = [];
  const ids = new Map<string, string>();
  const groupDir = join(root, 'groups');
  // Two files claiming one id by name refuse the workspace for every command.
  const listed = listGroupFiles(root);
  problems.push(...listed.problems);
  let files = listed.names.map((f) => join(groupDir, f));
  if (opts.only?.length) {
    const wanted = new Set(opts.only.map((g) => g.replace(/\.ya?ml$/i, '')));
    files = files.filter((f) => fileMatches(root, basename(f), wanted));
  }
  const loading = new Set(files);
  for (const path of files) {
    const display = `groups/${basename(path)}`;
    const { file, problems: readProblems } = readYaml(path, display);
    problems.push(...readProblems);
    if (!file) continue;
    const result = toGroup(file, { path, display, origin: 'workspace' }, programmes);
    problems.push(...result.problems);
    if (!result.group) continue;
    // A file not loaded this time (`only`) still claims the id of its name.
    const byName = listed.names.find((n) => groupIdOfName(n) === result.group!.id && !loading.has(join(groupDir, n)));
    const other = ids.get(result.group.id) ?? (byName ? `groups/${byName}` : undefined);
    if (other) {
      // Neither file is built: outputs of one group must never be written
      // under an id another file claims.
      const i = groups.findIndex((g) => g.id === result.group!.id);
      if (i >= 0) groups.splice(i, 1);
      const hasId = isPlainMapping(file.data) && file.data.id !== undefined;
      problems.push({
        severity: 'error',
        file: display,
        ...file.locate(hasId ? ['id'] : []),
        ...(hasId ? { field: 'id' } : {}),
        message: t(
          `gruppe-id «${result.group.id}» brukes også av ${other}`,
          `group id "${result.group.id}" is also used by ${other}`,
        ),
        hint: t('Gi filen et annet navn, eller endre feltet id.', 'Rename the file, or change the id field.'),
      });
      continue;
    }
    ids.set(result.group.id, display);
    const attendance = loadAttendance(root, result.group);
    problems.push(...attendance.problems);
    if (attendance.attendance) result.group.attendance = attendance.attendance;
    groups.push(result.group);
  }
  if (!settings) return { problems };
  return { workspace: { root, settings, programmes, groups }, problems };
}
