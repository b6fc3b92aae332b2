import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { allResources } from '../../server/resources/registry.ts';
import '../../server/domains/register-all.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import {
  expectFieldError,
  fieldPaths,
  get,
  missingId,
  multipart,
  ok,
  patch,
  post,
  qs,
  type Headers,
} from '../support/resource-helpers.ts';

/** Input PostgreSQL or the runtime cannot take must answer 400 naming the field, never 500. */
let company: Company;
let admin: Headers;
let customerId: string;

beforeAll(async () => {
  company = await demoCompany({ customers: 6, orders: 4 });
  admin = await company.as('admin');
  customerId = ok(await post('/api/v1/customers', admin, { name: '输入校验客户有限公司' }), 201).id;
});

describe('names that exist on every JavaScript object', () => {
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

  it.each(names)('fields=%s is an unknown field on lists and details', async (name) => {
    expectFieldError(await get(`/api/v1/customers${qs({ fields: name })}`, admin), 'fields');
    expectFieldError(await get(`/api/v1/customers/${customerId}${qs({ fields: `name,${name}` })}`, admin), 'fields');
    expectFieldError(await get(`/api/v1/orders${qs({ fields: name })}`, admin), 'fields');
  });

  it.each(names)('%s is not a field to filter or sort on', async (name) => {
    expectFieldError(
      await get(`/api/v1/customers?filter=${encodeURIComponent(`{"${name}":1}`)}`, admin),
      `filter.${name}`,
    );
    expectFieldError(await get(`/api/v1/customers${qs({ sort: name })}`, admin), `sort.${name}`);
  });

  it('a custom field keyed like an object method is stored, and a field rule on it touches only real values', async () => {
    ok(
      await post('/api/v1/custom-fields', admin, {
        objectType: 'customer',
        key: 'constructor',
        label: '构造',
        type: 'text',
      }),
      201,
    );
    const withValue = ok(
      await post('/api/v1/customers', admin, { name: '方法名字段客户', custom: { constructor: '机密值' } }),
      201,
    );
    expect(withValue.custom).toEqual({ constructor: '机密值' });
    const without = ok(await post('/api/v1/customers', admin, { name: '无自定义值客户' }), 201);
    expect(without.custom).toEqual({});

    // A rule on an inherited method name is no field: refused, naming the rule.
    expectFieldError(
      await post('/api/v1/roles', admin, {
        name: '方法名字段规则',
        grants: [{ object: 'customer', action: 'read', scope: 'all' }],
        fieldRules: [
          { object: 'customer', field: 'custom.constructor', rule: 'masked' },
          { object: 'customer', field: 'toString', rule: 'masked' },
        ],
      }),
      'fieldRules.1.field',
    );
    const role = ok(
      await post('/api/v1/roles', admin, {
        name: '方法名字段规则',
        grants: [{ object: 'customer', action: 'read', scope: 'all' }],
        fieldRules: [{ object: 'customer', field: 'custom.constructor', rule: 'masked' }],
      }),
      201,
    );
    ok(
      await call({
        method: 'PUT',
        url: `/api/v1/users/${company.users.legal}/roles`,
        headers: admin,
        payload: { roleIds: [role.id] },
      }),
    );
    const legal = await company.as('legal');
    expect(ok(await get(`/api/v1/customers/${without.id}`, legal)).custom).toEqual({});
    const masked = ok(await get(`/api/v1/customers/${withValue.id}`, legal));
    expect(masked.custom).toEqual({ constructor: '机**' });
    expect(Object.hasOwn(masked, 'toString')).toBe(false);
  });
});

