import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import { grantsFor, hasSystem, type AccessContext } from '../access/access-context.ts';
import { accessPlan } from '../access/access-plan.ts';
import type { CustomFieldDef } from '../resources/custom-values.ts';
import { allFields, parseFilter } from '../resources/list-query.ts';
import { presentProjected, projection } from '../resources/projection.ts';
import { getResource } from '../resources/registry.ts';
import type { ResourceSpec } from '../resources/resource-spec.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { AppError, fieldError } from '../errors.ts';
import { riskyDenial } from '../audit/denial-audit.ts';
import { resourceDb } from '../resources/resource-db.ts';

export const MAX_EXPORT_ROWS = 50_000;

export const exportRequestSchema = z
  .object({
    fields: z
      .array(z.string().trim().min(1).max(80))
      .min(1, 'name at least one field')
      .max(100)
      .describe('Customer fields, custom fields as custom.<key>'),
    filter: z
      .union([z.string().max(4000), z.record(z.string(), z.unknown())])
      .optional()
      .describe('The list filter, as a JSON string or an object'),
    format: z.enum(['csv', 'xlsx']).default('csv'),
  })
  .meta({ id: 'CustomerExportRequest' });

export type ExportRequest = z.infer<typeof exportRequestSchema>;

export interface PreparedExport {
  spec: ResourceSpec;
  request: ExportRequest;
  fields: string[];
  /** Requested fields that would carry real phone numbers (not masked for this user). */
  phoneFields: string[];
  conditions: Expression<SqlBool>[];
}

const filterText = (filter: ExportRequest['filter']) =>
  filter === undefined ? undefined : typeof filter === 'string' ? filter : JSON.stringify(filter);

function checkField(spec: ResourceSpec, defs: CustomFieldDef[], name: string) {
  if (name.startsWith('custom.')) {
    if (!defs.some((d) => d.key === name.slice(7)))
      throw fieldError(`fields.${name}`, 'is not a custom field of customers');
    return;
  }
  const field = allFields(spec)[name];
  if (!field || field.internal) {
    const allowed = Object.entries(allFields(spec))
      .filter(([, f]) => !f.internal)
      .map(([k]) => k);
    throw fieldError(`fields.${name}`, `is not a customer field; allowed: ${allowed.join(', ')}, custom.<key>`);
  }
}

const isPhoneField = (defs: CustomFieldDef[], name: string) =>
  name === 'mainPhone' || (name.startsWith('custom.') && defs.find((d) => d.key === name.slice(7))?.type === 'phone');

/**
 * Checks an export request for this user and compiles its rows: the customer.export grant,
 * the export data scope in SQL, the sandbox, and the field rules (hidden fields cannot be
 * requested or filtered on; masked fields export masked, as in lists).
 */
export function prepareExport(access: AccessContext, request: ExportRequest): PreparedExport {
  const spec = getResource('customers');
  if (grantsFor(access, 'customer', 'export').length === 0) {
    throw riskyDenial(
      new AppError('MISSING_GRANT', 'you have no export permission on customer records (customer.export)', {
        missing: 'customer.export',
      }),
      'customer.export',
    );
  }
  const plan = accessPlan(access).of(spec);
  const defs = plan.defs;
  const fields = [...new Set(request.fields)];
  for (const name of fields) {
    checkField(spec, defs, name);
    if (plan.view(name) === 'hidden')
      throw new AppError('FIELD_READONLY', `${name} is hidden from you and cannot be exported`, {
        field: name,
        rule: 'hidden',
        missing: `customer.${name}.read`,
      });
  }
  // as in lists, a filter may only use fields the user sees in full
  const gate = (name: string, path: string) => {
    const seen = plan.view(name);
    if (seen !== 'visible')
      throw new AppError('FIELD_READONLY', `${name} is ${seen} for you and cannot be filtered on`, {
        field: path,
        rule: seen,
      });
  };
  const phoneFields = fields.filter((f) => isPhoneField(defs, f) && plan.view(f) !== 'masked');
  const conditions = [...plan.rows('export'), ...parseFilter(spec, filterText(request.filter), defs, gate)];
  if (plan.sandboxOpen) conditions.push(plan.sandboxOpen);
  return { spec, request, fields, phoneFields, conditions };
}

/** A CRM admin: may approve exports and exports all customers. Only they may ask for phone numbers. */
export const isCrmAdmin = (access: AccessContext) =>
  hasSystem(access, 'approveExports') && grantsFor(access, 'customer', 'export').some((g) => g.scope === 'all');

export function assertMayRequestPhones(access: AccessContext, prepared: PreparedExport) {
  if (prepared.phoneFields.length === 0 || isCrmAdmin(access)) return;
  throw riskyDenial(
    new AppError(
      'MISSING_GRANT',
      `exports with phone numbers (${prepared.phoneFields.join(', ')}) are for CRM administrators only (approve-exports permission and an export scope of all customers), through an approved export request`,
      { missing: 'system.approveExports', phoneFields: prepared.phoneFields },
    ),
    'customer.export-phones',
  );
}

export interface ExportTable {
  header: string[];
  rows: unknown[][];
}

/** The rows, presented and field-ruled exactly as a list presents them (masked in SQL), in creation order. */
export async function exportRows(trx: Trx, access: AccessContext, prepared: PreparedExport): Promise<ExportTable> {
  const { spec, fields } = prepared;
  const plan = accessPlan(access).of(spec);
  const columns = [
    ...fields.filter((f) => !f.startsWith('custom.')),
    ...(fields.some((f) => f.startsWith('custom.')) ? ['custom'] : []),
  ];
  const inner = resourceDb(trx)
    .selectFrom(spec.table)
    .selectAll(spec.table)
    .where((eb) => eb.and(prepared.conditions))
    .orderBy(sql`created_at`)
    .orderBy(sql`id`)
    .limit(MAX_EXPORT_ROWS + 1);
  const rows = (await resourceDb(trx)
    .selectFrom(inner.as(spec.table))
    .select(projection(plan, columns, false))
    .orderBy(sql.ref(`${spec.table}.created_at`))
    .orderBy(sql.ref(`${spec.table}.id`))
    .execute()) as Record<string, unknown>[];
  if (rows.length > MAX_EXPORT_ROWS)
    throw fieldError('filter', `matches more than ${MAX_EXPORT_ROWS} customers; narrow the filter`);
  const records = rows.map((row) => presentProjected(spec, row));
  return {
    header: fields,
    rows: records.map((record) =>
      fields.map(
        (f) =>
          (f.startsWith('custom.')
            ? (record.custom as Record<string, unknown> | undefined)?.[f.slice(7)]
            : record[f]) ?? null,
      ),
    ),
  };
}
