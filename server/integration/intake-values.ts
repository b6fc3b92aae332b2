import { sql } from 'kysely';
import { toE164 } from '../../common/phone.ts';
import { AppError, validationError, type FieldIssue } from '../errors.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import type { ChannelRow } from './channel-store.ts';

/** Why a record could not be applied; the reason code its dead letter carries. */
export const failureReasons = [
  'validation',
  'mapping',
  'permission',
  'conflict',
  'remote_4xx',
  'remote_5xx',
  'timeout',
] as const;
export type FailureReason = (typeof failureReasons)[number];

export class IntakeError extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
    /** The fields at fault, when the failure is about fields (mapping, validation). */
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** The fields a failure names: a mapping error's, or a validation error's `details.fields`. */
export function errorFieldsOf(error: unknown): FieldIssue[] {
  if (error instanceof IntakeError) return error.fields;
  const fields = error instanceof AppError ? error.details.fields : undefined;
  if (!Array.isArray(fields)) return [];
  return fields
    .filter((f): f is { path: unknown; message: unknown } => typeof f === 'object' && f !== null)
    .map((f) => ({ path: String(f.path ?? ''), message: String(f.message ?? '') }));
}

/** One field an intake wrote (or would write): `contact.<field>` for the primary contact's. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The record types an intake writes fields of (customer, and its primary contact). */
export type ProvenanceRecordType = 'customer' | 'contact';

const phoneFields = new Set(['mainPhone', 'contact.mobile']);

/** Two values of a field are the same record fact (phones compare by their normalised number). */
export function sameValue(field: string, a: unknown, b: unknown): boolean {
  if (phoneFields.has(field) || field.startsWith('custom.phone')) {
    const ea = typeof a === 'string' ? toE164(a) : undefined;
    const eb = typeof b === 'string' ? toE164(b) : undefined;
    if (ea && eb) return ea === eb;
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Parses a body with a resource's schema; a refusal is a validation error naming each field. */
export function parseInput(
  schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: unknown } },
  input: unknown,
  prefix = '',
) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issues = ((parsed.error as { issues?: Array<{ path: PropertyKey[]; message: string }> })?.issues ?? []).map(
    (i) => ({ path: prefix + i.path.map(String).join('.'), message: i.message }),
  );
  throw validationError(issues);
}

/** Records that the channel set these fields of a record (one row per field, the latest setter wins). */
export async function recordProvenance(
  trx: Trx,
  channel: ChannelRow,
  intakeId: string,
  record: { type: ProvenanceRecordType; id: string },
  fields: string[],
  sourceAt: Date,
) {
  if (fields.length === 0) return;
  await trx
    .insertInto('field_provenance')
    .values(
      fields.map((field) => ({
        tenant_id: channel.tenant_id,
        record_type: record.type,
        record_id: record.id,
        field,
        channel_id: channel.id,
        intake_id: intakeId,
        source_at: sourceAt,
      })),
    )
    .onConflict((c) =>
      c.columns(['tenant_id', 'record_type', 'record_id', 'field']).doUpdateSet({
        channel_id: channel.id,
        intake_id: intakeId,
        source_at: sourceAt,
        set_at: sql`now()`,
      }),
    )
    .execute();
}
