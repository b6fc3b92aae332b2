import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiredExports } from '../../server/exports/export-sweep.ts';
import { call, demoCompany, testApp, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { auditOf, expectError, inDb, post, userWithRole, type Headers } from './guards-support.ts';

let company: Company;
let admin: Headers;
let manager: Headers;

beforeAll(async () => {
  company = await demoCompany({ customers: 30, orders: 5 });
  [admin, manager] = await Promise.all([company.as('admin'), company.as('manager')]);
});

const exportCustomers = (headers: Headers, body: Record<string, unknown>) =>
  post('/api/v1/customers/export', headers, body);
const download = (id: string, headers: Headers) =>
  call({ method: 'GET', url: `/api/v1/exports/${id}/download`, headers });

/** A tiny CSV reader for our own output: BOM, quoted cells, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Customers owned by anyone in the manager's department subtree (华东销售部 and 销售一组), straight from the database. */
async function managerScopeIds(): Promise<string[]> {
  return inDb(company, async (trx) => {
    const rows = await trx
      .selectFrom('customers')
      .select('customers.id')
      .where('customers.tenant_id', '=', company.tenantId)
      .where('customers.deleted_at', 'is', null)
      .where('customers.owner_id', 'in', [
        company.users.manager,
        company.users.sales1,
        company.users.sales2,
        company.users.intern,
      ])
      .execute();
    return rows.map((r) => r.id).sort();
  });
}

describe('export without phone numbers', () => {
  it('gives the manager a watermarked CSV of exactly the customers in his scope', async () => {
    const res = await exportCustomers(manager, { fields: ['id', 'name', 'level', 'ownerId', 'tags'], format: 'csv' });
    expect(res.status, res.res.body.slice(0, 500)).toBe(200);
    expect(res.res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''customers-\d{12}\.csv$/);
    const rows = parseCsv(res.res.body);
    expect(rows[0]![0]).toMatch(/^# 导出人: 王建国（manager） 时间: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(rows[1]).toEqual(['id', 'name', 'level', 'ownerId', 'tags', '水印']);
    const data = rows.slice(2);
    const ids = data.map((r) => r[0]!).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(await managerScopeIds());
    for (const row of data) expect(row[5]).toMatch(/^王建国 \d{4}-/);
    expect(Number(res.res.headers['x-export-rows'])).toBe(data.length);

    const audit = await inDb(company, (trx) =>
      trx
        .selectFrom('audit_log')
        .selectAll()
        .where('tenant_id', '=', company.tenantId)
        .where('action', '=', 'export.direct')
        .where('actor_id', '=', company.users.manager)
        .execute(),
    );
    expect(audit.length).toBe(1);
    expect(audit[0]!.changes.rowCount!.after).toBe(data.length);
  });

  it('applies the filter and gives XLSX with a watermark row and workbook properties', async () => {
    const res = await exportCustomers(manager, { fields: ['name', 'level'], filter: { level: 'A' }, format: 'xlsx' });
    expect(res.status).toBe(200);
    expect(res.res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.subject).toMatch(/^导出人: 王建国（manager） 时间: /);
    expect(workbook.description).toBe(workbook.subject);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/^导出人: 王建国/);
    expect(sheet.getRow(2).values).toEqual([undefined, 'name', 'level']);
    const levels: unknown[] = [];
    sheet.eachRow((row, n) => n > 2 && levels.push(row.getCell(2).value));
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set(['A']));
  });

  it('refuses unknown fields (400) and hidden ones (403 naming the field)', async () => {
    const unknown = await exportCustomers(manager, { fields: ['name', 'secretSauce'], format: 'csv' });
    expectError(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.error.details.fields[0].path).toBe('fields.secretSauce');
    expectError(
      await exportCustomers(manager, { fields: ['name', 'mainPhoneE164'], format: 'csv' }),
      400,
      'VALIDATION_FAILED',
    );

    const role = await inDb(company, (trx) =>
      trx
        .selectFrom('roles')
        .select('id')
        .where('tenant_id', '=', company.tenantId)
        .where('name', '=', '销售总监')
        .executeTakeFirstOrThrow(),
    );
    const ruleId = crypto.randomUUID();
    await inDb(company, (trx) =>
      trx
        .insertInto('role_field_rules')
        .values({
          id: ruleId,
          tenant_id: company.tenantId,
          role_id: role.id,
          object: 'customer',
          field: 'region',
          rule: 'hidden',
          created_by: null,
          updated_by: null,
        })
        .execute(),
    );
    try {
      const hidden = await exportCustomers(manager, { fields: ['name', 'region'], format: 'csv' });
      expectError(hidden, 403, 'FIELD_READONLY');
      expect(hidden.body.error.details.field).toBe('region');
      expect(hidden.body.error.message).toContain('region');
      expectError(
        await exportCustomers(manager, { fields: ['name'], filter: { region: '华东' }, format: 'csv' }),
        403,
        'FIELD_READONLY',
      );
    } finally {
      await inDb(company, (trx) => trx.deleteFrom('role_field_rules').where('id', '=', ruleId).execute());
    }
  });

  it('is refused to users without the customer.export grant', async () => {
    for (const user of ['sales1', 'intern'] as const) {
      const res = await exportCustomers(await company.as(user), { fields: ['name'], format: 'csv' });
      expectError(res, 403, 'MISSING_GRANT');
      expect(res.body.error.details.missing).toBe('customer.export');
    }
    const denial = (await auditOf(company, 'user', company.users.intern)).find((a) => a.action === 'risky.denied');
    expect(denial?.changes.operation!.after).toBe('customer.export');
  });
});

