import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, demoCompany, testApp, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import {
  expectError,
  expectFieldError,
  get,
  multipart,
  ok,
  patch,
  post,
  type Headers,
} from '../support/resource-helpers.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import type { Database } from '../../server/db/database.ts';
import { runImport } from '../../server/integration/imports/import-run.ts';

let company: Company;
let admin: Headers;
let database: Database;
let channel: { id: string; version: number };

const mapping = [
  { source: '公司名称', target: 'name', transforms: [{ op: 'trim' }] },
  { source: '联系电话', target: 'mainPhone', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }, { op: 'phone' }] },
  { source: '行业', target: 'industry', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }] },
  { source: '客户编号', target: 'externalId', transforms: [{ op: 'emptyToNull' }] },
];

// rows 2–7 as a spreadsheet numbers them: three new, one update, one unchanged, one bad phone
const csv = [
  '公司名称,联系电话,行业,客户编号',
  '导入一号科技有限公司,138 0013 9001,软件,IMP-1',
  '导入二号科技有限公司,13800139002,制造,IMP-2',
  '"导入三号科技有限公司, 分公司",13800139003,,IMP-3',
  '已存在导入客户有限公司,,物流,',
  '不变导入客户有限公司,,零售,',
  '电话错误有限公司,0512-123,软件,IMP-6',
].join('\r\n');

const upload = (fileName: string, data: Buffer, channelId = channel.id, type = 'text/csv') => {
  const body = multipart({ channelId }, { name: fileName, type, data });
  return call({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...admin, 'content-type': body.contentType },
    payload: body.payload,
  });
};

const run = async (importId: string, onProgress?: (done: number, total: number) => void) =>
  runImport(
    database,
    (await testApp()).storage,
    { tenantId: company.tenantId, importId },
    { batchSize: 2, onProgress },
  );

const customerByName = async (name: string) =>
  ok(await get(`/api/v1/customers?filter=${encodeURIComponent(JSON.stringify({ name }))}`, admin))[0];

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 3, orders: 0 });
  admin = await company.as('admin');
  channel = ok(
    await post('/api/v1/channels', admin, {
      key: 'excel',
      name: 'Excel 导入',
      kind: 'import',
      serviceUserId: company.users.admin,
      mapping,
      retryLimit: 0,
    }),
    201,
  );
  ok(await post('/api/v1/customers', admin, { name: '已存在导入客户有限公司', industry: '仓储' }), 201);
  ok(await post('/api/v1/customers', admin, { name: '不变导入客户有限公司', industry: '零售' }), 201);
});

