import { z } from 'zod';
import { maskPhone } from '../../common/phone.ts';
import type { CommandContext } from '../resources/context.ts';

export const transcriptOutput = z
  .object({
    id: z.string(),
    source: z.string().describe('text or audio'),
    status: z.string().describe('received, processed, unmatched or failed'),
    customerId: z.string().nullable(),
    phone: z.string().nullable().describe('Masked'),
    utterances: z.number(),
    matchNote: z.string().nullable(),
    followupId: z.string().nullable(),
    opportunityId: z.string().nullable(),
    error: z.string().nullable(),
    receivedAt: z.string(),
    processedAt: z.string().nullable(),
  })
  .meta({ id: 'Transcript' });

export async function listTranscripts(ctx: CommandContext, limit: number) {
  const rows = await ctx.trx
    .selectFrom('transcripts')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    status: r.status,
    customerId: r.customer_id,
    phone: r.phone ? maskPhone(r.phone) : null,
    utterances: Array.isArray(r.utterances) ? r.utterances.length : 0,
    matchNote: r.match_note,
    followupId: r.followup_id,
    opportunityId: r.opportunity_id,
    error: r.error,
    receivedAt: r.received_at.toISOString(),
    processedAt: r.processed_at?.toISOString() ?? null,
  }));
}