describe('export with phone numbers', () => {
  it('a masked phone is not a phone number: it exports masked, at once', async () => {
    const role = await inDb(company, (trx) =>
      trx
        .selectFrom('roles')
        .select('id')
        .where('tenant_id', '=', company.tenantId)
        .where('name', '=', '销售总监')
        .executeTakeFirstOrThrow(),
    );
    const ruleId = crypto.randomUUID();
    await inDb(company, (trx) =>
      trx
        .insertInto('role_field_rules')
        .values({
          id: ruleId,
          tenant_id: company.tenantId,
          role_id: role.id,
          object: 'customer',
          field: 'mainPhone',
          rule: 'masked',
          created_by: null,
          updated_by: null,
        })
        .execute(),
    );
    try {
      const res = await exportCustomers(manager, { fields: ['name', 'mainPhone'], format: 'csv' });
      expect(res.status, res.res.body.slice(0, 300)).toBe(200);
      const phones = parseCsv(res.res.body)
        .slice(2)
        .map((r) => r[1]!)
        .filter(Boolean);
      expect(phones.length).toBeGreaterThan(0);
      for (const phone of phones) expect(phone).toMatch(/^\d{3}\*{4}\d{4}$|^\*{4}$/);
    } finally {
      await inDb(company, (trx) => trx.deleteFrom('role_field_rules').where('id', '=', ruleId).execute());
    }
  });

  it('is refused to a manager: CRM admins only', async () => {
    const res = await exportCustomers(manager, { fields: ['name', 'mainPhone'], format: 'csv' });
    expectError(res, 403, 'MISSING_GRANT');
    expect(res.body.error.details.phoneFields).toEqual(['mainPhone']);
  });

  it('becomes a pending request for the admin; another approver approves; one download, then 410', async () => {
    const requested = await exportCustomers(admin, {
      fields: ['name', 'mainPhone'],
      format: 'csv',
      reason: '年度客户回访',
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(202);
    const approval = requested.body.data;
    expect(approval).toMatchObject({
      kind: 'export',
      status: 'pending',
      requestedBy: company.users.admin,
      reason: '年度客户回访',
      payload: { fields: ['name', 'mainPhone'], format: 'csv', phoneFields: ['mainPhone'] },
    });

    expectError(await post(`/api/v1/approvals/${approval.id}/approve`, admin, {}), 403, 'FORBIDDEN');
    // legal approves contract deletions, not exports
    expectError(
      await post(`/api/v1/approvals/${approval.id}/approve`, await company.as('legal'), {}),
      404,
      'NOT_FOUND',
    );

    const second = await userWithRole(company, 'admin2', '系统管理员');
    expect(
      (
        (await call({ method: 'GET', url: '/api/v1/approvals?kind=export&status=pending', headers: second.headers }))
          .body.data as any[]
      ).map((a) => a.id),
    ).toContain(approval.id);
    const approved = await post(`/api/v1/approvals/${approval.id}/approve`, second.headers, { reason: '同意' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.data.status, JSON.stringify(approved.body.data.result)).toBe('executed');
    const result = approved.body.data.result;
    expect(result.download).toBe(`/api/v1/exports/${result.exportFileId}/download`);
    expect(Date.parse(result.expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    // only the requester may download
    expectError(await download(result.exportFileId, second.headers), 404, 'NOT_FOUND');
    const file = await download(result.exportFileId, admin);
    expect(file.status).toBe(200);
    expect(file.res.headers['content-disposition']).toContain('attachment');
    const rows = parseCsv(file.res.body);
    expect(rows[0]![0]).toMatch(/^# 导出人: 系统管理员（admin） 时间: /);
    expect(rows[1]).toEqual(['name', 'mainPhone', '水印']);
    const total = await inDb(company, (trx) =>
      trx
        .selectFrom('customers')
        .select(sql<number>`count(*)`.as('n'))
        .where('tenant_id', '=', company.tenantId)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow(),
    );
    expect(rows.length - 2).toBe(Number(total.n));
    expect(rows.slice(2).some((r) => /^\+?[\d\s-]{11,}$/.test(r[1]!))).toBe(true);

    const gone = await download(result.exportFileId, admin);
    expectError(gone, 410, 'GONE');
    expect(gone.body.error.details.downloadedAt).toBeTruthy();

    const fileAudit = (await auditOf(company, 'export_file', result.exportFileId)).map((a) => [a.action, a.actorId]);
    expect(fileAudit).toEqual([
      ['export.generated', second.id],
      ['export.downloaded', company.users.admin],
      ['export.download-refused', company.users.admin],
    ]);
    expect((await auditOf(company, 'approval', approval.id)).map((a) => a.action)).toEqual([
      'approval.requested',
      'approval.approved',
      'approval.executed',
    ]);
  });

  it('expires after 24 hours: 410 GONE', async () => {
    const requested = await exportCustomers(admin, {
      fields: ['name', 'mainPhone'],
      filter: '{"level":"A"}',
      format: 'xlsx',
    });
    expect(requested.status).toBe(202);
    const second = await userWithRole(company, 'admin3', '系统管理员');
    const approved = await post(`/api/v1/approvals/${requested.body.data.id}/approve`, second.headers, {});
    expect(approved.body.data.status, JSON.stringify(approved.body.data.result)).toBe('executed');
    const levelA = await inDb(company, (trx) =>
      trx
        .selectFrom('customers')
        .select(sql<number>`count(*)`.as('n'))
        .where('tenant_id', '=', company.tenantId)
        .where('deleted_at', 'is', null)
        .where('level', '=', 'A')
        .executeTakeFirstOrThrow(),
    );
    expect(approved.body.data.result.rowCount).toBe(Number(levelA.n));
    const id = approved.body.data.result.exportFileId;
    await inDb(company, (trx) =>
      trx
        .updateTable('export_files')
        .set({ expires_at: sql`now() - interval '1 second'` })
        .where('id', '=', id)
        .execute(),
    );
    const gone = await download(id, admin);
    expectError(gone, 410, 'GONE');
    expect(gone.body.error.details.expiresAt).toBeTruthy();
    expect(gone.body.error.message).toMatch(/expired/);
  });

  it('is removed from storage by the sweep once expired; a later download still answers 410 expired', async () => {
    const requested = await exportCustomers(admin, { fields: ['name', 'mainPhone'], format: 'csv' });
    const second = await userWithRole(company, 'admin4', '系统管理员');
    const approved = await post(`/api/v1/approvals/${requested.body.data.id}/approve`, second.headers, {});
    const id = approved.body.data.result.exportFileId;
    const key = () =>
      inDb(company, (trx) =>
        trx
          .selectFrom('export_files')
          .select(['storage_key', 'deleted_at'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow(),
      );
    const { storage } = await testApp();
    expect(await storage.exists((await key()).storage_key)).toBe(true);
    await inDb(company, (trx) =>
      trx
        .updateTable('export_files')
        .set({ expires_at: sql`now() - interval '1 second'` })
        .where('id', '=', id)
        .execute(),
    );
    // the company's earlier expired export goes too
    const sweep = await sweepExpiredExports(await testDatabase(), storage, { tenantId: company.tenantId });
    expect(sweep).toMatchObject({ failed: 0 });
    expect(sweep.removed).toBeGreaterThanOrEqual(1);
    const swept = await key();
    expect(swept.deleted_at).not.toBeNull();
    expect(await storage.exists(swept.storage_key)).toBe(false);
    const gone = await download(id, admin);
    expectError(gone, 410, 'GONE');
    expect(gone.body.error.message).toMatch(/expired/);
    expect((await auditOf(company, 'export_file', id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['export.expired', 'export.download-refused']),
    );
  });

  it('cannot be requested through /approvals by a non-admin, nor without phone fields', async () => {
    expectError(
      await post('/api/v1/approvals', manager, {
        kind: 'export',
        payload: { fields: ['name', 'mainPhone'], format: 'csv' },
      }),
      403,
      'MISSING_GRANT',
    );
    expectError(
      await post('/api/v1/approvals', admin, { kind: 'export', payload: { fields: ['name'], format: 'csv' } }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
