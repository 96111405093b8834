/**
 * `refleks send [group…]`: delivers the invitations that are waiting, as
 * iMIP e-mail (RFC 6047), one message per person per invitation version.
 *  - no flag: a dry run, the table of who gets what; nothing is sent;
 *  - `--drafts`: `.eml` files with `X-Unsent: 1` under `ut/<gruppe>/epost/`,
 *    which Outlook opens as ready drafts; marks nothing sent;
 *  - `--smtp`: through the server in refleks.yaml, after a confirmation
 *    (`--yes` in scripts), exactly once per message (see src/io/send-log.ts),
 *    marking each person's invitation sent as the server accepts it.
 * What is waiting comes from `pendingDeliveries`, the same answer `status`
 * and `sent` use. Exit codes: 0 done, 1 a problem in the files or a message
 * not delivered, 2 wrong use (no terminal to confirm in), 130 Ctrl+C.
 */
import { openWorkspace, say, workspaceRoot, type CliContext } from './support/context.js';
import { withWorkspaceLock } from './support/outputs.js';
import { table } from './support/table.js';
import type { CalendarState } from '../core/calendar/state.js';
import { draftPath, groupMails, type MailDelivery } from '../core/mail/index.js';
import type { Group, Workspace } from '../core/model.js';
import { hasErrors, InputError, UsageError, type Problem } from '../core/problems.js';
import { planGroup } from '../core/schedule.js';
import { t, type Text } from '../core/text.js';
import { assertRunsComplete, markDelivered, pendingDeliveries } from '../io/calendar-pending.js';
import { readCalendarState } from '../io/calendar-state.js';
import { abortableSleep, deliver, type DeliverReport, type Outgoing } from '../io/deliver.js';
import { sourceDateEpoch } from '../io/issue-time.js';
import { inquirerPrompter, PromptCancelled, type Prompter } from '../io/prompter.js';
import { SendLog } from '../io/send-log.js';
import { writeOutputs } from '../io/write-outputs.js';
import { VERSION } from '../version.js';

export interface SendOptions {
  drafts?: boolean;
  smtp?: boolean;
  yes?: boolean;
  force?: boolean;
}

/** For tests: a scripted prompter, a fake server, no waiting. */
export interface SendDeps {
  prompter?: Prompter;
  /** Opens the connection (default: nodemailer's SMTP transport). */
  connect?: (
    smtp: NonNullable<Workspace['settings']['smtp']>,
    password: string | undefined,
  ) => Promise<import('../io/mail.js').MailSender>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  env?: NodeJS.ProcessEnv;
}

const KIND: Record<MailDelivery['kind'], Text> = {
  new: t('ny', 'new'),
  changed: t('endret', 'changed'),
  cancelled: t('avlyst', 'cancelled'),
};

interface Planned {
  outgoing: Outgoing[];
  /** Messages whose intent is recorded without an acceptance: sent again with the same Message-ID. */
  unsure: Set<string>;
  withoutEmail: { group: Group; names: string[] }[];
  /** Groups with no invitations issued yet. */
  notBuilt: string[];
}

function readState(ws: Workspace, group: Group): CalendarState | undefined {
  // A damaged state is an InputError naming the file and the field.
  return readCalendarState(ws.root, group.id);
}

/** Everyone in the group file who has no e-mail address (they get their dates on paper). */
function peopleWithoutEmail(group: Group): string[] {
  return [group.facilitator, group.coFacilitator, group.leader, ...group.participants]
    .filter((p) => p && !p.email)
    .map((p) => p!.name);
}

