import { newId } from '../../common/ids.ts';
import { assignRoles, createRoles, type RoleTemplate } from '../access/standard-roles.ts';
import { issueChannelSecret } from '../integration/channel-secrets.ts';
import type { SeedContext } from './seed-context.ts';

/**
 * The integration center's demo: the web-form channel (key `web-form`, its secret printed by
 * `cairn channel secret web-form`) writing as a service user with explicit grants (the finance
 * outbound channel is in demo-outbound.ts), the `excel-import` file-import channel, and a few dead
 * letters to retry or discard.
 */
export const syncRoleTemplate: RoleTemplate = {
  name: '集成同步',
  description: '后台同步服务账号：读写客户，执行后台同步',
  grants: [['customer', ['read', 'create', 'update'], 'all']],
  system: ['runBackgroundSync'],
};

export const webFormMapping = [
  { source: 'company', target: 'name', transforms: [{ op: 'trim' }] },
  {
    source: 'phone',
    target: 'mainPhone',
    transforms: [{ op: 'trim' }, { op: 'emptyToNull' }, { op: 'phone' }],
  },
  { source: 'credit_code', target: 'creditCode', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }] },
  { source: 'region', target: 'region', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }] },
  { source: 'industry', target: 'industry', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }] },
  {
    source: 'channel',
    target: 'source',
    transforms: [
      { op: 'enum', map: { 官网: 'website', 展会: 'exhibition', 广告: 'advertising' } },
      { op: 'default', value: 'website' },
    ],
  },
  { source: 'lead_id', target: 'externalId' },
  {
    source: 'updated_at',
    target: 'updatedAt',
    transforms: [{ op: 'emptyToNull' }, { op: 'date', formats: ['iso', 'YYYY-MM-DD HH:mm:ss'] }],
  },
];

/** The demo import channel: the column names a Chinese customer list in Excel usually has. */
export const excelImportMapping = [
  { source: '公司名称', target: 'name', transforms: [{ op: 'trim' }] },
  { source: '联系电话', target: 'mainPhone', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }, { op: 'phone' }] },
  { source: '统一社会信用代码', target: 'creditCode', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }] },
  { source: '地区', target: 'region', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }] },
  { source: '行业', target: 'industry', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }] },
  { source: '客户编号', target: 'externalId', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }] },
];

const deadLetters = [
  {
    payload: { company: '', phone: '13912345678', lead_id: 'WF-1001', updated_at: '' },
    reason: 'validation',
    error: 'name: is required',
  },
  {
    payload: { company: '苏州远航精密机械有限公司', phone: '0512-123', lead_id: 'WF-1002' },
    reason: 'mapping',
    error: 'mainPhone: "0512-123" is not a valid phone number',
  },
  {
    payload: { company: '宁波海曙医疗器械有限公司', phone: '13811112222', lead_id: 'WF-1003' },
    reason: 'permission',
    error: 'service user svc-web-form lacks the runBackgroundSync (background sync) permission',
  },
];

export async function seedDemoChannels(ctx: SeedContext, cursorKey: string) {
  const { trx, tenantId, adminId, now } = ctx;
  const roles = await createRoles(trx, tenantId, [syncRoleTemplate], adminId);
  const serviceUserId = newId();
  await trx
    .insertInto('users')
    .values({
      id: serviceUserId,
      tenant_id: tenantId,
      username: 'svc-web-form',
      display_name: '集成: 官网表单',
      role: 'member',
      is_service: true,
      created_by: adminId,
      updated_by: adminId,
    })
    .execute();
  await assignRoles(trx, tenantId, [[serviceUserId, roles.get(syncRoleTemplate.name)!]], adminId);

  const webForm = newId();
  const channel = (id: string, key: string, name: string, kind: string, config: object, mapping: object[]) => {
    const secret = issueChannelSecret(cursorKey);
    return {
      id,
      tenant_id: tenantId,
      key,
      name,
      kind,
      trigger: 'realtime',
      mapping: JSON.stringify(mapping),
      merge_policy: JSON.stringify({ default: 'nonNullWins' }),
      match_order: JSON.stringify(['externalId', 'creditCode', 'phone', 'name']),
      idempotency_field: kind === 'webhook' ? 'lead_id' : null,
      config: JSON.stringify(config),
      service_user_id: serviceUserId,
      secret_hash: secret.secretHash,
      secret_sealed: secret.sealed,
      created_by: adminId,
      updated_by: adminId,
    };
  };
  await trx
    .insertInto('channels')
    // the finance outbound channel is every demo company's (demo-outbound.ts)
    .values([
      channel(webForm, 'web-form', '官网表单 → CRM', 'webhook', {}, webFormMapping),
      // file imports (CSV/XLSX) through the same pipeline: `cairn import <file> --channel excel-import`
      {
        ...channel(newId(), 'excel-import', 'Excel 客户导入', 'import', {}, excelImportMapping),
        secret_hash: null,
        secret_sealed: null,
      },
    ])
    .execute();
  await trx
    .insertInto('intake_records')
    .values(
      deadLetters.map((d, i) => ({
        tenant_id: tenantId,
        id: newId(),
        channel_id: webForm,
        idempotency_key: `field:${String(d.payload.lead_id)}`,
        payload: JSON.stringify(d.payload),
        content_type: 'application/x-www-form-urlencoded',
        received_at: new Date(now.getTime() - (i + 1) * 3600_000),
        source_at: new Date(now.getTime() - (i + 1) * 3600_000),
        status: 'dead',
        reason: d.reason,
        last_error: d.error,
        attempts: d.reason === 'permission' ? 6 : 1,
        processed_at: new Date(now.getTime() - (i + 1) * 3600_000 + 60_000),
      })),
    )
    .execute();
  await trx
    .updateTable('channels')
    .set({
      last_error: `validation: ${deadLetters[0]!.error}`,
      last_error_at: new Date(now.getTime() - 3600_000 + 60_000),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', webForm)
    .execute();
  return { channels: 2, intake_records: deadLetters.length, serviceUserId };
}
