/**
 * `refleks sent [group…] [--session N] [--person E-POST]`: records that the
 * coordinator has sent invitations by hand, per group, session and person, so
 * `status` (and `send`) stop offering them. Marking every group at once is
 * easy to do by mistake, so without a group it asks first (`--all` or `--yes`
 * where there is no terminal).
 */
import { openWorkspace, say, type CliContext } from './support/context.js';
import { UsageError } from '../core/problems.js';
import { t } from '../core/text.js';
import { markSent, pendingDeliveries } from '../io/calendar-pending.js';
import { readCalendarState } from '../io/calendar-state.js';
import { inquirerPrompter, PromptCancelled, type Prompter } from '../io/prompter.js';
import { withWorkspaceLock } from './support/outputs.js';

export interface SentOptions {
  session?: string;
  person?: string;
  all?: boolean;
  yes?: boolean;
}

export async function run(
  ctx: CliContext,
  groups: string[] = [],
  opts: SentOptions = {},
  deps: { prompter?: Prompter } = {},
): Promise<number> {
  const ws = openWorkspace(ctx, { only: groups });
  const L = ctx.lang;
  let session: number | undefined;
  if (opts.session !== undefined) {
    session = Number(opts.session);
    if (!Number.isInteger(session) || session < 1)
      throw new UsageError(
        t(
          `--session må være et samlingsnummer, fant «${opts.session}»`,
          `--session must be a session number, found "${opts.session}"`,
        ),
      );
  }
  const email = opts.person?.trim().toLowerCase();
  const filter = { ...(session !== undefined ? { session } : {}), ...(email ? { email } : {}) };
  const waiting = ws.groups.flatMap((g) =>
    pendingDeliveries(ws.root, readCalendarState(ws.root, g.id)).filter(
      (d) => (session === undefined || d.session === session) && (!email || d.person.email.toLowerCase() === email),
    ),
  );
  if (
    email &&
    !waiting.length &&
    !ws.groups.some((g) =>
      [g.facilitator, g.coFacilitator, g.leader, ...g.participants].some((p) => p?.email?.toLowerCase() === email),
    )
  ) {
    throw new UsageError(
      t(
        `ingen i ${groups.length ? groups.join(', ') : 'gruppene'} har e-postadressen ${opts.person}`,
        `nobody in ${groups.length ? groups.join(', ') : 'the groups'} has the e-mail address ${opts.person}`,
      ),
    );
  }
  if (!groups.length && !opts.all && !opts.yes && waiting.length) {
    const prompter = deps.prompter ?? (ctx.isTTY ? await inquirerPrompter(L) : undefined);
    const ids = [...new Set(waiting.map((d) => d.group))];
    if (!prompter) {
      throw new UsageError(
        t(
          `uten gruppe merker «refleks sent» invitasjonene i alle gruppene (${ids.join(', ')}) som sendt. Nevn gruppen («refleks sent ${ids[0]}»), eller legg til --all.`,
          `without a group, "refleks sent" marks the invitations of every group (${ids.join(', ')}) as sent. Name the group ("refleks sent ${ids[0]}"), or add --all.`,
        ),
      );
    }
    try {
      const ok = await prompter.confirm({
        message: t(
          `Merke invitasjonene i ${ids.length} ${ids.length === 1 ? 'gruppe' : 'grupper'} (${ids.join(', ')}) som sendt?`,
          `Mark the invitations of ${ids.length} group${ids.length === 1 ? '' : 's'} (${ids.join(', ')}) as sent?`,
        )[L],
        default: false,
      });
      if (!ok) {
        say(ctx, t('Avbrutt – ingenting er merket.', 'Cancelled – nothing was marked.'));
        return 0;
      }
    } catch (err) {
      if (err instanceof PromptCancelled) return 130;
      throw err;
    }
  }
  // The sent record is read, changed and written: one writer at a time.
  return withWorkspaceLock(ctx, ws.root, 'sent', () => {
    let total = 0;
    for (const g of ws.groups) {
      const n = markSent(ws.root, g.id, filter);
      total += n;
      const who = email ? t(` til ${opts.person}`, ` to ${opts.person}`)[L] : '';
      if (n)
        say(
          ctx,
          t(
            `${g.id}: ${n} ${n === 1 ? 'invitasjon' : 'invitasjoner'}${who} merket som sendt`,
            `${g.id}: ${n} invitation${n === 1 ? '' : 's'}${who} marked as sent`,
          ),
        );
    }
    if (!total) say(ctx, t('Ingen invitasjoner ventet på å bli sendt.', 'No invitations were waiting to be sent.'));
    return 0;
  });
}