describe('the NUL character and broken UTF-16 in text', () => {
  const nul = 'a\u0000b';

  it('in a filter value names the filter field', async () => {
    expectFieldError(await get(`/api/v1/customers${qs({ filter: { name: nul } })}`, admin), 'filter.name');
    expectFieldError(
      await get(`/api/v1/customers${qs({ filter: { name: { startsWith: nul } } })}`, admin),
      'filter.name.startsWith',
    );
  });

  it('in a query parameter names the parameter', async () => {
    expectFieldError(await get('/api/v1/customers?q=a%00b', admin), 'query.q');
    expectFieldError(await get('/api/v1/audit?recordType=cust%00omer', admin), 'query.recordType');
  });

  it('in a body names the field, on create and update, nested too', async () => {
    expectFieldError(await post('/api/v1/customers', admin, { name: nul }), 'name');
    expectFieldError(await post('/api/v1/customers', admin, { name: '正常', tags: ['ok', nul] }), 'tags.1');
    expectFieldError(await patch(`/api/v1/customers/${customerId}`, admin, { version: 1, region: nul }), 'region');
    expectFieldError(await post('/api/v1/roles', admin, { name: nul, grants: [] }), 'name');
  });

  it('as an object key names the key (shown escaped)', async () => {
    const res = await post('/api/v1/customers', admin, { name: '键名', custom: { ['k\u0000']: 1 } });
    expectFieldError(res, 'custom.k\\u0000');
  });

  it('an unpaired surrogate (only JSON can carry one) is not valid text', async () => {
    expectFieldError(await post('/api/v1/customers', admin, { name: 'x\ud800y' }), 'name');
    expectFieldError(await get(`/api/v1/customers${qs({ filter: { name: '\ud800' } })}`, admin), 'filter.name');
  });

  it('nothing was written by the refused requests', async () => {
    const list = ok(await get(`/api/v1/customers${qs({ q: '键名', limit: 200 })}`, admin));
    expect(list).toEqual([]);
  });
});

describe('timestamps outside years 1–9999', () => {
  it.each(['99999-01-01', '+099999-01-01T00:00:00Z', '+010000-01-01T00:00:00.000Z', '-000001-01-01T00:00:00Z'])(
    'a filter on a timestamp refuses %s',
    async (value) => {
      expectFieldError(
        await get(`/api/v1/customers${qs({ filter: { createdAt: { gte: value } } })}`, admin),
        'filter.createdAt.gte',
      );
    },
  );

  it('a body timestamp that is year 10000 in UTC is refused at validation', async () => {
    const late = '9999-12-31T23:59:59-05:00';
    expectFieldError(
      await post('/api/v1/followups', admin, { customerId, kind: 'call', content: '超界时间', occurredAt: late }),
      'occurredAt',
    );
    expectFieldError(await post('/api/v1/api-keys', admin, { name: 'late', expiresAt: late }), 'expiresAt');
  });

  it('a body timestamp that is year 0 in UTC is refused at validation', async () => {
    expectFieldError(
      await post('/api/v1/followups', admin, {
        customerId,
        kind: 'call',
        content: '超界时间',
        occurredAt: '0001-01-01T00:30:00+01:00',
      }),
      'occurredAt',
    );
  });

  it('the last representable instant is accepted', async () => {
    const res = await post('/api/v1/followups', admin, {
      customerId,
      kind: 'call',
      content: '边界时间',
      nextStepAt: '9999-12-31T23:59:59Z',
    });
    expect(ok(res, 201).nextStepAt).toBe('9999-12-31T23:59:59.000Z');
  });
});

describe('malformed uploads', () => {
  const boundary = 'cairnFuzzBoundary';
  const part = (name: string, value: string, file?: string) =>
    `--${boundary}\r\ncontent-disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\ncontent-type: text/plain` : ''}\r\n\r\n${value}\r\n`;
  const send = (body: string | Buffer) =>
    call({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  const head = () => part('recordType', 'customer') + part('recordId', customerId);

  it('more than 10 form fields answers 400 saying so', async () => {
    const extra = Array.from({ length: 12 }, (_, i) => part(`note${i}`, 'x')).join('');
    const res = await send(head() + extra + part('file', 'hello', 'a.txt') + `--${boundary}--\r\n`);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.message).toMatch(/at most 10/);
  });

  it('two files answer 400 naming the file part, not "body too large"', async () => {
    const res = await send(
      head() + part('file', 'one', 'a.txt') + part('file', 'two', 'b.txt') + `--${boundary}--\r\n`,
    );
    expectFieldError(res, 'file');
    expect(res.body.error.message).toMatch(/one file/);
    expect(JSON.stringify(res.body)).not.toMatch(/too large|1048576/);
  });

  it('a body cut off before its closing boundary answers 400', async () => {
    const whole = multipart(
      { recordType: 'customer', recordId: customerId },
      { name: 'a.txt', type: 'text/plain', data: Buffer.alloc(4000, 'x') },
    );
    for (const cut of [whole.payload.length - 10, whole.payload.length - 2000, 120]) {
      const res = await call({
        method: 'POST',
        url: '/api/v1/attachments',
        headers: { ...admin, 'content-type': whole.contentType },
        payload: whole.payload.subarray(0, cut),
      });
      expect(res.status, `cut at ${cut}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.message).toMatch(/incomplete|ended/);
    }
  });

  it('no attachment was stored by the refused uploads', async () => {
    const list = ok(await get(`/api/v1/attachments${qs({ filter: { customerId }, limit: 200 })}`, admin));
    expect(list).toEqual([]);
  });
});

