/**
 * What the commands that write outputs (schedule, forms, packs, build) share
 * around the pipeline: the language and Ctrl+C hand-over, the --templates
 * check, and how edited files and interruptions are reported.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Problem, UsageError } from '../../core/problems.js';
import { t, type Text } from '../../core/text.js';
import { LOCK_FILE, lockWorkspace, type LockHolder, type LockOptions } from '../../io/workspace-lock.js';
import type { WriteReport } from '../../io/write-outputs.js';
import type { OutputHooks, OutputRequest } from '../../pipeline/run-outputs.js';
import type { CliContext } from './context.js';
import { listed } from './print.js';

/** The parts of every request that come from the CLI itself, and the hooks that adopt the workspace's language, pass notes on and tell about the lock. */
export function fromContext(ctx: CliContext): {
  request: Pick<OutputRequest, 'lang' | 'signal'>;
  hooks: Pick<OutputHooks, 'onStart' | 'onNote' | 'onLockWait' | 'onLockStale'>;
} {
  const lock = lockMessages(ctx);
  return {
    request: { ...(ctx.langFromFlag ? { lang: ctx.lang } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}) },
    hooks: {
      onStart: (lang) => void (ctx.lang = lang),
      onNote(text, debugOnly) {
        if (!debugOnly) ctx.err(`${t('advarsel', 'warning')[ctx.lang]}: ${text[ctx.lang]}`);
        else if (ctx.debug) ctx.err(`(${text[ctx.lang]})`);
      },
      onLockWait: lock.onWait,
      onLockStale: lock.onStale,
    },
  };
}

function clock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? '?'
    : `${String(d.getHours()).padStart(2, '0')}.${String(d.getMinutes()).padStart(2, '0')}`;
}

/** What a command says while it waits for the workspace's lock, or takes over a stale one. */
export function lockMessages(ctx: CliContext): Pick<LockOptions, 'onWait' | 'onStale'> {
  return {
    onWait: (h: LockHolder) =>
      ctx.err(
        t(
          `Venter på en annen refleks som skriver i arbeidsområdet («refleks ${h.command}», prosess ${h.pid}, startet kl. ${clock(h.started)}) …`,
          `Waiting for another refleks that is writing in the workspace ("refleks ${h.command}", process ${h.pid}, started at ${clock(h.started)}) …`,
        )[ctx.lang],
      ),
    onStale: (h: LockHolder) =>
      ctx.err(
        t(
          `Tok over ${LOCK_FILE} etter «refleks ${h.command}» (prosess ${h.pid}, startet kl. ${clock(h.started)}), som ikke kjører lenger.`,
          `Took over ${LOCK_FILE} from "refleks ${h.command}" (process ${h.pid}, started at ${clock(h.started)}), which no longer runs.`,
        )[ctx.lang],
      ),
  };
}

/** Runs a command that writes state (sent, send) holding the workspace's lock. */
export async function withWorkspaceLock<T>(
  ctx: CliContext,
  root: string,
  command: string,
  fn: () => Promise<T> | T,
): Promise<T> {
  const release = lockWorkspace(root, { command, ...lockMessages(ctx) });
  try {
    return await fn();
  } finally {
    release();
  }
}

/** --templates DIR as an absolute folder, or a usage error when it is not one. */
export function templatesOption(ctx: CliContext, dir: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  const abs = resolve(ctx.cwd, dir);
  if (!(existsSync(abs) && statSync(abs).isDirectory()))
    throw new UsageError(t(`fant ikke malmappen ${dir}`, `template folder ${dir} not found`));
  return abs;
}

/** Files a person edited since refleks wrote them: named one by one, then how to overwrite them. */
export function printEdited(ctx: CliContext, paths: string[]): void {
  for (const path of paths)
    ctx.err(
      t(
        `advarsel: ${path} er endret for hånd og ble ikke overskrevet`,
        `warning: ${path} was edited by hand and was not overwritten`,
      )[ctx.lang],
    );
  const n = paths.length;
  if (n) {
    ctx.err(
      t(
        `${n} ${n === 1 ? 'fil er' : 'filer er'} endret for hånd og beholdt. Bruk --force for å skrive over ${n === 1 ? 'den' : 'dem'}.`,
        `${n} ${n === 1 ? 'file was' : 'files were'} edited by hand and kept. Use --force to overwrite ${n === 1 ? 'it' : 'them'}.`,
      )[ctx.lang],
    );
  }
}

/**
 * Files refleks wrote before that it no longer makes (a removed participant's
 * certificate, per-person invitations): removed ones named, and those a person
 * edited since, kept with a warning.
 */
/**
 * A group's line after writing (`sone-nord: 3 skrevet, 2 uendret`), or on a
 * dry run what it would write; `where` ends it (` i ut/sone-nord/`).
 */
export function groupWriteLine(id: string, write: WriteReport, dryRun: boolean, where: Text = t('', '')): Text {
  const unchanged = write.unchanged.length;
  if (!dryRun)
    return t(
      `${id}: ${write.written.length} skrevet, ${unchanged} uendret${where.nb}`,
      `${id}: ${write.written.length} written, ${unchanged} unchanged${where.en}`,
    );
  const planned = write.files.filter((f) => f.outcome === 'planned').length;
  return t(
    `${id}: ville skrevet ${planned} ${planned === 1 ? 'fil' : 'filer'}, ${unchanged} uendret${where.nb}`,
    `${id}: would write ${planned} file${planned === 1 ? '' : 's'}, ${unchanged} unchanged${where.en}`,
  );
}

/** After writing: files kept because a person edited them, and outputs removed or kept as no longer made. */
export function printWriteNotes(
  ctx: CliContext,
  writes: { edited: string[]; removed?: string[]; kept?: string[] }[],
): void {
  printEdited(
    ctx,
    writes.flatMap((w) => w.edited),
  );
  printRetired(ctx, writes);
}

export function printRetired(ctx: CliContext, writes: { removed?: string[]; kept?: string[] }[]): void {
  const removed = writes.flatMap((w) => w.removed ?? []);
  if (removed.length) {
    const n = removed.length;
    ctx.err(
      t(
        `Fjernet ${n} ${n === 1 ? 'fil' : 'filer'} som refleks ikke lager lenger: ${listed(removed, 'nb', 5)}`,
        `Removed ${n} ${n === 1 ? 'file' : 'files'} refleks no longer makes: ${listed(removed, 'en', 5)}`,
      )[ctx.lang],
    );
  }
  for (const path of writes.flatMap((w) => w.kept ?? [])) {
    ctx.err(
      t(
        `advarsel: ${path} lages ikke lenger, men er endret for hånd og ble beholdt. Slett den selv når du ikke trenger den.`,
        `warning: ${path} is no longer made, but was edited by hand and was kept. Delete it yourself when you no longer need it.`,
      )[ctx.lang],
    );
  }
}

/** After Ctrl+C: the groups written are whole, the rest untouched; the exit code is 130. */
export function printInterrupted(ctx: CliContext, built: number, command: string): number {
  ctx.err(
    t(
      `Avbrutt: ${built} grupper ble bygget helt før stans; resten er urørt. Kjør «refleks ${command}» igjen for å fortsette.`,
      `Interrupted: ${built} groups were built completely before stopping; the rest are untouched. Run "refleks ${command}" again to go on.`,
    )[ctx.lang],
  );
  return 130;
}

/** The same problem found once per group (a programme's wording, say) is said once. */
export function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.column, p.field, p.message.nb]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