function plan(ws: Workspace, env: NodeJS.ProcessEnv, now: number, opts: SendOptions): Planned {
  const problems: Problem[] = [];
  const outgoing: Outgoing[] = [];
  const unsure = new Set<string>();
  const withoutEmail: Planned['withoutEmail'] = [];
  const notBuilt: string[] = [];
  const fixed = sourceDateEpoch(env);
  for (const group of ws.groups) {
    const state = readState(ws, group);
    if (!state) {
      notBuilt.push(group.id);
      continue;
    }
    const log = SendLog.open(ws.root, group.id);
    // The journal is the truth about what was e-mailed: an acceptance recorded
    // there but not yet in the sent record (a run killed between the two) is
    // carried over before asking what is pending.
    markDelivered(
      ws.root,
      group.id,
      log
        .entries()
        .filter((e) => e.status === 'accepted')
        .map((e) => ({ session: e.session, email: e.email, sequence: e.sequence })),
    );
    const deliveries = pendingDeliveries(ws.root, state);
    if (!deliveries.length) continue;
    const p = planGroup(group, ws.settings);
    const { mails, stale } = groupMails(ws, p, state, deliveries, {
      lang: group.language ?? ws.settings.language,
      version: VERSION,
      dateFor: (d) => {
        const s = state.sessions[String(d.session)]!;
        // Drafts are reproducible: the invitation's own issue time. A message
        // sent again after an interrupted run keeps the Date it was first sent with.
        if (fixed) return fixed;
        if (opts.drafts || !opts.smtp) return new Date(s.dtstamp);
        return new Date(Math.floor(now / 1000) * 1000);
      },
    });
    if (stale.length) {
      problems.push({
        severity: 'error',
        file: group.source.display,
        message: t(
          `samling ${stale.join(', ')} er endret siden invitasjonene ble laget, så e-posten ville ikke stemt med filene i ${ws.settings.output}/${group.id}/`,
          `session ${stale.join(', ')} changed since the invitations were made, so the e-mail would not match the files in ${ws.settings.output}/${group.id}/`,
        ),
        hint: t(`Kjør «refleks build ${group.id}» først.`, `Run "refleks build ${group.id}" first.`),
      });
      continue;
    }
    for (const m of mails) {
      const entry = log.get(m.mail.messageId);
      // Same message, same bytes: the Date of the first attempt.
      if (entry && opts.smtp && !fixed) m.mail.date = new Date(entry.date);
      if (entry?.status === 'intent') unsure.add(m.mail.messageId);
      outgoing.push({ ...m, group: group.id, uid: state.sessions[String(m.delivery.session)]!.uid });
    }
    const names = peopleWithoutEmail(group);
    if (names.length) withoutEmail.push({ group, names });
  }
  if (hasErrors(problems)) throw new InputError(problems);
  return { outgoing, unsure, withoutEmail, notBuilt };
}

function printTable(ctx: CliContext, planned: Planned): void {
  const L = ctx.lang;
  const rows = planned.outgoing.map((o) => [
    o.group,
    o.delivery.person.name,
    `${o.delivery.session}`,
    KIND[o.delivery.kind][L] +
      (planned.unsure.has(o.mail.messageId) ? t(' (på nytt, samme Message-ID)', ' (again, same Message-ID)')[L] : ''),
  ]);
  for (const line of table(rows, [
    t('gruppe', 'group')[L],
    t('person', 'person')[L],
    t('samling', 'session')[L],
    t('hva', 'what')[L],
  ]))
    ctx.out(line);
}

function printWithoutEmail(ctx: CliContext, ws: Workspace, planned: Planned): void {
  for (const { group, names } of planned.withoutEmail) {
    const list = names.join(', ');
    const where = `${ws.settings.output}/${group.id}/veileder/`;
    ctx.err(
      t(
        `merk: ${list} i ${group.id} har ingen e-postadresse og får ingen invitasjon på e-post. Gi ${names.length === 1 ? 'personen' : 'dem'} datoene på papir, for eksempel deltakerarkene i ${where}`,
        `note: ${list} in ${group.id} ${names.length === 1 ? 'has' : 'have'} no e-mail address and get no invitation by e-mail. Give them the dates on paper, e.g. the handouts in ${where}`,
      )[ctx.lang],
    );
  }
}

