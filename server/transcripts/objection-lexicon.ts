import { z } from 'zod';

/**
 * The objection lexicon: phrases (zh keywords and phrases) per objection kind. It is data: each
 * company edits its own through `PUT /api/v1/transcript-lexicon`; a company that never saved one
 * uses these defaults.
 */
export const objectionKinds = ['price', 'competitor', 'timing', 'authority', 'feature_gap'] as const;
export type ObjectionKind = (typeof objectionKinds)[number];

export interface LexiconEntry {
  kind: ObjectionKind;
  phrase: string;
}

export const lexiconEntrySchema = z
  .object({
    kind: z.enum(objectionKinds),
    phrase: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(40)
      .refine((p) => !/[\s，。,.!?！？]/.test(p), 'may not contain spaces or punctuation'),
  })
  .strict();

export const defaultLexicon: Record<ObjectionKind, string[]> = {
  price: [
    '太贵',
    '贵了',
    '有点贵',
    '价格高',
    '价格偏高',
    '报价高',
    '报价偏高',
    '超预算',
    '超出预算',
    '预算不够',
    '预算不足',
    '没有预算',
    '预算有限',
    '便宜点',
    '便宜一些',
    '打折',
    '折扣',
    '降价',
    '费用太高',
    '成本太高',
    '价格压力',
  ],
  competitor: [
    '竞品',
    '竞争对手',
    '友商',
    '别家',
    '其他厂商',
    '其他供应商',
    '另一家',
    '纷享销客',
    '销售易',
    'salesforce',
    '在用其他',
    '已经在用',
  ],
  timing: [
    '明年再说',
    '以后再说',
    '下个季度',
    '不着急',
    '暂时不考虑',
    '时间不合适',
    '不是时候',
    '再等等',
    '年后再',
    '没时间',
    '等项目结束',
    '过段时间',
  ],
  authority: [
    '老板决定',
    '老板拍板',
    '领导决定',
    '做不了主',
    '说了不算',
    '需要请示',
    '请示一下',
    '领导审批',
    '董事会',
    '拍板',
    '汇报一下',
    '领导同意',
    '上面批',
  ],
  feature_gap: [
    '没有这个功能',
    '不支持',
    '功能不够',
    '缺少',
    '满足不了',
    '无法满足',
    '做不到',
    '对接不了',
    '需要定制',
    '定制开发',
    '不能导出',
    '没法集成',
    '没有接口',
  ],
};

export const defaultLexiconEntries = (): LexiconEntry[] =>
  objectionKinds.flatMap((kind) => defaultLexicon[kind].map((phrase) => ({ kind, phrase })));
