import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { lastSlot, timeZoneOf } from '../../server/integration/pull/pull-config.ts';
import { demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { expectError, expectFieldError, get, ok, patch } from '../support/resource-helpers.ts';

/**
 * The company's time zone (scheduled pulls and cron run in it) in the tenant settings API:
 * shown by GET /tenant (Asia/Shanghai until saved), changed by PATCH /tenant/settings with an
 * IANA name (anything else a 400 naming `timeZone`, nothing written), audited like the others.
 */
let database: Database;
let company: Company;
let admin: Record<string, string>;

const storedSettings = () =>
  withTenant(database.db, company.tenantId, (trx) =>
    trx.selectFrom('tenants').select('settings').where('id', '=', company.tenantId).executeTakeFirstOrThrow(),
  );

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 1, orders: 0 });
  admin = await company.as('admin');
});

describe('the tenant time zone', () => {
  it('is Asia/Shanghai until saved, for every signed-in user', async () => {
    expect(ok(await get('/api/v1/tenant', admin)).settings.timeZone).toBe('Asia/Shanghai');
    expect(ok(await get('/api/v1/tenant', await company.as('sales1'))).settings.timeZone).toBe('Asia/Shanghai');
  });

  it('refuses what is not an IANA zone with a 400 naming timeZone, writing nothing', async () => {
    for (const bad of ['Mars/Olympus', '+08:00', 'Asia/Shanghai; drop table tenants', '', 'x'.repeat(80)]) {
      const res = await patch('/api/v1/tenant/settings', admin, { timeZone: bad });
      expectFieldError(res, 'timeZone');
    }
    expectFieldError(await patch('/api/v1/tenant/settings', admin, { timeZone: 8 }), 'timeZone');
    expect((await storedSettings()).settings).not.toHaveProperty('timeZone');
  });

  it('is changed by an administrator only, audited, and used for the schedules', async () => {
    expectError(
      await patch('/api/v1/tenant/settings', await company.as('sales1'), { timeZone: 'UTC' }),
      403,
      'MISSING_GRANT',
    );
    const saved = ok(await patch('/api/v1/tenant/settings', admin, { timeZone: 'Europe/Berlin' }));
    expect(saved.settings).toMatchObject({ timeZone: 'Europe/Berlin', sandboxDays: 7 });
    expect(ok(await get('/api/v1/tenant', admin)).settings.timeZone).toBe('Europe/Berlin');
    const { settings } = await storedSettings();
    expect(timeZoneOf(settings)).toBe('Europe/Berlin');
    // a pull channel's "0 9 * * *" fires at 09:00 Berlin time, i.e. 08:00 UTC in winter
    expect(lastSlot('0 9 * * *', timeZoneOf(settings), new Date('2026-12-01T12:00:00Z'))?.toISOString()).toBe(
      '2026-12-01T08:00:00.000Z',
    );
    const audit = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'record_type', 'changes'])
        .where('tenant_id', '=', company.tenantId)
        .where('record_type', '=', 'tenant')
        .execute(),
    );
    expect(audit).toEqual([
      { action: 'update', record_type: 'tenant', changes: { timeZone: { before: null, after: 'Europe/Berlin' } } },
    ]);
  });
});
