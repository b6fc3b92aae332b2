/**
 * Sales vocabulary of the demo: follow-up notes, next steps, opportunity and contract titles,
 * and the product catalogue. Placeholders in braces are filled by `fillPhrase`.
 */
import type { Random } from './random.ts';

export type FollowupKind = 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';

export const followupPhrases: Record<FollowupKind, readonly string[]> = {
  call: [
    '电话沟通了二期采购预算，客户希望下周看到报价',
    '电话回访{contact}，{product}试用反馈良好，准备走内部审批',
    '客户来电咨询{product}的私有化部署方案和价格',
    '电话跟进报价进度，对方采购说预算要等季度经营会后确定',
    '与{contact}电话确认了{n}个账号的开通名单',
    '电话沟通续约事宜，客户希望价格与去年持平',
  ],
  visit: [
    '上门拜访{contact}，演示了{product}，IT部门提出单点登录需求',
    '到客户{city}总部现场调研，销售团队约{n}人，目前用Excel管理客户',
    '拜访客户总经理，对方认可方案，要求补充同行业成功案例',
    '陪同技术顾问上门排查数据导入问题，现场已解决',
  ],
  im: [
    '微信沟通合同条款，客户对付款周期有异议，希望改为{installments}期支付',
    '企业微信发送了{product}产品资料和案例，对方表示会转给老板',
    '{contact}在企业微信反馈移动端打卡定位偶尔不准',
    '微信确认了下周演示的时间和参会人员',
  ],
  meeting: [
    '与客户管理层开会讨论年度框架合作，初步确定{n}个账号',
    '线上会议评审实施方案，客户要求上线时间提前到{month}月',
    '参加客户招标答疑会，竞争对手有两家，我方报价居中',
    '项目启动会，明确了双方对接人和里程碑计划',
  ],
  email: [
    '邮件发送正式报价单（含税），等待客户确认',
    '收到客户邮件，要求补充等保三级相关材料',
    '邮件发送合同草稿给客户法务审阅',
    '邮件提醒客户第{seq}期款项即将到期',
  ],
  other: [
    '客户参加了我们在{city}举办的行业沙龙，现场交流顺畅',
    '通过渠道伙伴了解到客户今年有数字化预算',
    '客户在官网提交了试用申请，已分配试用账号',
    '展会上收集到客户名片，对{product}很感兴趣',
  ],
};

export const nextSteps: readonly string[] = [
  '下周二前发送正式报价',
  '安排技术顾问做POC演示',
  '约见采购负责人确认预算',
  '准备合同草稿发法务审核',
  '跟进付款进度',
  '发送同行业客户案例',
  '邀请客户参加新品发布会',
  '确认试用账号开通情况',
  '与财务确认开票信息',
  '约客户老板做高层拜访',
  '提交实施方案初稿',
  '回复客户关于数据安全的问题',
];

export const opportunityTopics: readonly string[] = [
  'CRM二期采购',
  '销售管理系统升级',
  '年度订阅续约',
  '私有化部署项目',
  '移动端扩容',
  'BI报表模块采购',
  '全国门店推广',
  '经销商管理平台',
  '呼叫中心集成',
  '海外团队账号扩容',
  '客服工单系统',
  '数据迁移服务',
];

export const contractTitleTemplates: readonly string[] = [
  '{short}CRM企业版年度订阅合同',
  '{short}销售管理系统实施服务合同',
  '{short}私有化部署及维保合同',
  '{short}{year}年度框架采购协议',
  '{short}定制开发服务合同',
  '{short}技术支持服务续约合同',
];

export const paymentMethods: readonly string[] = [
  '银行转账',
  '银行转账',
  '银行转账',
  '电汇',
  '银行承兑汇票',
  '支付宝企业付款',
];

export interface ProductSpec {
  sku: string;
  name: string;
  /** Unit price in minor units (cents). */
  unitCents: number;
  currency: 'CNY' | 'USD' | 'EUR';
  /** Quantities ordered are multiples of this step, in thousandths (500 = half a unit). */
  quantityStepMilli: number;
  maxSteps: number;
  weight: number;
}

export const productCatalogue: readonly ProductSpec[] = [
  {
    sku: 'CRM-STD-01',
    name: 'Cairn CRM 标准版（年/用户）',
    unitCents: 120_000,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 50,
    weight: 10,
  },
  {
    sku: 'CRM-PRO-01',
    name: 'Cairn CRM 专业版（年/用户）',
    unitCents: 240_000,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 80,
    weight: 8,
  },
  {
    sku: 'CRM-ENT-01',
    name: 'Cairn CRM 企业版（年/用户）',
    unitCents: 480_000,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 120,
    weight: 5,
  },
  {
    sku: 'CRM-PVT-01',
    name: 'Cairn CRM 私有化部署授权',
    unitCents: 19_800_000,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 1,
    weight: 1,
  },
  {
    sku: 'SVC-IMPL-01',
    name: '实施服务（基础包）',
    unitCents: 3_000_000,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 1,
    weight: 3,
  },
  {
    sku: 'SVC-IMPL-02',
    name: '实施服务（高级包）',
    unitCents: 8_000_000,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 1,
    weight: 1,
  },
  {
    sku: 'SVC-TRAIN-01',
    name: '培训服务（人天）',
    unitCents: 350_000,
    currency: 'CNY',
    quantityStepMilli: 500,
    maxSteps: 10,
    weight: 4,
  },
  {
    sku: 'SVC-DEV-01',
    name: '定制开发（人天）',
    unitCents: 280_000,
    currency: 'CNY',
    quantityStepMilli: 500,
    maxSteps: 60,
    weight: 3,
  },
  {
    sku: 'SVC-SUP-01',
    name: '年度技术支持服务',
    unitCents: 2_000_000,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 1,
    weight: 3,
  },
  {
    sku: 'ADD-SMS-10K',
    name: '短信包（1万条）',
    unitCents: 45_000,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 20,
    weight: 6,
  },
  {
    sku: 'ADD-STO-100',
    name: '存储扩容（100GB/年）',
    unitCents: 60_000,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 10,
    weight: 4,
  },
  {
    sku: 'ADD-API-01',
    name: '开放接口调用包（年）',
    unitCents: 1_200_000,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 2,
    weight: 2,
  },
  {
    sku: 'ADD-BI-01',
    name: 'BI报表模块（年）',
    unitCents: 3_600_000,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 1,
    weight: 2,
  },
  {
    sku: 'HW-BADGE-01',
    name: '智能录音工牌',
    unitCents: 89_900,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 100,
    weight: 3,
  },
  {
    sku: 'HW-PAD-01',
    name: '销售平板终端',
    unitCents: 329_900,
    currency: 'CNY',
    quantityStepMilli: 1000,
    maxSteps: 30,
    weight: 2,
  },
  {
    sku: 'CRM-INTL-01',
    name: 'Cairn CRM 海外版（年/用户）',
    unitCents: 19_900,
    currency: 'USD',
    quantityStepMilli: 1000,
    maxSteps: 40,
    weight: 2,
  },
  {
    sku: 'CRM-EU-01',
    name: 'Cairn CRM 欧洲托管版（年/用户）',
    unitCents: 17_950,
    currency: 'EUR',
    quantityStepMilli: 1000,
    maxSteps: 30,
    weight: 1,
  },
];

/** Replaces `{key}` placeholders; unknown keys stay as they are. */
export function fillPhrase(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export function followupContent(random: Random, kind: FollowupKind, values: Record<string, string | number>): string {
  return fillPhrase(random.pick(followupPhrases[kind]), values);
}
