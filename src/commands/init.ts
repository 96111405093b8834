import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { say, type CliContext } from './support/context.js';
import { UsageError } from '../core/problems.js';
import { t } from '../core/text.js';
import { workspaceYaml } from '../core/workspace-template.js';
import { parsePersonFlag } from './support/person-arg.js';
import { writeFileAtomic } from '../io/write-outputs.js';
import { SCHEMAS_DIR, WORKSPACE_FILE } from '../paths.js';


export function run(ctx: CliContext, dir: string, opts: { organisation?: string; organiser?: string }): number {
  const root = resolve(ctx.cwd, dir);
  const file = join(root, WORKSPACE_FILE);
  if (existsSync(file)) {
    throw new UsageError(t(`${file} finnes allerede; refleks skriver ikke over den`, `${file} already exists; refleks does not overwrite it`));
  }
  let organiser = { name: 'Kursansvarlig', email: 'kursansvarlig@kommune.no' };
  if (opts.organiser) {
    const p = parsePersonFlag(opts.organiser, true);
    if (!('name' in p)) throw new UsageError(t(`--organiser «${opts.organiser}»: ${p.nb}; skriv «Navn <e-post>»`, `--organiser "${opts.organiser}": ${p.en}; write "Name <e-mail>"`));
    organiser = { name: p.name, email: p.email! };
  }
  for (const sub of ['groups', 'programmes', 'templates']) mkdirSync(join(root, sub), { recursive: true });
  const schemaPath = relative(root, join(SCHEMAS_DIR, 'workspace.schema.json')).split('\\').join('/');
  writeFileAtomic(
    file,
    workspaceYaml({ organisation: opts.organisation ?? 'Eksempel kommune, helse og omsorg', organiser, schemaPath, year: new Date().getFullYear() }),
  );
  const shown = relative(ctx.cwd, root) || '.';
  say(ctx, t(`Laget arbeidsområdet ${shown}/ med refleks.yaml, groups/, programmes/ og templates/.`, `Created the workspace ${shown}/ with refleks.yaml, groups/, programmes/ and templates/.`));
  if (!opts.organisation || !opts.organiser) say(ctx, t('Neste steg: fyll inn kommune og arrangør i refleks.yaml, og lag en gruppe med «refleks new-group».', 'Next: fill in the organisation and organiser in refleks.yaml, and create a group with "refleks new-group".'));
  else say(ctx, t('Neste steg: lag en gruppe med «refleks new-group».', 'Next: create a group with "refleks new-group".'));
  return 0;
}
