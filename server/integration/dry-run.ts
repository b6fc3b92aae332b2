import { sql } from 'kysely';
import type { AccessContext } from '../access/access-context.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import type { FieldIssue } from '../errors.ts';
import type { ChannelRow } from './channel-store.ts';
import { applyIntake, errorFieldsOf, reasonOf, type FieldChange } from './intake-apply.ts';
import type { ServiceIdentity } from './service-identity.ts';
import { changesAsSeen, customerAsSeen } from './caller-view.ts';

export interface DrySample {
  /** The stored payload a sample replays; null for a given sample or a file row. */
  id: string | null;
  payload: unknown;
  receivedAt: Date;
}

export interface DryRunResult {
  status: 'created' | 'updated' | 'unchanged' | 'review' | 'error';
  recordId: string | null;
  candidates?: string[];
  fields: FieldChange[];
  reason: string | null;
  errors: string[];
  fieldErrors: FieldIssue[];
}

const NO_INTAKE = '00000000-0000-7000-8000-000000000000';

/**
 * What a channel would do with each sample — map, match, merge, validate and write as its
 * service identity — with everything rolled back: each sample is applied for real inside a
 * savepoint that is then undone, so the answer is exactly what processing would do (and a
 * sample sees nothing of the ones before it). With `viewer`, existing records' values are shown
 * only as far as that caller may see them; without one (the CLI, acting for the system) in full.
 */
export async function dryRunSamples(
  trx: Trx,
  identity: ServiceIdentity,
  channel: ChannelRow,
  samples: DrySample[],
  viewer?: AccessContext,
): Promise<DryRunResult[]> {
  const out: DryRunResult[] = [];
  for (const sample of samples) {
    await sql`savepoint channel_dry_run`.execute(trx);
    try {
      if (!identity.ctx) throw new Error(identity.problems.join('; '));
      const result = await applyIntake(identity.ctx, channel, {
        id: sample.id ?? NO_INTAKE,
        payload: sample.payload,
        receivedAt: sample.receivedAt,
      });
      const visible =
        !viewer ||
        result.status === 'created' ||
        (result.recordId !== null && (await customerAsSeen(trx, viewer, result.recordId)) !== undefined);
      out.push({
        status: result.status,
        recordId: result.status === 'created' ? null : result.recordId,
        candidates: result.candidates,
        fields: !visible ? [] : viewer ? changesAsSeen(viewer, result.fields) : result.fields,
        reason: null,
        errors: [],
        fieldErrors: [],
      });
    } catch (error) {
      out.push({
        status: 'error',
        recordId: null,
        fields: [],
        reason: reasonOf(error),
        errors: [String((error as Error).message ?? error)],
        fieldErrors: errorFieldsOf(error),
      });
    } finally {
      await sql`rollback to savepoint channel_dry_run`.execute(trx);
    }
  }
  return out;
}
