import type { DefinitionDocument } from '../reports/definition-schema.ts';
import { addDraftVersion, approveVersion, createDefinition } from '../reports/definitions.ts';
import { storeRates, type RateInput } from '../reports/fx-rates.ts';
import { sealMonth } from '../reports/snapshots.ts';
import type { DemoUsername } from './demo-organisation.ts';
import type { SeedContext } from './seed-context.ts';

export const DEMO_RATE_SET = 'CFETS-midpoint';
export const DEMO_RATE_SOURCE = 'CFETS 人民币汇率中间价（演示数据）';

/** 销售业绩口径 V1.0: what sales counted — signed contracts, tax included, at the month-end rate. */
export const salesV1: DefinitionDocument = {
  basis: 'signed',
  amount: 'taxInclusive',
  currency: { target: 'CNY', rateRule: 'monthEnd', rateSet: DEMO_RATE_SET, missingRate: 'lastPublishedBefore' },
  dedupKey: [],
  filters: { excludeContractStatuses: ['draft'], excludeStages: [] },
  dimensions: ['owner'],
  measures: ['sum', 'count', 'distinctCustomers', 'averageDealSize'],
};

/** V2.0: what finance counts — money received, net of tax, in CNY at the dated midpoint, one deal per customer + SKU + day. */
export const salesV2: DefinitionDocument = {
  basis: 'received',
  amount: 'net',
  currency: { target: 'CNY', rateRule: 'basisDate', rateSet: DEMO_RATE_SET, missingRate: 'lastPublishedBefore' },
  dedupKey: ['customer', 'sku', 'day'],
  filters: { excludeContractStatuses: ['draft'], excludeStages: [] },
  dimensions: ['owner'],
  measures: ['sum', 'count', 'distinctCustomers', 'averageDealSize'],
};

/** Orders per product and month (dedup customer + SKU + day: one deal split into small orders counts once). */
export const ordersByProduct: DefinitionDocument = {
  basis: 'ordered',
  amount: 'taxInclusive',
  currency: { target: 'CNY', rateRule: 'basisDate', rateSet: DEMO_RATE_SET, missingRate: 'lastPublishedBefore' },
  dedupKey: ['customer', 'sku', 'day'],
  filters: { excludeContractStatuses: [], excludeStages: [] },
  dimensions: ['product'],
  measures: ['sum', 'count', 'distinctCustomers'],
};

/** Open opportunities by stage, on their expected close date. */
export const pipelineByStage: DefinitionDocument = {
  basis: 'pipeline',
  amount: 'taxInclusive',
  currency: { target: 'CNY', rateRule: 'basisDate', rateSet: DEMO_RATE_SET, missingRate: 'lastPublishedBefore' },
  dedupKey: [],
  filters: { excludeContractStatuses: [], excludeStages: ['won', 'lost'] },
  dimensions: ['stage'],
  measures: ['sum', 'count', 'distinctCustomers'],
};

/** Receivables ageing: what is still unpaid on the report's last day, by days past due. */
export const receivablesAgeing: DefinitionDocument = {
  basis: 'receivables',
  amount: 'taxInclusive',
  currency: { target: 'CNY', rateRule: 'basisDate', rateSet: DEMO_RATE_SET, missingRate: 'lastPublishedBefore' },
  dedupKey: [],
  filters: { excludeContractStatuses: ['draft'], excludeStages: [] },
  dimensions: ['ageBucket'],
  measures: ['sum', 'count', 'distinctCustomers'],
};

/** A deterministic midpoint around a level: business days only, as CFETS publishes. */
export function demoRates(from: string, to: string): RateInput[] {
  const levels: Array<[string, number]> = [
    ['USD', 71_000],
    ['EUR', 77_500],
  ];
  const rates: RateInput[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.getUTCDay();
    if (day === 0 || day === 6) continue;
    const date = d.toISOString().slice(0, 10);
    const wobble = (Number(date.replaceAll('-', '')) * 7919) % 400; // 0..399 ten-thousandths
    for (const [base, level] of levels) {
      const value = level + wobble - 200;
      rates.push({
        base,
        quote: 'CNY',
        rateDate: date,
        rate: `${Math.floor(value / 10_000)}.${String(value % 10_000).padStart(4, '0')}`,
        publishedAt: `${date}T01:15:00Z`,
      });
    }
  }
  return rates;
}

const monthBefore = (date: Date) => {
  const local = new Date(date.getTime() + 8 * 3600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth(); // 0-based: the previous month's number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
};

/**
 * The reports showcase: 销售业绩口径 V1.0 (effective 2026-01-01) and V2.0 (effective
 * 2026-04-01), the orders definition, a year of midpoint rates, and sealed months — March 2026
 * (under V1.0, restated under V2.0 in the snapshot view) and last month.
 */
export async function seedDemoReports(ctx: SeedContext, users: Record<DemoUsername, string>) {
  const author = { trx: ctx.trx, actor: { tenantId: ctx.tenantId, userId: users.finance } };
  const approver = { trx: ctx.trx, actor: { tenantId: ctx.tenantId, userId: users.admin } };
  const today = new Date(ctx.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const rates = demoRates('2025-11-24', today < '2026-01-31' ? '2026-01-31' : today);
  await storeRates(
    ctx.trx,
    ctx.tenantId,
    { rateSet: DEMO_RATE_SET, source: DEMO_RATE_SOURCE, createdBy: users.finance },
    rates,
  );

  const sales = await createDefinition(author, {
    name: '销售业绩口径',
    description: '销售业绩：V1.0 按签约含税，V2.0 按回款不含税（人民币，按日中间价），同客户同产品同日只算一笔',
    semver: '1.0',
    validFrom: '2026-01-01',
    document: salesV1,
    changeNote: '初版：按签约金额（含税）统计',
  });
  await approveVersion(approver, sales.id, sales.versions[0]!.id);
  const v2 = await addDraftVersion(author, sales.id, {
    semver: '2.0',
    validFrom: '2026-04-01',
    document: salesV2,
    changeNote: '与财务对齐：按回款（分摊到分期）、不含税、人民币按日中间价；同客户+产品+同日去重',
  });
  await approveVersion(approver, sales.id, v2.versionId);

  const orders = await createDefinition(author, {
    name: '订单口径（按产品）',
    description: '订单金额按产品、按月；拆单合并计为一笔',
    semver: '1.0',
    validFrom: '2025-12-01',
    document: ordersByProduct,
    changeNote: '初版',
  });
  await approveVersion(approver, orders.id, orders.versions[0]!.id);
  for (const [name, document, description] of [
    ['商机漏斗（按阶段）', pipelineByStage, '未结束商机按阶段，按预计成交日'],
    ['应收账龄', receivablesAgeing, '截至报表日仍未回款的分期，按逾期天数分段'],
  ] as const) {
    const created = await createDefinition(author, {
      name,
      description,
      semver: '1.0',
      validFrom: '2026-01-01',
      document,
      changeNote: '初版',
    });
    await approveVersion(approver, created.id, created.versions[0]!.id);
  }

  const months = ['2026-03', monthBefore(ctx.now)]
    .filter((m, i, all) => all.indexOf(m) === i && m < today.slice(0, 7))
    .sort();
  let snapshots = 0;
  for (const month of months) snapshots += (await sealMonth(ctx.trx, ctx.tenantId, month, users.finance)).length;
  return { metric_definitions: 4, metric_definition_versions: 5, fx_rates: rates.length, report_snapshots: snapshots };
}
