/**
 * The e-mails for a group's pending invitations: one per person per
 * invitation version, built from exactly what the calendar state says was
 * issued. A live session's full event is rebuilt from the plan and must hash
 * to the state's hash; if it does not, the group file changed after the last
 * build and the e-mail would not match the files in `ut/`, so the session is
 * reported as stale instead (run `refleks build` first). Pure.
 */
import { eventHash, sessionEvent, type SessionEvent } from '../calendar/session-event.js';
import { heldBy, type CalendarState } from '../calendar/state.js';
import type { Workspace } from '../model.js';
import type { GroupPlan, PlannedSession } from '../schedule.js';
import type { Lang } from '../text.js';
import { invitationMail, type InvitationMail, type MailKind } from './invitation.js';

export { draftPath, invitationMail, invitationMessageId, type InvitationMail, type MailKind } from './invitation.js';

/** One person's pending invitation version (see `pendingDeliveries` in src/io/calendar-pending.ts). */
export interface MailDelivery {
  session: number;
  sequence: number;
  kind: MailKind;
  person: { name: string; email: string; slug: string };
  /** A CANCEL to an address no longer invited to a session that goes on. */
  removed?: boolean;
}

export interface GroupMail {
  delivery: MailDelivery;
  mail: InvitationMail;
}

export interface GroupMails {
  mails: GroupMail[];
  /** Sessions whose plan no longer matches what was issued. */
  stale: number[];
}

/**
 * @param lang the workspace's document language, tried first; the other
 *   language is tried too, since the last build may have used `--lang`.
 * @param dateFor the Date header of each message.
 */
export function groupMails(
  ws: Pick<Workspace, 'settings' | 'programmes'>,
  plan: GroupPlan,
  state: CalendarState,
  deliveries: MailDelivery[],
  opts: { lang: Lang; version: string; dateFor: (d: MailDelivery) => Date },
): GroupMails {
  const langs: Lang[] = opts.lang === 'nb' ? ['nb', 'en'] : ['en', 'nb'];
  const matched = new Map<number, { session: PlannedSession; event: SessionEvent; lang: Lang } | null>();
  const stale = new Set<number>();
  for (const n of new Set(deliveries.map((d) => d.session))) {
    const s = state.sessions[String(n)];
    if (!s) {
      stale.add(n);
      continue;
    }
    if (s.cancelled) {
      matched.set(n, null);
      continue;
    }
    const session = plan.sessions.find((p) => p.number === n && !p.cancelled);
    const found =
      session &&
      langs
        .map((lang) => ({ session, lang, event: sessionEvent(ws, plan, session, lang) }))
        .find((c) => eventHash(c.event) === s.hash);
    if (found) matched.set(n, found);
    else stale.add(n);
  }
  // A cancellation carries no theme text; it is written in the language the
  // group's other messages use (the workspace's when there are none).
  const groupLang = [...matched.values()].find((m) => m)?.lang ?? opts.lang;
  const mails: GroupMail[] = [];
  for (const d of deliveries) {
    if (stale.has(d.session)) continue;
    const m = matched.get(d.session);
    const mail = invitationMail({
      settings: ws.settings,
      group: plan.group,
      number: d.session,
      // The version this person holds: their own SEQUENCE, or a CANCEL naming only them once they left.
      state: heldBy(state.sessions[String(d.session)]!, d.person.email),
      ...(m ? { session: m.session, event: m.event } : {}),
      kind: d.kind,
      recipient: d.person,
      lang: m?.lang ?? groupLang,
      date: opts.dateFor(d),
      version: opts.version,
    });
    mails.push({ delivery: d, mail });
  }
  return { mails, stale: [...stale].sort((a, b) => a - b) };
}
