/**
 * The journal that makes `refleks send --smtp` deliver each message once:
 * `.refleks/sent-mail/<group>.json`. Before a message goes to the server its
 * *intent* is recorded with the Message-ID; when the server has accepted it,
 * the entry becomes *accepted*. Each step is an atomic rewrite, so a run
 * killed at any point leaves a whole journal. On the next run:
 *  - accepted: never sent again;
 *  - intent without acceptance: the run died between the server's answer and
 *    the record, or before the answer. It is sent again with the same
 *    Message-ID and Date (the same bytes), so mail systems and clients that
 *    already have it treat it as a duplicate, and refleks says so;
 *  - failed (the server answered 4xx, or the run stopped on a login or
 *    certificate error) and rejected (5xx, for good): known not delivered;
 *    tried again on the next run, since the address may have been corrected.
 * It holds what the sent record and the calendar state already hold
 * (names, addresses, UIDs) plus Message-IDs and the server's answers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fieldPath, InputError } from '../core/problems.js';
import { t } from '../core/text.js';
import { array, FAIL, int, obj, oneOf, opt, refine, req, str, type Ctx, type Infer } from '../load/schema.js';
import { writeFileAtomic } from './write-outputs.js';

const instant = () =>
  refine(str({ max: 40 }), (v, path, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v))) return true;
    ctx.issues.push({
      path,
      message: t(
        `«${v}» er ikke et tidspunkt (ÅÅÅÅ-MM-DDTTT:MM:SSZ)`,
        `"${v}" is not an instant (YYYY-MM-DDTHH:MM:SSZ)`,
      ),
    });
    return false;
  });

const entrySchema = obj({
  message_id: req(str({ max: 300 })),
  session: req(int({ min: 1, max: 999 })),
  uid: req(str({ max: 300 })),
  sequence: req(int({ min: 0, max: 1_000_000 })),
  method: req(oneOf(['REQUEST', 'CANCEL'] as const)),
  name: req(str({ max: 300 })),
  email: req(str({ max: 320 })),
  /** The Date header, kept so that a re-sent message is the same message. */
  date: req(instant()),
  status: req(oneOf(['intent', 'accepted', 'failed', 'rejected'] as const)),
  intent_at: req(instant()),
  answered_at: opt(instant()),
  response: opt(str({ max: 2000 })),
});

const logSchema = obj({
  version: req(int({ min: 1, max: 1 })),
  group: req(str({ max: 200 })),
  messages: req(array(entrySchema)),
});

export type SendLogEntry = Infer<typeof entrySchema>;

export function sendLogPath(root: string, groupId: string): string {
  return join(root, '.refleks', 'sent-mail', `${groupId}.json`);
}

export class SendLog {
  private readonly byId = new Map<string, SendLogEntry>();

  private constructor(
    private readonly root: string,
    readonly group: string,
    entries: SendLogEntry[],
  ) {
    for (const e of entries) this.byId.set(e.message_id, e);
  }

  /** The group's journal; an empty one if there is none. A damaged file is an InputError naming it. */
  static open(root: string, groupId: string): SendLog {
    const path = sendLogPath(root, groupId);
    if (!existsSync(path)) return new SendLog(root, groupId, []);
    const display = relative(root, path).split('\\').join('/');
    const hint = t(
      'Hent filen fra en sikkerhetskopi. Uten den vet ikke refleks hvilke e-poster som er sendt; sletter du den, kan de bli sendt på nytt.',
      'Restore the file from a backup. Without it refleks does not know which e-mails were sent; if you delete it, they may be sent again.',
    );
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new InputError([
        {
          severity: 'error',
          file: display,
          message: t(`e-postloggen er skadet: ${why}`, `the e-mail log is damaged: ${why}`),
          hint,
        },
      ]);
    }
    const ctx: Ctx = { issues: [] };
    const data = logSchema.parse(raw, [], ctx);
    if (data !== FAIL && data.group !== groupId)
      ctx.issues.push({
        path: ['group'],
        message: t(
          `hører til gruppen «${data.group}», ikke «${groupId}»`,
          `belongs to group "${data.group}", not "${groupId}"`,
        ),
      });
    if (data === FAIL || ctx.issues.length) {
      throw new InputError(
        ctx.issues.map((i) => ({
          severity: 'error' as const,
          file: display,
          ...(i.path.length ? { field: fieldPath(i.path) } : {}),
          message: t(`e-postloggen er skadet: ${i.message.nb}`, `the e-mail log is damaged: ${i.message.en}`),
          hint,
        })),
      );
    }
    return new SendLog(root, groupId, data.messages);
  }

  get(messageId: string): SendLogEntry | undefined {
    return this.byId.get(messageId);
  }

  entries(): SendLogEntry[] {
    return [...this.byId.values()];
  }

  /** Records an entry (replacing one with the same Message-ID) and writes the journal atomically. */
  record(entry: SendLogEntry): void {
    // Only the newest version per person and session matters (older Message-IDs
    // are never built again), which keeps the file as small as the group.
    for (const [id, e] of this.byId) {
      if (
        e.session === entry.session &&
        e.email.toLowerCase() === entry.email.toLowerCase() &&
        e.sequence < entry.sequence
      )
        this.byId.delete(id);
    }
    this.byId.set(entry.message_id, entry);
    const messages = [...this.byId.values()].sort(
      (a, b) => a.session - b.session || a.email.localeCompare(b.email) || a.sequence - b.sequence,
    );
    writeFileAtomic(
      sendLogPath(this.root, this.group),
      JSON.stringify({ version: 1, group: this.group, messages }, null, 2) + '\n',
    );
  }
}
