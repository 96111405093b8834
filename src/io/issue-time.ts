/**
 * The timestamp written into outputs (DTSTAMP, document properties, zip
 * entries). Same input must give the same bytes, so it is never "now" at
 * render time: it is SOURCE_DATE_EPOCH when set (reproducible builds), else
 * the time recorded in `.refleks/issued.json` on the first run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../core/text.js';
import { issuedSchema, parseStateFile } from '../load/state-schemas.js';
import { writeFileAtomic } from './write-outputs.js';

const FILE = '.refleks/issued.json';

export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  return new Date(Number(raw) * 1000);
}

/**
 * @param record write the time down if it is new (false for --dry-run).
 */
export function issueTime(
  root: string,
  opts: { env?: NodeJS.ProcessEnv; record?: boolean; now?: () => Date } = {},
): Date {
  const fromEnv = sourceDateEpoch(opts.env ?? process.env);
  if (fromEnv) return fromEnv;
  const path = join(root, FILE);
  if (existsSync(path)) {
    // Checked like every state file: a damaged one is named, not silently
    // replaced (that would give every document a new time, and so new bytes).
    const { issuedAt } = parseStateFile(FILE, readFileSync(path, 'utf8'), issuedSchema, {
      what: t('tidspunktet dokumentene er laget', 'the time the documents carry'),
      hint: t(
        'Hent filen fra git eller en sikkerhetskopi, eller slett den: da får dokumentene et nytt tidspunkt og skrives på nytt.',
        'Restore the file from git or a backup, or delete it: the documents then get a new time and are written again.',
      ),
    });
    return new Date(issuedAt);
  }
  const now = new Date(Math.floor((opts.now?.() ?? new Date()).getTime() / 1000) * 1000);
  if (opts.record !== false) writeFileAtomic(path, JSON.stringify({ issuedAt: now.toISOString() }, null, 2) + '\n');
  return now;
}

/** Writes the issue time down if none is recorded yet (and SOURCE_DATE_EPOCH is not in charge). */
export function recordIssueTime(root: string, at: Date, env: NodeJS.ProcessEnv = process.env): void {
  if (sourceDateEpoch(env) || existsSync(join(root, FILE))) return;
  writeFileAtomic(join(root, FILE), JSON.stringify({ issuedAt: at.toISOString() }, null, 2) + '\n');
}
