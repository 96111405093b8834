import { UsageError } from '../../core/problems.js';
import { t } from '../../core/text.js';
import { toWallTime } from '../../core/zoned-time.js';
import { FAIL, isoDate, type Ctx } from '../../load/schema.js';

/** Today in the workspace's zone, or the date given with --today (for looking back, and for tests). */
export function todayFrom(option: string | undefined, timezone: string): string {
  if (!option) return toWallTime(Date.now(), timezone).date;
  const issues: Ctx = { issues: [] };
  const parsed = isoDate().parse(option, [], issues);
  if (parsed === FAIL)
    throw new UsageError(t(`--today: ${issues.issues[0]!.message.nb}`, `--today: ${issues.issues[0]!.message.en}`));
  return parsed;
}