export async function run(
  ctx: CliContext,
  groups: string[] = [],
  opts: SendOptions = {},
  deps: SendDeps = {},
): Promise<number> {
  if (opts.drafts && opts.smtp)
    throw new UsageError(t('velg enten --drafts eller --smtp', 'choose either --drafts or --smtp'));
  // It reads the calendar state and writes the sent record and the journal: one writer at a time.
  return withWorkspaceLock(ctx, workspaceRoot(ctx), 'send', () => sendLocked(ctx, groups, opts, deps));
}

async function sendLocked(ctx: CliContext, groups: string[], opts: SendOptions, deps: SendDeps): Promise<number> {
  const env = deps.env ?? process.env;
  const now = deps.now ?? Date.now;
  const ws = openWorkspace(ctx, { only: groups });
  assertRunsComplete(ws.root);
  const L = ctx.lang;
  const planned = plan(ws, env, now(), opts);
  printWithoutEmail(ctx, ws, planned);
  if (planned.notBuilt.length) {
    const ids = planned.notBuilt.length === ws.groups.length ? '' : ` ${planned.notBuilt.join(' ')}`;
    ctx.err(
      t(
        `merk: ingen invitasjoner er laget ennå for ${planned.notBuilt.join(', ')}. Kjør «refleks build${ids}» først.`,
        `note: no invitations have been made yet for ${planned.notBuilt.join(', ')}. Run "refleks build${ids}" first.`,
      )[L],
    );
  }
  if (!planned.outgoing.length) {
    say(ctx, t('Ingen invitasjoner venter på å bli sendt.', 'No invitations are waiting to be sent.'));
    return 0;
  }
  const n = planned.outgoing.length;
  const people = new Set(planned.outgoing.map((o) => `${o.group}\0${o.delivery.person.email.toLowerCase()}`)).size;

  if (opts.drafts) return writeDrafts(ctx, ws, planned, opts);

  if (!opts.smtp) {
    if (!ctx.quiet) printTable(ctx, planned);
    say(
      ctx,
      t(
        `Prøvekjøring: ${n} ${n === 1 ? 'e-post' : 'e-poster'} til ${people} ${people === 1 ? 'person' : 'personer'}. Ingenting er sendt. Bruk --drafts for utkast du sender fra Outlook, eller --smtp for å sende gjennom e-posttjeneren.`,
        `Dry run: ${n} e-mail${n === 1 ? '' : 's'} to ${people} ${people === 1 ? 'person' : 'people'}. Nothing was sent. Use --drafts for drafts you send from Outlook, or --smtp to send through the mail server.`,
      ),
    );
    return 0;
  }

  const smtp = ws.settings.smtp;
  if (!smtp) {
    throw new InputError([
      {
        severity: 'error',
        file: 'refleks.yaml',
        message: t('ingen e-posttjener (smtp) er satt opp', 'no mail server (smtp) is set up'),
        hint: t(
          'Legg til for eksempel «smtp: { host: smtp.lillevik.kommune.no, port: 587, security: starttls, user: ingrid.solberg@lillevik.kommune.no }», eller bruk --drafts og send fra Outlook.',
          'Add for example "smtp: { host: smtp.example.org, port: 587, security: starttls, user: ingrid@example.org }", or use --drafts and send from Outlook.',
        ),
      },
    ]);
  }
  const prompter = deps.prompter ?? (ctx.isTTY ? await inquirerPrompter(L) : undefined);
  if (!opts.yes && !prompter) {
    throw new UsageError(
      t(
        `refleks send --smtp sender ${n} ${n === 1 ? 'e-post' : 'e-poster'} og spør deg først, men her er det ingen terminal å spørre i. Legg til --yes for å sende uten å spørre.`,
        `refleks send --smtp sends ${n} e-mail${n === 1 ? '' : 's'} and asks you first, but there is no terminal to ask in. Add --yes to send without asking.`,
      ),
    );
  }
  let password: string | undefined = env.REFLEKS_SMTP_PASSWORD;
  if (smtp.user && !password) {
    if (!prompter?.password) {
      throw new UsageError(
        t(
          `e-posttjeneren krever passord for ${smtp.user}: sett REFLEKS_SMTP_PASSWORD, eller kjør i en terminal så refleks kan spørre`,
          `the mail server needs the password for ${smtp.user}: set REFLEKS_SMTP_PASSWORD, or run in a terminal so that refleks can ask`,
        ),
      );
    }
  }
  try {
    if (!opts.yes) {
      printTable(ctx, planned);
      const ok = await prompter!.confirm({
        message: t(
          `Sende ${n} ${n === 1 ? 'e-post' : 'e-poster'} til ${people} ${people === 1 ? 'person' : 'personer'} gjennom ${smtp.host}?`,
          `Send ${n} e-mail${n === 1 ? '' : 's'} to ${people} ${people === 1 ? 'person' : 'people'} through ${smtp.host}?`,
        )[L],
        default: false,
      });
      if (!ok) {
        say(ctx, t('Avbrutt – ingenting er sendt.', 'Cancelled – nothing was sent.'));
        return 0;
      }
    }
    if (smtp.user && !password)
      password = await prompter!.password!({
        message: t(`Passord for ${smtp.user} på ${smtp.host}:`, `Password for ${smtp.user} at ${smtp.host}:`)[L],
      });
  } catch (err) {
    if (err instanceof PromptCancelled) {
      ctx.err(t('Avbrutt – ingenting er sendt.', 'Cancelled – nothing was sent.')[L]);
      return 130;
    }
    throw err;
  }

  const { mailBytes, smtpSender } = await import('../io/mail.js');
  const sender = await (deps.connect ?? smtpSender)(smtp, password);
  const logs = new Map<string, SendLog>();
  let report: DeliverReport;
  try {
    report = await deliver(planned.outgoing, {
      root: ws.root,
      sender,
      log: (g) => logs.get(g) ?? logs.set(g, SendLog.open(ws.root, g)).get(g)!,
      bytes: (o) => mailBytes(o.mail, { draft: false }),
      sleep: deps.sleep ?? abortableSleep,
      now,
      retryDelays: retryDelays(env),
      perMinute: smtp.perMinute,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.progress
        ? {
            onProgress: (done: number, total: number, o: Outgoing) =>
              ctx.progress!(progressBar(done, total, o.delivery.person.name)),
          }
        : {}),
    });
  } finally {
    ctx.progress?.('');
    sender.close();
  }
  return printReport(ctx, report, n);
}

