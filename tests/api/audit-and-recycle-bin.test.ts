import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';

let company: Company;
let admin: Record<string, string>;

beforeAll(async () => {
  company = await demoCompany();
  admin = await company.as('admin');
});

async function auditOf(recordType: string, recordId: string) {
  const res = await call({
    method: 'GET',
    url: `/api/v1/audit?recordType=${recordType}&recordId=${recordId}`,
    headers: admin,
  });
  expect(res.status).toBe(200);
  return res.body.data as Array<{
    action: string;
    actorId: string;
    changes: Record<string, { before: unknown; after: unknown }>;
    requestId: string;
    ip: string;
    userAgent: string;
  }>;
}

describe('audit log', () => {
  it('records create, update, delete and restore with field-level diffs, request id, ip and user agent', async () => {
    const headers = { ...admin, 'x-request-id': 'req-audit-0001', 'user-agent': 'cairn-test/1.0' };
    const created = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers,
      payload: { name: '审计测试客户有限公司', level: 'C' },
    });
    const id = created.body.data.id;
    await call({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers,
      payload: { level: 'A', region: '华东', version: 1 },
    });
    await call({ method: 'DELETE', url: `/api/v1/customers/${id}`, headers });
    await call({ method: 'POST', url: `/api/v1/recycle-bin/customer/${id}/restore`, headers });

    const rows = await auditOf('customer', id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete', 'restore']);
    expect(rows[0]!.changes.name).toEqual({ before: null, after: '审计测试客户有限公司' });
    expect(rows[1]!.changes).toEqual({ level: { before: 'C', after: 'A' }, region: { before: null, after: '华东' } });
    expect(rows[2]!.changes.deletedAt!.after).toBeTruthy();
    for (const row of rows) {
      expect(row.actorId).toBe(company.users.admin);
      expect(row.requestId).toBe('req-audit-0001');
      expect(row.userAgent).toBe('cairn-test/1.0');
      expect(row.ip).toBeTruthy();
    }
  });

  it('writes no audit row when the change is rejected', async () => {
    const created = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers: admin,
      payload: { name: '审计回滚测试有限公司' },
    });
    const id = created.body.data.id;
    const stale = await call({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: admin,
      payload: { level: 'B', version: 7 },
    });
    expect(stale.status).toBe(409);
    expect((await auditOf('customer', id)).map((r) => r.action)).toEqual(['create']);
  });

  it('is append-only: the database rejects UPDATE and DELETE on audit rows', async () => {
    const database = await testDatabase();
    await expect(
      withTenant(database.db, company.tenantId, (trx) =>
        sql`update audit_log set action = 'tampered' where tenant_id = ${company.tenantId}`.execute(trx),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(database.db, company.tenantId, (trx) =>
        sql`delete from audit_log where tenant_id = ${company.tenantId}`.execute(trx),
      ),
    ).rejects.toThrow();
    // the owner connection cannot either: the trigger holds for everyone
    await expect(
      sql`delete from audit_log where tenant_id = ${company.tenantId}`.execute(database.owner),
    ).rejects.toThrow(/append-only|permission/);
    const remaining = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(sql<number>`count(*)`.as('n'))
        .where('action', '=', 'tampered')
        .executeTakeFirstOrThrow(),
    );
    expect(Number(remaining.n)).toBe(0);
  });

  it('lets members read a record history but not the whole log', async () => {
    const sales1 = await company.as('sales1');
    const res = await call({ method: 'GET', url: '/api/v1/audit', headers: sales1 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0].path).toBe('query.recordId');
  });
});

