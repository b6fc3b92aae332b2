import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { currencies } from '../../../common/enums.ts';
import { registerResource } from '../../resources/registry.ts';
import { uniqueKeyCheck } from '../../resources/duplicates.ts';
import type { ResourceSpec } from '../../resources/resource-spec.ts';
import { decimalString, versionField } from '../../http/common-schemas.ts';
import { pick } from '../shared-rules.ts';

const createSchema = z
  .object({
    sku: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(60)
      .regex(/^[A-Za-z0-9._-]+$/, 'may contain letters, digits, dot, dash and underscore'),
    name: z.string().trim().min(1, 'is required').max(200),
    unitPrice: decimalString().refine((v) => new Decimal(v).gte(0), 'must not be negative'),
    currency: z.enum(currencies).default('CNY'),
    isActive: z.boolean().optional(),
  })
  .meta({ id: 'ProductCreate' });

const updateSchema = z
  .object({
    sku: createSchema.shape.sku,
    name: createSchema.shape.name,
    unitPrice: createSchema.shape.unitPrice,
    currency: z.enum(currencies),
    isActive: z.boolean(),
  })
  .partial()
  .extend({ version: versionField })
  .meta({ id: 'ProductUpdate' });

export const productSpec: ResourceSpec = registerResource({
  path: 'products',
  recordType: 'product',
  table: 'products',
  tag: 'Products',
  titleField: 'name',
  fields: {
    sku: { column: 'sku', kind: 'text', filter: true, sort: true, required: true },
    name: { column: 'name', kind: 'text', filter: true, sort: true, required: true },
    unitPrice: { column: 'unit_price', kind: 'decimal', filter: true, sort: true, required: true },
    currency: { column: 'currency', kind: 'text', filter: true, required: true },
    isActive: { column: 'is_active', kind: 'bool', filter: true, required: true },
  },
  createSchema,
  updateSchema,
  duplicateCheck: uniqueKeyCheck({
    recordType: 'product',
    table: 'products',
    titleColumn: 'name',
    keys: [{ field: 'sku', columns: ['sku'] }],
  }),
  toColumns: async (_ctx, input) =>
    pick(input, { sku: 'sku', name: 'name', unitPrice: 'unit_price', currency: 'currency', isActive: 'is_active' }),
  defaultSort: 'sku',
});
