import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import {
  del,
  expectError,
  expectFieldError,
  expectPagingMatches,
  get,
  keysOf,
  missingId,
  ok,
  patch,
  post,
  qs,
  restore,
  type Headers,
} from '../support/resource-helpers.ts';

const depts = '/api/v1/departments';
const users = '/api/v1/users';
let company: Company;
let admin: Headers;
let manager: Headers;
let sales1: Headers;

beforeAll(async () => {
  company = await demoCompany();
  [admin, manager, sales1] = await Promise.all([company.as('admin'), company.as('manager'), company.as('sales1')]);
});

const newDept = (name: string, parentId?: string | null) => post(depts, admin, { name, parentId });
let u = 0;
const newUser = (extra: Record<string, unknown> = {}) =>
  post(users, admin, { username: `t.user${++u}`, displayName: `测试用户${u}`, ...extra });

describe('departments', () => {
  it('builds tree paths, moves a subtree and refuses to become its own ancestor', async () => {
    const top = ok(await newDept('T-研发中心'), 201);
    expect(top).toMatchObject({ parentId: null, path: `/${top.id}/`, version: 1 });
    const child = ok(await newDept('T-前端组', top.id), 201);
    expect(child.path).toBe(`/${top.id}/${child.id}/`);
    const leaf = ok(await newDept('T-组件小组', child.id), 201);
    expect(leaf.path).toBe(`/${top.id}/${child.id}/${leaf.id}/`);
    const top2 = ok(await newDept('T-产品中心'), 201);

    const moved = ok(await patch(`${depts}/${child.id}`, admin, { parentId: top2.id, version: 1 }));
    expect(moved).toMatchObject({ parentId: top2.id, path: `/${top2.id}/${child.id}/`, version: 2 });
    expect(ok(await get(`${depts}/${leaf.id}`, admin)).path).toBe(`/${top2.id}/${child.id}/${leaf.id}/`);
    const subtree = ok(await get(`${depts}${qs({ filter: { path: { startsWith: top2.path } } })}`, admin)) as any[];
    expect(subtree.map((d) => d.id)).toEqual([top2.id, child.id, leaf.id]);
    expect(
      ok(await get(`${depts}${qs({ filter: { path: { startsWith: top.path } } })}`, admin)).map((d: any) => d.id),
    ).toEqual([top.id]);

    expectFieldError(await patch(`${depts}/${top2.id}`, admin, { parentId: leaf.id, version: 1 }), 'parentId');
    expectFieldError(await patch(`${depts}/${child.id}`, admin, { parentId: child.id, version: 2 }), 'parentId');
    expect(ok(await get(`${depts}/${top2.id}`, admin))).toMatchObject({ parentId: null, path: `/${top2.id}/` });

    const toTop = ok(await patch(`${depts}/${child.id}`, admin, { parentId: null, version: 2 }));
    expect(toTop.path).toBe(`/${child.id}/`);
    expect(ok(await get(`${depts}/${leaf.id}`, admin)).path).toBe(`/${child.id}/${leaf.id}/`);
  });

  it('a move changes every descendant like an edit: version, updatedBy and an audit row each', async () => {
    const top = ok(await newDept('M-华南大区'), 201);
    const child = ok(await newDept('M-广州分部', top.id), 201);
    const leaves = [ok(await newDept('M-天河组', child.id), 201), ok(await newDept('M-番禺组', child.id), 201)];
    const other = ok(await newDept('M-华中大区'), 201);
    const before = ok(await get(`${depts}/${leaves[0].id}`, admin));

    ok(await patch(`${depts}/${child.id}`, admin, { parentId: other.id, version: 1 }));
    for (const leaf of leaves) {
      const after = ok(await get(`${depts}/${leaf.id}`, admin));
      expect(after).toMatchObject({
        path: `/${other.id}/${child.id}/${leaf.id}/`,
        version: 2,
        updatedBy: company.users.admin,
      });
      expect(after.updatedAt >= before.updatedAt).toBe(true);
      const audit = ok(await get(`/api/v1/audit${qs({ recordType: 'department', recordId: leaf.id })}`, admin));
      const move = audit.find((a: any) => a.action === 'update');
      expect(move, JSON.stringify(audit)).toBeDefined();
      expect(move.changes).toEqual({
        path: { before: `/${top.id}/${child.id}/${leaf.id}/`, after: `/${other.id}/${child.id}/${leaf.id}/` },
      });
      expect(move.actorId).toBe(company.users.admin);
    }
    // an editor who read a descendant before the move gets 409, not a silent overwrite of the new path
    expectError(
      await patch(`${depts}/${leaves[0].id}`, admin, { name: '旧版本', version: 1 }),
      409,
      'VERSION_CONFLICT',
    );
  });

  it('renames, deletes and restores; refuses deletion with sub-departments or users (409)', async () => {
    const parent = ok(await newDept('T-华南销售部'), 201);
    const sub = ok(await newDept('T-广州组', parent.id), 201);
    expect(
      ok(await patch(`${depts}/${sub.id}`, admin, { name: 'T-广州一组', sortOrder: 3, version: 1 })),
    ).toMatchObject({ name: 'T-广州一组', sortOrder: 3, version: 2 });
    expectError(await del(`${depts}/${parent.id}`, admin), 409, 'CONFLICT');
    const member = ok(await newUser({ departmentId: sub.id }), 201);
    const blocked = await del(`${depts}/${sub.id}`, admin);
    expectError(blocked, 409, 'CONFLICT');
    expect(blocked.body.error.message).toContain('1 user');
    ok(await patch(`${users}/${member.id}`, admin, { departmentId: null, version: 1 }));
    ok(await del(`${depts}/${sub.id}`, admin));
    expectError(await get(`${depts}/${sub.id}`, admin), 404, 'NOT_FOUND');
    expect(ok(await restore(`${depts}/${sub.id}`, admin))).toMatchObject({
      id: sub.id,
      name: 'T-广州一组',
      deletedAt: null,
    });
  });

  it('refuses to restore a department whose parent is in the recycle bin (409 PARENT_DELETED)', async () => {
    const parent = ok(await newDept('T-临时部门'), 201);
    const sub = ok(await newDept('T-临时小组', parent.id), 201);
    ok(await del(`${depts}/${sub.id}`, admin));
    ok(await del(`${depts}/${parent.id}`, admin));
    const res = await restore(`${depts}/${sub.id}`, admin);
    expectError(res, 409, 'PARENT_DELETED');
    expect(res.body.error.details).toMatchObject({ parentType: 'department', parentId: parent.id });
  });

  it('needs manageUsers for writes (403 MISSING_GRANT), validates input, detects stale versions and unknown ids', async () => {
    const d = ok(await newDept('T-权限部门'), 201);
    for (const res of [
      await post(depts, manager, { name: 'T-经理建的' }),
      await patch(`${depts}/${d.id}`, sales1, { name: 'x', version: 1 }),
      await del(`${depts}/${d.id}`, manager),
    ]) {
      expectError(res, 403, 'MISSING_GRANT');
      expect(res.body.error.details.missing).toBe('manageUsers');
    }
    // departments are readable by every signed-in user, whatever their roles
    for (const user of ['sales1', 'legal', 'finance', 'intern'] as const)
      expect(ok(await get(`${depts}/${d.id}`, await company.as(user))).name).toBe('T-权限部门');
    expectFieldError(await post(depts, admin, { name: '' }), 'name');
    expectFieldError(await post(depts, admin, { name: 'x', parentId: 'root' }), 'parentId');
    expectFieldError(await post(depts, admin, { name: 'x', parentId: missingId() }), 'parentId');
    expectFieldError(await post(depts, admin, { name: 'x', sortOrder: -1 }), 'sortOrder');
    ok(await patch(`${depts}/${d.id}`, admin, { name: 'T-v2', version: 1 }));
    expectError(await patch(`${depts}/${d.id}`, admin, { name: 'T-stale', version: 1 }), 409, 'VERSION_CONFLICT');
    expectError(await get(`${depts}/${missingId()}`, admin), 404, 'NOT_FOUND');
    expectError(await patch(`${depts}/${missingId()}`, admin, { name: 'x', version: 1 }), 404, 'NOT_FOUND');
    expectError(await del(`${depts}/${missingId()}`, admin), 404, 'NOT_FOUND');
  });

  it('lists by path, pages, supports fields= and include=children,users', async () => {
    const group = company.departments['销售一组']!;
    const one = ok(await get(`${depts}/${group}${qs({ include: 'users,children' })}`, sales1));
    expect(one.users.map((x: any) => x.username).sort()).toEqual(['intern', 'sales1', 'sales2']);
    expect(one.children).toEqual([]);
    const hq = ok(
      await get(`${depts}/${company.departments['总部']}${qs({ include: 'children', fields: 'name' })}`, sales1),
    );
    expect(keysOf(hq)).toEqual(['children', 'id', 'name']);
    expect(hq.children.map((c: any) => c.name).sort()).toEqual(['华东销售部', '法务部', '财务部'].sort());
    const tops = ok(await get(`${depts}${qs({ filter: { parentId: null }, limit: 200 })}`, sales1)) as any[];
    expect(tops.every((d) => d.parentId === null && d.path === `/${d.id}/`)).toBe(true);
    await expectPagingMatches(depts, sales1, {}, 2);
    await expectPagingMatches(depts, sales1, { sort: '-name' }, 3);
    expectFieldError(await get(`${depts}${qs({ filter: { sortOrder: 1 } })}`, sales1), 'filter.sortOrder');
    expectFieldError(await get(`${depts}${qs({ filter: { path: { nin: 'x' } } })}`, sales1), 'filter.path.nin');
    expectFieldError(await get(`${depts}${qs({ cursor: 'bm90LWpzb24' })}`, sales1), 'cursor');
  });
});

