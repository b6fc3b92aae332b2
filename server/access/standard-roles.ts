import { newId } from '../../common/ids.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import {
  accessActions,
  accessObjects,
  systemPermissions,
  SYSTEM_OBJECT,
  type AccessAction,
  type AccessObject,
  type DataScope,
  type SystemPermission,
} from './model.ts';

export interface RoleTemplate {
  name: string;
  description: string;
  parent?: string;
  isSystem?: boolean;
  grants: Array<[AccessObject, AccessAction[], DataScope]>;
  system?: SystemPermission[];
  fieldRules?: Array<[AccessObject, string, 'hidden' | 'readonly' | 'masked']>;
}

const crud: AccessAction[] = ['create', 'read', 'update', 'delete'];
const cru: AccessAction[] = ['create', 'read', 'update'];

export const systemAdminTemplate: RoleTemplate = {
  name: '系统管理员',
  description: '全部对象、全部操作与全部系统权限',
  isSystem: true,
  grants: accessObjects.map((o) => [o, [...accessActions], 'all']),
  system: [...systemPermissions],
};

export const salesRepTemplate: RoleTemplate = {
  name: '销售代表',
  description: '本人负责及指派给本人的客户',
  grants: [
    ['customer', crud, 'own_assigned'],
    ['contact', crud, 'inherit'],
    ['followup', cru, 'inherit'],
    ['contract', cru, 'inherit'],
    ['payment', ['read'], 'inherit'],
    ['attachment', ['create', 'read', 'delete'], 'inherit'],
    ['opportunity', crud, 'own_assigned'],
    ['order', cru, 'own_assigned'],
    ['product', ['read'], 'all'],
    ['user', ['read'], 'all'],
    ['report', ['read'], 'own'],
  ],
};

/** The demo company's roles: the sales hierarchy (销售总监, 销售代表, 实习生), 法务, 财务, and a few legacy roles left over for cleanup. */
export const demoRoleTemplates: RoleTemplate[] = [
  systemAdminTemplate,
  {
    name: '销售总监',
    description: '本部门及下属部门的客户；可导出（不含手机号）',
    grants: [
      ['customer', [...crud, 'export'], 'department_tree'],
      ['contact', crud, 'inherit'],
      ['followup', cru, 'inherit'],
      ['contract', crud, 'inherit'],
      ['payment', ['read'], 'inherit'],
      ['attachment', ['create', 'read', 'delete'], 'inherit'],
      ['opportunity', crud, 'department_tree'],
      ['order', [...cru, 'export'], 'department_tree'],
      ['product', ['read'], 'all'],
      ['user', ['read'], 'all'],
      ['report', ['read'], 'department_tree'],
    ],
  },
  salesRepTemplate,
  { name: '实习生', description: '继承销售代表；入职首周处于沙箱', parent: '销售代表', grants: [] },
  {
    name: '法务',
    description: '合同与附件只读；审批合同删除',
    grants: [
      ['contract', ['read'], 'all'],
      ['attachment', ['read'], 'all'],
      ['user', ['read'], 'all'],
    ],
    system: ['approveContractDeletion'],
    fieldRules: [['contract', 'amountInclTax', 'readonly']],
  },
  {
    name: '财务',
    description: '合同与回款只读；报表',
    grants: [
      ['contract', ['read'], 'all'],
      ['payment', ['read'], 'all'],
      ['report', ['read'], 'all'],
      ['user', ['read'], 'all'],
    ],
    system: ['manageReportDefinitions'],
  },
  // a legacy chain deeper than 2 (imported from an older system): the inheritance audit flags it
  { name: '总监', description: '历史角色', grants: [['customer', ['read', 'update'], 'all']] },
  {
    name: '运营经理',
    description: '历史角色',
    parent: '总监',
    grants: [['attachment', ['read', 'update', 'delete'], 'all']],
  },
  { name: '运营主管', description: '历史角色', parent: '运营经理', grants: [['customer', ['read'], 'all']] },
  {
    name: '运营助理',
    description: '历史角色（继承 3 层）',
    parent: '运营主管',
    grants: [['customer', ['update'], 'all']],
  },
  // no user holds it and no role inherits from it: `cairn role-cleanup --scope=orphaned` finds it
  { name: '临时活动角色', description: '2025 双十一临时活动，已无人使用', grants: [['customer', ['read'], 'all']] },
];

/** Inserts roles from templates (parents first); returns name → id. */
export async function createRoles(
  trx: Trx,
  tenantId: string,
  templates: RoleTemplate[],
  actorId: string | null,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const t of templates) ids.set(t.name, newId());
  for (const t of templates) {
    await trx
      .insertInto('roles')
      .values({
        id: ids.get(t.name)!,
        tenant_id: tenantId,
        name: t.name,
        description: t.description,
        parent_role_id: null,
        is_system: t.isSystem ?? false,
        created_by: actorId,
        updated_by: actorId,
      })
      .execute();
  }
  // parents are set afterwards, as a legacy import would: the depth check is the save path's job
  for (const t of templates) {
    if (t.parent)
      await trx
        .updateTable('roles')
        .set({ parent_role_id: ids.get(t.parent)! })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', ids.get(t.name)!)
        .execute();
  }
  const grants = templates.flatMap((t) => [
    ...t.grants.flatMap(([object, actions, scope]) =>
      actions.map((action) => ({ role: t.name, object, action, scope })),
    ),
    ...(t.system ?? []).map((p) => ({
      role: t.name,
      object: SYSTEM_OBJECT,
      action: p,
      scope: 'all' as DataScope,
    })),
  ]);
  if (grants.length) {
    await trx
      .insertInto('role_grants')
      .values(
        grants.map((g) => ({
          id: newId(),
          tenant_id: tenantId,
          role_id: ids.get(g.role)!,
          object: g.object,
          action: g.action,
          scope: g.scope,
          filter: null,
          created_by: actorId,
          updated_by: actorId,
        })),
      )
      .execute();
  }
  const rules = templates.flatMap((t) =>
    (t.fieldRules ?? []).map(([object, field, rule]) => ({ role: t.name, object, field, rule })),
  );
  if (rules.length) {
    await trx
      .insertInto('role_field_rules')
      .values(
        rules.map((r) => ({
          id: newId(),
          tenant_id: tenantId,
          role_id: ids.get(r.role)!,
          object: r.object,
          field: r.field,
          rule: r.rule,
          created_by: actorId,
          updated_by: actorId,
        })),
      )
      .execute();
  }
  return ids;
}

export async function assignRoles(
  trx: Trx,
  tenantId: string,
  pairs: Array<[userId: string, roleId: string]>,
  actorId: string | null,
) {
  if (pairs.length === 0) return;
  await trx
    .insertInto('user_roles')
    .values(
      pairs.map(([userId, roleId]) => ({
        id: newId(),
        tenant_id: tenantId,
        user_id: userId,
        role_id: roleId,
        created_by: actorId,
        updated_by: actorId,
      })),
    )
    .execute();
}
