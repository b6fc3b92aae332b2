import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCreditCode } from '../../common/credit-code.ts';
import {
  contractStatuses,
  customerLevels,
  customerSources,
  customerStatuses,
  followupKinds,
  followupSources,
  followupStatuses,
  opportunityStages,
} from '../../common/enums.ts';
import { toE164 } from '../../common/phone.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { withTenant, type Trx } from '../db/tenant-transaction.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { LocalFileStorage } from '../storage/file-storage.ts';
import { DEMO_PASSWORD, seedDemo, type DemoSeedResult } from './demo.ts';
import { decimalToCents } from './money.ts';
import { shanghaiDate } from './random.ts';

const now = new Date();
const runId = `${Date.now()}-${process.pid}`;
let database: Database;
let storageRoot: string;
let seeded: DemoSeedResult;
let twin: DemoSeedResult;

/** Runs `fn` inside the seeded tenant, as the app would (RLS applies on PostgreSQL). */
const inTenant = <T>(fn: (trx: Trx) => Promise<T>, tenantId = seeded.tenantId) => withTenant(database.db, tenantId, fn);

const distinct = (values: readonly unknown[]) => new Set(values).size;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  database = await openDatabase(url ? { databaseUrl: url, appDbRole: 'cairn_app' } : { memory: true });
  await migrateToLatest(database, 'cairn_app');
  storageRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'cairn-seed-'));
  const storage = new LocalFileStorage(storageRoot);
  seeded = await seedDemo(database.db, { slug: `demo-${runId}`, now, storage });
  twin = await seedDemo(database.db, { slug: `demo-twin-${runId}`, tenantName: '演示公司二', now });
}, 120_000);

afterAll(async () => {
  await database?.close();
  if (storageRoot) await fs.rm(storageRoot, { recursive: true, force: true });
});