/** Waits before the retries of a temporary failure; REFLEKS_SMTP_RETRY_MS (e.g. `10,20`) is for tests. */
function retryDelays(env: NodeJS.ProcessEnv): number[] {
  const raw = env.REFLEKS_SMTP_RETRY_MS;
  if (raw && /^\d+(,\d+)*$/.test(raw)) return raw.split(',').map(Number);
  return [5_000, 30_000, 120_000];
}

function progressBar(done: number, total: number, name: string): string {
  const width = 24;
  const full = Math.round((done / total) * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${done}/${total} ${name}`;
}

function printReport(ctx: CliContext, r: DeliverReport, planned: number): number {
  const L = ctx.lang;
  const who = (o: Outgoing) =>
    `${o.delivery.person.name} <${o.delivery.person.email}>, ${o.group} ${t('samling', 'session')[L]} ${o.delivery.session}`;
  for (const o of r.resent) {
    ctx.out(
      t(
        `sendt på nytt med samme Message-ID (forrige kjøring ble avbrutt før svaret fra tjeneren ble lagret; har personen den fra før, ser e-postprogrammet at det er samme melding): ${who(o)}`,
        `sent again with the same Message-ID (the last run was interrupted before the server's answer was recorded; if the person has it already, their mail program sees it is the same message): ${who(o)}`,
      )[L],
    );
  }
  for (const { outgoing, response } of r.rejected) {
    ctx.err(
      t(
        `feil: tjeneren avviste e-posten til ${who(outgoing)}: ${response}`,
        `error: the server refused the e-mail to ${who(outgoing)}: ${response}`,
      )[L],
    );
  }
  const sent = r.accepted.length + r.resent.length + r.already.length;
  say(
    ctx,
    t(
      `${sent} av ${planned} ${planned === 1 ? 'e-post' : 'e-poster'} sendt.`,
      `${sent} of ${planned} e-mail${planned === 1 ? '' : 's'} sent.`,
    ),
  );
  if (r.rejected.length) {
    ctx.err(
      t(
        `${r.rejected.length} ble avvist. Rett e-postadressen i gruppefilen og kjør «refleks build» og «refleks send --smtp» igjen, eller gi personen invitasjonen på annen måte.`,
        `${r.rejected.length} ${r.rejected.length === 1 ? 'was' : 'were'} refused. Correct the address in the group file and run "refleks build" and "refleks send --smtp" again, or give the person the invitation another way.`,
      )[L],
    );
  }
  if (r.stopped) {
    const why = r.stopped.response ? `: ${r.stopped.response}` : '';
    const text =
      r.stopped.reason === 'interrupted'
        ? t(
            `Avbrutt. ${r.remaining} er ikke sendt; kjør kommandoen igjen for å sende resten.`,
            `Interrupted. ${r.remaining} not sent; run the command again to send the rest.`,
          )
        : r.stopped.reason === 'fatal'
          ? t(
              `feil: stoppet${why}. ${r.remaining} er ikke sendt. Sjekk brukernavn, passord og tjener i refleks.yaml, og kjør igjen.`,
              `error: stopped${why}. ${r.remaining} not sent. Check the user, password and server in refleks.yaml, and run again.`,
            )
          : t(
              `feil: tjeneren svarer ikke som den skal${why}. ${r.remaining} er ikke sendt; kjør kommandoen igjen senere for å sende resten.`,
              `error: the server does not answer as it should${why}. ${r.remaining} not sent; run the command again later to send the rest.`,
            );
    ctx.err(text[L]);
    return r.stopped.reason === 'interrupted' ? 130 : 1;
  }
  return r.rejected.length ? 1 : 0;
}

