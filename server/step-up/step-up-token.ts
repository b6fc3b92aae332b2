import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import type { Actor, CommandContext, RequestMeta } from '../resources/context.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { AppError } from '../errors.ts';
import { riskyDenial } from '../audit/denial-audit.ts';

export const STEP_UP_TOKEN_MINUTES = 10;
export const STEP_UP_HOW = 'POST /api/v1/auth/step-up then /verify, send x-step-up-token';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A step-up token: valid for 10 minutes, for the user who verified, on any risky operation. */
export async function issueStepUpToken(trx: Trx, actor: Actor): Promise<{ stepUpToken: string; expiresAt: string }> {
  const stepUpToken = `su_${randomBytes(32).toString('base64url')}`;
  const row = await trx
    .insertInto('step_up_tokens')
    .values({
      id: newId(),
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      token_hash: sha256(stepUpToken),
      expires_at: sql<Date>`now() + make_interval(mins => ${STEP_UP_TOKEN_MINUTES})`,
      created_by: actor.userId,
      updated_by: actor.userId,
    })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  return { stepUpToken, expiresAt: row.expires_at.toISOString() };
}

/** Requests (by their metadata object) whose step-up token was already checked: a batch checks once. */
const verified = new WeakSet<RequestMeta>();

/**
 * Passes when the request carries a live step-up token (x-step-up-token) of the acting user;
 * otherwise 403 STEP_UP_REQUIRED, which tells the client how to get one.
 */
export async function requireStepUp(
  ctx: Pick<CommandContext, 'trx' | 'actor' | 'meta'>,
  operation = 'risky-operation',
): Promise<void> {
  if (verified.has(ctx.meta)) return;
  const token = ctx.meta.stepUpToken;
  if (token) {
    const row = await ctx.trx
      .selectFrom('step_up_tokens')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('user_id', '=', ctx.actor.userId)
      .where('token_hash', '=', sha256(token))
      .where('deleted_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    if (row) {
      verified.add(ctx.meta);
      return;
    }
  }
  const message = token
    ? 'the step-up token has expired or was not issued to you; confirm again with your employee number and a new code'
    : 'this operation needs a step-up confirmation: your employee number plus a one-time code sent to your phone';
  throw riskyDenial(
    new AppError('STEP_UP_REQUIRED', message, { how: STEP_UP_HOW, tokenMinutes: STEP_UP_TOKEN_MINUTES }),
    operation,
  );
}
