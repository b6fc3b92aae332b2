import { sql } from 'kysely';
import { grantsFor } from '../access/access-context.ts';
import { AppError, parseAsBody } from '../errors.ts';
import { fromDatabaseError } from '../http/database-errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { createRecord, updateRecord } from '../resources/record-commands.ts';
import { presentById } from '../resources/record-queries.ts';
import { findResourceByType } from '../resources/registry.ts';
import type { ResourceSpec } from '../resources/resource-spec.ts';
import type { SyncOperation, SyncResult } from './sync-batch-schema.ts';

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
  const spec = findResourceByType(operation.recordType);
  if (!spec) throw new Error(`no resource for record type ${operation.recordType}`);
  const earlier = await appliedBefore(ctx, idempotencyKey);
  if (earlier) return duplicate(ctx, spec, idempotencyKey, earlier);
  await sql.raw(`savepoint ${savepoint}`).execute(ctx.trx);
  try {
    const record = await apply(ctx, spec, operation);
    await ctx.trx
      .insertInto('sync_operations')
      .values({
        tenant_id: ctx.actor.tenantId,
        idempotency_key: idempotencyKey,
        user_id: ctx.actor.userId,
        op: operation.op,
        record_type: operation.recordType,
        record_id: String(record.id),
        client_version: clientVersion ?? null,
      })
      .execute();
    await sql.raw(`release savepoint ${savepoint}`).execute(ctx.trx);
    return { idempotencyKey, result: 'applied', record };
  } catch (error) {
    await sql.raw(`rollback to savepoint ${savepoint}`).execute(ctx.trx);
    if (isKeyRace(error)) {
      const raced = await appliedBefore(ctx, idempotencyKey);
      if (raced) return duplicate(ctx, spec, idempotencyKey, raced);
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

async function apply(ctx: CommandContext, spec: ResourceSpec, operation: SyncOperation): Promise<Presented> {
  if (!grantsFor(ctx.access, spec.access.object, operation.op).length)
    throw new AppError(
      'MISSING_GRANT',
      `you have no ${operation.op} permission on ${spec.access.object} records (${spec.access.object}.${operation.op})`,
      { missing: `${spec.access.object}.${operation.op}` },
    );
  if (operation.op === 'create')
    return (await createRecord(ctx, spec, parseAsBody(spec.createSchema, operation.data, ['data']))) as Presented;
  const input = parseAsBody(spec.updateSchema, { ...operation.data, version: operation.baseVersion }, ['data']);
  return (await updateRecord(ctx, spec, operation.recordId!, input as typeof input & { version: number })) as Presented;
}

async function appliedBefore(ctx: CommandContext, key: string) {
  return ctx.trx
    .selectFrom('sync_operations')
    .select(['record_id'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

async function duplicate(
  ctx: CommandContext,
  spec: ResourceSpec,
  idempotencyKey: string,
  earlier: { record_id: string },
): Promise<SyncResult> {
  // the record as the caller may see it now (it may since have been deleted or left their scope)
  const record = await presentById(ctx.trx, ctx.access, spec, earlier.record_id).catch((error: unknown) => {
    if (error instanceof AppError) return undefined;
    throw error;
  });
  return { idempotencyKey, result: 'duplicate', ...(record ? { record: record as Presented } : {}) };
}

const isKeyRace = (error: unknown) =>
  (error as { code?: string; constraint?: string })?.code === '23505' &&
  (error as { constraint?: string }).constraint === 'sync_operations_pkey';
