import type { ObjectionKind } from './objection-lexicon.ts';

/** How a follow-up's text names each objection kind. */
export const objectionKindNames: Record<ObjectionKind, string> = {
  price: '价格',
  competitor: '竞品',
  timing: '时机',
  authority: '决策权',
  feature_gap: '功能缺口',
};
