import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import type { AccessContext } from '../access/access-context.ts';
import { accessPlan } from '../access/access-plan.ts';
import { maskTextSql } from '../access/masking-sql.ts';
import { authorize } from '../access/authorize.ts';
import { writeAudit } from '../audit/audit.ts';
import type { CommandContext } from '../resources/context.ts';
import { getResource } from '../resources/registry.ts';
import { loadLive } from '../resources/scope.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { AppError, notFound } from '../errors.ts';

export const amendmentSchema = z
  .object({
    id: z.string(),
    followupId: z.string(),
    content: z.string().optional().describe('Left out, or masked, when the follow-up content is for you'),
    authorId: z.string().nullable(),
    authorName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'FollowupAmendment' });

type Amendment = z.infer<typeof amendmentSchema>;

/** Amendments correct a follow-up's content, so the caller sees them as they see that content. */
function amendmentQuery(trx: Trx, access: AccessContext) {
  const seen = accessPlan(access).of(getResource('followups')).view('content');
  const content: RawBuilder<string | null> =
    seen === 'visible' ? sql`a.content` : seen === 'masked' ? maskTextSql(sql.ref('a.content'), 'text') : sql`null`;
  return trx
    .selectFrom('followup_amendments as a')
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.author_id'))
    .select(['a.id', 'a.followup_id', content.as('content'), 'a.author_id', 'a.created_at', 'u.display_name'])
    .where('a.tenant_id', '=', access.actor.tenantId)
    .where('a.deleted_at', 'is', null);
}

const present = (r: {
  id: string;
  followup_id: string;
  content: string | null;
  author_id: string | null;
  created_at: Date;
  display_name: string | null;
}): Amendment => ({
  id: r.id,
  followupId: r.followup_id,
  ...(r.content === null ? {} : { content: r.content }),
  authorId: r.author_id,
  authorName: r.display_name,
  createdAt: r.created_at.toISOString(),
});

/** Amendments of a follow-up the user can read, oldest first. */
export async function listAmendments(trx: Trx, access: AccessContext, followupId: string): Promise<Amendment[]> {
  await authorize(trx, access, getResource('followups'), 'read', { id: followupId });
  const rows = await amendmentQuery(trx, access)
    .where('a.followup_id', '=', followupId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map(present);
}

/**
 * Appends a correction to a follow-up. Who may: anyone who can read the follow-up and is
 * either its author or allowed to update it (followup.update in scope). The follow-up itself
 * stays as it was; amendments are never edited.
 */
export async function appendAmendment(ctx: CommandContext, followupId: string, content: string): Promise<Amendment> {
  const spec = getResource('followups');
  const followup = await loadLive(ctx, spec, followupId, true);
  if (!followup) throw notFound('followup', followupId);
  await authorize(ctx.trx, ctx.access, spec, 'read', { id: followupId });
  if (followup.author_id !== ctx.actor.userId) {
    try {
      await authorize(ctx.trx, ctx.access, spec, 'update', { id: followupId });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new AppError(
        error.code,
        `only the author or someone who may update this follow-up can amend it (${error.message})`,
        error.details,
      );
    }
  }
  const id = newId();
  await ctx.trx
    .insertInto('followup_amendments')
    .values({
      id,
      tenant_id: ctx.actor.tenantId,
      followup_id: followupId,
      content,
      author_id: ctx.actor.userId,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    })
    .execute();
  await writeAudit(ctx, [
    {
      action: 'amend',
      recordType: 'followup',
      recordId: followupId,
      changes: { amendment: { before: null, after: { id, content } } },
    },
  ]);
  return present(await amendmentQuery(ctx.trx, ctx.access).where('a.id', '=', id).executeTakeFirstOrThrow());
}
