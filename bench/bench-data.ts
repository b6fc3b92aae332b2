import { sql, type Kysely } from 'kysely';
import { newId } from '../common/ids.ts';
import type { DB } from '../server/db/schema.ts';
import { asSystem, withTenant } from '../server/db/tenant-transaction.ts';
import { issueSessionToken } from '../server/auth/tokens.ts';
import { assignRoles, createRoles, demoRoleTemplates, salesRepTemplate } from '../server/access/standard-roles.ts';

export interface BenchTenant {
  tenantId: string;
  tokens: { rep: string; manager: string; admin: string };
  repId: string;
  adminId: string;
  /** The manager's department path (their subtree is every path below it). */
  managerPath: string;
  customerIds: string[];
}

const levels = ['A', 'B', 'C', 'D'];
const statuses = ['active', 'active', 'active', 'dormant', 'lost'];
const regions = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const industries = [
  '制造业',
  '医疗器械',
  '教育',
  '餐饮连锁',
  '软件与信息服务',
  '汽车零部件',
  '跨境电商',
  '新能源',
  '物流',
  '金融服务',
];

/** A deterministic pseudo-random sequence, so two runs seed the same shape of data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 200 departments in 5 levels (1 + 4 + 16 + 64 + 115), 2,000 users spread over them with a
 * manager per department, and `customers` customers owned round the users.
 */
