/**
 * What validate and build do about the editor schemas: refresh the workspace's
 * copies, and move old `$schema` comments to them (build and `validate --fix`)
 * or say that they can be moved (`validate`). Commands call it only when they
 * succeeded (a failing run leaves the workspace as it was) or were asked to
 * fix. Never fails the command: the schemas only help the editor, and a
 * read-only workspace can still be checked.
 */
import type { CliContext } from './context.js';
import { t } from '../../core/text.js';
import { refreshSchemas, schemaCommentsToFix } from '../../io/workspace-schemas.js';

export function keepSchemasCurrent(ctx: CliContext, root: string, fix: boolean): void {
  try {
    refreshSchemas(root, fix);
    const files = schemaCommentsToFix(root, fix);
    if (!files.length || ctx.quiet) return;
    const list = files.join(', ');
    ctx.err(
      (fix
        ? t(
            `merk: skjemareferansen ($schema) i ${list} peker nå på .refleks/schemas/ i arbeidsområdet, så redigeringsprogrammet finner skjemaene også når mappen flyttes`,
            `note: the schema reference ($schema) in ${list} now points to .refleks/schemas/ in the workspace, so the editor finds the schemas even when the folder moves`,
          )
        : t(
            `merk: skjemareferansen ($schema) i ${list} peker ut av arbeidsområdet og slutter å virke når mappen flyttes; «refleks validate --fix» retter den`,
            `note: the schema reference ($schema) in ${list} points outside the workspace and stops working when the folder moves; "refleks validate --fix" fixes it`,
          ))[ctx.lang],
    );
  } catch (err) {
    if (ctx.debug) ctx.err(`(schemas: ${(err as Error).message})`);
  }
}
