/**
 * Seeds a demo tenant full of realistic Chinese CRM data: an organisation, customers with
 * contacts, a sales pipeline, contracts with instalments and payments, products, orders and
 * a few attachments. Everything but the ids is deterministic for the same options.
 */
import type { Kysely } from 'kysely';
import { seedGovernanceShowcase } from './demo-governance.ts';
import { newId } from '../../common/ids.ts';
import { hashPassword } from '../auth/passwords.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import { seedDemoAccess } from './demo-access.ts';
import { seedDemoChannels } from './demo-channels.ts';
import type { DB } from '../db/schema.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import { buildAttachments } from './demo-attachments.ts';
import { buildContracts } from './demo-contracts.ts';
import { buildCustomers } from './demo-customers.ts';
import { buildOrders, buildProducts } from './demo-orders.ts';
import { buildOrganisation, type DemoUsername } from './demo-organisation.ts';
import { buildFollowups, buildOpportunities } from './demo-pipeline.ts';
import { Random } from './random.ts';
import { insertInChunks, type SeedContext } from './seed-context.ts';
import { seedDemoAutomation } from './demo-automation.ts';
import { seedDemoSmartButtons } from './demo-smart-buttons.ts';
import { seedDemoFollowupTemplates } from './demo-followup-templates.ts';
import { seedDemoOutbound } from './demo-outbound.ts';
import { seedDemoReports } from './demo-reports.ts';

export const DEMO_PASSWORD = 'cairn-demo';
/** Seed of the generator: change it and every demo tenant gets different (but stable) data. */
const DEMO_RANDOM_SEED = 'cairn-demo/v1';

export interface DemoSeedOptions {
  tenantName?: string;
  slug?: string;
  customers?: number;
  orders?: number;
  /** The moment all relative dates hang off; defaults to the current time. */
  now?: Date;
  /** Where attachment bytes go; without it no attachments are created. */
  storage?: FileStorage;
  onProgress?: (step: string) => void;
  /** Also seed the integration center: the web-form channel, a few inbound dead letters and one outbound. */
  integration?: boolean;
  /** Add the integration centre's showcase: assignment rules and a couple of consistency findings. */
  governanceShowcase?: boolean;
}

export interface DemoSeedResult {
  tenantId: string;
  slug: string;
  users: Record<DemoUsername, string>;
  /** Department name → id. */
  departments: Record<string, string>;
  /** Rows inserted per table. */
  counts: Record<string, number>;
}

