import { writeOutboxEvent } from '../jobs/outbox.ts';
import type { CommandContext } from '../resources/context.ts';
import { withChain } from '../resources/record-commands.ts';

/**
 * Writes an inbound event (inbound-topics.ts) in the caller's business transaction. Written by a
 * rule's action, it says so (`automation.depth`), so a chain through it counts towards the loop guard.
 */
export async function writeInboundEvent(ctx: CommandContext, topic: string, payload: Record<string, unknown>) {
  return writeOutboxEvent(ctx.trx, ctx.actor.tenantId, topic, withChain(ctx, payload));
}
