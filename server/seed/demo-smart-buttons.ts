import { defaultSmartButtons } from '../smart-buttons/followup-settings.ts';
import type { SeedContext } from './seed-context.ts';

/**
 * The demo company's smart buttons (刚聊完, 已发方案, 等客户回复), saved as a company's own
 * settings so the admin page shows them as data: its working calendar takes New Year's Day off,
 * and an overdue next step goes to the owner's manager after 24 hours.
 */
export async function seedDemoSmartButtons(ctx: SeedContext) {
  await ctx.trx
    .insertInto('followup_settings')
    .values({
      tenant_id: ctx.tenantId,
      smart_buttons: JSON.stringify(defaultSmartButtons),
      holidays: JSON.stringify(['2027-01-01']),
      extra_workdays: JSON.stringify([]),
      escalation_grace_hours: 24,
      updated_by: ctx.adminId,
    })
    .execute();
  return 1;
}
