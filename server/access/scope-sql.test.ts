import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type Expression,
  type SqlBool,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import '../domains/register-all.ts';
import { getResource } from '../resources/registry.ts';
import { readScope } from '../resources/scope.ts';
import type { AccessContext } from './access-context.ts';
import type { AccessAction, AccessObject, DataScope } from './model.ts';
import type { EffectiveGrant } from './role-graph.ts';
import { sandboxSql, scopeSql } from './scope-sql.ts';

/**
 * The data scopes as the SQL they compile to, in the style of Kysely's own `testSql`: each case
 * builds an expression, compiles it for PostgreSQL without a database, and pins the exact text
 * (runs of whitespace from the source's line breaks collapsed) and the parameters in order.
 */
const compiler = new Kysely<Record<string, never>>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

function compiled(expression: Expression<SqlBool>) {
  const query = sql`${expression}`.compile(compiler);
  return { sql: query.sql.replace(/\s+/g, ' '), parameters: query.parameters };
}

const grant = (
  object: AccessObject,
  action: AccessAction,
  scope: DataScope,
  filter: Record<string, unknown> | null = null,
): EffectiveGrant => ({ object, action, scope, filter, heldRoleId: 'role', sourceRoleId: 'role', via: ['角色'] });

const context = (grants: EffectiveGrant[], extra: Partial<AccessContext> = {}): AccessContext => ({
  actor: {
    tenantId: 'T1',
    userId: 'U1',
    username: 'sales1',
    displayName: '销售一',
    role: 'member',
    isService: false,
    departmentId: 'D1',
  },
  settings: { leastPrivilege: true, sandboxDays: 7, followupEditWindowHours: 24, minClientVersion: '0.0.0' },
  grants,
  system: new Set(),
  fieldRules: new Map(),
  departmentId: 'D1',
  departmentPath: '/east/sales/',
  managerId: 'M1',
  sandboxUntil: null,
  heldRoleIds: ['role'],
  assigned: new Map(),
  customFields: new Map(),
  cursorKey: null,
  ...extra,
});

const ownerInDepartment = `in (select u.id from users u where u.tenant_id = $1 and u.department_id = $2)`;

describe('scopeSql: one grant', () => {
  it.each([
    {
      scope: 'no grant',
      expression: scopeSql(context([]), 'customer', 'read', 'customers'),
      sql: 'false',
      parameters: [],
    },
    {
      scope: 'all (wins over any other grant)',
      expression: scopeSql(
        context([grant('customer', 'read', 'own'), grant('customer', 'read', 'all')]),
        'customer',
        'read',
        'customers',
      ),
      sql: 'true',
      parameters: [],
    },
    {
      scope: 'own',
      expression: scopeSql(context([grant('customer', 'read', 'own')]), 'customer', 'read', 'customers'),
      sql: '"customers"."owner_id" = $1',
      parameters: ['U1'],
    },
    {
      scope: 'own on followups (the author column)',
      expression: scopeSql(context([grant('followup', 'update', 'own')]), 'followup', 'update', 'followups'),
      sql: '"followups"."author_id" = $1',
      parameters: ['U1'],
    },
    {
      scope: 'own_assigned without assignments',
      expression: scopeSql(context([grant('customer', 'read', 'own_assigned')]), 'customer', 'read', 'customers'),
      sql: '"customers"."owner_id" = $1',
      parameters: ['U1'],
    },
    {
      scope: 'own_assigned with two assignments',
      expression: scopeSql(
        context([grant('customer', 'read', 'own_assigned')], { assigned: new Map([['customer', ['C1', 'C2']]]) }),
        'customer',
        'read',
        'customers',
      ),
      sql: '("customers"."owner_id" = $1 or "customers"."id" in ($2, $3))',
      parameters: ['U1', 'C1', 'C2'],
    },
    {
      scope: 'department',
      expression: scopeSql(
        context([grant('opportunity', 'update', 'department')]),
        'opportunity',
        'update',
        'opportunities',
      ),
      sql: `"opportunities"."owner_id" ${ownerInDepartment}`,
      parameters: ['T1', 'D1'],
    },
    {
      scope: 'department for a user without one',
      expression: scopeSql(
        context([grant('opportunity', 'update', 'department')], { departmentId: null }),
        'opportunity',
        'update',
        'opportunities',
      ),
      sql: 'false',
      parameters: [],
    },
    {
      scope: 'department_tree',
      expression: scopeSql(context([grant('order', 'read', 'department_tree')]), 'order', 'read', 'orders'),
      sql:
        '"orders"."owner_id" in (select u.id from users u join departments d on d.tenant_id = u.tenant_id' +
        " and d.id = u.department_id where u.tenant_id = $1 and d.path like '/east/sales/%')",
      parameters: ['T1'],
    },
    {
      scope: 'department_tree of a path with a character that is not an id or a slash',
      expression: scopeSql(
        context([grant('order', 'read', 'department_tree')], { departmentPath: "/east/o'sales_%/" }),
        'order',
        'read',
        'orders',
      ),
      sql:
        '"orders"."owner_id" in (select u.id from users u join departments d on d.tenant_id = u.tenant_id' +
        ' and d.id = u.department_id where u.tenant_id = $1 and d.path like $2)',
      parameters: ['T1', "/east/o'sales_%/%"],
    },
    {
      scope: 'own on an object without an owner column',
      expression: scopeSql(context([grant('report', 'read', 'own')]), 'report', 'read', 'reports'),
      sql: 'false',
      parameters: [],
    },
    {
      scope: 'custom: the filter over the object',
      expression: scopeSql(
        context([grant('customer', 'read', 'custom', { level: 'A' })]),
        'customer',
        'read',
        'customers',
      ),
      sql: '("level" = $1)',
      parameters: ['A'],
    },
    {
      scope: 'custom naming a field that no longer exists',
      expression: scopeSql(
        context([grant('customer', 'read', 'custom', { custom: { deleted: 'x' } })]),
        'customer',
        'read',
        'customers',
      ),
      sql: 'false',
      parameters: [],
    },
  ])('$scope', ({ expression, sql: text, parameters }) => {
    expect(compiled(expression)).toEqual({ sql: text, parameters });
  });
});

