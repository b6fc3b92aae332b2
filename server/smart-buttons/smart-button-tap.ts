import { sql } from 'kysely';
import { z } from 'zod';
import { authorize } from '../access/authorize.ts';
import { AppError, notFound, parseAsBody } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { createRecordId } from '../resources/record-commands.ts';
import { getResource } from '../resources/registry.ts';
import { calendarOf, loadFollowupSettings } from './followup-settings.ts';
import { nextStepTime } from '../../common/working-calendar.ts';

/** Who may tap: the same as creating a follow-up (the route's gate and the offline replay's). */
export const TAP_ACCESS = { object: 'followup', action: 'create' } as const;

/** A button as the URL (and an offline tap) names it: its key. */
export const buttonKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'is not a button key');
/** The rep's edited text (the second tap) and next step; without them the button's own apply. */
export const tapTextSchemas = {
  content: z.string().trim().min(1, 'is required').max(10000).optional().describe("The rep's edited text"),
  nextStep: z.string().trim().max(500).optional(),
};

export interface TapInput {
  customerId: string;
  buttonKey: string;
  idempotencyKey: string;
  /** The text the rep edited before saving (the second tap); else the button's template. */
  content?: string;
  nextStep?: string;
}

export interface TapResult {
  followupId: string;
  customerId: string;
  buttonKey: string;
  status: string;
  nextStepAt: string | null;
  duplicate: boolean;
}

/**
 * One tap of a smart button: a follow-up with the button's status, kind and template (or the
 * edited text), source `button`, and its next step on the company's working calendar. Created
 * through the follow-up commands as the caller (grants, the customer's scope, field rules, audit,
 * outbox). The caller's idempotency key makes a replay answer the first tap's follow-up.
 */
export async function tapSmartButton(ctx: CommandContext, input: TapInput, now = new Date()): Promise<TapResult> {
  const { tenantId, userId } = ctx.actor;
  // a customer the caller may not read (or another company's) is not found, whatever the key
  await authorize(ctx.trx, ctx.access, getResource('customers'), 'read', { id: input.customerId });
  // concurrent replays of one key wait for each other; the second then finds the first tap
  await sql`select pg_advisory_xact_lock(hashtext(${`smart-button:${tenantId}:${userId}:${input.idempotencyKey}`}))`.execute(
    ctx.trx,
  );
  const earlier = await findTap(ctx, input.idempotencyKey);
  if (earlier) {
    if (earlier.customerId !== input.customerId || earlier.buttonKey !== input.buttonKey)
      throw new AppError('CONFLICT', 'this Idempotency-Key was used for another customer or button', {
        fields: [{ path: 'idempotency-key', message: 'was used for another tap' }],
      });
    return earlier;
  }
  const settings = await loadFollowupSettings(ctx.trx, tenantId);
  const button = settings.buttons.find((b) => b.key === input.buttonKey);
  if (!button) throw notFound('smart button', input.buttonKey);
  const nextStep = input.nextStep ?? button.nextStep;
  const nextStepAt = nextStep ? nextStepTime(now, button.nextStepOffset, calendarOf(settings)) : null;
  const spec = getResource('followups');
  const body = parseAsBody(spec.createSchema, {
    customerId: input.customerId,
    kind: button.kind,
    status: button.status,
    content: input.content ?? button.template,
    source: 'button',
    occurredAt: now.toISOString(),
    ...(nextStep ? { nextStep, nextStepAt: nextStepAt!.toISOString() } : {}),
  });
  const followupId = await createRecordId(ctx, spec, body);
  await ctx.trx
    .insertInto('smart_button_taps')
    .values({
      tenant_id: tenantId,
      user_id: userId,
      idempotency_key: input.idempotencyKey,
      button_key: button.key,
      customer_id: input.customerId,
      followup_id: followupId,
      next_step_at: nextStepAt,
    })
    .execute();
  return {
    followupId,
    customerId: input.customerId,
    buttonKey: button.key,
    status: button.status,
    nextStepAt: nextStepAt?.toISOString() ?? null,
    duplicate: false,
  };
}

/** The caller's earlier tap with this idempotency key, answered as a replay of it (`duplicate`). */
export async function findTap(ctx: CommandContext, idempotencyKey: string): Promise<TapResult | undefined> {
  const { tenantId, userId } = ctx.actor;
  const earlier = await ctx.trx
    .selectFrom('smart_button_taps')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  if (!earlier) return undefined;
  const followup = await ctx.trx
    .selectFrom('followups')
    .select('status')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', earlier.followup_id)
    .executeTakeFirst();
  return {
    followupId: earlier.followup_id,
    customerId: earlier.customer_id,
    buttonKey: earlier.button_key,
    status: followup?.status ?? '',
    nextStepAt: earlier.next_step_at ? new Date(earlier.next_step_at).toISOString() : null,
    duplicate: true,
  };
}
