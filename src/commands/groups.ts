import { openWorkspace, say, type CliContext } from './support/context.js';
import { table } from './support/table.js';
import { formatShortDate } from '../core/format-date.js';
import { t } from '../core/text.js';

export function run(ctx: CliContext): number {
  const ws = openWorkspace(ctx);
  const L = ctx.lang;
  if (!ws.groups.length) {
    say(
      ctx,
      t('Ingen grupper ennå. Lag en med «refleks new-group».', 'No groups yet. Create one with "refleks new-group".'),
    );
    return 0;
  }
  const rows = ws.groups.map((g) => [
    g.id,
    g.name,
    g.programmeId,
    g.facilitator.name,
    String(g.participants.length),
    formatShortDate(g.start, L),
  ]);
  const header = [
    t('id', 'id')[L],
    t('navn', 'name')[L],
    t('program', 'programme')[L],
    t('veileder', 'facilitator')[L],
    t('deltakere', 'participants')[L],
    t('første samling', 'first session')[L],
  ];
  for (const line of table(rows, header)) ctx.out(line);
  return 0;
}
