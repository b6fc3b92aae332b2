import { newId } from '../common/ids.ts';
import type { BenchTenant } from './bench-data.ts';

/** Runs one statement straight on the database (a pg pool, or PGlite's own query). */
export type RawQuery = (text: string, values: unknown[]) => Promise<unknown>;

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2));
  return { p50: at(50), p95: at(95), p99: at(99) };
}

async function time(count: number, run: (i: number) => Promise<unknown>): Promise<Percentiles> {
  for (let i = 0; i < 20; i++) await run(-i - 1);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await run(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentiles(samples);
}

const page = `order by updated_at desc, id desc limit 51`;

/**
 * The query shapes of bench:core's requests, sent as single statements without Cairn: the same
 * filters, scope and page, the point read by id, and a bare insert. This is the floor a request
 * can reach on this machine and database in this run.
 */
export const rawSqlShapes = (tenant: BenchTenant) => ({
  listRep: (): [string, unknown[]] => [
    `select * from customers where tenant_id = $1 and deleted_at is null and owner_id = $2 and status = 'active'
       and owner_id = $2 ${page}`,
    [tenant.tenantId, tenant.repId],
  ],
  listManager: (): [string, unknown[]] => [
    `select * from customers where tenant_id = $1 and deleted_at is null and status = 'active' and level in ('A', 'B')
       and owner_id in (select u.id from users u join departments d on d.tenant_id = u.tenant_id and d.id = u.department_id
                        where u.tenant_id = $1 and d.path like $2) ${page}`,
    [tenant.tenantId, `${tenant.managerPath}%`],
  ],
  listAdmin: (): [string, unknown[]] => [
    `select * from customers where tenant_id = $1 and deleted_at is null and status = 'active' and level in ('A', 'B') ${page}`,
    [tenant.tenantId],
  ],
  point: (i: number): [string, unknown[]] => [
    `select * from customers where tenant_id = $1 and id = $2 and deleted_at is null`,
    [tenant.tenantId, tenant.customerIds[Math.abs(i) % tenant.customerIds.length]],
  ],
  create: (name: string): [string, unknown[]] => [
    `insert into customers (id, tenant_id, name, level, region, owner_id, created_by, updated_by)
       values ($1, $2, $3, 'B', '华东', $4, $4, $4)`,
    [newId(), tenant.tenantId, name, tenant.adminId],
  ],
});

/** p50/p95/p99 of each raw shape, `count` times each. */
export async function measureRawSql(query: RawQuery, tenant: BenchTenant, count: number) {
  const shapes = rawSqlShapes(tenant);
  const runId = Date.now().toString(36);
  const run = (shape: [string, unknown[]]) => query(...shape);
  return {
    list: {
      rep: await time(count, () => run(shapes.listRep())),
      manager: await time(count, () => run(shapes.listManager())),
      admin: await time(count, () => run(shapes.listAdmin())),
    },
    point: await time(count, (i) => run(shapes.point(i))),
    create: await time(count, (i) => run(shapes.create(`原始SQL新建客户${runId}-${i}`))),
  };
}