async function writeDrafts(ctx: CliContext, ws: Workspace, planned: Planned, opts: SendOptions): Promise<number> {
  const { mailBytes } = await import('../io/mail.js');
  const L = ctx.lang;
  const files = [];
  for (const o of planned.outgoing) {
    files.push({
      path: draftPath(ws.settings.output, o.group, o.delivery.person.slug, o.delivery.session, !!o.delivery.removed),
      bytes: await mailBytes(o.mail, { draft: true }),
    });
  }
  const report = writeOutputs(ws.root, files, { force: !!opts.force });
  for (const path of report.edited) {
    ctx.err(
      t(
        `advarsel: ${path} er endret for hånd og ble ikke overskrevet (bruk --force)`,
        `warning: ${path} was edited by hand and was not overwritten (use --force)`,
      )[L],
    );
  }
  const groups = [...new Set(planned.outgoing.map((o) => o.group))];
  const n = files.length;
  say(
    ctx,
    t(
      `${n} ${n === 1 ? 'utkast' : 'utkast'} i ${groups.map((g) => `${ws.settings.output}/${g}/epost/`).join(', ')} (${report.written.length} skrevet, ${report.unchanged.length} uendret). Dobbeltklikk på en fil for å åpne den som utkast i Outlook, og trykk Send. Kjør «refleks sent ${groups.join(' ')}» når alle er sendt.`,
      `${n} draft${n === 1 ? '' : 's'} in ${groups.map((g) => `${ws.settings.output}/${g}/epost/`).join(', ')} (${report.written.length} written, ${report.unchanged.length} unchanged). Double-click a file to open it as a draft in Outlook, and press Send. Run "refleks sent ${groups.join(' ')}" once all are sent.`,
    ),
  );
  return 0;
}