export async function seedDemo(db: Kysely<DB>, options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const tenantName = options.tenantName ?? '演示公司';
  const slug = options.slug ?? 'demo';
  const customerCount = options.customers ?? 300;
  const orderCount = options.orders ?? 2000;
  const now = options.now ?? new Date();
  const progress = options.onProgress ?? (() => {});

  progress('Hashing the demo password');
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  progress(`Creating tenant ${tenantName} (${slug})`);
  const tenantId = newId();
  await asSystem(db, (trx) =>
    trx
      .insertInto('tenants')
      .values({
        id: tenantId,
        name: tenantName,
        slug,
        settings: JSON.stringify({
          recycleRetentionDays: 30,
          liteFields: ['name', 'ownerId', 'mainPhone', 'level', 'lastFollowupAt'],
        }),
      })
      .execute(),
  );

  const storedKeys: string[] = [];
  try {
    return await withTenant(db, tenantId, async (trx) => {
      const ctx: SeedContext = { trx, tenantId, adminId: newId(), now, random: new Random(DEMO_RANDOM_SEED) };
      const counts: Record<string, number> = { tenants: 1 };

      progress('Creating departments and users');
      const organisation = buildOrganisation(ctx, slug, passwordHash);
      counts.departments = await insertInChunks(trx, 'departments', organisation.departmentRows);
      counts.users = await insertInChunks(trx, 'users', organisation.userRows);
      const { users } = organisation;

      const customers = buildCustomers(ctx, customerCount, users);
      progress(`Creating ${customers.customerRows.length} customers and ${customers.contactRows.length} contacts`);
      counts.customers = await insertInChunks(trx, 'customers', customers.customerRows);
      counts.contacts = await insertInChunks(trx, 'contacts', customers.contactRows);

      progress('Creating roles and assignments');
      const access = await seedDemoAccess(ctx, users, customers.seeded);
      counts.roles = access.roles;
      counts.user_roles = access.userRoles;
      counts.assignments = access.assignments;

      if (options.integration) {
        progress('Creating integration channels and dead letters');
        const tenant = await trx
          .selectFrom('tenants')
          .select('cursor_key')
          .where('id', '=', tenantId)
          .executeTakeFirstOrThrow();
        const integration = await seedDemoChannels(ctx, tenant.cursor_key);
        counts.channels = integration.channels;
        counts.intake_records = integration.intake_records;
        counts.users += 1;
      }

      const opportunities = buildOpportunities(ctx, customers.seeded);
      const followups = buildFollowups(ctx, customers.seeded, opportunities.seeded, users);
      progress(`Creating ${opportunities.rows.length} opportunities and ${followups.length} follow-ups`);
      counts.opportunities = await insertInChunks(trx, 'opportunities', opportunities.rows);
      counts.followups = await insertInChunks(trx, 'followups', followups);

      const contracts = buildContracts(ctx, customers.seeded, opportunities.seeded, users.manager);
      progress(`Creating ${contracts.contractRows.length} contracts with instalments and payments`);
      counts.contracts = await insertInChunks(trx, 'contracts', contracts.contractRows);
      counts.contract_installments = await insertInChunks(trx, 'contract_installments', contracts.installmentRows);
      counts.payments = await insertInChunks(trx, 'payments', contracts.paymentRows);

      const products = buildProducts(ctx);
      const orders = buildOrders(ctx, orderCount, customers.seeded, products.seeded);
      progress(`Creating ${products.rows.length} products and ${orders.length} orders`);
      counts.products = await insertInChunks(trx, 'products', products.rows);
      counts.orders = await insertInChunks(trx, 'orders', orders);

      counts.attachments = 0;
      const showcase = customers.seeded.find((c) => c.level === 'A' && c.status === 'active') ?? customers.seeded[0];
      const signedContract = contracts.seeded.find((c) => c.status !== 'draft') ?? contracts.seeded[0];
      if (options.storage && showcase && signedContract) {
        progress('Writing demo attachments');
        const attachments = await buildAttachments(ctx, options.storage, showcase, signedContract);
        storedKeys.push(...attachments.map((row) => row.storage_key));
        counts.attachments = await insertInChunks(trx, 'attachments', attachments);
      }

      if (options.governanceShowcase) {
        progress('Creating assignment rules and data-governance examples');
        const added = await seedGovernanceShowcase(ctx, users, organisation.departments);
        for (const [table, n] of Object.entries(added)) counts[table] = (counts[table] ?? 0) + n;
      }

      counts.outbound_channels = await seedDemoOutbound(ctx, { deadLetter: Boolean(options.integration) });
      counts.automation_rules = await seedDemoAutomation(ctx);
      counts.followup_settings = await seedDemoSmartButtons(ctx);
      counts.followup_templates = await seedDemoFollowupTemplates(ctx);
      progress('Creating metric definitions, exchange rates and sealed report months');
      Object.assign(counts, await seedDemoReports(ctx, users));
      progress('Demo data ready');
      return { tenantId, slug, users, departments: organisation.departments, counts };
    });
  } catch (error) {
    await removeTenant(db, tenantId, options.storage, storedKeys);
    throw error;
  }
}

/** Best-effort clean-up after a failed seed, so that the same slug can be seeded again. */
async function removeTenant(
  db: Kysely<DB>,
  tenantId: string,
  storage: FileStorage | undefined,
  keys: readonly string[],
) {
  await asSystem(db, (trx) => trx.deleteFrom('tenants').where('id', '=', tenantId).execute()).catch(() => undefined);
  if (storage) await Promise.all(keys.map((key) => storage.delete(key).catch(() => undefined)));
}
