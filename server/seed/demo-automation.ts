import { newId } from '../../common/ids.ts';
import type { Action, Condition, Trigger } from '../workflows/rule-schemas.ts';
import { topicOf } from '../workflows/rule-validation.ts';
import type { SeedContext } from './seed-context.ts';

/**
 * The seed's 销售漏跟 fix, on in the demo: an answered call with more than 90 s of talk time to a
 * known customer becomes a follow-up with status 深度沟通 (deep_talk) and kind call, linked to
 * its recording. It runs with its owner's (the administrator's) grants.
 */
export const CALL_RULE_NAME = '通话超过 90 秒记为深度沟通';

export const callRuleTrigger: Trigger = { type: 'call' };

export const callRuleConditions: Condition = {
  op: 'and',
  all: [
    { op: 'compare', field: 'status', cmp: 'eq', value: 'answered' },
    { op: 'compare', field: 'talkSeconds', cmp: 'gt', value: 90 },
    { op: 'not', condition: { op: 'isEmpty', field: 'customerId' } },
  ],
};

export const callRuleActions: Action[] = [
  {
    type: 'createFollowup',
    status: 'deep_talk',
    kind: 'call',
    template: '通话 {{talkSeconds}} 秒（{{direction}}，通话编号 {{callId}}）。录音：{{recordingUrl}}',
  },
];

export async function seedDemoAutomation(ctx: SeedContext) {
  await ctx.trx
    .insertInto('automation_rules')
    .values({
      id: newId(),
      tenant_id: ctx.tenantId,
      name: CALL_RULE_NAME,
      owner_id: ctx.adminId,
      service_user_id: null,
      enabled: true,
      trigger: JSON.stringify(callRuleTrigger),
      trigger_topic: topicOf(callRuleTrigger),
      conditions: JSON.stringify(callRuleConditions),
      actions: JSON.stringify(callRuleActions),
      max_failures: 3,
      created_by: ctx.adminId,
      updated_by: ctx.adminId,
    })
    .execute();
  return 1;
}
