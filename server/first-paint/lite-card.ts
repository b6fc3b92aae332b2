import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { isUuid } from '../../common/ids.ts';
import { tenantSettingDefaults } from '../../common/tenant-settings.ts';
import { authenticateInTransaction } from '../auth/authenticate.ts';
import { parseToken } from '../auth/tokens.ts';
import { getRecord, listRecords } from '../resources/record-queries.ts';
import { getResource } from '../resources/registry.ts';

/** What the phone's lite card shows, read exactly as `GET /api/v1/customers/{id}?fields=…` would. */
export interface LiteCardData {
  customerId: string;
  /** The lite fields in the company's order (`name` included). */
  liteFields: string[];
  customer: Record<string, unknown>;
  ownerName: string | null;
  lastFollowupAt: string | null;
  /** The signed-in user's display name (the header's avatar initial). */
  userName: string;
}

/** The stored columns the card asks for: the app's `customerLiteQuery` (web/src/modules/customers/api). */
export function liteQueryFields(liteFields: readonly string[]): string[] {
  const fields = [
    ...new Set(['name', 'can', ...liteFields.filter((f) => f !== 'lastFollowupAt' && !f.startsWith('custom.'))]),
  ];
  if (liteFields.some((f) => f.startsWith('custom.'))) fields.push('custom');
  return fields;
}

const liteFieldsOf = (settings: unknown): string[] => {
  const stored = (settings as { liteFields?: unknown } | null)?.liteFields;
  return Array.isArray(stored) && stored.length && stored.every((f) => typeof f === 'string')
    ? (stored as string[])
    : tenantSettingDefaults.liteFields;
};

/**
 * The lite card of customer `customerId` for the web session `token`, through the same access
 * plan as the API (row scope, sandbox, hidden and masked fields), in one request transaction.
 * Undefined when there is no valid session or the user may not open the customer: the caller then
 * serves the plain app page (which shows the login page or the app's own error).
 */
export async function loadLiteCard(
  db: Kysely<DB>,
  token: string | undefined,
  customerId: string,
): Promise<LiteCardData | undefined> {
  if (!token || !isUuid(customerId) || parseToken(token)?.kind !== 'session') return undefined;
  let session: Awaited<ReturnType<typeof authenticateInTransaction>>;
  try {
    session = await authenticateInTransaction(db, token, 'session');
  } catch {
    return undefined; // expired or revoked: the app's login page
  }
  const { trx, finish } = session.transaction;
  const { access, actor } = session;
  try {
    const tenant = await trx
      .selectFrom('tenants')
      .select('settings')
      .where('id', '=', actor.tenantId)
      .executeTakeFirst();
    const liteFields = liteFieldsOf(tenant?.settings);
    const customer = await getRecord(trx, access, getResource('customers'), customerId, {
      fields: liteQueryFields(liteFields).join(','),
    });
    let lastFollowupAt: string | null = null;
    if (liteFields.includes('lastFollowupAt')) {
      const page = await listRecords(trx, access, getResource('followups'), {
        filter: JSON.stringify({ customerId }),
        sort: '-occurredAt',
        limit: 1,
        fields: 'occurredAt',
      }).catch(() => undefined);
      const at = page?.data[0]?.occurredAt;
      lastFollowupAt = typeof at === 'string' ? at : null;
    }
    let ownerName: string | null = null;
    const ownerId = customer.ownerId;
    if (liteFields.includes('ownerId') && typeof ownerId === 'string') {
      const owner = await getRecord(trx, access, getResource('users'), ownerId, { fields: 'displayName' }).catch(
        () => undefined,
      );
      ownerName = typeof owner?.displayName === 'string' ? owner.displayName : null;
    }
    await finish(true);
    return { customerId, liteFields, customer, ownerName, lastFollowupAt, userName: actor.displayName };
  } catch {
    await finish(false);
    return undefined; // not found, out of scope, sandboxed: the app shows why
  }
}
