/** Demo customers and their contacts. */
import { customerLevels, customerSources, customerStatuses, type CustomerLevel } from '../../common/enums.ts';
import {
  CompanyNamer,
  creditCode,
  customerTags,
  emailAddress,
  jobTitle,
  landlinePhone,
  mobilePhone,
  personName,
  wecomExternalId,
  type Company,
} from './chinese-data.ts';
import { weightsFor, type Weighted } from './random.ts';
import { baseColumns, type Row, type SeedContext } from './seed-context.ts';

export type CustomerStatus = (typeof customerStatuses)[number];

/** What later steps need to know about a seeded customer. */
export interface SeededCustomer {
  id: string;
  company: Company;
  level: CustomerLevel;
  status: CustomerStatus;
  ownerId: string | null;
  createdAt: Date;
  contactNames: string[];
}

export interface CustomerOwners {
  sales1: string;
  sales2: string;
  manager: string;
  intern: string;
}

const levelWeights = weightsFor(customerLevels, { A: 15, B: 30, C: 35, D: 20 });
const statusWeights = weightsFor(customerStatuses, { active: 70, dormant: 20, lost: 10 });
const sourceWeights = weightsFor(customerSources, {
  website: 20,
  referral: 18,
  exhibition: 14,
  cold_call: 14,
  partner: 12,
  advertising: 10,
  other: 5,
});
const contactCountWeights: Weighted<number> = [
  [1, 35],
  [2, 35],
  [3, 20],
  [4, 10],
];

export interface DemoCustomers {
  seeded: SeededCustomer[];
  customerRows: Row<'customers'>[];
  contactRows: Row<'contacts'>[];
}

export function buildCustomers(ctx: SeedContext, count: number, owners: CustomerOwners): DemoCustomers {
  const random = ctx.random.derive('customers');
  const namer = new CompanyNamer(random.derive('company-names'));
  const ownerWeights: Weighted<string | null> = [
    [owners.sales1, 38],
    [owners.sales2, 36],
    [owners.manager, 12],
    [owners.intern, 5],
    [null, 9],
  ];
  const usedCreditCodes = new Set<string>();
  const usedPhones = new Set<string>();
  const seeded: SeededCustomer[] = [];
  const customerRows: Row<'customers'>[] = [];
  const contactRows: Row<'contacts'>[] = [];

  for (let i = 0; i < count; i++) {
    const company = namer.next();
    const level = random.covering(i, levelWeights);
    const status = random.covering(i, statusWeights);
    const ownerId = random.covering(i, ownerWeights);
    const createdAt = random.daysAround(ctx.now, -900, -30);
    const updatedAt = random.dateBetween(createdAt, ctx.now);
    const phone = random.chance(0.92)
      ? random.chance(0.55)
        ? landlinePhone(random, company.city, usedPhones)
        : mobilePhone(random, usedPhones)
      : null;
    const base = baseColumns(ctx, createdAt);
    customerRows.push({
      ...base,
      updated_at: updatedAt,
      name: company.name,
      short_name: company.shortName,
      credit_code: random.chance(0.7) ? creditCode(random, company.city, usedCreditCodes) : null,
      industry: company.industry.name,
      level,
      source: random.covering(i, sourceWeights),
      region: company.city.area,
      main_phone: phone?.entered ?? null,
      main_phone_e164: phone?.e164 ?? null,
      owner_id: ownerId,
      status,
      tags: random.chance(0.7) ? random.sample(customerTags, random.int(1, 3)) : [],
      custom: '{}',
    });

    const contactCount = random.weighted(contactCountWeights);
    const usedEmails = new Set<string>();
    const contactNames: string[] = [];
    for (let c = 0; c < contactCount; c++) {
      const person = personName(random);
      const mobile = random.chance(0.92) ? mobilePhone(random) : null;
      const contactCreated = c === 0 ? createdAt : random.dateBetween(createdAt, ctx.now);
      contactNames.push(person.name);
      contactRows.push({
        ...baseColumns(ctx, contactCreated),
        customer_id: base.id,
        name: person.name,
        title: jobTitle(random),
        mobile: mobile?.entered ?? null,
        mobile_e164: mobile?.e164 ?? null,
        email: random.chance(0.85) ? emailAddress(person, company.domain, usedEmails) : null,
        wecom_id: random.chance(0.6) ? wecomExternalId(random) : null,
        is_primary: c === 0,
        custom: '{}',
      });
    }
    seeded.push({ id: base.id, company, level, status, ownerId, createdAt, contactNames });
  }
  return { seeded, customerRows, contactRows };
}
