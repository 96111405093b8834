/**
 * `refleks cancel GROUP`: the group file is gone (the group ended early, or
 * was made by mistake) but its invitations are in people's calendars. Writes
 * a CANCEL for every session still live, to everyone it was sent to, in
 * `ut/<group>/invitasjoner/`, then archives the state (so the orphan warning
 * stops) under `.refleks/archive/`. The files are left for the coordinator to
 * send, like any other invitation.
 */
import { relative } from 'node:path';
import { say, workspaceRoot, type CliContext } from './support/context.js';
import { cancelGroupFiles } from '../core/calendar/index.js';
import { InputError, UsageError } from '../core/problems.js';
import { t } from '../core/text.js';
import { calendarIssueTime, readCalendarState, saveCalendarState } from '../io/calendar-state.js';
import { archiveState } from '../io/group-identity.js';
import { writeOutputs } from '../io/write-outputs.js';
import { listGroupFiles, groupIdOfName } from '../load/group-files.js';
import { loadSettings } from '../load/workspace.js';
import { VERSION } from '../version.js';

export function run(ctx: CliContext, id: string, opts: { force?: boolean } = {}): number {
  const root = workspaceRoot(ctx);
  const { settings, problems } = loadSettings(root);
  if (!settings) throw new InputError(problems);
  if (!ctx.langFromFlag) ctx.lang = settings.language;
  const file = listGroupFiles(root).names.find((n) => groupIdOfName(n) === id);
  if (file) {
    throw new UsageError(
      t(
        `groups/${file} finnes fortsatt. Vil du avlyse enkeltsamlinger, skriv «cancelled: true» under sessions i filen; vil du avlyse hele gruppen, slett (eller flytt) filen først.`,
        `groups/${file} still exists. To cancel single sessions, write "cancelled: true" under sessions in the file; to cancel the whole group, delete (or move) the file first.`,
      ),
    );
  }
  const state = readCalendarState(root, id);
  if (!state)
    throw new UsageError(
      t(`refleks har ikke laget invitasjoner for «${id}»`, `refleks has made no invitations for "${id}"`),
    );
  const result = cancelGroupFiles(state, settings.output, calendarIssueTime(), {
    version: VERSION,
    lang: state.sessions[Object.keys(state.sessions)[0] ?? '']?.lang ?? settings.language,
  });
  const write = writeOutputs(root, result.files, { ...(opts.force ? { force: true } : {}) });
  if (write.edited.length) {
    throw new InputError(
      write.edited.map((p) => ({
        severity: 'error' as const,
        file: p,
        message: t(
          'filen er endret for hånd og ble ikke overskrevet',
          'the file was edited by hand and was not overwritten',
        ),
        hint: t(
          'Kjør på nytt med --force for å skrive avlysningen over den.',
          'Run again with --force to write the cancellation over it.',
        ),
      })),
    );
  }
  saveCalendarState(root, result.state);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');
  const archived = relative(root, archiveState(root, id, stamp));
  const cancelled = result.outcomes.filter((o) => o.outcome === 'cancelled');
  const files = cancelled.flatMap((o) => o.files);
  if (!cancelled.length) {
    say(
      ctx,
      t(
        `Alle samlingene i «${id}» var allerede avlyst. Kalenderstatusen er arkivert i ${archived}.`,
        `Every session of "${id}" was cancelled already. The calendar state was archived in ${archived}.`,
      ),
    );
    return 0;
  }
  say(
    ctx,
    t(
      `Avlyst: samling ${cancelled.map((o) => o.number).join(', ')} i «${id}». Send avlysningene (${files.length} ${files.length === 1 ? 'fil' : 'filer'} i ${settings.output}/${id}/invitasjoner/) til dem som fikk invitasjonene. Kalenderstatusen er arkivert i ${archived}.`,
      `Cancelled: session ${cancelled.map((o) => o.number).join(', ')} of "${id}". Send the cancellations (${files.length} file${files.length === 1 ? '' : 's'} in ${settings.output}/${id}/invitasjoner/) to those who got the invitations. The calendar state was archived in ${archived}.`,
    ),
  );
  return 0;
}
