import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import '../domains/register-all.ts';
import { demoCompany, type Company } from '../../tests/support/test-app.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { expectFieldError, get, ok, post, type Headers } from '../../tests/support/resource-helpers.ts';
import { v1Document, v2Document } from '../../tests/support/report-fixture.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { canonicalJson, documentHash } from './definition-schema.ts';

let company: Company;
let admin: Headers;
/** Approves: four-eyes, never the author (admin). */
let finance: Headers;

beforeAll(async () => {
  company = await demoCompany({ customers: 0, orders: 0 });
  admin = await company.as('admin');
  finance = await company.as('finance');
}, 120_000);

const create = async (name: string) =>
  ok(
    await post('/api/v1/metric-definitions', admin, {
      name,
      semver: '1.0',
      validFrom: '2026-01-01',
      document: v1Document,
      changeNote: '初版',
    }),
    201,
  );

describe('metric definitions (口径) as versioned data', () => {
  it('validates the document with zod and names the offending field', async () => {
    const bad = { ...v1Document, basis: 'booked', extra: 1 };
    const res = await post('/api/v1/metric-definitions', admin, {
      name: '坏口径',
      semver: '1.0',
      validFrom: '2026-01-01',
      document: bad,
      changeNote: 'x',
    });
    expectFieldError(res, 'document.basis');
    expectFieldError(
      await post('/api/v1/metric-definitions', admin, {
        name: '坏版本',
        semver: 'v1',
        validFrom: '2026-01-01',
        document: v1Document,
        changeNote: 'x',
      }),
      'semver',
    );
  });

  it('a new version is a draft until approved; approved versions never change; each version keeps its diff', async () => {
    const created = await create('版本口径');
    const first = created.versions[0];
    expect(first).toMatchObject({ semver: '1.0', status: 'draft', authorId: company.users.admin, approverId: null });
    expect(first.hash).toBe(documentHash(v1Document));
    ok(await post(`/api/v1/metric-definitions/${created.id}/versions/${first.id}/approve`, finance));
    const again = await post(`/api/v1/metric-definitions/${created.id}/versions/${first.id}/approve`, finance);
    expect(again.status).toBe(409);

    const draft = ok(
      await post(`/api/v1/metric-definitions/${created.id}/versions`, await company.as('finance'), {
        semver: '2.0',
        validFrom: '2026-04-01',
        document: v2Document,
        changeNote: '按回款',
      }),
      201,
    );
    const loaded = ok(await get(`/api/v1/metric-definitions/${created.id}`, admin));
    const second = loaded.versions.find((v: any) => v.id === draft.versionId);
    expect(second).toMatchObject({ status: 'draft', authorId: company.users.finance, basedOn: first.id });
    expect(second.diff.from).toBe('1.0');
    expect(second.diff.changes).toEqual(
      expect.arrayContaining([
        { path: 'document.basis', from: 'signed', to: 'received' },
        { path: 'document.amount', from: 'taxInclusive', to: 'net' },
        { path: 'document.dedupKey', from: [], to: ['customer', 'sku', 'day'] },
        { path: 'validFrom', from: '2026-01-01', to: '2026-04-01' },
      ]),
    );
    // a draft does not count: a report over April still runs under 1.0
    const report = ok(
      await post('/api/v1/reports/run', admin, {
        definitionId: created.id,
        from: '2026-04-01',
        to: '2026-04-30',
        groupBy: [],
      }),
    );
    expect(report.stamp.version).toBe('1.0');

    // four-eyes: the author of 2.0 (finance) cannot approve it; someone else (admin) can
    const own = await post(`/api/v1/metric-definitions/${created.id}/versions/${draft.versionId}/approve`, finance);
    expect(own.status).toBe(403);
    expect(own.body.error).toMatchObject({ code: 'SELF_APPROVAL', details: { versionId: draft.versionId } });
    const still = ok(await get(`/api/v1/metric-definitions/${created.id}`, admin));
    expect(still.versions.find((v: any) => v.id === draft.versionId)).toMatchObject({
      status: 'draft',
      approverId: null,
    });
    const approved = ok(
      await post(`/api/v1/metric-definitions/${created.id}/versions/${draft.versionId}/approve`, admin),
    );
    expect(approved.versions.find((v: any) => v.id === draft.versionId)).toMatchObject({
      status: 'approved',
      authorId: company.users.finance,
      approverId: company.users.admin,
    });

    // the database itself refuses to change an approved version
    const database = await testDatabase();
    await expect(
      withTenant(database.db, company.tenantId, (trx) =>
        sql`update metric_definition_versions set change_note = 'rewritten' where tenant_id = ${company.tenantId} and id = ${first.id}`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      withTenant(database.db, company.tenantId, (trx) =>
        sql`delete from metric_definition_versions where tenant_id = ${company.tenantId} and id = ${first.id}`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/immutable/);
  });

  it('every change (new definition, draft, approval, rollback) leaves an audit row with who and the diff', async () => {
    const created = await create('审计口径');
    ok(await post(`/api/v1/metric-definitions/${created.id}/versions/${created.versions[0].id}/approve`, finance));
    const draft = ok(
      await post(`/api/v1/metric-definitions/${created.id}/versions`, admin, {
        semver: '2.0',
        validFrom: '2026-04-01',
        document: v2Document,
        changeNote: '按回款',
      }),
      201,
    );
    ok(await post(`/api/v1/metric-definitions/${created.id}/versions/${draft.versionId}/approve`, finance));
    ok(await post(`/api/v1/metric-definitions/${created.id}/rollback`, admin, { toVersion: '1.0' }), 201);
    const database = await testDatabase();
    const rows = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'record_type', 'changes', 'request_id'])
        .where('tenant_id', '=', company.tenantId)
        .where('record_id', '=', created.id)
        .execute(),
    );
    const actions = rows.map((r) => r.action);
    expect([...actions].sort()).toEqual(
      [
        'metric_definition.approve',
        'metric_definition.approve',
        'metric_definition.draft',
        'metric_definition.draft',
        'metric_definition.rollback',
      ].sort(),
    );
    expect(rows.every((r) => r.record_type === 'metric_definition')).toBe(true);
    // who: the author (admin) for drafts and the rollback, the approver (finance) for approvals
    expect(rows.map((r) => [r.action, r.actor_id]).sort()).toEqual(
      rows
        .map((r) => [r.action, r.action === 'metric_definition.approve' ? company.users.finance : company.users.admin])
        .sort(),
    );
    const changes = (action: string, semver: string) =>
      rows
        .map((r) => (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as Record<string, any>)
        .find((c, i) => rows[i]!.action === action && c.semver.after === semver)!;
    const v2 = changes('metric_definition.draft', '2.0');
    expect(v2.semver.before).toBe('1.0');
    expect(v2.versionId.after).toBe(draft.versionId);
    expect(v2.diff.after).toEqual(expect.arrayContaining([{ path: 'document.basis', from: 'signed', to: 'received' }]));
    expect(changes('metric_definition.approve', '2.0').status).toEqual({ before: 'draft', after: 'approved' });
    const rollback = changes('metric_definition.rollback', '3.0');
    expect(rollback.hash.after).toBe(documentHash(v1Document));
    expect(rollback.status.after).toBe('approved');
  });

  it('rollback publishes a new approved version equal to the old one; history stays', async () => {
    const created = await create('回滚口径');
    ok(await post(`/api/v1/metric-definitions/${created.id}/versions/${created.versions[0].id}/approve`, finance));
    const v2 = ok(
      await post(`/api/v1/metric-definitions/${created.id}/versions`, admin, {
        semver: '2.0',
        validFrom: '2026-04-01',
        document: v2Document,
        changeNote: '按回款',
      }),
      201,
    );
    ok(await post(`/api/v1/metric-definitions/${created.id}/versions/${v2.versionId}/approve`, finance));
    const rolled = ok(
      await post(`/api/v1/metric-definitions/${created.id}/rollback`, admin, {
        toVersion: '1.0',
        validFrom: '2026-06-01',
      }),
      201,
    );
    const versions = rolled.versions;
    expect(versions.map((v: any) => [v.semver, v.status])).toEqual([
      ['1.0', 'approved'],
      ['2.0', 'approved'],
      ['3.0', 'approved'],
    ]);
    const [v1, , v3] = versions;
    expect(v3.id).toBe(rolled.versionId);
    expect(v3.rolledBackTo).toBe(v1.id);
    expect(v3.hash).toBe(v1.hash);
    expect(canonicalJson(v3.document)).toBe(canonicalJson(v1.document));
    expect(v3.changeNote).toBe('回滚到 V1.0');
    expect(v3.diff.changes).toEqual(
      expect.arrayContaining([{ path: 'document.basis', from: 'received', to: 'signed' }]),
    );
    // from its validFrom on, reports run under the rolled-back rule again
    const june = ok(
      await post('/api/v1/reports/run', admin, {
        definitionId: created.id,
        from: '2026-06-01',
        to: '2026-06-30',
        groupBy: [],
      }),
    );
    expect(june.stamp).toMatchObject({ version: '3.0', hash: v1.hash, validFrom: '2026-06-01' });
    expectFieldError(
      await post(`/api/v1/metric-definitions/${created.id}/rollback`, admin, { toVersion: '9.0' }),
      'toVersion',
    );
  });

  it('only a definition manager changes definitions; report readers read them', async () => {
    const rep = await company.as('sales1');
    const res = await post('/api/v1/metric-definitions', rep, {
      name: 'x',
      semver: '1.0',
      validFrom: '2026-01-01',
      document: v1Document,
      changeNote: 'x',
    });
    expect(res.status).toBe(403);
    const list = ok(await get('/api/v1/metric-definitions', rep));
    expect(list.some((d: any) => d.name === '销售业绩口径')).toBe(true);
  });

  it('the demo seeds 销售业绩口径 V1.0 (signed, tax-inclusive, 2026-01-01) and V2.0 (received, net, CNY midpoint, dedup)', async () => {
    const list = ok(await get('/api/v1/metric-definitions', admin));
    const sales = list.find((d: any) => d.name === '销售业绩口径');
    expect(
      sales.versions.map((v: any) => [v.semver, v.validFrom, v.status, v.document.basis, v.document.amount]),
    ).toEqual([
      ['1.0', '2026-01-01', 'approved', 'signed', 'taxInclusive'],
      ['2.0', '2026-04-01', 'approved', 'received', 'net'],
    ]);
    expect(sales.versions[1].document.dedupKey).toEqual(['customer', 'sku', 'day']);
    expect(sales.versions[1].document.currency).toMatchObject({
      target: 'CNY',
      rateRule: 'basisDate',
      rateSet: 'CFETS-midpoint',
    });
  });
});
