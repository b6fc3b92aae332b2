import { sql } from 'kysely';
import { grantsFor } from '../access/access-context.ts';
import { AppError, parseAsBody } from '../errors.ts';
import { fromDatabaseError } from '../http/database-errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { createRecord, updateRecord } from '../resources/record-commands.ts';
import { presentById } from '../resources/record-queries.ts';
import { findResourceByType } from '../resources/registry.ts';
import { findTap, TAP_ACCESS } from '../smart-buttons/smart-button-tap.ts';
import type { SyncOperation, SyncResult } from './sync-batch-schema.ts';
import { replayTap, SMART_BUTTON_TAP } from './sync-tap-operation.ts';

type Presented = Record<string, unknown>;

/**
 * Applies a replayed outbox batch in order, in the request's one transaction. Each operation runs
 * under its own savepoint, so a rejected or conflicting one leaves no trace while the others
 * apply. An applied operation records its idempotency key with it: the same key is answered
 * "duplicate", never applied again, also when two replays race (the key's unique index decides).
 * A failure that is not the operation's fault (the database went away) fails the whole batch,
 * which the client retries as it is.
 */
export async function applySyncBatch(
  ctx: CommandContext,
  operations: SyncOperation[],
  clientVersion: string | undefined,
): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  for (const [index, operation] of operations.entries())
    results.push(await applyOne(ctx, operation, `sync_op_${index}`, clientVersion));
  return results;
}

async function applyOne(
  ctx: CommandContext,
  operation: SyncOperation,
  savepoint: string,
  clientVersion: string | undefined,
): Promise<SyncResult> {
  const { idempotencyKey } = operation;
  const earlier = await appliedBefore(ctx, idempotencyKey);
  if (earlier) return duplicate(ctx, idempotencyKey, earlier);
  await sql.raw(`savepoint ${savepoint}`).execute(ctx.trx);
  try {
    const { record, recordId, duplicate: savedBefore } = await apply(ctx, operation);
    if (savedBefore) {
      // a tap its own route saved with this key: nothing new was written
      await sql.raw(`release savepoint ${savepoint}`).execute(ctx.trx);
      return { idempotencyKey, result: 'duplicate', record };
    }
    await ctx.trx
      .insertInto('sync_operations')
      .values({
        tenant_id: ctx.actor.tenantId,
        idempotency_key: idempotencyKey,
        user_id: ctx.actor.userId,
        op: operation.op,
        record_type: operation.recordType,
        record_id: recordId,
        client_version: clientVersion ?? null,
      })
      .execute();
    await sql.raw(`release savepoint ${savepoint}`).execute(ctx.trx);
    return { idempotencyKey, result: 'applied', record };
  } catch (error) {
    await sql.raw(`rollback to savepoint ${savepoint}`).execute(ctx.trx);
    if (isKeyRace(error)) {
      const raced = await appliedBefore(ctx, idempotencyKey);
      if (raced) return duplicate(ctx, idempotencyKey, raced);
    }
    const refusal = error instanceof AppError ? error : fromDatabaseError(error);
    if (!refusal || refusal.code === 'DATABASE_UNAVAILABLE') throw error;
    if (refusal.code === 'VERSION_CONFLICT')
      return { idempotencyKey, result: 'conflict', current: refusal.details.current as Presented | undefined };
    return {
      idempotencyKey,
      result: 'rejected',
      error: { code: refusal.code, message: refusal.message, details: refusal.details },
    };
  }
}

interface Applied {
  record: Presented;
  recordId: string;
  duplicate?: boolean;
}

async function apply(ctx: CommandContext, operation: SyncOperation): Promise<Applied> {
  const spec = operation.recordType === SMART_BUTTON_TAP ? undefined : findResourceByType(operation.recordType);
  const access = spec ? { object: spec.access.object, action: operation.op } : TAP_ACCESS;
  if (!grantsFor(ctx.access, access.object, access.action).length)
    throw new AppError(
      'MISSING_GRANT',
      `you have no ${access.action} permission on ${access.object} records (${access.object}.${access.action})`,
      { missing: `${access.object}.${access.action}` },
    );
  if (!spec) {
    const tap = await replayTap(ctx, operation.idempotencyKey, operation.data);
    return { record: { ...tap }, recordId: tap.followupId, duplicate: tap.duplicate };
  }
  const record = (
    operation.op === 'create'
      ? await createRecord(ctx, spec, parseAsBody(spec.createSchema, operation.data, ['data']))
      : await updateRecord(
          ctx,
          spec,
          operation.recordId!,
          parseAsBody(spec.updateSchema, { ...operation.data, version: operation.baseVersion }, ['data']) as {
            version: number;
          },
        )
  ) as Presented;
  return { record, recordId: String(record.id) };
}

async function appliedBefore(ctx: CommandContext, key: string) {
  return ctx.trx
    .selectFrom('sync_operations')
    .select(['record_id', 'record_type'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

async function duplicate(
  ctx: CommandContext,
  idempotencyKey: string,
  earlier: { record_id: string; record_type: string },
): Promise<SyncResult> {
  const record = await presentEarlier(ctx, idempotencyKey, earlier);
  return { idempotencyKey, result: 'duplicate', ...(record ? { record } : {}) };
}

/** The record as the caller may see it now (it may since have been deleted or left their scope). */
async function presentEarlier(
  ctx: CommandContext,
  idempotencyKey: string,
  earlier: { record_id: string; record_type: string },
): Promise<Presented | undefined> {
  if (earlier.record_type === SMART_BUTTON_TAP) {
    const tap = await findTap(ctx, idempotencyKey);
    return tap && { ...tap };
  }
  const spec = findResourceByType(earlier.record_type);
  if (!spec) return undefined;
  return (await presentById(ctx.trx, ctx.access, spec, earlier.record_id).catch((error: unknown) => {
    if (error instanceof AppError) return undefined;
    throw error;
  })) as Presented | undefined;
}

const isKeyRace = (error: unknown) =>
  (error as { code?: string; constraint?: string })?.code === '23505' &&
  (error as { constraint?: string }).constraint === 'sync_operations_pkey';
