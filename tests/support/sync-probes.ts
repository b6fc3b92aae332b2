/** The offline replay route as the field-rule prober calls it (tests/api/route-field-rules.test.ts). */
import { expect } from 'vitest';
import { newId } from '../../common/ids.ts';
import { get, ok, post, type Headers, type Res } from './resource-helpers.ts';

/**
 * Replays, as the prober, an update of the canary customer and follow-up, the same customer
 * update on its old version (a conflict answers with the current values), and the first
 * operation again (a duplicate answers with the record): every form a record takes in the answer.
 */
export async function probeSyncBatch(
  admin: Headers,
  prober: Headers,
  canaries: { customer: string; followup: string },
): Promise<Res[]> {
  const version = async (path: string, id: string) => ok(await get(`/api/v1/${path}/${id}`, admin)).version as number;
  const update = (recordType: string, recordId: string, baseVersion: number) => ({
    idempotencyKey: newId(),
    op: 'update',
    recordType,
    recordId,
    baseVersion,
    data: {},
  });
  const customerVersion = await version('customers', canaries.customer);
  const first = update('customer', canaries.customer, customerVersion);
  const batch = await post('/api/v1/sync/batch', prober, {
    operations: [
      first,
      update('customer', canaries.customer, customerVersion),
      update('followup', canaries.followup, await version('followups', canaries.followup)),
    ],
  });
  expect(ok(batch).map((r: { result: string }) => r.result)).toEqual(['applied', 'conflict', 'applied']);
  const replay = await post('/api/v1/sync/batch', prober, { operations: [first] });
  expect(ok(replay)[0].result).toBe('duplicate');
  return [batch, replay];
}
