import type { CliContext } from '../cli/context.js';
import { UsageError } from '../core/problems.js';
import { t } from '../core/text.js';

// Placeholder until this command lands; see its issue.
export function run(_ctx: CliContext): number {
  throw new UsageError(t('denne kommandoen er ikke ferdig ennå', 'this command is not finished yet'));
}
