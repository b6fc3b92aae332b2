import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabase } from '../support/test-database.ts';
import { demoCompany, testApp, type Company } from '../support/test-app.ts';
import { canaryOfPath, plantCanaries, type Canaries } from '../support/canary-records.ts';
import { del, get, ok, patch, post, restore, type Headers } from '../support/resource-helpers.ts';
import { captureStatements, type CapturedStatement } from '../support/statement-capture.ts';
import type { Database } from '../../server/db/database.ts';

// Citus routes a statement to one node when every distributed table in it is tied to the
// company: filtered by tenant_id, or joined on tenant_id to a table that is. A statement that
// reaches a tenant table through anything else (an id alone, a foreign key without tenant_id)
// would join across companies on Citus, and across nodes. This drives the API through its
// routes as two users, records every statement the app sends, and reads each one's plan: every
// scan of a tenant table must carry a tenant_id condition, its own or its join's.

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

const conditionKeys = ['Index Cond', 'Filter', 'Recheck Cond', 'Hash Cond', 'Merge Cond', 'Join Filter', 'TID Cond'];
const conditionsOf = (node: PlanNode) =>
  conditionKeys.map((key) => node[key]).filter((value): value is string => typeof value === 'string');

/** Scans of tenant tables with no tenant_id condition on themselves or on a join above them. */
export function untiedScans(plan: PlanNode, tenantTables: Set<string>, above: string[] = []): string[] {
  const here = [...above, ...conditionsOf(plan)];
  const ownAndChildren = [...conditionsOf(plan), ...(plan.Plans ?? []).flatMap((child) => conditionsOf(child))];
  const relation = plan['Relation Name'];
  const untied =
    relation &&
    tenantTables.has(relation) &&
    plan['Node Type'] !== 'ModifyTable' &&
    !plan['Node Type'].startsWith('Insert')
      ? [...here, ...ownAndChildren].some((condition) => /\btenant_id\b/.test(condition))
        ? []
        : [`${plan['Node Type']} on ${relation}${plan.Alias && plan.Alias !== relation ? ` ${plan.Alias}` : ''}`]
      : [];
  // a join's conditions tie the scans below it; a subplan starts afresh
  const joins = /Join|Nested Loop/.test(plan['Node Type']) ? conditionsOf(plan) : [];
  return [
    ...untied,
    ...(plan.Plans ?? []).flatMap((child) =>
      untiedScans(child, tenantTables, child['Parent Relationship'] === 'SubPlan' ? [] : [...above, ...joins]),
    ),
  ];
}

let database: Database;
let company: Company;
let admin: Headers;
let rep: Headers;
let canaries: Canaries;
let statements: CapturedStatement[];
let tenantTables: Set<string>;

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 6, orders: 3 });
  admin = await company.as('admin');
  rep = await company.as('sales1');
  canaries = await plantCanaries(company);
  const { rows } = await sql<{ table: string }>`
    select distinct c.relname as table from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')`.execute(database.owner);
  tenantTables = new Set(rows.map((r) => r.table));

  const capture = captureStatements();
  try {
    await tour();
  } finally {
    capture.stop();
  }
  statements = capture.captured;
}, 180_000);

afterAll(() => {
  statements = [];
});

/** Every GET route as the admin and as a rep (ids of planted records), and a customer's life. */
async function tour() {
  const routes = (await testApp()).app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/'));
  for (const route of routes) {
    const resource = /^\/api\/v1\/([\w-]+)/.exec(route.url)?.[1] ?? '';
    const id = canaries[canaryOfPath[resource] ?? 'customer'];
    const url = route.url
      .replace(/:id\b/g, id)
      .replace(/:type\b/g, resource.replace(/s$/, ''))
      .replace(/:\w+/g, id);
    for (const headers of [admin, rep]) await get(url, headers);
  }
  const filter = encodeURIComponent(JSON.stringify({ status: 'active', level: { in: ['A', 'B'] } }));
  for (const headers of [admin, rep])
    await get(`/api/v1/customers?filter=${filter}&sort=-updatedAt&limit=2&q=${encodeURIComponent('客户')}`, headers);
  const created = ok(await post('/api/v1/customers', admin, { name: `联表巡检${Date.now()}`, level: 'B' }), 201);
  ok(await patch(`/api/v1/customers/${created.id}`, admin, { level: 'A', version: created.version }));
  ok(await post('/api/v1/contacts', admin, { customerId: created.id, name: '巡检联系人' }), 201);
  await del(`/api/v1/customers/${created.id}`, admin);
  await restore(`/api/v1/customers/${created.id}`, admin);
  // reports: every seeded definition as both users, grouped by every dimension they may use
  for (const definition of ok(await get('/api/v1/metric-definitions', admin)))
    for (const headers of [admin, rep]) {
      const body = {
        definitionId: definition.id,
        from: '2026-01-01',
        to: '2026-12-31',
        groupBy: ['owner', 'department', 'industry', 'month'],
      };
      ok(await post('/api/v1/reports/run', headers, body));
      ok(await post('/api/v1/reports/drill', headers, { ...body, groupBy: [], cell: {} }));
    }
}

describe('no statement joins across companies (Citus-ready query paths)', () => {
  it('every scan of a tenant table in every statement the routes ran is tied to tenant_id', async () => {
    const explained = new Map<string, string[]>();
    for (const statement of statements) {
      if (statement.system || explained.has(statement.text)) continue;
      if (!/^\s*(select|insert|update|delete|with)\b/i.test(statement.text) || statement.text.includes(';')) continue;
      if (/\bpg_(catalog|class|prepared|stat|current|last)|current_setting\(|set_config\(/.test(statement.text))
        continue;
      const { rows } = await database.raw(`explain (format json) ${statement.text}`, statement.values);
      const plan = (rows[0] as { 'QUERY PLAN': Array<{ Plan: PlanNode }> })['QUERY PLAN'][0]!.Plan;
      explained.set(statement.text, untiedScans(plan, tenantTables));
    }
    // the tour reached the app's statements: lists, reads and writes of many tables
    expect(explained.size).toBeGreaterThan(60);
    const offending = [...explained]
      .filter(([, scans]) => scans.length)
      .map(([text, scans]) => `${scans.join(', ')} in: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
    expect(offending, 'statements that would join across companies on Citus').toEqual([]);
  });

  it('the check finds a scan reached by id alone, and a join on something other than tenant_id', async () => {
    const explain = async (text: string) =>
      (
        (await database.raw(`explain (format json) ${text}`, [])).rows[0] as { 'QUERY PLAN': Array<{ Plan: PlanNode }> }
      )['QUERY PLAN'][0]!.Plan;
    const tied = await explain(
      `select * from contacts c join customers k on k.tenant_id = c.tenant_id and k.id = c.customer_id
       where c.tenant_id = '${company.tenantId}'`,
    );
    expect(untiedScans(tied, tenantTables)).toEqual([]);
    const byId = await explain(`select * from customers where id = '${canaries.customer}'`);
    expect(untiedScans(byId, tenantTables)).toEqual([expect.stringMatching(/Scan on customers/)]);
    const crossJoin = await explain(
      `select * from contacts c join customers k on k.id = c.customer_id where c.tenant_id = '${company.tenantId}'`,
    );
    expect(untiedScans(crossJoin, tenantTables).length).toBeGreaterThan(0);
  });
});