describe('users', () => {
  it('lets an admin create a user with a password who can then sign in', async () => {
    const dept = company.departments['销售一组'];
    const created = ok(
      await newUser({
        username: 'T.Newbie',
        displayName: '新同事',
        password: 'correct-horse-1',
        departmentId: dept,
        managerId: company.users.manager,
        email: 'newbie@example.cn',
        phone: '13800001111',
      }),
      201,
    );
    expect(created).toMatchObject({
      username: 'T.Newbie',
      displayName: '新同事',
      role: 'member',
      isActive: true,
      isService: false,
      departmentId: dept,
      managerId: company.users.manager,
      version: 1,
    });
    expect(created).not.toHaveProperty('passwordHash');
    expect(created).not.toHaveProperty('password');
    const login = await post(
      '/api/v1/auth/login',
      {},
      { username: 't.newbie', password: 'correct-horse-1', tenant: company.slug },
    );
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    expect(login.body.user).toMatchObject({ id: created.id, role: 'member' });
    const token = { authorization: `Bearer ${login.body.token}` };
    expect(ok(await get('/api/v1/me', token)).username).toBe('T.Newbie');
    // a new user holds no role yet: no customer grant at all (403 naming it); departments are readable by all
    const noRead = await get('/api/v1/customers?limit=1', token);
    expectError(noRead, 403, 'MISSING_GRANT');
    expect(noRead.body.error.details.missing).toBe('customer.read');
    expect(ok(await get(`${depts}/${dept}`, token)).name).toBe('销售一组');
    const noGrant = await post('/api/v1/customers', token, { name: '无角色用户建的客户' });
    expectError(noGrant, 403, 'MISSING_GRANT');
    expect(noGrant.body.error.details.missing).toBe('customer.create');

    expect(
      ok(await patch(`${users}/${created.id}`, admin, { displayName: '新同事（已转正）', version: 1 })).displayName,
    ).toBe('新同事（已转正）');
    ok(await del(`${users}/${created.id}`, admin));
    expectError(await get('/api/v1/me', token), 401, 'UNAUTHENTICATED');
    expectError(await get(`${users}/${created.id}`, admin), 404, 'NOT_FOUND');
    expect(ok(await restore(`${users}/${created.id}`, admin))).toMatchObject({ id: created.id, deletedAt: null });
  });

  it('answers 403 MISSING_GRANT (manageUsers) to members creating or changing users', async () => {
    for (const res of [
      await post(users, manager, { username: 't.bymanager', displayName: 'x', password: 'long-enough-1' }),
      await patch(`${users}/${company.users.sales2}`, manager, { displayName: 'x', version: 1 }),
      await patch(`${users}/${company.users.sales1}`, sales1, { role: 'admin', version: 1 }),
      await del(`${users}/${company.users.intern}`, sales1),
    ]) {
      expectError(res, 403, 'MISSING_GRANT');
      expect(res.body.error.details.missing).toBe('manageUsers');
    }
    expect(ok(await get(`${users}/${company.users.sales1}`, sales1)).role).toBe('member');
    expect(ok(await get(`${users}/${company.users.sales2}`, sales1)).displayName).toBe('张伟');
    expect(ok(await get(`${users}${qs({ filter: { username: 't.bymanager' } })}`, admin))).toEqual([]);
  });

  it('validates input naming the field and refuses duplicates, self-management and self-deletion', async () => {
    expectFieldError(await newUser({ username: 'has space' }), 'username');
    expectFieldError(await newUser({ password: 'short' }), 'password');
    expectFieldError(await newUser({ email: 'nope' }), 'email');
    expectFieldError(await newUser({ role: 'owner' }), 'role');
    expectFieldError(await newUser({ hireDate: '2024/01/01' }), 'hireDate');
    expectFieldError(await newUser({ departmentId: missingId() }), 'departmentId');
    expectFieldError(await newUser({ managerId: missingId() }), 'managerId');
    const dup = await post(users, admin, { username: 'SALES1', displayName: '重名' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.field).toBe('username');
    const x = ok(await newUser(), 201);
    expectFieldError(await patch(`${users}/${x.id}`, admin, { managerId: x.id, version: 1 }), 'managerId');
    expectError(await del(`${users}/${company.users.admin}`, admin), 409, 'CONFLICT');
    expectError(await patch(`${users}/${company.users.admin}`, admin, { role: 'member', version: 1 }), 409, 'CONFLICT');
  });

  it('answers 409 VERSION_CONFLICT to a stale version and 404 for unknown ids', async () => {
    const x = ok(await newUser(), 201);
    ok(await patch(`${users}/${x.id}`, admin, { employeeNo: 'E-001', version: 1 }));
    expectError(await patch(`${users}/${x.id}`, admin, { employeeNo: 'E-002', version: 1 }), 409, 'VERSION_CONFLICT');
    expectError(await get(`${users}/${missingId()}`, admin), 404, 'NOT_FOUND');
    expectError(await patch(`${users}/${missingId()}`, admin, { displayName: 'x', version: 1 }), 404, 'NOT_FOUND');
    expectError(await del(`${users}/${missingId()}`, admin), 404, 'NOT_FOUND');
    expectError(await restore(`${users}/${missingId()}`, admin), 404, 'NOT_FOUND');
  });

  it('refuses to restore a user whose department is in the recycle bin (409 PARENT_DELETED)', async () => {
    const d = ok(await newDept('T-撤销部门'), 201);
    const x = ok(await newUser({ departmentId: d.id }), 201);
    ok(await del(`${users}/${x.id}`, admin));
    ok(await del(`${depts}/${d.id}`, admin));
    const res = await restore(`${users}/${x.id}`, admin);
    expectError(res, 409, 'PARENT_DELETED');
    expect(res.body.error.details).toMatchObject({ parentType: 'department', parentId: d.id });
  });

  it('lists with filter, sort, paging, fields= and include=customers, never exposing password hashes', async () => {
    const all = ok(await get(`${users}${qs({ limit: 200 })}`, sales1)) as any[];
    expect(all.length).toBeGreaterThan(7);
    expect(all.every((x) => !('passwordHash' in x) && !('phoneE164' in x))).toBe(true);
    const names = all.map((x) => x.username);
    expect(
      ok(await get(`${users}${qs({ sort: '-username', limit: 200 })}`, sales1)).map((x: any) => x.username),
    ).toEqual([...names].reverse());
    const admins = ok(await get(`${users}${qs({ filter: { role: 'admin' } })}`, sales1)) as any[];
    expect(admins.map((x) => x.id)).toEqual([company.users.admin]);
    await expectPagingMatches(users, sales1, {}, 3);
    const byHire = await expectPagingMatches(users, sales1, { sort: '-hireDate' }, 2);
    expect(byHire.rows.some((r) => r.hireDate === null)).toBe(true);
    for (const x of ok(await get(`${users}${qs({ fields: 'username,role', limit: 3 })}`, sales1)))
      expect(keysOf(x)).toEqual(['id', 'role', 'username']);
    const s1 = ok(
      await get(`${users}/${company.users.sales1}${qs({ include: 'customers', fields: 'username' })}`, sales1),
    );
    expect(s1.customers.length).toBeGreaterThan(0);
    expect(s1.customers.every((c: any) => c.ownerId === company.users.sales1)).toBe(true);
    expectFieldError(await get(`${users}${qs({ filter: { passwordHash: 'x' } })}`, sales1), 'filter.passwordHash');
    expectFieldError(await get(`${users}${qs({ fields: 'passwordHash' })}`, sales1), 'fields');
    expectFieldError(
      await get(`${users}${qs({ filter: { isActive: { in: ['yes'] } } })}`, sales1),
      'filter.isActive.in.0',
    );
    expectFieldError(
      await get(
        `${users}${qs({ sort: 'hireDate', cursor: Buffer.from(JSON.stringify({ s: 'hireDate', v: null, id: 'x' })).toString('base64url') })}`,
        sales1,
      ),
      'cursor',
    );
  });
});
