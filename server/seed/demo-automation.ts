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

/**
 * A manual rule: the 标记为重点客户 button on a customer and on a list selection. It raises the
 * customer to level A and gives its owner a to-do to plan a visit within a day.
 */
export const KEY_ACCOUNT_RULE_NAME = '标记为重点客户';

export const keyAccountTrigger: Trigger = { type: 'manual', object: 'customer' };

export const keyAccountActions: Action[] = [
  { type: 'updateFields', fields: { level: 'A' } },
  {
    type: 'createTodo',
    assignee: { kind: 'recordOwner' },
    title: '重点客户「{{name}}」：安排一次拜访',
    dueInMinutes: 24 * 60,
  },
];

export async function seedDemoAutomation(ctx: SeedContext) {
  const rules = [
    { name: CALL_RULE_NAME, trigger: callRuleTrigger, conditions: callRuleConditions, actions: callRuleActions },
    { name: KEY_ACCOUNT_RULE_NAME, trigger: keyAccountTrigger, conditions: null, actions: keyAccountActions },
  ];
  await ctx.trx
    .insertInto('automation_rules')
    .values(
      rules.map((rule) => ({
        id: newId(),
        tenant_id: ctx.tenantId,
        name: rule.name,
        owner_id: ctx.adminId,
        service_user_id: null,
        enabled: true,
        trigger: JSON.stringify(rule.trigger),
        trigger_topic: topicOf(rule.trigger),
        conditions: rule.conditions === null ? null : JSON.stringify(rule.conditions),
        actions: JSON.stringify(rule.actions),
        max_failures: 3,
        created_by: ctx.adminId,
        updated_by: ctx.adminId,
      })),
    )
    .execute();
  return rules.length;
}
