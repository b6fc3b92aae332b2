import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import { del, expectError, get, ok, patch, post, type Headers } from '../support/resource-helpers.ts';

const channels = '/api/v1/channels';
let company: Company;
let admin: Headers;
let sales1: Headers;

beforeAll(async () => {
  company = await demoCompany();
  [admin, sales1] = await Promise.all([company.as('admin'), company.as('sales1')]);
  ok(
    await post('/api/v1/custom-fields', admin, {
      objectType: 'customer',
      key: 'budget',
      label: '预算',
      type: 'number',
      sortOrder: 1,
    }),
    201,
  );
});

const webForm = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: '官网表单',
  kind: 'webhook',
  serviceUserId: company.users.admin,
  mapping: [
    { source: 'company', target: 'name', transforms: [{ op: 'trim' }] },
    { source: 'phone', target: 'mainPhone', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }, { op: 'phone' }] },
  ],
  ...extra,
});

describe('channels', () => {
  it('creates a webhook channel and answers its secret once; reading it never shows the secret', async () => {
    const res = await post(channels, admin, webForm('site-form'));
    const body = res.body;
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.secret).toMatch(/^chs_/);
    expect(body.data).toMatchObject({
      key: 'site-form',
      kind: 'webhook',
      trigger: 'realtime',
      mergePolicy: { default: 'nonNullWins' },
      matchOrder: ['externalId', 'creditCode', 'phone', 'name'],
      health: { status: 'ok', errors: [] },
    });
    const read = ok(await get(`${channels}/${body.data.id}`, admin));
    expect(JSON.stringify(read)).not.toContain(body.secret);
    const list = ok(await get(channels, admin));
    expect(list.map((c: { key: string }) => c.key)).toContain('site-form');
  });

  it('keeps keys unique per company and URL-safe', async () => {
    ok(await post(channels, admin, webForm('dup-key')), 201);
    expectError(await post(channels, admin, webForm('dup-key')), 409, 'DUPLICATE_RECORD');
    expectError(await post(channels, admin, webForm('Not Safe/')), 400, 'VALIDATION_FAILED');
  });

  it('refuses a text phone onto a number field at save time, naming the field and the reason (seed case)', async () => {
    const res = await post(
      channels,
      admin,
      webForm('phone-number', { mapping: [{ source: 'phone', target: 'custom.budget' }] }),
    );
    expectError(res, 400, 'MAPPING_LOSSY');
    expect(res.body.error.details.fields).toEqual([
      expect.objectContaining({ target: 'custom.budget', message: expect.stringMatching(/leading zeros.*\+86/) }),
    ]);
  });

  it('lists every lossy conversion: text → number, decimal → integer-like, datetime → date, truncation', async () => {
    const res = await post(
      channels,
      admin,
      webForm('lossy', {
        mapping: [
          { source: 'amount', target: 'custom.budget' },
          { source: 'seen', sourceType: 'datetime', target: 'updatedAt' },
          { source: 'long', target: 'region', maxLength: 500 },
        ],
      }),
    );
    expectError(res, 400, 'MAPPING_LOSSY');
    const targets = res.body.error.details.fields.map((f: { target: string }) => f.target);
    expect(targets).toEqual(['custom.budget', 'region']);
    const explicit = await post(
      channels,
      admin,
      webForm('number-parse', {
        mapping: [{ source: 'amount', target: 'custom.budget', transforms: [{ op: 'number' }] }],
      }),
    );
    expect(explicit.status, JSON.stringify(explicit.body)).toBe(201);
  });

  it('refuses an ill-typed mapping with MAPPING_INVALID naming each field', async () => {
    const res = await post(
      channels,
      admin,
      webForm('invalid', {
        mapping: [
          { source: 'x', target: 'nope' },
          { source: 'lvl', target: 'level', transforms: [{ op: 'enum', map: { 重要: 'Z' } }] },
          { source: 'flag', sourceType: 'boolean', target: 'custom.budget' },
        ],
      }),
    );
    expectError(res, 400, 'MAPPING_INVALID');
    const targets = res.body.error.details.fields.map((f: { target: string }) => f.target);
    expect(targets).toEqual(['nope', 'level', 'custom.budget']);
  });

  it('shows a missing grant of the service identity as an error on the channel health (seed case)', async () => {
    const created = ok(await post(channels, admin, webForm('no-grants', { serviceUserId: company.users.legal })), 201);
    expect(created.health.status).toBe('error');
    expect(created.health.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/runBackgroundSync/), expect.stringMatching(/customer\.create/)]),
    );
    // a channel without a given identity gets a service user of its own, with nothing granted yet
    const own = ok(await post(channels, admin, { ...webForm('own-user'), serviceUserId: undefined }), 201);
    expect(own.serviceUserId).not.toBe(company.users.admin);
    expect(own.health.status).toBe('error');
  });

  it('patches with a version, re-checks the mapping, and deletes', async () => {
    const created = ok(await post(channels, admin, webForm('patched')), 201);
    const url = `${channels}/${created.id}`;
    const changed = ok(await patch(url, admin, { version: 1, name: '新名字', mergePolicy: { default: 'newestWins' } }));
    expect(changed).toMatchObject({ name: '新名字', version: 2, mergePolicy: { default: 'newestWins' } });
    expectError(await patch(url, admin, { version: 1, name: 'x' }), 409, 'VERSION_CONFLICT');
    expectError(
      await patch(url, admin, { version: 2, mapping: [{ source: 'tel', target: 'custom.budget' }] }),
      400,
      'MAPPING_LOSSY',
    );
    expectError(await patch(url, admin, { version: 2, trigger: 'scheduled' }), 400, 'VALIDATION_FAILED');
    expect((await del(url, admin)).status).toBe(204);
    expectError(await get(url, admin), 404, 'NOT_FOUND');
  });

  it('needs the manageIntegrations permission', async () => {
    expectError(await get(channels, sales1), 403, 'MISSING_GRANT');
    expectError(await post(channels, sales1, webForm('by-sales')), 403, 'MISSING_GRANT');
  });
});