describe('scopeSql: several grants and inheritance', () => {
  it('joins the grants of one object and action with or', () => {
    const access = context([grant('customer', 'read', 'own'), grant('customer', 'read', 'department')]);
    expect(compiled(scopeSql(access, 'customer', 'read', 'customers'))).toEqual({
      sql: '("customers"."owner_id" = $1 or "customers"."owner_id" in (select u.id from users u where u.tenant_id = $2 and u.department_id = $3))',
      parameters: ['U1', 'T1', 'D1'],
    });
  });

  it('ignores grants of other actions and objects', () => {
    const access = context([grant('customer', 'update', 'all'), grant('contact', 'read', 'all')]);
    expect(compiled(scopeSql(access, 'customer', 'read', 'customers'))).toEqual({ sql: 'false', parameters: [] });
  });

  it("scopes an inheriting contact by its customer, with the customer's update scope for an update", () => {
    const access = context([
      grant('contact', 'update', 'inherit'),
      grant('customer', 'update', 'own'),
      grant('customer', 'read', 'all'),
    ]);
    expect(compiled(scopeSql(access, 'contact', 'update', 'contacts'))).toEqual({
      sql: '"contacts"."customer_id" in (select customers.id from customers where customers.tenant_id = $1 and "customers"."owner_id" = $2)',
      parameters: ['T1', 'U1'],
    });
  });

  it('reaches the customer of a payment through its contract', () => {
    const access = context([grant('payment', 'read', 'inherit'), grant('customer', 'read', 'own')]);
    expect(compiled(scopeSql(access, 'payment', 'read', 'payments'))).toEqual({
      sql:
        '(select c.customer_id from contracts c where c.tenant_id = "payments"."tenant_id" and c.id = "payments"."contract_id")' +
        ' in (select customers.id from customers where customers.tenant_id = $1 and "customers"."owner_id" = $2)',
      parameters: ['T1', 'U1'],
    });
  });

  it('gives an inheriting child nothing when its customer grant is missing', () => {
    const access = context([grant('contact', 'read', 'inherit')]);
    expect(compiled(scopeSql(access, 'contact', 'read', 'contacts'))).toEqual({
      sql: '"contacts"."customer_id" in (select customers.id from customers where customers.tenant_id = $1 and false)',
      parameters: ['T1'],
    });
  });
});

describe('readScope: the conditions of a list', () => {
  it('adds the tenant and not-deleted conditions before the scope', () => {
    const access = context([grant('customer', 'read', 'own')]);
    const where = readScope(access, getResource('customers'));
    expect(where.map(compiled)).toEqual([
      { sql: '"customers"."tenant_id" = $1', parameters: ['T1'] },
      { sql: '"customers"."deleted_at" is null', parameters: [] },
      { sql: '"customers"."owner_id" = $1', parameters: ['U1'] },
    ]);
  });
});

describe('sandboxSql: what a new hire in the sandbox may open', () => {
  const assignedByManager = (idColumn: string, first: number) =>
    `exists (select 1 from assignments a where a.tenant_id = $${first} and a.record_type = $${first + 1}` +
    ` and a.record_id = ${idColumn} and a.user_id = $${first + 2} and a.assigned_by = $${first + 3} and a.deleted_at is null)`;

  it('rows they created, or that their manager assigned to them', () => {
    expect(compiled(sandboxSql(context([]), 'customer', 'customers'))).toEqual({
      sql: `("customers"."created_by" = $1 or ${assignedByManager('"customers"."id"', 2)})`,
      parameters: ['U1', 'T1', 'customer', 'U1', 'M1'],
    });
  });

  it('only rows they created when they have no manager', () => {
    expect(compiled(sandboxSql(context([], { managerId: null }), 'customer', 'customers'))).toEqual({
      sql: '("customers"."created_by" = $1 or false)',
      parameters: ['U1'],
    });
  });

  it('a child row through its customer', () => {
    expect(compiled(sandboxSql(context([]), 'contact', 'contacts'))).toEqual({
      sql:
        '("contacts"."created_by" = $1 or "contacts"."customer_id" in (select customers.id from customers where customers.tenant_id = $2' +
        ` and (customers.created_by = $3 or ${assignedByManager('"customers"."id"', 4)})))`,
      parameters: ['U1', 'T1', 'U1', 'T1', 'customer', 'U1', 'M1'],
    });
  });
});
