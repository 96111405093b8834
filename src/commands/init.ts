import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { say, type CliContext } from './support/context.js';
import { UsageError } from '../core/problems.js';
import { t } from '../core/text.js';
import { workspaceYaml } from '../core/workspace-template.js';
import { parsePersonFlag } from './support/person-arg.js';
import { writeFileAtomic } from '../io/write-outputs.js';
import { shownPath, WORKSPACE_FILE } from '../paths.js';
import { schemaRef } from '../core/schema-comment.js';
import { refreshSchemas } from '../io/workspace-schemas.js';
import { COUNTIES, findCounty, type County } from '../core/counties.js';
import { closest } from '../load/did-you-mean.js';
import { inquirerPrompter, PromptCancelled, type Prompter } from '../io/prompter.js';

export interface InitOptions {
  organisation?: string;
  organiser?: string;
  /** For the winter holiday week (8 or 9); `--fylke` is the same. */
  county?: string;
  fylke?: string;
}

function countyFromFlag(input: string): County {
  const county = findCounty(input);
  if (county) return county;
  const guess = closest(
    input,
    COUNTIES.map((c) => c.name),
  );
  const names = COUNTIES.map((c) => c.name).join(', ');
  throw new UsageError(
    t(
      `kjenner ikke fylket «${input}»${guess ? ` (mente du «${guess}»?)` : ''}; fylkene er ${names}`,
      `unknown county "${input}"${guess ? ` (did you mean "${guess}"?)` : ''}; the counties are ${names}`,
    ),
  );
}

/** The county for the winter holiday: from the flag, asked on a terminal, or none (both weeks as comments). */
async function chooseCounty(ctx: CliContext, opts: InitOptions, prompter?: Prompter): Promise<County | undefined> {
  const flag = opts.county ?? opts.fylke;
  if (flag !== undefined) return countyFromFlag(flag);
  if (!prompter) return undefined;
  const answer = await prompter.select<string>({
    message: t(
      'Hvilket fylke? (for vinterferien i skolen, uke 8 eller 9)',
      'Which county? (for the school winter holiday, week 8 or 9)',
    )[ctx.lang],
    choices: [
      ...COUNTIES.map((c) => ({
        name: c.name,
        value: c.id,
        description: c.winterWeek
          ? t(`vinterferie uke ${c.winterWeek}`, `winter holiday week ${c.winterWeek}`)[ctx.lang]
          : t('ulik uke; begge skrives som kommentar', 'varies; both weeks written as comments')[ctx.lang],
      })),
      {
        name: t('Vet ikke / hopp over', 'Do not know / skip')[ctx.lang],
        value: '',
        description: t('begge ukene skrives som kommentar', 'both weeks written as comments')[ctx.lang],
      },
    ],
  });
  return answer ? findCounty(answer) : undefined;
}

/** `prompter` is for tests; on a terminal without --county, init asks. */
export async function run(ctx: CliContext, dir: string, opts: InitOptions, prompter?: Prompter): Promise<number> {
  try {
    return await init(ctx, dir, opts, prompter);
  } catch (err) {
    if (err instanceof PromptCancelled) {
      ctx.err(t('Avbrutt – ingenting er skrevet.', 'Cancelled – nothing was written.')[ctx.lang]);
      return 130;
    }
    throw err;
  }
}

async function init(ctx: CliContext, dir: string, opts: InitOptions, prompter?: Prompter): Promise<number> {
  const root = resolve(ctx.cwd, dir);
  const file = join(root, WORKSPACE_FILE);
  if (existsSync(file)) {
    const shown = shownPath(ctx.cwd, file);
    throw new UsageError(
      t(
        `${shown} finnes allerede; refleks skriver ikke over den`,
        `${shown} already exists; refleks does not overwrite it`,
      ),
    );
  }
  let organiser = { name: 'Kursansvarlig', email: 'kursansvarlig@kommune.no' };
  if (opts.organiser) {
    const p = parsePersonFlag(opts.organiser, true);
    if (!('name' in p))
      throw new UsageError(
        t(
          `--organiser «${opts.organiser}»: ${p.nb}; skriv «Navn <e-post>»`,
          `--organiser "${opts.organiser}": ${p.en}; write "Name <e-mail>"`,
        ),
      );
    organiser = { name: p.name, email: p.email! };
  }
  const county = await chooseCounty(
    ctx,
    opts,
    prompter ??
      (ctx.isTTY && opts.county === undefined && opts.fylke === undefined
        ? await inquirerPrompter(ctx.lang)
        : undefined),
  );
  for (const sub of ['groups', 'programmes', 'templates']) mkdirSync(join(root, sub), { recursive: true });
  refreshSchemas(root);
  const schemaPath = schemaRef(WORKSPACE_FILE, 'workspace.schema.json');
  writeFileAtomic(
    file,
    workspaceYaml({
      organisation: opts.organisation ?? 'Eksempel kommune, helse og omsorg',
      organiser,
      schemaPath,
      year: new Date().getFullYear(),
      ...(county ? { county } : {}),
    }),
  );
  const shown = shownPath(ctx.cwd, root);
  say(
    ctx,
    t(
      `Laget arbeidsområdet ${shown}/ med refleks.yaml, groups/, programmes/ og templates/.`,
      `Created the workspace ${shown}/ with refleks.yaml, groups/, programmes/ and templates/.`,
    ),
  );
  if (!county?.winterWeek)
    say(
      ctx,
      t(
        'Vinterferien (uke 8 eller 9 etter fylke) står som kommentar i refleks.yaml: fjern # foran riktig uke.',
        'The winter holiday (week 8 or 9 by county) is a comment in refleks.yaml: remove the # before the right week.',
      ),
    );
  if (!opts.organisation || !opts.organiser)
    say(
      ctx,
      t(
        'Neste steg: fyll inn kommune og arrangør i refleks.yaml, og lag en gruppe med «refleks new-group».',
        'Next: fill in the organisation and organiser in refleks.yaml, and create a group with "refleks new-group".',
      ),
    );
  else
    say(ctx, t('Neste steg: lag en gruppe med «refleks new-group».', 'Next: create a group with "refleks new-group".'));
  return 0;
}