describe('seedDemo', () => {
  it('reports the counts it inserted and meets the minimum volumes', async () => {
    const { counts } = seeded;
    expect(counts.customers).toBeGreaterThanOrEqual(300);
    expect(counts.orders).toBeGreaterThanOrEqual(2000);
    expect(counts.contracts).toBeGreaterThanOrEqual(40);
    expect(counts.products).toBeGreaterThanOrEqual(12);
    expect(counts.attachments).toBeGreaterThanOrEqual(3);
    expect(counts.contacts).toBeGreaterThanOrEqual(counts.customers!);
    expect(counts.contract_installments).toBeGreaterThan(0);
    expect(counts.payments).toBeGreaterThan(0);
    expect(twin.counts.attachments).toBe(0);
    for (const table of [
      'customers',
      'contacts',
      'opportunities',
      'followups',
      'contracts',
      'payments',
      'orders',
    ] as const) {
      const row = await inTenant((trx) =>
        trx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('tenant_id', '=', seeded.tenantId)
          .executeTakeFirstOrThrow(),
      );
      expect(Number(row.n), table).toBe(counts[table]);
    }
  });

  it('creates the tenant with its settings', async () => {
    const tenant = await database.owner
      .selectFrom('tenants')
      .selectAll()
      .where('id', '=', seeded.tenantId)
      .executeTakeFirstOrThrow();
    expect(tenant).toMatchObject({ name: '演示公司', slug: `demo-${runId}` });
    expect(tenant.settings).toEqual({
      recycleRetentionDays: 30,
      liteFields: ['name', 'ownerId', 'mainPhone', 'level', 'lastFollowupAt'],
    });
  });

  it('builds the department tree with materialised paths', async () => {
    const departments = await inTenant((trx) =>
      trx.selectFrom('departments').selectAll().where('tenant_id', '=', seeded.tenantId).execute(),
    );
    const byId = new Map(departments.map((d) => [d.id, d]));
    for (const d of departments) {
      const parentPath = d.parent_id ? byId.get(d.parent_id)!.path : '/';
      expect(d.path).toBe(`${parentPath}${d.id}/`);
    }
    const ids = seeded.departments;
    expect(Object.keys(ids).sort()).toEqual(['华东销售部', '总部', '法务部', '财务部', '销售一组'].sort());
    expect(byId.get(ids['销售一组']!)!.path).toBe(`/${ids['总部']}/${ids['华东销售部']}/${ids['销售一组']}/`);
    expect(byId.get(ids['法务部']!)!.parent_id).toBe(ids['总部']);
    expect(byId.get(ids['财务部']!)!.parent_id).toBe(ids['总部']);
  });

  it('creates the seven demo users', async () => {
    const users = await inTenant((trx) =>
      trx.selectFrom('users').selectAll().where('tenant_id', '=', seeded.tenantId).execute(),
    );
    const byName = new Map(users.map((u) => [u.username, u]));
    expect([...byName.keys()].sort()).toEqual(['admin', 'finance', 'intern', 'legal', 'manager', 'sales1', 'sales2']);
    const today = shanghaiDate(now);
    expect(byName.get('intern')!.hire_date).toBe(today);
    for (const user of users) {
      expect(user.id).toBe(seeded.users[user.username as keyof DemoSeedResult['users']]);
      expect(user.display_name).toMatch(/[\u4e00-\u9fff]/);
      expect(user.employee_no).toMatch(/^E\d{4}$/);
      expect(user.phone_e164).toBe(toE164(user.phone!));
      if (user.username !== 'intern') expect(user.hire_date! < today).toBe(true);
    }
    expect(byName.get('admin')).toMatchObject({ role: 'admin', department_id: seeded.departments['总部'] });
    expect(users.filter((u) => u.role === 'admin')).toHaveLength(1);
    for (const name of ['sales1', 'sales2', 'intern']) {
      expect(byName.get(name)).toMatchObject({
        department_id: seeded.departments['销售一组'],
        manager_id: seeded.users.manager,
      });
    }
    expect(byName.get('manager')!.department_id).toBe(seeded.departments['华东销售部']);
    expect(byName.get('legal')!.department_id).toBe(seeded.departments['法务部']);
    expect(byName.get('finance')!.department_id).toBe(seeded.departments['财务部']);
    expect(distinct(users.map((u) => u.password_hash))).toBe(1);
    expect(await verifyPassword(users[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('creates unique, well-formed customers covering every value set', async () => {
    const customers = await inTenant((trx) =>
      trx.selectFrom('customers').selectAll().where('tenant_id', '=', seeded.tenantId).execute(),
    );
    expect(distinct(customers.map((c) => c.name))).toBe(customers.length);
    const codes = customers.flatMap((c) => (c.credit_code ? [c.credit_code] : []));
    expect(codes.every(isValidCreditCode)).toBe(true);
    expect(distinct(codes)).toBe(codes.length);
    expect(codes.length / customers.length).toBeGreaterThan(0.6);
    expect(codes.length / customers.length).toBeLessThan(0.8);
    const phones = customers.filter((c) => c.main_phone !== null);
    expect(phones.length).toBeGreaterThan(customers.length * 0.8);
    for (const c of customers) expect(c.main_phone_e164).toBe(c.main_phone === null ? null : toE164(c.main_phone));
    expect(distinct(phones.map((c) => c.main_phone_e164))).toBe(phones.length);
    expect(phones.some((c) => /^\+861[3-9]/.test(c.main_phone_e164!))).toBe(true);
    expect(phones.some((c) => /^\+86(?!1)/.test(c.main_phone_e164!))).toBe(true);
    expect(new Set(customers.map((c) => c.level))).toEqual(new Set(customerLevels));
    expect(new Set(customers.map((c) => c.status))).toEqual(new Set(customerStatuses));
    expect(new Set(customers.map((c) => c.source))).toEqual(new Set(customerSources));
    const owners = new Set(customers.map((c) => c.owner_id));
    for (const owner of [seeded.users.sales1, seeded.users.sales2, seeded.users.manager, seeded.users.intern, null]) {
      expect(owners.has(owner)).toBe(true);
    }
    expect(customers.some((c) => c.tags.length > 0)).toBe(true);
    expect(customers.every((c) => c.created_by === seeded.users.admin && JSON.stringify(c.custom) === '{}')).toBe(true);
  });

  it('gives every customer 1–4 contacts with exactly one primary', async () => {
    const contacts = await inTenant((trx) =>
      trx.selectFrom('contacts').selectAll().where('tenant_id', '=', seeded.tenantId).execute(),
    );
    const perCustomer = new Map<string, { total: number; primary: number }>();
    for (const c of contacts) {
      const entry = perCustomer.get(c.customer_id) ?? { total: 0, primary: 0 };
      entry.total += 1;
      entry.primary += c.is_primary ? 1 : 0;
      perCustomer.set(c.customer_id, entry);
      expect(c.mobile_e164).toBe(c.mobile === null ? null : toE164(c.mobile));
      if (c.email) expect(c.email).toMatch(/^[a-z]+\.[a-z]+\d*@[a-z-]+\.(com\.cn|cn|com)$/);
    }
    expect(perCustomer.size).toBe(seeded.counts.customers);
    for (const { total, primary } of perCustomer.values()) {
      expect(total).toBeGreaterThanOrEqual(1);
      expect(total).toBeLessThanOrEqual(4);
      expect(primary).toBe(1);
    }
    expect(contacts.some((c) => c.wecom_id && c.title)).toBe(true);
  });

  it('fills the pipeline: every stage and every follow-up kind, status and source', async () => {
    const { opportunities, followups } = await inTenant(async (trx) => ({
      opportunities: await trx
        .selectFrom('opportunities')
        .selectAll()
        .where('tenant_id', '=', seeded.tenantId)
        .execute(),
      followups: await trx.selectFrom('followups').selectAll().where('tenant_id', '=', seeded.tenantId).execute(),
    }));
    expect(new Set(opportunities.map((o) => o.stage))).toEqual(new Set(opportunityStages));
    expect(opportunities.every((o) => /^\d+\.\d{2}$/.test(o.amount))).toBe(true);
    expect(opportunities.filter((o) => o.currency === 'CNY').length).toBeGreaterThan(opportunities.length * 0.8);
    expect(new Set(followups.map((f) => f.kind))).toEqual(new Set(followupKinds));
    expect(new Set(followups.map((f) => f.status))).toEqual(new Set(followupStatuses));
    expect(new Set(followups.map((f) => f.source))).toEqual(new Set(followupSources));
    const earliest = now.getTime() - 121 * 86_400_000;
    for (const f of followups) {
      expect(f.occurred_at.getTime()).toBeGreaterThan(earliest);
      expect(f.occurred_at.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(f.content).toMatch(/[\u4e00-\u9fff]/);
      expect(f.author_id).not.toBeNull();
    }
    expect(followups.some((f) => f.next_step && f.next_step_at && f.next_step_at > now)).toBe(true);
  });

  it('creates contracts whose instalments add up exactly and whose payments fit', async () => {
    const { contracts, installments, payments } = await inTenant(async (trx) => ({
      contracts: await trx.selectFrom('contracts').selectAll().where('tenant_id', '=', seeded.tenantId).execute(),
      installments: await trx
        .selectFrom('contract_installments')
        .selectAll()
        .where('tenant_id', '=', seeded.tenantId)
        .execute(),
      payments: await trx.selectFrom('payments').selectAll().where('tenant_id', '=', seeded.tenantId).execute(),
    }));
    expect(new Set(contracts.map((c) => c.currency))).toEqual(new Set(['CNY', 'USD', 'EUR']));
    expect(new Set(contracts.map((c) => c.status))).toEqual(new Set(contractStatuses));
    expect(new Set(contracts.map((c) => c.tax_rate))).toEqual(new Set(['0.1300', '0.0600', '0.0000']));
    expect(distinct(contracts.map((c) => c.number))).toBe(contracts.length);
    expect(contracts.every((c) => /^HT-\d{4}-\d{4}$/.test(c.number))).toBe(true);
    const byContract = new Map<string, typeof installments>();
    for (const i of installments) byContract.set(i.contract_id, [...(byContract.get(i.contract_id) ?? []), i]);
    expect(byContract.size).toBeGreaterThan(5);
    for (const [contractId, plan] of byContract) {
      const contract = contracts.find((c) => c.id === contractId)!;
      expect(plan.map((i) => i.seq).sort((a, b) => a - b)).toEqual(plan.map((_, index) => index + 1));
      expect(plan.reduce((sum, i) => sum + decimalToCents(i.amount), 0)).toBe(decimalToCents(contract.amount_incl_tax));
    }
    const mismatched = await inTenant((trx) =>
      sql<{ id: string }>`
      select c.id from contracts c join contract_installments i on i.tenant_id = c.tenant_id and i.contract_id = c.id
      where c.tenant_id = ${seeded.tenantId} group by c.id, c.amount_incl_tax having sum(i.amount) <> c.amount_incl_tax`.execute(
        trx,
      ),
    );
    expect(mismatched.rows).toEqual([]);
    const today = shanghaiDate(now);
    let partial = 0;
    for (const p of payments) {
      const contract = contracts.find((c) => c.id === p.contract_id)!;
      expect(p.currency).toBe(contract.currency);
      expect(p.received_date <= today).toBe(true);
      if (p.installment_id) {
        const installment = installments.find((i) => i.id === p.installment_id)!;
        expect(decimalToCents(p.amount)).toBeLessThanOrEqual(decimalToCents(installment.amount));
        if (decimalToCents(p.amount) < decimalToCents(installment.amount)) partial += 1;
      }
    }
    expect(partial).toBeGreaterThan(0);
    expect(payments.some((p) => p.installment_id !== null)).toBe(true);
  });

  it('prices every order as unit price × quantity', async () => {
    const rows = await inTenant((trx) =>
      trx
        .selectFrom('orders as o')
        .innerJoin('products as p', (join) =>
          join.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.product_id'),
        )
        .select([
          'o.sku',
          'o.quantity',
          'o.amount',
          'o.currency',
          'o.ordered_at',
          'p.sku as productSku',
          'p.unit_price',
          'p.currency as productCurrency',
          sql<string>`round(p.unit_price * o.quantity, 2)::text`.as('expected'),
        ])
        .where('o.tenant_id', '=', seeded.tenantId)
        .execute(),
    );
    expect(rows).toHaveLength(seeded.counts.orders!);
    for (const row of rows) {
      expect(row.amount).toBe(row.expected);
      expect(row.sku).toBe(row.productSku);
      expect(row.currency).toBe(row.productCurrency);
      expect(row.ordered_at.getTime()).toBeGreaterThan(now.getTime() - 366 * 86_400_000);
    }
    const skus = await inTenant((trx) =>
      trx.selectFrom('products').select('sku').where('tenant_id', '=', seeded.tenantId).execute(),
    );
    expect(distinct(skus.map((s) => s.sku))).toBe(skus.length);
  });

  it('stores attachment bytes matching their recorded size and hash', async () => {
    const attachments = await inTenant((trx) =>
      trx.selectFrom('attachments').selectAll().where('tenant_id', '=', seeded.tenantId).execute(),
    );
    expect(new Set(attachments.map((a) => a.record_type))).toEqual(new Set(['customer', 'contract']));
    for (const a of attachments) {
      expect(a.storage_key).toBe(`${seeded.tenantId}/${a.id}`);
      const bytes = await fs.readFile(path.join(storageRoot, a.storage_key));
      expect(Number(a.size_bytes)).toBe(bytes.length);
      expect(a.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const png = attachments.find((a) => a.mime_type === 'image/png')!;
    const pngBytes = await fs.readFile(path.join(storageRoot, png.storage_key));
    expect(pngBytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('is deterministic: the same options give the same data', async () => {
    const snapshot = (tenantId: string) =>
      inTenant(
        async (trx) => ({
          customers: await trx
            .selectFrom('customers')
            .select(['name', 'credit_code', 'main_phone', 'level', 'tags'])
            .where('tenant_id', '=', tenantId)
            .orderBy('id')
            .execute(),
          contacts: await trx
            .selectFrom('contacts')
            .select(['name', 'mobile', 'email'])
            .where('tenant_id', '=', tenantId)
            .orderBy('id')
            .execute(),
          followups: await trx
            .selectFrom('followups')
            .select(['content', 'occurred_at'])
            .where('tenant_id', '=', tenantId)
            .orderBy('id')
            .execute(),
          contracts: await trx
            .selectFrom('contracts')
            .select(['number', 'amount_incl_tax', 'signed_date'])
            .where('tenant_id', '=', tenantId)
            .orderBy('id')
            .execute(),
          orders: await trx
            .selectFrom('orders')
            .select(['sku', 'amount', 'ordered_at'])
            .where('tenant_id', '=', tenantId)
            .orderBy('id')
            .execute(),
        }),
        tenantId,
      );
    const [first, second] = [await snapshot(seeded.tenantId), await snapshot(twin.tenantId)];
    expect(second.customers.map((c) => c.name)).toEqual(first.customers.map((c) => c.name));
    expect(second).toEqual(first);
    expect(twin.tenantId).not.toBe(seeded.tenantId);
  });
});
