/**
 * `refleks templates`: which template is used from where, and
 * `refleks templates eject NAME` to copy a built-in one into the workspace as
 * a starting point for changes.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openWorkspace, say, type CliContext } from './support/context.js';
import { table } from './support/table.js';
import { InputError, UsageError } from '../core/problems.js';
import { t, type Text } from '../core/text.js';
import { closest } from '../load/did-you-mean.js';
import { checkTemplateName, filesBelow, listTemplates, type ListedTemplate } from '../templates/lookup.js';
import { BUILTIN_TEMPLATES } from '../paths.js';

function origin(row: ListedTemplate): Text {
  switch (row.origin) {
    case 'built-in':
      return t('innebygd', 'built-in');
    case 'workspace':
      return t('arbeidsområdet', 'workspace');
    case 'programme':
      return t(`arbeidsområdet, bare ${row.programmeId}`, `workspace, only ${row.programmeId}`);
    default:
      return t('--templates', '--templates');
  }
}

export function run(ctx: CliContext, sub?: string, name?: string): number {
  const ws = openWorkspace(ctx);
  if (sub === undefined) {
    const ids = [...ws.programmes.keys(), 'kombinert'];
    const rows = listTemplates({ root: ws.root }, ids);
    const header = [
      t('mal', 'template')[ctx.lang],
      t('kommer fra', 'comes from')[ctx.lang],
      t('fil', 'file')[ctx.lang],
    ];
    for (const line of table(
      rows.map((r) => [r.name, origin(r)[ctx.lang], r.display]),
      header,
    ))
      ctx.out(line);
    if (!ctx.quiet)
      say(
        ctx,
        t(
          'Kopier en innebygd mal inn i arbeidsområdet med «refleks templates eject NAVN», og endre kopien.',
          'Copy a built-in template into the workspace with "refleks templates eject NAME", and edit the copy.',
        ),
      );
    return 0;
  }
  if (sub !== 'eject')
    throw new UsageError(
      t(
        `ukjent underkommando «${sub}»; bruk «refleks templates» eller «refleks templates eject NAVN»`,
        `unknown subcommand "${sub}"; use "refleks templates" or "refleks templates eject NAME"`,
      ),
    );
  if (!name)
    throw new UsageError(
      t(
        'hvilken mal? For eksempel: refleks templates eject partials/agenda.html.hbs',
        'which template? For example: refleks templates eject partials/agenda.html.hbs',
      ),
    );
  checkTemplateName(name);
  const builtins = filesBelow(BUILTIN_TEMPLATES);
  const normalized = name.replace(/\\/g, '/').replace(/^templates\//, '');
  if (!builtins.includes(normalized)) {
    const guess =
      closest(normalized, builtins) ??
      builtins.find(
        (b) => b.endsWith(`/${normalized}`) || b.startsWith(`${normalized}.`) || b.includes(`/${normalized}.`),
      );
    throw new UsageError(
      t(
        `det finnes ingen innebygd mal ${name}${guess ? `. Mente du ${guess}?` : ''} (se «refleks templates»)`,
        `there is no built-in template ${name}${guess ? `. Did you mean ${guess}?` : ''} (see "refleks templates")`,
      ),
    );
  }
  const rel = `templates/${normalized}`;
  const dest = join(ws.root, rel);
  if (existsSync(dest)) {
    throw new InputError([
      {
        severity: 'error',
        file: rel,
        message: t(
          'finnes allerede i arbeidsområdet; refleks skriver ikke over den',
          'already exists in the workspace; refleks will not overwrite it',
        ),
        hint: t(
          'Endre den som er der, eller slett den først for å få den innebygde på nytt.',
          'Edit the one that is there, or delete it first to get the built-in one again.',
        ),
      },
    ]);
  }
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(join(BUILTIN_TEMPLATES, normalized), dest);
  ctx.out(dest);
  if (!ctx.quiet)
    say(
      ctx,
      t(
        `Kopierte ${normalized} til ${rel}. Endringene dine gjelder fra neste «refleks packs».`,
        `Copied ${normalized} to ${rel}. Your changes apply from the next "refleks packs".`,
      ),
    );
  return 0;
}
