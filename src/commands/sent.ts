import { openWorkspace, say, type CliContext } from './support/context.js';
import { t } from '../core/text.js';
import { markSent } from '../io/calendar-pending.js';
import type { Workspace } from '../core/model.js';
import { withWorkspaceLock } from './support/outputs.js';

export function run(ctx: CliContext, groups: string[] = []): Promise<number> {
  const ws = openWorkspace(ctx, { only: groups });
  // The sent record is read, changed and written: one writer at a time.
  return withWorkspaceLock(ctx, ws.root, 'sent', () => markAll(ctx, ws));
}

function markAll(ctx: CliContext, ws: Workspace): number {
  let total = 0;
  for (const g of ws.groups) {
    const n = markSent(ws.root, g.id);
    total += n;
    if (n) say(ctx, t(`${g.id}: ${n} ${n === 1 ? 'invitasjon' : 'invitasjoner'} merket som sendt`, `${g.id}: ${n} invitation${n === 1 ? '' : 's'} marked as sent`));
  }
  if (!total) say(ctx, t('Ingen invitasjoner ventet på å bli sendt.', 'No invitations were waiting to be sent.'));
  return 0;
}
