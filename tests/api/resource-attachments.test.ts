import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import {
  del,
  expectError,
  expectFieldError,
  expectPagingMatches,
  expectSorted,
  get,
  keysOf,
  missingId,
  multipart,
  ok,
  patch,
  post,
  qs,
  restore,
  type Headers,
} from '../support/resource-helpers.ts';
import { listAll } from '../support/access-helpers.ts';
import { withStepUp } from '../support/guard-helpers.ts';

const base = '/api/v1/attachments';
let company: Company;
let admin: Headers;
let sales1: Headers;
let sales2: Headers;
let customerId: string;

beforeAll(async () => {
  company = await demoCompany();
  [admin, sales1, sales2] = await Promise.all([company.as('admin'), company.as('sales1'), company.as('sales2')]);
  customerId = ok(await post('/api/v1/customers', sales1, { name: '附件测试客户有限公司' }), 201).id;
});

function upload(
  headers: Headers,
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer; field?: string },
) {
  const body = multipart(fields, file);
  return call({
    method: 'POST',
    url: base,
    headers: { ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}

const text = (content: string, name = 'notes.txt') => ({ name, type: 'text/plain', data: Buffer.from(content) });
const toCustomer = (headers: Headers, file = text('拜访记录：客户关注价格。'), id = customerId) =>
  upload(headers, { recordType: 'customer', recordId: id }, file);

describe('attachments: upload, download, rename, delete, restore', () => {
  it('uploads a file, downloads the same bytes, renames, deletes and restores it', async () => {
    const data = randomBytes(70_000);
    const created = ok(await toCustomer(sales1, { name: 'scan.bin', type: 'application/octet-stream', data }), 201);
    expect(created).toMatchObject({
      recordType: 'customer',
      recordId: customerId,
      customerId,
      name: 'scan.bin',
      mimeType: 'application/octet-stream',
      sizeBytes: data.length,
      version: 1,
    });
    expect(created.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(created).not.toHaveProperty('storageKey');
    const url = `${base}/${created.id}`;

    const download = await call({ method: 'GET', url: `${url}/download`, headers: sales1 });
    expect(download.status).toBe(200);
    expect(download.res.rawPayload.equals(data)).toBe(true);
    expect(download.res.headers['content-type']).toBe('application/octet-stream');
    expect(download.res.headers['content-disposition']).toContain("filename*=UTF-8''scan.bin");

    // 销售代表 may upload, read and delete attachments but not rename them (attachment.update)
    const refused = await patch(url, sales1, { name: '合同扫描件.bin', version: 1 });
    expectError(refused, 403, 'MISSING_GRANT');
    expect(refused.body.error.details.missing).toBe('attachment.update');
    const renamed = ok(await patch(url, admin, { name: '合同扫描件.bin', version: 1 }));
    expect(renamed).toMatchObject({ name: '合同扫描件.bin', version: 2, sizeBytes: data.length });
    const again = await call({ method: 'GET', url: `${url}/download`, headers: sales1 });
    expect(again.res.headers['content-disposition']).toContain(encodeURIComponent('合同扫描件.bin'));

    // deleting a file is a risky operation: it needs a fresh step-up confirmation
    expectError(await del(url, sales1), 403, 'STEP_UP_REQUIRED');
    expect(ok(await get(url, sales1)).deletedAt).toBeNull();
    ok(await del(url, await withStepUp(company, 'sales1')));
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
    expect((await call({ method: 'GET', url: `${url}/download`, headers: sales1 })).status).toBe(404);
    expect(ok(await restore(url, sales1))).toMatchObject({ id: created.id, name: '合同扫描件.bin', deletedAt: null });
    expect((await call({ method: 'GET', url: `${url}/download`, headers: sales1 })).res.rawPayload.equals(data)).toBe(
      true,
    );
  });

  it('keeps a UTF-8 file name and the text bytes', async () => {
    const file = text('第一行\n第二行', '报价单.txt');
    const created = ok(await toCustomer(sales1, file), 201);
    expect(created.name).toBe('报价单.txt');
    const download = await call({ method: 'GET', url: `${base}/${created.id}/download`, headers: sales1 });
    expect(download.res.rawPayload.toString('utf8')).toBe('第一行\n第二行');
    expect(download.res.headers['content-disposition']).toContain(encodeURIComponent('报价单.txt'));
    // 法务 reads every attachment; sales2 cannot see sales1's customer, so not its files either
    const byLegal = await call({
      method: 'GET',
      url: `${base}/${created.id}/download`,
      headers: await company.as('legal'),
    });
    expect(byLegal.status).toBe(200);
    expect(byLegal.res.rawPayload.toString('utf8')).toBe('第一行\n第二行');
    const bySales2 = await call({ method: 'GET', url: `${base}/${created.id}/download`, headers: sales2 });
    expect(bySales2.status).toBe(404);
    expect(bySales2.body.error.code).toBe('NOT_FOUND');
  });

  it('links uploads on contracts and payments to the customer', async () => {
    const contract = ok(
      await post('/api/v1/contracts', sales1, {
        customerId,
        number: 'HT-ATT-1',
        currency: 'CNY',
        amountInclTax: '100',
      }),
      201,
    );
    const refused = await post('/api/v1/payments', sales1, {
      contractId: contract.id,
      amount: '50',
      receivedDate: '2031-01-01',
    });
    expectError(refused, 403, 'MISSING_GRANT');
    expect(refused.body.error.details.missing).toBe('payment.create');
    const payment = ok(
      await post('/api/v1/payments', admin, { contractId: contract.id, amount: '50', receivedDate: '2031-01-01' }),
      201,
    );
    const onContract = ok(await upload(sales1, { recordType: 'contract', recordId: contract.id }, text('合同')), 201);
    const onPayment = ok(await upload(sales1, { recordType: 'payment', recordId: payment.id }, text('回单')), 201);
    expect(onContract).toMatchObject({ recordType: 'contract', recordId: contract.id, customerId });
    expect(onPayment).toMatchObject({ recordType: 'payment', recordId: payment.id, customerId });
    const withFiles = ok(await get(`/api/v1/contracts/${contract.id}${qs({ include: 'attachments' })}`, sales1));
    expect(withFiles.attachments.map((a: any) => a.id)).toEqual([onContract.id]);
  });

  it('accepts a file over the 1 MB JSON limit but under the 2 MB upload limit', async () => {
    const data = randomBytes(1_500_000);
    const created = ok(await toCustomer(sales1, { name: 'big.bin', type: 'application/octet-stream', data }), 201);
    expect(created.sizeBytes).toBe(1_500_000);
  });

  it('answers 413 to a file over the upload limit and to a JSON body over 1 MB', async () => {
    const tooBig = await toCustomer(sales1, {
      name: 'huge.bin',
      type: 'application/octet-stream',
      data: Buffer.alloc(2 * 1024 * 1024 + 1, 7),
    });
    expectError(tooBig, 413, 'PAYLOAD_TOO_LARGE');
    const listed = ok(await get(`${base}${qs({ filter: { name: 'huge.bin' } })}`, sales1));
    expect(listed).toEqual([]);
    const a = ok(await toCustomer(sales1), 201);
    expectError(
      await patch(`${base}/${a.id}`, sales1, { name: 'x'.repeat(1024 * 1024 + 1), version: 1 }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('rejects bad uploads naming the field', async () => {
    expectFieldError(await upload(sales1, { recordType: 'customer', recordId: customerId }), 'file');
    expectFieldError(
      await toCustomer(sales1, { name: 'empty.txt', type: 'text/plain', data: Buffer.alloc(0) }),
      'file',
    );
    expectFieldError(await upload(sales1, { recordType: 'invoice', recordId: customerId }, text('x')), 'recordType');
    expectFieldError(await upload(sales1, { recordType: 'customer', recordId: 'abc' }, text('x')), 'recordId');
    expectFieldError(await upload(sales1, { recordType: 'customer', recordId: missingId() }, text('x')), 'recordId');
    expectFieldError(await upload(sales1, { recordType: 'contact', recordId: customerId }, text('x')), 'recordId');
    const json = await post(base, sales1, { recordType: 'customer', recordId: customerId });
    expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const a = ok(await toCustomer(sales1), 201);
    expectFieldError(await patch(`${base}/${a.id}`, admin, { name: '', version: 1 }), 'name');
  });

  it("answers 409 VERSION_CONFLICT, 403/404 to a member outside the customer's scope, 404 for unknown ids", async () => {
    const a = ok(await toCustomer(sales1), 201);
    const url = `${base}/${a.id}`;
    ok(await patch(url, admin, { name: 'v2.txt', version: 1 }));
    expectError(await patch(url, admin, { name: 'stale.txt', version: 1 }), 409, 'VERSION_CONFLICT');
    // sales2 may upload attachments, but only to customers within their update scope
    const outside = await toCustomer(sales2);
    expectError(outside, 403, 'OUT_OF_SCOPE');
    expect(outside.body.error.details.missing).toBe('attachment.create');
    // sales1's customer's files do not exist for sales2...
    expectError(await get(url, sales2), 404, 'NOT_FOUND');
    expect((await call({ method: 'GET', url: `${url}/download`, headers: sales2 })).status).toBe(404);
    expectError(await del(url, await withStepUp(company, 'sales2')), 404, 'NOT_FOUND');
    // ...and renaming is a grant no sales role holds: refused before the record is even looked up
    for (const headers of [sales1, sales2]) {
      const noGrant = await patch(url, headers, { name: 'mine.txt', version: 2 });
      expectError(noGrant, 403, 'MISSING_GRANT');
      expect(noGrant.body.error.details.missing).toBe('attachment.update');
    }
    // 法务 reads every attachment but may not change or delete one
    const legal = await company.as('legal');
    expect(ok(await get(url, legal)).name).toBe('v2.txt');
    expectError(await patch(url, legal, { name: 'legal.txt', version: 2 }), 403, 'MISSING_GRANT');
    expectError(await del(url, legal), 403, 'MISSING_GRANT');
    expect(ok(await patch(url, admin, { name: 'admin.txt', version: 2 })).name).toBe('admin.txt');
    const missing = `${base}/${missingId()}`;
    expectError(await get(missing, sales1), 404, 'NOT_FOUND');
    expectError(await patch(missing, admin, { name: 'x', version: 1 }), 404, 'NOT_FOUND');
    expectError(await del(missing, sales1), 404, 'NOT_FOUND');
    expectError(await restore(missing, sales1), 404, 'NOT_FOUND');
    expect((await call({ method: 'GET', url: `${missing}/download`, headers: sales1 })).status).toBe(404);
  });

  it('is deleted with its record and refuses restore while the customer is in the recycle bin', async () => {
    const contact = ok(await post('/api/v1/contacts', sales1, { customerId, name: '带附件的联系人' }), 201);
    ok(await upload(sales1, { recordType: 'contact', recordId: contact.id }, text('名片')), 201);
    // deleting the contact deletes its attachment, so it needs the attachment's step-up too
    expectError(await del(`/api/v1/contacts/${contact.id}`, sales1), 403, 'STEP_UP_REQUIRED');
    const stepped = await withStepUp(company, 'sales1');
    expect(ok(await del(`/api/v1/contacts/${contact.id}`, stepped)).cascaded).toEqual({ attachments: 1 });
    ok(await restore(`/api/v1/contacts/${contact.id}`, sales1));
    const again = ok(await get(`/api/v1/contacts/${contact.id}${qs({ include: 'attachments' })}`, sales1));
    expect(again.attachments).toHaveLength(1);

    const customer = ok(await post('/api/v1/customers', sales1, { name: '附件父记录删除测试' }), 201);
    const a = ok(await toCustomer(sales1, text('孤儿附件'), customer.id), 201);
    ok(await del(`${base}/${a.id}`, stepped));
    ok(await del(`/api/v1/customers/${customer.id}`, sales1));
    const res = await restore(`${base}/${a.id}`, sales1);
    expectError(res, 409, 'PARENT_DELETED');
    expect(res.body.error.details).toMatchObject({ parentType: 'customer', parentId: customer.id });
  });
});

describe('attachments: list', () => {
  it('filters, sorts, pages and supports fields=', async () => {
    const all = ok(await get(`${base}${qs({ limit: 200 })}`, sales1)) as any[];
    expect(all.length).toBeGreaterThan(5);
    // attachments inherit the customer's read scope
    const visibleCustomers = new Set((await listAll('/api/v1/customers', sales1)).map((c) => c.id));
    expect(all.every((a) => visibleCustomers.has(a.customerId))).toBe(true);
    expect(all.length).toBe((await listAll(base, admin)).filter((a) => visibleCustomers.has(a.customerId)).length);
    const mine = ok(
      await get(`${base}${qs({ filter: { recordType: 'customer', recordId: customerId }, limit: 200 })}`, sales1),
    ) as any[];
    expect(mine.length).toBeGreaterThan(2);
    expect(mine.every((a) => a.recordId === customerId)).toBe(true);
    const big = ok(
      await get(`${base}${qs({ filter: { sizeBytes: { gte: 1_000_000 } }, sort: '-sizeBytes' })}`, sales1),
    ) as any[];
    expect(big.map((a) => a.name)).toContain('big.bin');
    expectSorted(
      big.map((a) => a.sizeBytes),
      'desc',
    );
    const text = ok(
      await get(`${base}${qs({ filter: { mimeType: { startsWith: 'text/' } }, limit: 200 })}`, sales1),
    ) as any[];
    expect(text.length).toBeGreaterThan(0);
    expect(text.every((a) => a.mimeType.startsWith('text/'))).toBe(true);
    await expectPagingMatches(base, sales1, {}, 2);
    await expectPagingMatches(base, sales1, { sort: 'name' }, 3);
    for (const a of ok(await get(`${base}${qs({ fields: 'name,sizeBytes', limit: 3 })}`, sales1)))
      expect(keysOf(a)).toEqual(['id', 'name', 'sizeBytes']);
    const customer = ok(await get(`/api/v1/customers/${customerId}${qs({ include: 'attachments' })}`, sales1));
    expect(customer.attachments.length).toBeGreaterThanOrEqual(mine.length);
  });

  it('answers 400 for unknown filter field, bad operator, bad cursor and internal fields', async () => {
    expectFieldError(await get(`${base}${qs({ filter: { storageKey: 'x' } })}`, sales1), 'filter.storageKey');
    expectFieldError(
      await get(`${base}${qs({ filter: { sizeBytes: { gt: 'big' } } })}`, sales1),
      'filter.sizeBytes.gt',
    );
    expectFieldError(
      await get(`${base}${qs({ filter: { sizeBytes: { regex: '.' } } })}`, sales1),
      'filter.sizeBytes.regex',
    );
    expectFieldError(await get(`${base}${qs({ fields: 'storageKey' })}`, sales1), 'fields');
    expectFieldError(
      await get(
        `${base}${qs({ cursor: Buffer.from('{"s":"-updatedAt","v":null,"id":"nope"}').toString('base64url') })}`,
        sales1,
      ),
      'cursor',
    );
  });
});
