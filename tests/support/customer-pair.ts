import { withTenant } from '../../server/db/tenant-transaction.ts';
import { get } from './resource-helpers.ts';
import type { Company } from './test-app.ts';
import { testDatabase } from './test-database.ts';

/**
 * In a demo company: the first customer sales1 owns, and the first customer of another owner
 * (manager, sales2, admin) that sales1 may not read (not theirs, not shared with them), as the
 * API itself answers it (403 or 404). `hidden` is undefined when every such customer is readable.
 */
export async function ownAndHiddenCustomer(company: Company): Promise<{ own: string; hidden: string | undefined }> {
  const database = await testDatabase();
  const sales1 = await company.as('sales1');
  const owned = (owner: string) =>
    withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('customers')
        .select('id')
        .where('owner_id', '=', owner)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute(),
    );
  const own = (await owned(company.users.sales1))[0]!.id;
  for (const owner of [company.users.manager, company.users.sales2, company.users.admin])
    for (const { id } of await owned(owner))
      if ([403, 404].includes((await get(`/api/v1/customers/${id}`, sales1)).status)) return { own, hidden: id };
  return { own, hidden: undefined };
}
