/**
 * Invitations refleks has issued but the coordinator has not yet marked as
 * sent. Filled in once the calendar state records it; until then, none.
 */
import type { Workspace } from '../core/model.js';
import type { Text } from '../core/text.js';

export function pendingInvitations(_ws: Workspace): Map<string, Text[]> {
  return new Map();
}
