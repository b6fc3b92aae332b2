import type { followupKinds, followupStatuses } from '../../common/enums.ts';
import { baseColumns, insertInChunks, type SeedContext } from './seed-context.ts';

/** The demo company's follow-up template library, as a sales manager would write it. */
export const demoFollowupTemplates: Array<{
  title: string;
  body: string;
  status: (typeof followupStatuses)[number] | null;
  kind: (typeof followupKinds)[number] | null;
}> = [
  {
    title: '首次拜访纪要',
    body: '首次拜访客户，见到：（姓名/职务）。客户现状：。主要需求：。预算与决策流程：。下一步：约技术交流。',
    status: 'initial_contact',
    kind: 'visit',
  },
  {
    title: '电话初步沟通',
    body: '电话沟通约 分钟。客户关注点：。是否有明确采购计划：。已约定下次联系时间。',
    status: 'initial_contact',
    kind: 'call',
  },
  {
    title: '需求深度沟通',
    body: '与客户深入沟通业务流程与痛点：。涉及部门：。关键决策人：。客户期望上线时间：。',
    status: 'deep_talk',
    kind: 'meeting',
  },
  {
    title: '产品演示反馈',
    body: '已完成产品演示，参会人：。客户认可：。疑虑与异议：。需补充材料：。',
    status: 'deep_talk',
    kind: 'meeting',
  },
  {
    title: '报价已发送',
    body: '已通过邮件/企业微信发送报价单（版本：），总价：元，有效期至：。请客户确认后回复。',
    status: 'proposal_sent',
    kind: 'email',
  },
  {
    title: '方案已发送待评估',
    body: '已发送解决方案与实施计划，客户内部评估中。预计反馈时间：。',
    status: 'proposal_sent',
    kind: 'im',
  },
  {
    title: '合同条款确认',
    body: '与客户法务/采购确认合同条款：付款方式、交付周期、验收标准、违约责任。待确认事项：。',
    status: 'awaiting_reply',
    kind: 'meeting',
  },
  {
    title: '等待客户内部审批',
    body: '客户已提交内部审批（预计 个工作日），审批人：。约定审批结束后回复。',
    status: 'awaiting_reply',
    kind: null,
  },
  {
    title: '节日问候',
    body: '节日问候客户，顺带了解近期业务情况：。',
    status: null,
    kind: 'im',
  },
];

export async function seedDemoFollowupTemplates(ctx: SeedContext): Promise<number> {
  return insertInChunks(
    ctx.trx,
    'followup_templates',
    demoFollowupTemplates.map((template) => ({ ...baseColumns(ctx, ctx.now), ...template })),
  );
}
