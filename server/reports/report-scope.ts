import { sql, type Expression, type SqlBool } from 'kysely';
import type { AccessContext } from '../access/access-context.ts';
import { accessPlan } from '../access/access-plan.ts';
import { getResource } from '../resources/registry.ts';
import type { MetricBasis, MetricDimension } from './definition-schema.ts';

/** The resource whose rows a basis counts, and the field whose rule governs its amounts. */
export const basisSource: Record<MetricBasis, { resource: string; amountField: string }> = {
  signed: { resource: 'contracts', amountField: 'amountInclTax' },
  invoiced: { resource: 'installments', amountField: 'amount' },
  received: { resource: 'payments', amountField: 'amount' },
  ordered: { resource: 'orders', amountField: 'amount' },
  pipeline: { resource: 'opportunities', amountField: 'amount' },
  receivables: { resource: 'installments', amountField: 'amount' },
};

/** The tables the bases read, without the resource registry (the seed and the CLI seal without it). */
const tableOf: Record<string, string> = {
  contracts: 'contracts',
  installments: 'contract_installments',
  payments: 'payments',
  orders: 'orders',
  opportunities: 'opportunities',
};

/** Dimensions read from the customer record: grouping by one shows its values, so its field rule applies. */
const customerFieldOf: Partial<Record<MetricDimension, string>> = { region: 'region', industry: 'industry' };

/**
 * Which rows a report counts and whether it may show their amounts. From a caller's access plan
 * (the same SQL scope as their lists, applied before aggregation) or, for the sealing job and
 * the CLI, the whole company.
 */
export interface ReportScope {
  tenantId: string;
  /** Conditions over the unaliased table of `resource`: tenant, live, data scope. */
  rows(resource: string): Expression<SqlBool>[];
  /** Whether the amounts of a basis are shown in full (else sums and averages are masked). */
  amountsVisible(basis: MetricBasis): boolean;
  /** Refuses a grouping whose values the caller may not see. */
  checkDimension(dimension: MetricDimension, path: string): void;
}

export function scopeOfAccess(access: AccessContext): ReportScope {
  const plan = accessPlan(access);
  return {
    tenantId: access.actor.tenantId,
    rows(resource) {
      const objectPlan = plan.of(getResource(resource));
      const rows = objectPlan.rows('read');
      return objectPlan.sandboxOpen ? [...rows, objectPlan.sandboxOpen] : rows;
    },
    amountsVisible(basis) {
      const source = basisSource[basis];
      return plan.of(getResource(source.resource)).view(source.amountField) === 'visible';
    },
    checkDimension(dimension, path) {
      const field = customerFieldOf[dimension];
      if (field) plan.of(getResource('customers')).gate(field, path);
    },
  };
}

/** Every live row of the company: what the monthly seal and `cairn snapshots` compute on. */
export function companyScope(tenantId: string): ReportScope {
  return {
    tenantId,
    rows(resource) {
      const table = tableOf[resource];
      if (!table) throw new Error(`no report table for ${resource}`);
      return [
        sql<SqlBool>`${sql.ref(`${table}.tenant_id`)} = ${tenantId}`,
        sql<SqlBool>`${sql.ref(`${table}.deleted_at`)} is null`,
      ];
    },
    amountsVisible: () => true,
    checkDimension: () => {},
  };
}
