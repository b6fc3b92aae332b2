import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../db/tenant-transaction.ts';
import type { DefinitionDocument, MetricDimension } from './definition-schema.ts';
import type { ReportScope } from './report-scope.ts';

/**
 * The one module that turns a metric definition into SQL. Every query starts from `basis`: the
 * rows a definition counts in a date range, scoped by the caller's plan before anything is
 * aggregated, with their date, customer, owner, SKU, currency and amount (tax-inclusive or net
 * in their own currency). `rated` adds the exchange rate each row converts at.
 */
export interface BasisRange {
  from: string;
  to: string;
}

const AND = sql` and `;
const TIME_ZONE = 'Asia/Shanghai';

function basisSql(doc: DefinitionDocument, scope: ReportScope, range: BasisRange): RawBuilder<unknown> {
  const net = doc.amount === 'net';
  const excluded = doc.filters.excludeContractStatuses;
  const statusFilter = (alias: string) =>
    excluded.length
      ? sql`and ${sql.ref(`${alias}.status`)} not in (${sql.join(excluded.map((s) => sql`${s}`))})`
      : sql``;
  const between = (expr: RawBuilder<unknown>) => sql`${expr} between ${range.from}::date and ${range.to}::date`;
  switch (doc.basis) {
    case 'signed':
      return sql`select 'contract'::text as record_type, contracts.id as record_id, contracts.signed_date as basis_date,
          contracts.customer_id, contracts.owner_id, null::text as sku, contracts.id as contract_id, contracts.currency::text as currency,
          ${net ? sql`contracts.amount_incl_tax / (1 + contracts.tax_rate)` : sql`contracts.amount_incl_tax`} as amount,
          contracts.amount_incl_tax as original_amount, null::int as age_days, null::text as stage
        from contracts
        where ${sql.join(scope.rows('contracts'), AND)} and ${between(sql`contracts.signed_date`)} ${statusFilter('contracts')}`;
    case 'invoiced':
      return sql`select 'installment'::text as record_type, contract_installments.id as record_id, contract_installments.due_date as basis_date,
          c.customer_id, c.owner_id, null::text as sku, c.id as contract_id, c.currency::text as currency,
          ${net ? sql`contract_installments.amount / (1 + c.tax_rate)` : sql`contract_installments.amount`} as amount,
          contract_installments.amount as original_amount, null::int as age_days, null::text as stage
        from contract_installments
        join contracts c on c.tenant_id = contract_installments.tenant_id and c.id = contract_installments.contract_id and c.deleted_at is null
        where ${sql.join(scope.rows('installments'), AND)} and ${between(sql`contract_installments.due_date`)} ${statusFilter('c')}`;
    case 'received':
      return sql`select 'payment'::text as record_type, payments.id as record_id, payments.received_date as basis_date,
          c.customer_id, c.owner_id, null::text as sku, c.id as contract_id, payments.currency::text as currency,
          ${net ? sql`payments.amount / (1 + c.tax_rate)` : sql`payments.amount`} as amount,
          payments.amount as original_amount, null::int as age_days, null::text as stage
        from payments
        join contracts c on c.tenant_id = payments.tenant_id and c.id = payments.contract_id and c.deleted_at is null
        where ${sql.join(scope.rows('payments'), AND)} and ${between(sql`payments.received_date`)} ${statusFilter('c')}`;
    case 'ordered':
      return sql`select 'order'::text as record_type, orders.id as record_id, (orders.ordered_at at time zone ${TIME_ZONE})::date as basis_date,
          orders.customer_id, orders.owner_id, orders.sku, null::uuid as contract_id, orders.currency::text as currency,
          orders.amount as amount, orders.amount as original_amount, null::int as age_days, null::text as stage
        from orders
        where ${sql.join(scope.rows('orders'), AND)}
          and orders.ordered_at >= (${range.from}::date::timestamp at time zone ${TIME_ZONE})
          and orders.ordered_at < ((${range.to}::date + 1)::timestamp at time zone ${TIME_ZONE})`;
    case 'pipeline': {
      const stages = doc.filters.excludeStages;
      return sql`select 'opportunity'::text as record_type, opportunities.id as record_id, opportunities.expected_close_date as basis_date,
          opportunities.customer_id, opportunities.owner_id, null::text as sku, null::uuid as contract_id, opportunities.currency::text as currency,
          opportunities.amount as amount, opportunities.amount as original_amount, null::int as age_days, opportunities.stage
        from opportunities
        where ${sql.join(scope.rows('opportunities'), AND)} and ${between(sql`opportunities.expected_close_date`)}
          ${stages.length ? sql`and opportunities.stage not in (${sql.join(stages.map((v) => sql`${v}`))})` : sql``}`;
    }
    case 'receivables': {
      // what is still open on `to` of each installment due by then: its amount less the payments allocated to it
      const paid = sql`coalesce((select sum(p.amount) from payments p where p.tenant_id = contract_installments.tenant_id
          and p.installment_id = contract_installments.id and p.deleted_at is null and p.received_date <= ${range.to}::date), 0)`;
      const open = sql`(contract_installments.amount - ${paid})`;
      // counted as of `to` (its rate and month are those of `to`), aged from the due date
      return sql`select * from (select 'installment'::text as record_type, contract_installments.id as record_id, ${range.to}::date as basis_date,
          c.customer_id, c.owner_id, null::text as sku, c.id as contract_id, c.currency::text as currency,
          ${net ? sql`${open} / (1 + c.tax_rate)` : open} as amount, ${open} as original_amount,
          (${range.to}::date - contract_installments.due_date) as age_days, null::text as stage
        from contract_installments
        join contracts c on c.tenant_id = contract_installments.tenant_id and c.id = contract_installments.contract_id and c.deleted_at is null
        where ${sql.join(scope.rows('installments'), AND)} and contract_installments.due_date <= ${range.to}::date ${statusFilter('c')}) r
        where r.original_amount > 0`;
    }
  }
}

