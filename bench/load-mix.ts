import type { BenchTenant } from './bench-data.ts';
import { rawSqlShapes, type RawQuery } from './raw-sql.ts';

/** 50 slots: 35 lists (70%), 10 detail reads (20%), 4 updates (8%), 1 create (2%), interleaved. */
export const mixSlots: Array<'list' | 'detail' | 'update' | 'create'> = Array.from({ length: 50 }, (_, i) =>
  i % 5 === 2 ? 'detail' : i === 44 ? 'create' : i % 10 === 4 ? 'update' : 'list',
);

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** Customers updated by the HTTP mix (first half) and by the raw-SQL mix (second half), never both. */
function updateTargets(tenant: BenchTenant) {
  const half = Math.floor(tenant.customerIds.length / 2);
  return { http: tenant.customerIds.slice(0, half), raw: tenant.customerIds.slice(half) };
}

interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}

/**
 * The HTTP mix as autocannon requests. Lists are spread over a sales rep (own customers), a
 * manager (department subtree) and an administrator; detail reads, updates and creates are the
 * administrator's. Each update of a customer carries the version its previous update left, so
 * none conflicts as long as every update succeeds.
 */
export function httpMix(tenant: BenchTenant, runId: string): AutocannonRequest[] {
  const filter = (f: object) => encodeURIComponent(JSON.stringify(f));
  const lists = [
    {
      path: `/api/v1/customers?filter=${filter({ ownerId: tenant.repId, status: 'active' })}&sort=-updatedAt&limit=50`,
      token: tenant.tokens.rep,
    },
    {
      path: `/api/v1/customers?filter=${filter({ status: 'active', level: { in: ['A', 'B'] } })}&sort=-updatedAt&limit=50`,
      token: tenant.tokens.manager,
    },
    {
      path: `/api/v1/customers?filter=${filter({ status: 'active', level: { in: ['A', 'B'] } })}&sort=-updatedAt&limit=50`,
      token: tenant.tokens.admin,
    },
  ];
  const targets = updateTargets(tenant).http;
  let detail = 0;
  let updates = 0;
  let creates = 0;
  let listTurn = 0;
  return mixSlots.map((slot): AutocannonRequest => {
    switch (slot) {
      case 'list': {
        const list = lists[listTurn++ % lists.length]!;
        return { method: 'GET', path: list.path, headers: bearer(list.token) };
      }
      case 'detail':
        return {
          method: 'GET',
          path: '/',
          headers: bearer(tenant.tokens.admin),
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/customers/${tenant.customerIds[detail++ % tenant.customerIds.length]}`,
          }),
        };
      case 'update':
        return {
          method: 'PATCH',
          path: '/',
          headers: bearer(tenant.tokens.admin),
          setupRequest: (req) => {
            const n = updates++;
            const id = targets[n % targets.length]!;
            const version = Math.floor(n / targets.length) + 1;
            return { ...req, path: `/api/v1/customers/${id}`, body: JSON.stringify({ version, level: 'ABCD'[n % 4] }) };
          },
        };
      case 'create':
        return {
          method: 'POST',
          path: '/api/v1/customers',
          headers: bearer(tenant.tokens.admin),
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ name: `压测新建客户${runId}-${creates++}`, level: 'B', region: '华东' }),
          }),
        };
    }
  });
}

/** The same mix as single raw statements (bench/raw-sql.ts shapes), one per slot. */
export function rawMix(tenant: BenchTenant, runId: string): Array<(query: RawQuery) => Promise<unknown>> {
  const shapes = rawSqlShapes(tenant);
  const lists = [shapes.listRep, shapes.listManager, shapes.listAdmin];
  const targets = updateTargets(tenant).raw;
  let detail = 0;
  let updates = 0;
  let creates = 0;
  let listTurn = 0;
  return mixSlots.map((slot) => {
    switch (slot) {
      case 'list': {
        const list = lists[listTurn++ % lists.length]!;
        return (query) => query(...list());
      }
      case 'detail':
        return (query) => query(...shapes.point(detail++));
      case 'update':
        return (query) =>
          query(
            `update customers set level = $3, version = version + 1, updated_at = now(), updated_by = $4
             where tenant_id = $1 and id = $2 and deleted_at is null`,
            [tenant.tenantId, targets[updates % targets.length], 'ABCD'[updates++ % 4], tenant.adminId],
          );
      case 'create':
        return (query) => query(...shapes.create(`原始SQL压测客户${runId}-${creates++}`));
    }
  });
}
