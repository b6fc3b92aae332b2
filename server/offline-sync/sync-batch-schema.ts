import { z } from 'zod';

/** The record types and operations the phone's offline outbox may queue (its frequent actions). */
export const offlineOperations = {
  followup: ['create', 'update'],
  customer: ['update'],
  opportunity: ['update'],
  /** A smart-button tap: data `{customerId, buttonId, text?, nextStep?}` (sync-tap-operation.ts). */
  smartButtonTap: ['create'],
} as const;
export type OfflineRecordType = keyof typeof offlineOperations;

/** Operations one batch may carry: a phone's outbox replays in batches of at most this many. */
export const MAX_BATCH_OPERATIONS = 100;

const operation = z
  .object({
    idempotencyKey: z.uuid({ error: 'must be a UUID (the client makes a UUIDv7 per operation)' }),
    op: z.enum(['create', 'update']),
    recordType: z.enum(Object.keys(offlineOperations) as [OfflineRecordType, ...OfflineRecordType[]]),
    recordId: z.uuid({ error: 'must be an id (UUID)' }).optional(),
    baseVersion: z.number().int().min(1).optional().describe('The version the change was made on (updates)'),
    data: z.record(z.string(), z.unknown()),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!(offlineOperations[value.recordType] as readonly string[]).includes(value.op))
      ctx.addIssue({
        code: 'custom',
        path: ['op'],
        message: `${value.recordType} takes ${offlineOperations[value.recordType].join(' or ')} offline`,
      });
    if (value.op === 'update' && !value.recordId)
      ctx.addIssue({ code: 'custom', path: ['recordId'], message: 'is required for an update' });
    if (value.op === 'update' && value.baseVersion === undefined)
      ctx.addIssue({ code: 'custom', path: ['baseVersion'], message: 'is required for an update' });
    if (value.op === 'create' && value.recordId)
      ctx.addIssue({ code: 'custom', path: ['recordId'], message: 'is set by the server on create' });
  });
export type SyncOperation = z.infer<typeof operation>;

export const syncBatchBody = z
  .object({ operations: z.array(operation).min(1).max(MAX_BATCH_OPERATIONS) })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.operations.forEach((op, index) => {
      if (seen.has(op.idempotencyKey))
        ctx.addIssue({
          code: 'custom',
          path: ['operations', index, 'idempotencyKey'],
          message: 'appears twice in this batch',
        });
      seen.add(op.idempotencyKey);
    });
  })
  .meta({ id: 'SyncBatch' });

export const syncResultSchema = z
  .object({
    idempotencyKey: z.string(),
    result: z.enum(['applied', 'duplicate', 'conflict', 'rejected']),
    record: z.record(z.string(), z.unknown()).optional().describe('The record as stored (applied, duplicate)'),
    current: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("The server's current values, to compare and choose (conflict)"),
    error: z
      .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })
      .optional()
      .describe('Why it was not applied (rejected)'),
  })
  .meta({ id: 'SyncResult' });
export type SyncResult = z.infer<typeof syncResultSchema>;