/** The basis rows with the rate each converts at (1 in the target currency; null when missing). */
function ratedSql(doc: DefinitionDocument, scope: ReportScope, range: BasisRange): RawBuilder<unknown> {
  const { target, rateRule, rateSet, missingRate } = doc.currency;
  const rateDate =
    rateRule === 'monthEnd'
      ? sql`(date_trunc('month', b.basis_date::timestamp) + interval '1 month - 1 day')::date`
      : sql`b.basis_date`;
  const dateMatch =
    missingRate === 'lastPublishedBefore' ? sql`f.rate_date <= ${rateDate}` : sql`f.rate_date = ${rateDate}`;
  return sql`select b.*, ${rateDate} as rate_date,
      case when b.currency = ${target} then 1 else r.rate end as rate,
      r.rate_date as used_rate_date, r.source as rate_source
    from (${basisSql(doc, scope, range)}) b
    left join lateral (
      select f.rate, f.rate_date, f.source from fx_rates f
      where f.tenant_id = ${scope.tenantId} and f.rate_set = ${rateSet} and f.base = b.currency and f.quote = ${target}
        and ${dateMatch} and b.currency <> ${target}
      order by f.rate_date desc limit 1
    ) r on true`;
}

export interface RateUse {
  currency: string;
  rateDate: string;
  usedRateDate: string | null;
  source: string | null;
  rows: number;
}

/** Which rates the rows need and which they found: missing ones have no source. */
export async function rateUses(trx: Trx, doc: DefinitionDocument, scope: ReportScope, range: BasisRange) {
  const { rows } = await sql<{
    currency: string;
    rate_date: string;
    used_rate_date: string | null;
    source: string | null;
    n: string;
  }>`
    select currency, rate_date::text as rate_date, used_rate_date::text as used_rate_date, rate_source as source, count(*) as n
    from (${ratedSql(doc, scope, range)}) x where currency <> ${doc.currency.target}
    group by 1, 2, 3, 4 order by 2, 1`.execute(trx);
  return rows.map((r): RateUse => ({
    currency: r.currency,
    rateDate: r.rate_date,
    usedRateDate: r.used_rate_date,
    source: r.source,
    rows: Number(r.n),
  }));
}

/** Receivables ageing buckets, in days past due on the report's `to` date. */
const ageBucket = sql`case when x.age_days is null then null when x.age_days <= 0 then 'not-due' when x.age_days <= 30 then '1-30'
  when x.age_days <= 60 then '31-60' when x.age_days <= 90 then '61-90' else '90+' end`;

interface DimensionSql {
  key: RawBuilder<unknown>;
  label: RawBuilder<unknown>;
}

const dimensionSql: Record<MetricDimension, DimensionSql> = {
  owner: { key: sql`x.owner_id::text`, label: sql`u.display_name` },
  department: { key: sql`u.department_id::text`, label: sql`d.name` },
  region: { key: sql`k.region`, label: sql`k.region` },
  industry: { key: sql`k.industry`, label: sql`k.industry` },
  product: { key: sql`x.sku`, label: sql`x.sku` },
  month: { key: sql`to_char(x.basis_date, 'YYYY-MM')`, label: sql`to_char(x.basis_date, 'YYYY-MM')` },
  quarter: { key: sql`to_char(x.basis_date, 'YYYY-"Q"Q')`, label: sql`to_char(x.basis_date, 'YYYY-"Q"Q')` },
  stage: { key: sql`x.stage`, label: sql`x.stage` },
  ageBucket: { key: ageBucket, label: ageBucket },
};