describe('unknown keys in create and update bodies', () => {
  const writable = allResources().filter((spec) => spec.path !== 'attachments');

  it.each(writable.filter((s) => s.operations?.create !== false).map((s) => [s.path]))(
    'POST /api/v1/%s names an unknown key',
    async (path) => {
      const res = await post(`/api/v1/${path}`, admin, { notAField: 1, alsoNot: 'x' });
      expect(res.status).toBe(400);
      expect(fieldPaths(res)).toEqual(expect.arrayContaining(['notAField', 'alsoNot']));
      expect(res.body.error.message).toMatch(/notAField/);
    },
  );

  it.each(
    allResources()
      .filter((s) => s.operations?.update !== false)
      .map((s) => [s.path]),
  )('PATCH /api/v1/%s/:id names an unknown key', async (path) => {
    const res = await patch(`/api/v1/${path}/${missingId()}`, admin, { version: 1, notAField: true });
    expectFieldError(res, 'notAField');
  });

  it('an unknown key inside a nested object is named with its path', async () => {
    const res = await post('/api/v1/contracts', admin, {
      customerId,
      number: `HT-${randomUUID().slice(0, 8)}`,
      title: '嵌套未知键',
      amountInclTax: '100.00',
      currency: 'CNY',
      installments: [{ dueDate: '2026-02-01', amount: '100.00', note: '备注' }],
    });
    expectFieldError(res, 'installments.0.note');
  });

  it('a known key is saved and an update with only known keys succeeds', async () => {
    const before = ok(await get(`/api/v1/customers/${customerId}`, admin));
    const updated = ok(
      await patch(`/api/v1/customers/${customerId}`, admin, { version: before.version, region: '华北' }),
    );
    expect(updated.region).toBe('华北');
  });
});

describe('found by the route fuzz test', () => {
  const cursorOf = (v: unknown, s = 'name') =>
    Buffer.from(JSON.stringify({ s, v, id: '01900000-0000-7000-8000-000000000000' })).toString('base64url');

  it.each([[{ a: 1 }], [[1, 2]], [true], ['a\u0000b']])(
    'a cursor whose sort value is %j is refused, not a 500',
    async (v) => {
      expectFieldError(await get(`/api/v1/customers${qs({ sort: 'name', cursor: cursorOf(v) })}`, admin), 'cursor');
    },
  );

  it('a cursor issued for another sort does not echo arbitrary text back', async () => {
    const res = await get(
      `/api/v1/customers${qs({ sort: 'name', cursor: cursorOf('x', "'; select 1 from users --") })}`,
      admin,
    );
    expectFieldError(res, 'cursor');
    expect(res.body.error.message).not.toMatch(/select/);
  });

  it('a filter that is not an object is refused for a user with hidden fields too', async () => {
    const roles = ok(await get('/api/v1/roles', admin)) as Array<{ id: string; name: string; version: number }>;
    const rep = roles.find((r) => r.name === '销售代表')!;
    ok(
      await patch(`/api/v1/roles/${rep.id}`, admin, {
        version: rep.version,
        fieldRules: [{ object: 'customer', field: 'region', rule: 'hidden' }],
      }),
    );
    const sales1 = await company.as('sales1');
    for (const filter of ['null', '[]', '1', '"x"'])
      expectFieldError(await get(`/api/v1/customers?filter=${encodeURIComponent(filter)}`, sales1), 'filter');
  });

  it('a sandboxed new hire lists installments and asks about them without a 500', async () => {
    const intern = await company.as('intern');
    const installment = ok(await get('/api/v1/installments?limit=1', admin))[0];
    expect(installment).toBeDefined();
    expect((await get('/api/v1/installments', intern)).status).toBe(200);
    expect((await get(`/api/v1/installments/${installment.id}`, intern)).status).toBeLessThan(500);
    expect(
      (await get(`/api/v1/audit${qs({ recordType: 'installment', recordId: installment.id })}`, intern)).status,
    ).toBeLessThan(500);
    const explain = await get(
      `/api/v1/access/explain${qs({ userId: company.users.intern, recordType: 'installment', recordId: installment.id })}`,
      admin,
    );
    expect(explain.status).toBe(200);
  });

  it('an overlong path parameter or a broken percent-encoding answers 400 in the error shape', async () => {
    for (const url of [`/api/v1/customers/${'x'.repeat(300)}`, '/api/v1/customers/%E0%A4%A']) {
      const res = await get(url, admin);
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
