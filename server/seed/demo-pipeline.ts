/** Demo opportunities and follow-ups. */
import {
  followupKinds,
  followupSources,
  followupStatuses,
  opportunityStages,
  type CustomerLevel,
  type OpportunityStage,
} from '../../common/enums.ts';
import type { SeededCustomer } from './demo-customers.ts';
import { centsToDecimal } from './money.ts';
import { addDays, duringWorkingHours, shanghaiDate, weightsFor, type Random, type Weighted } from './random.ts';
import { followupContent, nextSteps, opportunityTopics, type FollowupKind } from './sales-phrases.ts';
import { baseColumns, type Row, type SeedContext } from './seed-context.ts';

type FollowupSource = (typeof followupSources)[number];

export interface SeededOpportunity {
  id: string;
  customer: SeededCustomer;
  stage: OpportunityStage;
}

const stageWeights = weightsFor(opportunityStages, {
  initial: 20,
  qualified: 20,
  proposal: 18,
  negotiation: 12,
  won: 18,
  lost: 12,
});
const kindWeights = weightsFor(followupKinds, { call: 30, im: 25, visit: 12, meeting: 12, email: 12, other: 9 });
/** Which channels record a follow-up of each kind. */
const sourcesByKind: Record<FollowupKind, Weighted<FollowupSource>> = {
  call: [
    ['call', 6],
    ['manual', 3],
    ['button', 1],
  ],
  im: [
    ['im', 7],
    ['manual', 3],
  ],
  meeting: [
    ['meeting', 7],
    ['manual', 3],
  ],
  visit: [
    ['manual', 8],
    ['button', 2],
  ],
  email: [
    ['manual', 7],
    ['import', 3],
  ],
  other: [
    ['manual', 6],
    ['button', 2],
    ['import', 2],
  ],
};
/** Opportunity size in hundreds of yuan by customer level. */
const amountRange: Record<CustomerLevel, readonly [number, number]> = {
  A: [2_000, 20_000],
  B: [800, 6_000],
  C: [200, 2_000],
  D: [50, 600],
};
const productMentions = [
  'Cairn CRM 专业版',
  'Cairn CRM 企业版',
  '移动销售助手',
  'BI报表模块',
  '私有化部署方案',
  '呼叫中心集成',
];

export function buildOpportunities(ctx: SeedContext, customers: readonly SeededCustomer[]) {
  const random = ctx.random.derive('opportunities');
  const seeded: SeededOpportunity[] = [];
  const rows: Row<'opportunities'>[] = [];
  for (const customer of customers) {
    const count = random.weighted(
      customer.status === 'lost'
        ? [
            [0, 6],
            [1, 4],
          ]
        : [
            [0, 3],
            [1, 4],
            [2, 2],
            [3, 1],
          ],
    );
    for (let i = 0; i < count; i++) {
      const stage = random.covering(seeded.length, stageWeights);
      const closed = stage === 'won' || stage === 'lost';
      const closeDate = closed ? random.daysAround(ctx.now, -240, -1) : random.daysAround(ctx.now, 7, 180);
      const createdEnd = closed ? closeDate : ctx.now;
      const createdAt = random.dateBetween(
        customer.createdAt < createdEnd ? customer.createdAt : addDays(createdEnd, -30),
        createdEnd,
      );
      const currency = random.weighted([
        ['CNY', 90],
        ['USD', 6],
        ['EUR', 4],
      ] as const);
      const [min, max] = amountRange[customer.level];
      const divisor = currency === 'CNY' ? 1 : currency === 'USD' ? 7 : 8;
      const amountCents = Math.max(1, Math.round(random.int(min, max) / divisor)) * 10_000;
      const base = baseColumns(ctx, createdAt);
      rows.push({
        ...base,
        updated_at: random.dateBetween(createdAt, closed ? closeDate : ctx.now),
        customer_id: customer.id,
        name: `${customer.company.shortName}${random.pick(opportunityTopics)}`,
        amount: centsToDecimal(amountCents),
        currency,
        stage,
        expected_close_date: shanghaiDate(closeDate),
        owner_id: customer.ownerId,
        custom: '{}',
      });
      seeded.push({ id: base.id, customer, stage });
    }
  }
  return { seeded, rows };
}

export interface FollowupAuthors {
  manager: string;
}

export function buildFollowups(
  ctx: SeedContext,
  customers: readonly SeededCustomer[],
  opportunities: readonly SeededOpportunity[],
  authors: FollowupAuthors,
): Row<'followups'>[] {
  const random = ctx.random.derive('followups');
  const opportunitiesByCustomer = new Map<string, SeededOpportunity[]>();
  for (const opportunity of opportunities) {
    const list = opportunitiesByCustomer.get(opportunity.customer.id) ?? [];
    list.push(opportunity);
    opportunitiesByCustomer.set(opportunity.customer.id, list);
  }
  const latest = new Date(ctx.now.getTime() - 60_000);
  const rows: Row<'followups'>[] = [];
  for (const customer of customers) {
    const [min, max] = customer.status === 'active' ? [3, 9] : customer.status === 'dormant' ? [1, 4] : [1, 3];
    // Dormant and lost customers have gone quiet: nothing in the last few weeks.
    const quietDays = customer.status === 'active' ? 0 : 30;
    const times = Array.from({ length: random.int(min, max) }, () => {
      const moment = duringWorkingHours(random.daysAround(ctx.now, -120, -quietDays), random);
      return moment > latest ? latest : moment;
    }).sort((a, b) => a.getTime() - b.getTime());
    const furthestStatus = random.int(0, followupStatuses.length - 1);
    const customerOpportunities = opportunitiesByCustomer.get(customer.id) ?? [];
    times.forEach((occurredAt, i) => {
      const index = rows.length;
      const kind = random.covering(index, kindWeights);
      const source = index < followupSources.length ? followupSources[index]! : random.weighted(sourcesByKind[kind]);
      const status =
        index < followupStatuses.length
          ? followupStatuses[index]!
          : followupStatuses[Math.min(furthestStatus, Math.floor(((i + 1) * (furthestStatus + 1)) / times.length))]!;
      const author = customer.ownerId && random.chance(0.9) ? customer.ownerId : authors.manager;
      const isLast = i === times.length - 1;
      const withNextStep = random.chance(customer.status === 'active' && isLast ? 0.75 : 0.35);
      rows.push({
        ...baseColumns(ctx, occurredAt, author),
        customer_id: customer.id,
        opportunity_id:
          customerOpportunities.length > 0 && random.chance(0.5) ? random.pick(customerOpportunities).id : null,
        kind,
        status,
        content: followupContent(random, kind, phraseValues(random, customer)),
        next_step: withNextStep ? random.pick(nextSteps) : null,
        next_step_at: withNextStep ? nextStepMoment(random, occurredAt) : null,
        source,
        author_id: author,
        occurred_at: occurredAt,
      });
    });
  }
  return rows;
}

function phraseValues(random: Random, customer: SeededCustomer): Record<string, string | number> {
  return {
    contact: random.pick(customer.contactNames),
    product: random.pick(productMentions),
    city: customer.company.city.name,
    n: random.pick([20, 30, 50, 80, 120, 200]),
    month: random.int(1, 12),
    installments: random.int(2, 4),
    seq: random.int(2, 3),
  };
}

/** 1–10 days later, at 10:00 or 14:30 Shanghai time. */
function nextStepMoment(random: Random, occurredAt: Date): Date {
  const day = shanghaiDate(addDays(occurredAt, random.int(1, 10)));
  return new Date(`${day}T${random.pick(['10:00', '14:30'])}:00+08:00`);
}