/** The deal a row belongs to: its dedup key, or the record itself without one. */
export function dealKeySql(doc: DefinitionDocument): RawBuilder<unknown> {
  if (doc.dedupKey.length === 0) return sql`x.record_id::text`;
  const parts = doc.dedupKey.map((part) => {
    switch (part) {
      case 'customer':
        return sql`x.customer_id::text`;
      case 'sku':
        return sql`coalesce(x.sku, '')`;
      case 'day':
        return sql`x.basis_date::text`;
      case 'contract':
        return sql`coalesce(x.contract_id::text, '')`;
    }
  });
  return sql`concat_ws('|', ${sql.join(parts)})`;
}

/** The rated rows joined to what the dimensions read (owner, department, customer). */
function enrichedSql(doc: DefinitionDocument, scope: ReportScope, range: BasisRange) {
  return sql`(${ratedSql(doc, scope, range)}) x
    left join users u on u.tenant_id = ${scope.tenantId} and u.id = x.owner_id
    left join departments d on d.tenant_id = ${scope.tenantId} and d.id = u.department_id
    left join customers k on k.tenant_id = ${scope.tenantId} and k.id = x.customer_id`;
}

export interface AggregateRow {
  total: boolean;
  keys: Record<string, string | null>;
  labels: Record<string, string | null>;
  sum: string;
  count: number;
  distinctCustomers: number;
}

/** Sum (converted, rounded to the cent after summing), deal count and distinct customers per group, and the totals. */
export async function aggregate(
  trx: Trx,
  doc: DefinitionDocument,
  scope: ReportScope,
  range: BasisRange,
  groupBy: MetricDimension[],
): Promise<AggregateRow[]> {
  const keys = groupBy.map((g, i) => sql`${dimensionSql[g].key} as ${sql.ref(`k${i}`)}`);
  const labels = groupBy.map((g, i) => sql`min(${dimensionSql[g].label}) as ${sql.ref(`l${i}`)}`);
  const groupKeys = groupBy.map((g) => dimensionSql[g].key);
  const grouping = groupBy.length ? sql`group by grouping sets ((${sql.join(groupKeys)}), ())` : sql``;
  const totalFlag = groupBy.length ? sql`grouping(${sql.join(groupKeys)}) <> 0` : sql`true`;
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.join([
      ...keys,
      ...labels,
      sql`${totalFlag} as is_total`,
      sql`round(coalesce(sum(x.amount * x.rate), 0), 2)::text as sum_value`,
      sql`count(distinct ${dealKeySql(doc)}) as deals`,
      sql`count(distinct x.customer_id) as customers`,
    ])}
    from ${enrichedSql(doc, scope, range)}
    ${grouping}
    order by ${groupBy.length ? sql`${sql.join(groupBy.map((_, i) => sql`${sql.ref(`k${i}`)} nulls last`))}` : sql`1`}`.execute(
    trx,
  );
  return rows.map((r) => ({
    total: r.is_total === true,
    keys: Object.fromEntries(groupBy.map((g, i) => [g, (r[`k${i}`] as string | null) ?? null])),
    labels: Object.fromEntries(groupBy.map((g, i) => [g, (r[`l${i}`] as string | null) ?? null])),
    sum: r.sum_value as string,
    count: Number(r.deals),
    distinctCustomers: Number(r.customers),
  }));
}

export interface DrillRecord {
  recordType: string;
  id: string;
  date: string;
  customerId: string | null;
  contractId: string | null;
  sku: string | null;
  currency: string;
  amount: string;
  rate: string | null;
  value: string;
  dealKey: string;
}

/** The records behind one cell (its dimension keys), same basis and scope, at most `limit`. */
export async function drillRecords(
  trx: Trx,
  doc: DefinitionDocument,
  scope: ReportScope,
  range: BasisRange,
  cell: Partial<Record<MetricDimension, string | null>>,
  limit: number,
): Promise<DrillRecord[]> {
  const conditions = Object.entries(cell).map(([dimension, value]) => {
    const key = dimensionSql[dimension as MetricDimension].key;
    return value === null ? sql`${key} is null` : sql`${key} = ${value}`;
  });
  const { rows } = await sql<Record<string, unknown>>`
    select x.record_type, x.record_id::text as id, x.basis_date::text as date, x.customer_id::text as customer_id,
      x.contract_id::text as contract_id, x.sku, x.currency, x.original_amount::text as amount, x.rate::text as rate,
      round(x.amount * x.rate, 2)::text as value, ${dealKeySql(doc)} as deal_key
    from ${enrichedSql(doc, scope, range)}
    where ${conditions.length ? sql.join(conditions, AND) : sql`true`}
    order by x.basis_date, x.record_id
    limit ${limit}`.execute(trx);
  return rows.map((r) => ({
    recordType: r.record_type as string,
    id: r.id as string,
    date: r.date as string,
    customerId: (r.customer_id as string | null) ?? null,
    contractId: (r.contract_id as string | null) ?? null,
    sku: (r.sku as string | null) ?? null,
    currency: r.currency as string,
    amount: r.amount as string,
    rate: (r.rate as string | null) ?? null,
    value: (r.value as string | null) ?? '0.00',
    dealKey: r.deal_key as string,
  }));
}