describe('recycle bin', () => {
  it('soft-deletes a customer with its children and restores exactly those children', async () => {
    const customer = (
      await call({
        method: 'POST',
        url: '/api/v1/customers',
        headers: admin,
        payload: { name: '回收站测试科技有限公司' },
      })
    ).body.data;
    const early = (
      await call({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: admin,
        payload: { customerId: customer.id, name: '早删联系人' },
      })
    ).body.data;
    const kept = (
      await call({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: admin,
        payload: { customerId: customer.id, name: '随客户删除', isPrimary: true },
      })
    ).body.data;
    const followup = (
      await call({
        method: 'POST',
        url: '/api/v1/followups',
        headers: admin,
        payload: { customerId: customer.id, kind: 'call', content: '电话沟通需求' },
      })
    ).body.data;
    expect((await call({ method: 'DELETE', url: `/api/v1/contacts/${early.id}`, headers: admin })).status).toBe(200);

    const deleted = await call({ method: 'DELETE', url: `/api/v1/customers/${customer.id}`, headers: admin });
    expect(deleted.status).toBe(200);
    expect(deleted.body.data.cascaded).toMatchObject({ contacts: 1, followups: 1 });
    expect((await call({ method: 'GET', url: `/api/v1/followups/${followup.id}`, headers: admin })).status).toBe(404);

    const bin = await call({ method: 'GET', url: '/api/v1/recycle-bin?type=customer', headers: admin });
    const entry = bin.body.data.find((e: { recordId: string }) => e.recordId === customer.id);
    expect(entry).toMatchObject({ recordType: 'customer', title: '回收站测试科技有限公司' });
    expect(Date.parse(entry.purgeAfter) - Date.parse(entry.deletedAt)).toBe(30 * 86400_000);

    const restored = await call({
      method: 'POST',
      url: `/api/v1/recycle-bin/customer/${customer.id}/restore`,
      headers: admin,
    });
    expect(restored.status).toBe(200);
    expect(restored.body.restored).toBe(3);
    expect((await call({ method: 'GET', url: `/api/v1/contacts/${kept.id}`, headers: admin })).status).toBe(200);
    expect((await call({ method: 'GET', url: `/api/v1/followups/${followup.id}`, headers: admin })).status).toBe(200);
    // deleted separately before the customer: stays in the bin
    expect((await call({ method: 'GET', url: `/api/v1/contacts/${early.id}`, headers: admin })).status).toBe(404);
    const audit = await auditOf('followup', followup.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('refuses to restore a child whose parent is still deleted, and a record that is not in the bin', async () => {
    const customer = (
      await call({
        method: 'POST',
        url: '/api/v1/customers',
        headers: admin,
        payload: { name: '父记录删除测试有限公司' },
      })
    ).body.data;
    const contact = (
      await call({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: admin,
        payload: { customerId: customer.id, name: '孤儿联系人' },
      })
    ).body.data;
    await call({ method: 'DELETE', url: `/api/v1/contacts/${contact.id}`, headers: admin });
    await call({ method: 'DELETE', url: `/api/v1/customers/${customer.id}`, headers: admin });
    const res = await call({ method: 'POST', url: `/api/v1/contacts/${contact.id}/restore`, headers: admin });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'PARENT_DELETED',
      details: { parentType: 'customer', parentId: customer.id },
    });
    const live = (
      await call({ method: 'POST', url: '/api/v1/customers', headers: admin, payload: { name: '未删除客户有限公司' } })
    ).body.data;
    expect((await call({ method: 'POST', url: `/api/v1/customers/${live.id}/restore`, headers: admin })).status).toBe(
      404,
    );
  });

  it('refuses a restore that would duplicate a live customer, leaving everything as it was', async () => {
    const first = (
      await call({
        method: 'POST',
        url: '/api/v1/customers',
        headers: admin,
        payload: { name: '重名恢复测试有限公司' },
      })
    ).body.data;
    await call({ method: 'DELETE', url: `/api/v1/customers/${first.id}`, headers: admin });
    const second = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers: admin,
      payload: { name: '重名恢复测试有限公司' },
    });
    expect(second.status).toBe(201);
    const res = await call({ method: 'POST', url: `/api/v1/customers/${first.id}/restore`, headers: admin });
    expect(res.status).toBe(409);
    const bin = await call({ method: 'GET', url: '/api/v1/recycle-bin?type=customer', headers: admin });
    expect(bin.body.data.some((e: { recordId: string }) => e.recordId === first.id)).toBe(true);
  });

  it('shows members only what they deleted', async () => {
    const sales2 = await company.as('sales2');
    const mine = (
      await call({
        method: 'POST',
        url: '/api/v1/customers',
        headers: sales2,
        payload: { name: '销售二删除测试有限公司' },
      })
    ).body.data;
    await call({ method: 'DELETE', url: `/api/v1/customers/${mine.id}`, headers: sales2 });
    const bin = await call({ method: 'GET', url: '/api/v1/recycle-bin', headers: sales2 });
    expect(bin.status).toBe(200);
    expect(bin.body.data.length).toBeGreaterThan(0);
    expect(bin.body.data.every((e: { deletedBy: string }) => e.deletedBy === company.users.sales2)).toBe(true);
  });
});
