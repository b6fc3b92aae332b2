/** Demo contracts with instalment plans and the payments received against them. */
import { contractStatuses } from '../../common/enums.ts';
import { newId } from '../../common/ids.ts';
import type { SeededCustomer } from './demo-customers.ts';
import type { SeededOpportunity } from './demo-pipeline.ts';
import { centsToDecimal, splitCents } from './money.ts';
import { addDays, shanghaiDate, weightsFor, type Random, type Weighted } from './random.ts';
import { contractTitleTemplates, fillPhrase, paymentMethods } from './sales-phrases.ts';
import { baseColumns, type Row, type SeedContext } from './seed-context.ts';

type ContractStatus = (typeof contractStatuses)[number];
type ContractCurrency = 'CNY' | 'USD' | 'EUR';

export interface SeededContract {
  id: string;
  number: string;
  customer: SeededCustomer;
  status: ContractStatus;
}

export interface DemoContracts {
  seeded: SeededContract[];
  contractRows: Row<'contracts'>[];
  installmentRows: Row<'contract_installments'>[];
  paymentRows: Row<'payments'>[];
}

const statusWeights = weightsFor(contractStatuses, { active: 40, completed: 30, draft: 15, terminated: 15 });
const currencyWeights: Weighted<ContractCurrency> = [
  ['CNY', 76],
  ['USD', 14],
  ['EUR', 10],
];
/** Contract value range in tens of currency units. */
const valueRange: Record<ContractCurrency, readonly [number, number]> = {
  CNY: [3_000, 150_000],
  USD: [500, 25_000],
  EUR: [500, 20_000],
};
const planShapes: readonly (readonly number[])[] = [
  [50, 50],
  [30, 70],
  [30, 40, 30],
  [30, 60, 10],
  [25, 25, 25, 25],
  [40, 30, 20, 10],
];

/** At least 40 contracts (if there are customers), about one for every six customers, won deals first. */
export function buildContracts(
  ctx: SeedContext,
  customers: readonly SeededCustomer[],
  opportunities: readonly SeededOpportunity[],
  fallbackOwner: string,
): DemoContracts {
  const random = ctx.random.derive('contracts');
  const count = customers.length === 0 ? 0 : Math.max(40, Math.round(customers.length / 6));
  const won = opportunities.filter((opportunity) => opportunity.stage === 'won');
  const candidates: Weighted<SeededCustomer> = customers.map((customer) => [
    customer,
    { A: 6, B: 4, C: 2, D: 1 }[customer.level],
  ]);
  const out: DemoContracts = { seeded: [], contractRows: [], installmentRows: [], paymentRows: [] };

  for (let i = 0; i < count; i++) {
    const opportunity = i < won.length ? won[i] : undefined;
    const customer = opportunity?.customer ?? random.weighted(candidates);
    const status = random.covering(i, statusWeights);
    const currency = random.covering(i, currencyWeights);
    const [min, max] = valueRange[currency];
    const amountCents = random.int(min, max) * 1_000 + (random.chance(0.2) ? random.int(1, 99) : 0);
    const dates = contractDates(random, ctx.now, status);
    const base = baseColumns(ctx, dates.signed ?? random.daysAround(ctx.now, -20, -1));
    const year = shanghaiDate(dates.signed ?? ctx.now).slice(0, 4);
    const number = `HT-${year}-${String(i + 1).padStart(4, '0')}`;
    out.contractRows.push({
      ...base,
      customer_id: customer.id,
      opportunity_id: opportunity?.id ?? null,
      number,
      title: fillPhrase(random.pick(contractTitleTemplates), {
        short: customer.company.shortName,
        year: shanghaiDate(dates.start).slice(0, 4),
      }),
      signed_date: dates.signed ? shanghaiDate(dates.signed) : null,
      start_date: shanghaiDate(dates.start),
      end_date: shanghaiDate(dates.end),
      currency,
      amount_incl_tax: centsToDecimal(amountCents),
      tax_rate: currency === 'CNY' ? random.pick(['0.1300', '0.1300', '0.0600']) : '0.0000',
      status,
      owner_id: customer.ownerId ?? fallbackOwner,
    });
    out.seeded.push({ id: base.id, number, customer, status });
    addPlanAndPayments(ctx, random, out, { id: base.id, status, currency, amountCents, ...dates });
  }
  return out;
}

interface ContractDates {
  signed: Date | null;
  start: Date;
  end: Date;
}

function contractDates(random: Random, now: Date, status: ContractStatus): ContractDates {
  const term = random.pick([365, 365, 730]);
  if (status === 'draft') {
    const start = random.daysAround(now, 10, 60);
    return { signed: null, start, end: addDays(start, term - 1) };
  }
  const signed =
    status === 'active'
      ? random.daysAround(now, -330, -5)
      : status === 'completed'
        ? random.daysAround(now, -1100, -term - 30)
        : random.daysAround(now, -600, -60);
  const start = addDays(signed, random.int(0, 20));
  return { signed, start: start > now ? now : start, end: addDays(start, term - 1) };
}

interface PlannedContract extends ContractDates {
  id: string;
  status: ContractStatus;
  currency: ContractCurrency;
  amountCents: number;
}

/**
 * Most signed contracts get a plan of 2–4 instalments summing exactly to the contract amount.
 * Completed contracts are paid in full, active ones up to today (some instalments only in
 * part), terminated ones at most their first instalment; drafts get nothing.
 */
function addPlanAndPayments(ctx: SeedContext, random: Random, out: DemoContracts, contract: PlannedContract) {
  const hasPlan = random.chance(contract.status === 'draft' ? 0.3 : 0.7);
  const shares = hasPlan ? splitCents(contract.amountCents, random.pick(planShapes)) : [contract.amountCents];
  const spacing = Math.floor((contract.end.getTime() - contract.start.getTime()) / 86_400_000 / shares.length);
  const createdAt = contract.signed ?? contract.start;
  const today = shanghaiDate(ctx.now);

  shares.forEach((share, index) => {
    const due = addDays(contract.start, 7 + index * spacing);
    const installmentId = hasPlan ? newId() : null;
    if (installmentId) {
      out.installmentRows.push({
        ...baseColumns(ctx, createdAt),
        id: installmentId,
        contract_id: contract.id,
        seq: index + 1,
        due_date: shanghaiDate(due),
        amount: centsToDecimal(share),
      });
    }
    if (contract.status === 'draft' || due > ctx.now) return;
    if (contract.status === 'terminated' && index > 0) return;
    const roll = random.next();
    let paidCents = share;
    if (contract.status === 'active' && roll < 0.25) paidCents = Math.floor((share * random.int(30, 80)) / 100);
    else if (contract.status === 'active' && roll < 0.35)
      return; // overdue, nothing received yet
    else if (!hasPlan && contract.status !== 'completed') paidCents = Math.floor((share * random.pick([30, 50])) / 100);
    const received = addDays(due, random.int(-5, 15));
    const receivedDate = shanghaiDate(received) > today ? today : shanghaiDate(received);
    out.paymentRows.push({
      ...baseColumns(ctx, received > ctx.now ? ctx.now : received),
      contract_id: contract.id,
      installment_id: installmentId,
      amount: centsToDecimal(paidCents),
      currency: contract.currency,
      received_date: receivedDate,
      method: random.pick(paymentMethods),
      reference: `BK${receivedDate.replaceAll('-', '')}${random.digits(8)}`,
      note: hasPlan
        ? paidCents < share
          ? `第${index + 1}期款（部分）`
          : `第${index + 1}期款`
        : paidCents < share
          ? '预付款'
          : '全款',
    });
  });
}
