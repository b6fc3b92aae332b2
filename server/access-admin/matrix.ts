import ExcelJS from 'exceljs';
import { loadRoleData, readSettings } from '../access/role-data.ts';
import { accessActions, accessObjects, systemPermissions, SYSTEM_OBJECT } from '../access/model.ts';
import { chainOf, effectiveGrants, suspensionReason } from '../access/role-graph.ts';
import type { Trx } from '../db/tenant-transaction.ts';

import type { MatrixRole } from '../../common/access-vocabulary.ts';

export type { MatrixCell, MatrixRole } from '../../common/access-vocabulary.ts';

/** Roles × objects × actions: each effective grant, its scope, and where it comes from. */
export async function buildMatrix(trx: Trx, tenantId: string) {
  const [data, tenant] = await Promise.all([
    loadRoleData(trx, tenantId),
    trx.selectFrom('tenants').select('settings').where('id', '=', tenantId).executeTakeFirst(),
  ]);
  const settings = readSettings(tenant?.settings);
  const roles = [...data.roles.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const result: MatrixRole[] = roles.map((role) => {
    const grants = effectiveGrants([role.id], data.roles, data.grants, settings.leastPrivilege);
    const cells: MatrixRole['cells'] = {};
    for (const g of grants) {
      if (g.object === SYSTEM_OBJECT) continue;
      const existing = cells[g.object]?.[g.action];
      if (existing && existing.via.length <= g.via.length) continue; // the nearest definition wins
      cells[g.object] = {
        ...cells[g.object],
        [g.action]: { scope: g.scope, source: g.via.length === 1 ? 'self' : 'inherited', via: g.via },
      };
    }
    return {
      id: role.id,
      name: role.name,
      status: role.status,
      suspendedReason: suspensionReason(data.roles, role.id) ?? null,
      chain: chainOf(data.roles, role.id).roles.map((r) => r.name),
      cells,
      system: [...new Set(grants.filter((g) => g.object === SYSTEM_OBJECT).map((g) => g.action))].sort(),
      fieldRules: data.fieldRules
        .filter((f) => f.roleId === role.id)
        .map((f) => ({ object: f.object, field: f.field, rule: f.rule })),
    };
  });
  return {
    leastPrivilege: settings.leastPrivilege,
    objects: [...accessObjects],
    actions: [...accessActions],
    systemPermissions: [...systemPermissions],
    roles: result,
  };
}

export type Matrix = Awaited<ReturnType<typeof buildMatrix>>;

/** The matrix as a workbook: one row per role and object, one column per action. */
export async function matrixWorkbook(matrix: Matrix): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cairn';
  const sheet = workbook.addWorksheet('权限矩阵');
  sheet.addRow(['角色', '状态', '对象', ...matrix.actions, '系统权限', '字段规则']);
  sheet.getRow(1).font = { bold: true };
  for (const role of matrix.roles) {
    const status = role.suspendedReason ? `暂停: ${role.suspendedReason}` : role.status;
    for (const object of matrix.objects) {
      const cells = matrix.actions.map((action) => {
        const cell = role.cells[object]?.[action];
        return cell ? (cell.source === 'self' ? cell.scope : `${cell.scope}（继承自 ${cell.via.at(-1)}）`) : '';
      });
      const rules = role.fieldRules
        .filter((f) => f.object === object)
        .map((f) => `${f.field}:${f.rule}`)
        .join(', ');
      if (cells.some(Boolean) || rules) sheet.addRow([role.name, status, object, ...cells, '', rules]);
    }
    if (role.system.length)
      sheet.addRow([role.name, status, 'system', ...matrix.actions.map(() => ''), role.system.join(', '), '']);
  }
  sheet.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
