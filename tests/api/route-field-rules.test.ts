import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../server/http/app.ts';
import { allFields } from '../../server/resources/list-query.ts';
import { allResources, getResource } from '../../server/resources/registry.ts';
import { objectOfResource } from '../../server/access/model.ts';
import '../../server/domains/register-all.ts';
import { call, demoCompany, testApp, type Company } from '../support/test-app.ts';
import { del, get, ok, patch, post, qs, type Headers, type Res } from '../support/resource-helpers.ts';
import { deleteContractApproved, withStepUp } from '../support/guard-helpers.ts';
import { expectMaskedReportSums, probeReportRoute, probeSnapshotRoute } from '../support/report-probes.ts';
import { probeSyncBatch } from '../support/sync-probes.ts';
import {
  PROBER,
  canaryCustomer,
  leaksIn,
  plantCanaries,
  proberRules,
  upload,
  canaryOfPath,
  type Canaries,
} from '../support/canary-records.ts';

import { noRecordData, probeOnly } from '../support/route-field-classes.ts';

let company: Company;
let admin: Headers;
let prober: Headers;
let canaries: Canaries;
let routes: RouteEntry[];

beforeAll(async () => {
  company = await demoCompany({ customers: 6, orders: 3 });
  admin = await company.as('admin');
  canaries = await plantCanaries(company);
  prober = await company.as(PROBER);
  routes = (await testApp()).app.routeTable.filter(
    (r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && r.method !== 'OPTIONS',
  );
}, 120_000);

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const includeAll = (path: string) => Object.keys(getResource(path).includes ?? {}).join(',') || undefined;

/** What the prober may create of each kind without writing a field their rules protect. */
const createPayload = (path: string): Record<string, unknown> =>
  ({
    customers: { name: `巡检客户${Date.now()}` },
    contacts: { customerId: canaries.customer, name: '巡检联系人' },
    opportunities: { customerId: canaries.customer, name: '巡检商机', amount: '1' },
    followups: { customerId: canaries.customer, kind: 'visit', content: '拜访' },
    contracts: { customerId: canaries.customer, number: `HT-巡检-${Date.now()}`, currency: 'CNY', amountInclTax: '1' },
    payments: { contractId: canaries.contract, amount: '1.00', receivedDate: '2030-01-03' },
    products: { sku: `SKU-P-${Date.now()}`, name: '巡检产品', unitPrice: '1' },
    orders: { customerId: canaries.customer, sku: 'SKU-CANARY', quantity: 1 },
    users: { username: `probe${Date.now()}`, displayName: '巡检用户' },
    departments: { name: `巡检部门${Date.now()}` },
    'custom-fields': { objectType: 'contact', key: `k${Date.now()}`, label: '巡检', type: 'text' },
  })[path]!;

/** Paths whose create needs a field the prober's rules protect: the refusal is the answer. */
const refusedCreates = new Set(['opportunities', 'followups', 'contracts']);

async function versionOf(path: string, id: string) {
  return ok(await get(`/api/v1/${path}/${id}`, admin)).version as number;
}

/** Deletes a planted record of `path` as the admin (with the guards it needs) and returns its id. */
async function deletedCanary(path: string): Promise<string> {
  if (path === 'contracts') {
    const contract = ok(
      await post('/api/v1/contracts', admin, {
        customerId: canaries.customer,
        number: `HT-金丝雀-${Date.now()}`,
        title: 'CTITLECANARY',
        currency: 'CNY',
        amountInclTax: '97531.86',
      }),
      201,
    );
    await deleteContractApproved(company, contract.id, 'admin');
    return contract.id;
  }
  if (path === 'attachments') {
    const attachment = ok(await upload(admin, 'customer', canaries.customer), 201);
    ok(await del(`/api/v1/attachments/${attachment.id}`, await withStepUp(company, 'admin')));
    return attachment.id;
  }
  const id =
    path === 'customers'
      ? (await canaryCustomer(admin, '待恢复')).id
      : path === 'custom-fields'
        ? ok(
            await post('/api/v1/custom-fields', admin, {
              objectType: 'opportunity',
              key: `r${Date.now()}`,
              label: '恢复',
              type: 'text',
            }),
            201,
          ).id
        : path === 'departments'
          ? ok(await post('/api/v1/departments', admin, { name: `恢复部门${Date.now()}` }), 201).id
          : path === 'users'
            ? ok(
                await post('/api/v1/users', admin, {
                  username: `restore${Date.now()}`,
                  displayName: '恢复',
                  phone: '13657319463',
                  employeeNo: 'EMPCANARY2',
                }),
                201,
              ).id
            : canaries[canaryOfPath[path]!];
  ok(await del(`/api/v1/${path}/${id}`, admin));
  return id;
}

/** The requests that exercise a route as the prober. */
async function probe(route: RouteEntry): Promise<Res[]> {
  const [, , , path = '', second, third] = route.url.split('/');
  const resource = allResources().find((s) => s.path === path);
  const k = key(route);
  switch (k) {
    case 'GET /api/v1/audit': {
      const pages: Res[] = [];
      for (const [path, name] of Object.entries(canaryOfPath)) {
        const spec = getResource(path);
        pages.push(
          await get(
            `/api/v1/audit${qs({ recordType: spec.recordType, recordId: canaries[name], limit: 200 })}`,
            prober,
          ),
        );
      }
      let cursor: string | undefined;
      do {
        const page = await get(`/api/v1/audit${qs({ limit: 200, cursor })}`, prober);
        pages.push(page);
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      return pages;
    }
    case 'GET /api/v1/recycle-bin':
      await deletedCanary('attachments');
      return [await get(`/api/v1/recycle-bin${qs({ limit: 200 })}`, prober)];
    case 'POST /api/v1/recycle-bin/:type/:id/restore':
      return [await post(`/api/v1/recycle-bin/customer/${await deletedCanary('customers')}/restore`, prober)];
    case 'POST /api/v1/attachments':
      return [await upload(prober, 'customer', canaries.customer, 'probe.txt')];
    case 'GET /api/v1/attachments/:id/download':
      return [
        await call({ method: 'GET', url: `/api/v1/attachments/${canaries.attachment}/download`, headers: prober }),
      ];
    case 'GET /api/v1/followups/:id/amendments':
      return [await get(`/api/v1/followups/${canaries.followup}/amendments`, prober)];
    case 'POST /api/v1/followups/:id/amendments':
      return [await post(`/api/v1/followups/${canaries.followup}/amendments`, prober, { content: '巡检更正' })];
    case 'POST /api/v1/customers/merge': {
      const [target, source] = [await canaryCustomer(admin, '合并目标'), await canaryCustomer(admin, '合并来源')];
      return [
        await post('/api/v1/customers/merge', await withStepUp(company, PROBER), {
          targetId: target.id,
          sourceIds: [source.id],
        }),
      ];
    }
    case 'GET /api/v1/consistency/findings': {
      ok(await post('/api/v1/consistency/scan', admin, {}), 201);
      const pages: Res[] = [];
      let cursor: string | undefined;
      do {
        const page = await get(`/api/v1/consistency/findings${qs({ limit: 500, cursor })}`, prober);
        pages.push(page);
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      return pages;
    }
    case 'POST /api/v1/reports/run':
    case 'POST /api/v1/reports/drill':
    case 'POST /api/v1/reports/export':
      return probeReportRoute(route.url, admin, prober);
    case 'GET /api/v1/snapshots/:id':
    case 'GET /api/v1/snapshots/:id/restatement':
      return probeSnapshotRoute(k.endsWith('restatement'), admin, prober);
    case 'POST /api/v1/sync/batch':
      return probeSyncBatch(admin, prober, canaries);
    case 'GET /api/v1/wecom/contacts/:externalUserId': {
      const wecomId = `wmprobe${Date.now()}`;
      ok(await post('/api/v1/contacts', admin, { customerId: canaries.customer, name: '企微探针', wecomId }), 201);
      return [await get(`/api/v1/wecom/contacts/${wecomId}`, prober)];
    }
    case 'POST /api/v1/customers/export':
      return [
        await post('/api/v1/customers/export', prober, {
          fields: ['name', 'mainPhone', 'shortName', 'custom.budget', 'level'],
          format: 'csv',
        }),
      ];
  }
  if (resource && (second === undefined || second === ':id') && third === undefined) {
    const id = canaries[canaryOfPath[path]!];
    if (route.method === 'GET' && second === undefined)
      return [await get(`/api/v1/${path}${qs({ limit: 200, include: includeAll(path) })}`, prober)];
    if (route.method === 'GET') return [await get(`/api/v1/${path}/${id}${qs({ include: includeAll(path) })}`, prober)];
    if (route.method === 'PATCH')
      return [await patch(`/api/v1/${path}/${id}`, prober, { version: await versionOf(path, id) })];
    if (route.method === 'POST') return [await post(`/api/v1/${path}`, prober, createPayload(path))];
  }
  if (resource && third === 'restore') {
    const id = await deletedCanary(path);
    return [await post(`/api/v1/${path}/${id}/restore`, prober)];
  }
  throw new Error(`${k} is not classified: add a probe or list it in noRecordData`);
}

const hiddenNames = (object: string) =>
  proberRules.filter((r) => r.object === object && r.rule === 'hidden').map((r) => r.field);

/** Every presented record in a body: hidden fields of its object must be absent, custom ones included. */
function expectNoHiddenNames(res: Res, path: string) {
  const object = objectOfResource(path);
  if (!object || !res.body?.data) return;
  const hidden = hiddenNames(object);
  const records = Array.isArray(res.body.data) ? res.body.data : [res.body.data.target ?? res.body.data];
  for (const record of records) {
    for (const name of hidden) {
      if (name.startsWith('custom.')) expect(record.custom ?? {}, `${path}: ${name}`).not.toHaveProperty(name.slice(7));
      else expect(record, `${path}: ${name}`).not.toHaveProperty(name);
    }
  }
}

describe('every route that returns record data keeps field rules', () => {
  it('classifies every route', () => {
    const records = allResources().flatMap((spec) => {
      const ops = { create: true, update: true, delete: true, ...spec.operations };
      return [
        `GET /api/v1/${spec.path}`,
        `GET /api/v1/${spec.path}/:id`,
        ...(ops.create ? [`POST /api/v1/${spec.path}`] : []),
        ...(ops.update ? [`PATCH /api/v1/${spec.path}/:id`] : []),
        ...(ops.delete ? [`POST /api/v1/${spec.path}/:id/restore`] : []),
      ];
    });
    const deletes = routes.filter((r) => r.method === 'DELETE').map(key);
    for (const route of routes) {
      const k = key(route);
      const known = noRecordData[k] || deletes.includes(k) || records.includes(k) || probeOnly.includes(k);
      expect(known, `${k} is not classified`).toBeTruthy();
    }
  });

  it('reveals no hidden or masked value, and names no hidden field, on any of them', async () => {
    let probed = 0;
    for (const route of routes) {
      const k = key(route);
      if (noRecordData[k] || route.method === 'DELETE') continue;
      const path = route.url.split('/')[3] ?? '';
      for (const res of await probe(route)) {
        probed += 1;
        const createRefused = route.method === 'POST' && route.url === `/api/v1/${path}` && refusedCreates.has(path);
        if (createRefused) expect(res.body?.error?.code, k).toBe('FIELD_READONLY');
        else expect(res.status, `${k}: ${res.res.body.slice(0, 300)}`).toBeLessThan(300);
        expect(leaksIn(res), k).toEqual([]);
        if (!k.includes('audit') && !k.includes('recycle')) expectNoHiddenNames(res, path);
      }
    }
    console.info(`route-table field-rule check: ${probed} responses from ${routes.length} routes`);
    expect(probed).toBeGreaterThan(60);
    // the masked values arrive masked where they are shown at all
    const customer = ok(await get(`/api/v1/customers/${canaries.customer}`, prober));
    expect(customer.mainPhone).toBe('138****9468');
    expect(customer.custom).toEqual({ budget: '***' });
    const contract = ok(await get(`/api/v1/contracts/${canaries.contract}`, prober));
    expect(contract.amountInclTax).toBe('***');
    expect(contract).not.toHaveProperty('installments');
    expect(ok(await get(`/api/v1/installments/${canaries.installment}`, prober)).amount).toBe('***');
    await expectMaskedReportSums(admin, prober);
  }, 300_000);

  it('counts a field of every object with records', () => {
    const objects = new Set(proberRules.map((r) => r.object));
    for (const spec of allResources()) {
      const object = spec.access.object;
      if (!object || ['settings'].includes(object) || spec.readableByAll || spec.scopeVia) continue;
      expect(objects.has(object), spec.path).toBe(true);
      for (const rule of proberRules.filter((r) => r.object === object && !r.field.startsWith('custom.')))
        expect(allFields(spec), `${spec.path}.${rule.field}`).toHaveProperty(rule.field);
    }
  });
});