describe('file import: upload and mapping', () => {
  it('refuses what it cannot import, naming the field', async () => {
    expectFieldError(await upload('a.csv', Buffer.from(csv), 'not-an-id'), 'channelId');
    expectFieldError(await upload('a.csv', Buffer.from('')), 'file');
    expectFieldError(await upload('a.csv', Buffer.from('\r\n\r\n')), 'file');
    expectError(await upload('a.xls', Buffer.from('old excel')), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const webhook = ok(
      await post('/api/v1/channels', admin, {
        key: 'not-import',
        name: 'x',
        kind: 'webhook',
        serviceUserId: company.users.admin,
      }),
      201,
    );
    expectFieldError(await upload('a.csv', Buffer.from(csv), webhook.id), 'channelId');
    const json = await post('/api/v1/imports', admin, { channelId: channel.id });
    expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('type-checks the column mapping when it is saved (the channel mapping)', async () => {
    const res = await patch(`/api/v1/channels/${channel.id}`, admin, {
      mapping: [{ source: '公司名称', target: 'name', maxLength: 500 }],
      version: channel.version,
    });
    expectError(res, 400, 'MAPPING_LOSSY');
    expect(res.body.error.details.fields[0]).toMatchObject({ target: 'name', kind: 'lossy' });
  });
});

describe('file import: preview, run, progress, error report', () => {
  let importId: string;

  it('uploads a CSV and answers its columns and rows', async () => {
    const res = await upload('客户清单.csv', Buffer.from(`\uFEFF${csv}`));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    importId = res.body.data.id;
    expect(res.body.data).toMatchObject({
      fileName: '客户清单.csv',
      format: 'csv',
      columns: ['公司名称', '联系电话', '行业', '客户编号'],
      status: 'uploaded',
      progress: { totalRows: 6, processedRows: 0 },
      mappingWarnings: [],
    });
  });

  it('previews what each row would do — created, updated with before and after, unchanged, errors — and writes nothing', async () => {
    const res = ok(await post(`/api/v1/imports/${importId}/dry-run`, admin, { limit: 10 }));
    expect(res.summary).toEqual({ created: 3, updated: 1, unchanged: 1, review: 0, error: 1 });
    expect(res.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'created'],
      [5, 'updated'],
      [6, 'unchanged'],
      [7, 'error'],
    ]);
    expect(res.rows[3].fields).toEqual([{ field: 'industry', before: '仓储', after: '物流' }]);
    expect(res.rows[5]).toMatchObject({ reason: 'mapping', fieldErrors: [{ path: 'mainPhone' }] });
    expect(await customerByName('导入一号科技有限公司')).toBeUndefined();
  });

  it('runs as a job through the intake pipeline, with progress and outcome counts', async () => {
    const started = await post(`/api/v1/imports/${importId}/start`, admin);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.data.status).toBe('queued');
    expectError(await post(`/api/v1/imports/${importId}/start`, admin), 409, 'CONFLICT');
    const events = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('outbox_events')
        .select('payload')
        .where('tenant_id', '=', company.tenantId)
        .where('topic', '=', 'import.requested')
        .execute(),
    );
    expect(events.map((e) => e.payload)).toContainEqual({ importId });

    const progress: number[] = [];
    await run(importId, (done) => progress.push(done));
    expect(progress).toEqual([2, 4, 6]);
    const data = ok(await get(`/api/v1/imports/${importId}`, admin));
    expect(data).toMatchObject({
      status: 'finished',
      progress: { totalRows: 6, processedRows: 6, percent: 100, errors: 1 },
      counts: { created: 3, updated: 1, unchanged: 1, review: 0, dead: 1, retrying: 0, queued: 0, repeated: 0 },
      deadByReason: { mapping: 1 },
    });
    expect(data.progress.rowsPerSecond).toBeGreaterThan(0);
    expect(await customerByName('导入三号科技有限公司, 分公司')).toMatchObject({ mainPhone: '+8613800139003' });
    expect(await customerByName('已存在导入客户有限公司')).toMatchObject({ industry: '物流' });
    // the failed row is a dead letter of the channel like any other
    const dead = ok(await get(`/api/v1/dead-letters?channelId=${channel.id}`, admin));
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ reason: 'mapping' });
  });

  it('offers the errors as a CSV report: row number, field, reason', async () => {
    const res = await call({ method: 'GET', url: `/api/v1/imports/${importId}/error-report`, headers: admin });
    expect(res.status).toBe(200);
    expect(res.res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('row,field,reason,status,message');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^7,mainPhone,mapping,dead,.*0512-123.*is not a valid phone number/),
    ]);
  });

  it('applies nothing twice: re-running the import, or importing the same file again', async () => {
    const count = () =>
      withTenant(database.db, company.tenantId, async (trx) =>
        Number(
          (
            await trx
              .selectFrom('customers')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('tenant_id', '=', company.tenantId)
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    const before = await count();
    ok(await post(`/api/v1/imports/${importId}/start`, admin), 202);
    await run(importId);
    const again = ok(await upload('客户清单-副本.csv', Buffer.from(`\uFEFF${csv}`)), 201);
    await run(again.id);
    expect(await count()).toBe(before);
    const second = ok(await get(`/api/v1/imports/${again.id}`, admin));
    expect(second.counts).toMatchObject({ created: 0, updated: 0, repeated: 6 });
    const list = ok(await get(`/api/v1/imports?channelId=${channel.id}`, admin));
    expect(list.map((i: { id: string }) => i.id)).toEqual([again.id, importId]);
  });

  it('imports the first worksheet of an XLSX file, cells as the text a person sees', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['公司名称', '联系电话', '行业', '客户编号']);
    sheet.addRow(['表格导入有限公司', '021-6888 0001', '金融', 'X-1']);
    sheet.addRow([]);
    sheet.addRow(['表格导入二号有限公司', 13800139010, { richText: [{ text: '教' }, { text: '育' }] }, 20261201]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(
      '客户.xlsx',
      data,
      channel.id,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data).toMatchObject({ format: 'xlsx', progress: { totalRows: 2 } });
    await run(res.body.data.id);
    expect(ok(await get(`/api/v1/imports/${res.body.data.id}`, admin)).counts).toMatchObject({ created: 2, dead: 0 });
    expect(await customerByName('表格导入有限公司')).toMatchObject({ mainPhone: '+862168880001', industry: '金融' });
    expect(await customerByName('表格导入二号有限公司')).toMatchObject({
      mainPhone: '+8613800139010',
      industry: '教育',
    });
    const errors = await call({
      method: 'GET',
      url: `/api/v1/imports/${res.body.data.id}/error-report`,
      headers: admin,
    });
    expect(errors.body.replace(/^\uFEFF/, '').trim()).toBe('row,field,reason,status,message');
  });
});
