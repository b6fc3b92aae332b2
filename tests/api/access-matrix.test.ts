import { beforeAll, describe, expect, it } from 'vitest';
import {
  accessActions,
  accessObjects,
  isNonInheritable,
  MAX_INHERITANCE_DEPTH,
  type MatrixCell,
  type MatrixRole,
} from '../../common/access-vocabulary.ts';
import { demoRoleTemplates, type RoleTemplate } from '../../server/access/standard-roles.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';

/**
 * GET /api/v1/access/matrix against the demo company's role definitions: every cell a role
 * shows must follow from the templates it was created from, by the inheritance rules written
 * out here (own grants first, then each ancestor's, nearest first; under least privilege
 * delete, export and attachment management never pass down; a chain deeper than 2 is suspended).
 */
let company: Company;
let matrix: { leastPrivilege: boolean; roles: MatrixRole[] };
const row = (name: string) => matrix.roles.find((r) => r.name === name)!;
const template = (name: string) => demoRoleTemplates.find((t) => t.name === name)!;

/** The role and its ancestors, nearest first. */
function chainOf(name: string): RoleTemplate[] {
  const chain: RoleTemplate[] = [];
  for (let t: RoleTemplate | undefined = template(name); t; t = t.parent ? template(t.parent) : undefined)
    chain.push(t);
  return chain;
}

const suspended = (name: string) => chainOf(name).length - 1 > MAX_INHERITANCE_DEPTH;

function expectedCells(name: string): MatrixRole['cells'] {
  if (suspended(name)) return {};
  const chain = chainOf(name);
  const cells: Record<string, Record<string, MatrixCell>> = {};
  chain.forEach((source, index) => {
    for (const [object, actions, scope] of source.grants)
      for (const action of actions) {
        if (index > 0 && isNonInheritable(object, action)) continue;
        if (cells[object]?.[action]) continue; // the nearest definition wins
        const via = chain.slice(0, index + 1).map((t) => t.name);
        (cells[object] ??= {})[action] = { scope, source: index === 0 ? 'self' : 'inherited', via };
      }
  });
  return cells;
}

beforeAll(async () => {
  company = await demoCompany({ customers: 5, orders: 2 });
  const res = await call({ method: 'GET', url: '/api/v1/access/matrix', headers: await company.as('admin') });
  expect(res.status).toBe(200);
  matrix = res.body.data;
});

describe('permission matrix of the demo company', () => {
  it('lists every role once, in zh-CN order, with least privilege on', () => {
    expect(matrix.leastPrivilege).toBe(true);
    const names = matrix.roles.map((r) => r.name);
    expect([...names].sort()).toEqual(demoRoleTemplates.map((t) => t.name).sort());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(matrix.roles.every((r) => r.status === 'active')).toBe(true);
  });

  it("shows each role's own grants as self and its ancestors' as inherited, and nothing else", () => {
    for (const t of demoRoleTemplates) {
      expect(row(t.name).chain, t.name).toEqual(chainOf(t.name).map((c) => c.name));
      expect(row(t.name).cells, t.name).toEqual(expectedCells(t.name));
    }
  });

  it('gives the system administrator every action on every object, on all records', () => {
    const admin = row('系统管理员');
    for (const object of accessObjects)
      for (const action of accessActions)
        expect(admin.cells[object]?.[action], `${object}.${action}`).toEqual({
          scope: 'all',
          source: 'self',
          via: ['系统管理员'],
        });
  });

  it('passes read and update down the chain but never delete, export or attachment management', () => {
    const intern = row('实习生');
    expect(intern.cells.customer).toEqual({
      create: { scope: 'own_assigned', source: 'inherited', via: ['实习生', '销售代表'] },
      read: { scope: 'own_assigned', source: 'inherited', via: ['实习生', '销售代表'] },
      update: { scope: 'own_assigned', source: 'inherited', via: ['实习生', '销售代表'] },
    });
    expect(intern.cells.attachment).toEqual({
      read: { scope: 'inherit', source: 'inherited', via: ['实习生', '销售代表'] },
    });
    // two hops: the grandparent's update arrives, the parent's attachment update and delete do not
    expect(row('运营主管').cells).toEqual({
      customer: {
        read: { scope: 'all', source: 'self', via: ['运营主管'] },
        update: { scope: 'all', source: 'inherited', via: ['运营主管', '运营经理', '总监'] },
      },
      attachment: { read: { scope: 'all', source: 'inherited', via: ['运营主管', '运营经理'] } },
    });
  });

  it('suspends the chain deeper than 2: no cells, and the reason names the chain', () => {
    const deep = row('运营助理');
    expect(deep.cells).toEqual({});
    expect(deep.chain).toEqual(['运营助理', '运营主管', '运营经理', '总监']);
    expect(deep.suspendedReason).toBe('inheritance chain of 3 levels exceeds 2: 运营助理 › 运营主管 › 运营经理 › 总监');
    expect(matrix.roles.filter((r) => r.suspendedReason !== null).map((r) => r.name)).toEqual(['运营助理']);
  });

  it("shows each role's system permissions and field rules", () => {
    for (const t of demoRoleTemplates) {
      const system = suspended(t.name) ? [] : [...new Set(chainOf(t.name).flatMap((c) => c.system ?? []))].sort();
      expect(row(t.name).system, t.name).toEqual(system);
      expect(row(t.name).fieldRules, t.name).toEqual(
        (t.fieldRules ?? []).map(([object, field, rule]) => ({ object, field, rule })),
      );
    }
    expect(row('法务').fieldRules).toEqual([{ object: 'contract', field: 'amountInclTax', rule: 'readonly' }]);
    expect(row('法务').system).toEqual(['approveContractDeletion']);
  });
});