export async function seedBenchTenant(
  db: Kysely<DB>,
  owner: Kysely<DB>,
  customers: number,
  log: (msg: string) => void,
): Promise<BenchTenant> {
  const tenantId = newId();
  const random = rng(42);
  await asSystem(db, (trx) =>
    trx
      .insertInto('tenants')
      .values({
        id: tenantId,
        name: `基准测试 ${new Date().toISOString()}`,
        slug: `bench-${tenantId.slice(-12)}`,
        settings: '{}',
      })
      .execute(),
  );

  const departments: Array<{ id: string; parent: string | null; path: string; level: number }> = [];
  const root = newId();
  departments.push({ id: root, parent: null, path: `/${root}/`, level: 1 });
  const fanout = [4, 4, 4];
  let frontier = [departments[0]!];
  for (const n of fanout) {
    const next = [];
    for (const parent of frontier) {
      for (let i = 0; i < n; i++) {
        const id = newId();
        const dep = { id, parent: parent.id, path: `${parent.path}${id}/`, level: parent.level + 1 };
        departments.push(dep);
        next.push(dep);
      }
    }
    frontier = next;
  }
  for (let i = 0; departments.length < 200; i++) {
    const parent = frontier[i % frontier.length]!;
    const id = newId();
    departments.push({ id, parent: parent.id, path: `${parent.path}${id}/`, level: 5 });
  }

  const users: Array<{ id: string; department: string; manager: string | null; role: string }> = [];
  const managers = new Map<string, string>();
  for (const dep of departments) {
    const id = newId();
    managers.set(dep.id, id);
    users.push({
      id,
      department: dep.id,
      manager: dep.parent ? null : null,
      role: dep.level === 1 ? 'admin' : 'member',
    });
  }
  for (const user of users) {
    const dep = departments.find((d) => d.id === user.department)!;
    user.manager = dep.parent ? managers.get(dep.parent)! : null;
  }
  while (users.length < 2000) {
    const dep = departments[users.length % departments.length]!;
    users.push({ id: newId(), department: dep.id, manager: managers.get(dep.id)!, role: 'member' });
  }

  await withTenant(db, tenantId, async (trx) => {
    for (const dep of departments) {
      await trx
        .insertInto('departments')
        .values({
          id: dep.id,
          tenant_id: tenantId,
          name: `部门${dep.level}-${dep.id.slice(-4)}`,
          parent_id: dep.parent,
          path: dep.path,
        })
        .execute();
    }
    for (let i = 0; i < users.length; i += 500) {
      await trx
        .insertInto('users')
        .values(
          users.slice(i, i + 500).map((u, j) => ({
            id: u.id,
            tenant_id: tenantId,
            username: `u${i + j}`,
            display_name: `用户${i + j}`,
            department_id: u.department,
            manager_id: null,
            role: u.role,
          })),
        )
        .execute();
    }
    for (const u of users)
      if (u.manager)
        await trx
          .updateTable('users')
          .set({ manager_id: u.manager })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', u.id)
          .execute();
  });
  log(`departments ${departments.length}, users ${users.length}`);

  const memberIds = users.filter((u) => u.role === 'member').map((u) => u.id);
  const customerIds: string[] = [];
  const batch = 5000;
  const started = Date.now();
  const base = Date.now() - 2 * 365 * 86400_000;
  for (let offset = 0; offset < customers; offset += batch) {
    const n = Math.min(batch, customers - offset);
    const cols = {
      id: [] as string[],
      name: [] as string[],
      level: [] as string[],
      status: [] as string[],
      region: [] as string[],
      industry: [] as string[],
      phone: [] as string[],
      e164: [] as string[],
      owner: [] as string[],
      updated: [] as string[],
    };
    for (let k = 0; k < n; k++) {
      const i = offset + k;
      const id = newId();
      cols.id.push(id);
      cols.name.push(`${regions[i % regions.length]}客户${i}号有限公司`);
      cols.level.push(levels[Math.floor(random() * 4)]!);
      cols.status.push(statuses[Math.floor(random() * statuses.length)]!);
      cols.region.push(regions[Math.floor(random() * regions.length)]!);
      cols.industry.push(industries[Math.floor(random() * industries.length)]!);
      const phone = `139${String(i).padStart(8, '0')}`;
      cols.phone.push(phone);
      cols.e164.push(`+86${phone}`);
      cols.owner.push(memberIds[Math.floor(random() * memberIds.length)]!);
      cols.updated.push(new Date(base + Math.floor(random() * 2 * 365 * 86400_000)).toISOString());
      if (customerIds.length < 2000 && random() < 0.05) customerIds.push(id);
    }
    await withTenant(db, tenantId, (trx) =>
      sql`insert into customers (id, tenant_id, name, level, status, region, industry, main_phone, main_phone_e164, owner_id, created_at, updated_at)
          select id, ${tenantId}::uuid, name, level, status, region, industry, phone, e164, owner, updated, updated
          from unnest(${cols.id}::uuid[], ${cols.name}::text[], ${cols.level}::text[], ${cols.status}::text[], ${cols.region}::text[],
                      ${cols.industry}::text[], ${cols.phone}::text[], ${cols.e164}::text[], ${cols.owner}::uuid[], ${cols.updated}::timestamptz[])
            as t(id, name, level, status, region, industry, phone, e164, owner, updated)`.execute(trx),
    );
    if ((offset / batch) % 20 === 0)
      log(`customers ${offset + n}/${customers} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  await withTenant(db, tenantId, async (trx) => {
    // 20 roles: the standard ones plus regional variants, as a mid-sized company would have
    const templates = [
      ...demoRoleTemplates.filter((t) => !t.parent || t.name === '实习生'),
      ...Array.from({ length: 20 }, (_, i) => ({ ...salesRepTemplate, name: `区域销售${i + 1}` })),
    ].slice(0, 20);
    const roles = await createRoles(trx, tenantId, templates, null);
    const pairs: Array<[string, string]> = users.map((u, i) => [
      u.id,
      roles.get(
        u.role === 'admin'
          ? '系统管理员'
          : managers.has(u.department) && managers.get(u.department) === u.id
            ? '销售总监'
            : i % 7 === 0
              ? `区域销售${(i % 12) + 1}`
              : '销售代表',
      )!,
    ]);
    await assignRoles(
      trx,
      tenantId,
      pairs.filter(([, role]) => Boolean(role)),
      null,
    );
  });
  // Measure the steady state: vacuum (visibility map) and statistics now, as the table owner (the app
  // role may not), so that autovacuum does not start on the fresh million rows mid-measurement; in
  // production autovacuum has long done both
  for (const table of ['customers', 'users', 'departments', 'assignments', 'user_roles', 'roles', 'role_grants'])
    await sql`vacuum (analyze) ${sql.table(table)}`.execute(owner);
  // and flush the seed's dirty pages now rather than in a checkpoint during the measurement
  await sql`checkpoint`.execute(owner).catch(() => undefined);

  const rep = users.find(
    (u) =>
      u.role === 'member' &&
      departments.find((d) => d.id === u.department)!.level === 5 &&
      u.id !== managers.get(u.department),
  )!;
  const manager = managers.get(departments[1]!.id)!;
  const admin = users.find((u) => u.role === 'admin')!;
  const tokens = await withTenant(db, tenantId, async (trx) => {
    const out: Record<string, string> = {};
    for (const [name, id] of [
      ['rep', rep.id],
      ['manager', manager],
      ['admin', admin.id],
    ] as const) {
      const { token, secretHash } = issueSessionToken(tenantId);
      await trx
        .insertInto('sessions')
        .values({
          tenant_id: tenantId,
          id: newId(),
          user_id: id,
          token_hash: secretHash,
          expires_at: new Date(Date.now() + 86400_000),
        })
        .execute();
      out[name] = token;
    }
    return out as BenchTenant['tokens'];
  });
  return { tenantId, tokens, repId: rep.id, adminId: admin.id, managerPath: departments[1]!.path, customerIds };
}
