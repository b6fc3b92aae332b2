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

/**
 * Times a Cairn request and its raw-SQL shape alternately, `count` pairs after 20 warm-ups of each,
 * so that whatever else the shared machine does in this run weighs on both figures alike.
 */
export async function timePaired(
  count: number,
  cairn: (i: number) => Promise<unknown>,
  raw: (i: number) => Promise<unknown>,
): Promise<{ cairn: Percentiles; raw: Percentiles }> {
  for (let i = 0; i < 20; i++) {
    await cairn(-i - 1);
    await raw(-i - 1);
  }
  const samples = { cairn: [] as number[], raw: [] as number[] };
  const timed = async (into: number[], run: () => Promise<unknown>) => {
    const started = process.hrtime.bigint();
    await run();
    into.push(Number(process.hrtime.bigint() - started) / 1e6);
  };
  for (let i = 0; i < count; i++) {
    await timed(samples.cairn, () => cairn(i));
    await timed(samples.raw, () => raw(i));
  }
  return { cairn: percentiles(samples.cairn), raw: percentiles(samples.raw) };
}
