import { sql } from 'kysely';
import { z } from 'zod';
import type { CommandContext } from '../../resources/context.ts';
import type { DerivedField } from '../../resources/resource-spec.ts';

export const followupSourceTypes = ['call', 'wecomFile', 'transcript', 'smartButton', 'manual'] as const;

/**
 * `source` as presented: the event a follow-up was recorded from, `{type, id}` — a call (its call
 * id), a file sent from the WeCom sidebar (the attachment, when one of the customer's files was
 * sent), a meeting transcript (its id), a smart button, or a person writing it (`manual`; so is a
 * call or meeting logged by hand, which names no event) — or null for an imported one.
 */
export const followupSourceField: DerivedField = {
  kind: 'json',
  schema: z
    .object({ type: z.enum(followupSourceTypes), id: z.string().nullable() })
    .nullable()
    .describe(
      'The event the follow-up was recorded from (read-only): type call, wecomFile, transcript, smartButton or manual',
    ),
  select: (table) => {
    const source = sql.ref(`${table}.source`);
    const ref = sql.ref(`${table}.source_ref`);
    const of = (type: string, id: unknown = ref) =>
      sql`jsonb_build_object('type', ${sql.lit(type)}::text, 'id', ${id})`;
    return sql`case
      when ${source} = 'call' and ${ref} is not null then ${of('call')}
      when ${source} = 'im' then ${of('wecomFile')}
      when ${source} = 'meeting' and ${ref} is not null then ${of('transcript')}
      when ${source} = 'button' then ${of('smartButton')}
      when ${source} in ('manual', 'call', 'meeting') then ${of('manual', sql`null::text`)}
    end`;
  },
};

/**
 * The event a follow-up was recorded from (`followups.source_ref`): a call's call id, the
 * transcript's id, the attachment sent from the WeCom sidebar. Written right after the record
 * command created the follow-up, in the same transaction (the create body does not take it:
 * only Cairn's own capture paths set it).
 */
export async function setFollowupSourceRef(ctx: CommandContext, followupId: string, ref: string) {
  await ctx.trx
    .updateTable('followups')
    .set({ source_ref: ref })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', followupId)
    .execute();
}
