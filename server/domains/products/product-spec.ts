import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { currencies } from '../../../common/enums.ts';
import { defineResource } from '../../resources/define-resource.ts';
import { uniqueKeyCheck } from '../../resources/duplicates.ts';
import { decimalString } from '../../http/common-schemas.ts';

export const productSpec = defineResource({
  path: 'products',
  recordType: 'product',
  table: 'products',
  tag: 'Products',
  titleField: 'name',
  access: { object: 'product', owner: 'created_by' },
  fields: {
    sku: {
      column: 'sku',
      kind: 'text',
      filter: true,
      sort: true,
      required: true,
      input: z
        .string()
        .trim()
        .min(1, 'is required')
        .max(60)
        .regex(/^[A-Za-z0-9._-]+$/, 'may contain letters, digits, dot, dash and underscore'),
    },
    name: {
      column: 'name',
      kind: 'text',
      filter: true,
      sort: true,
      required: true,
      input: z.string().trim().min(1, 'is required').max(200),
    },
    unitPrice: {
      column: 'unit_price',
      kind: 'decimal',
      filter: true,
      sort: true,
      required: true,
      input: decimalString().refine((v) => new Decimal(v).gte(0), 'must not be negative'),
    },
    currency: {
      column: 'currency',
      kind: 'text',
      filter: true,
      required: true,
      input: z.enum(currencies).default('CNY'),
      update: z.enum(currencies),
    },
    isActive: {
      column: 'is_active',
      kind: 'bool',
      filter: true,
      required: true,
      input: z.boolean().optional(),
      update: z.boolean(),
    },
  },
  duplicateCheck: uniqueKeyCheck({
    recordType: 'product',
    table: 'products',
    titleColumn: 'name',
    keys: [{ field: 'sku', columns: ['sku'] }],
  }),
  defaultSort: 'sku',
});
