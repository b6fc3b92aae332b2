import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { CommandContext } from './context.ts';
import { buildResource, type FieldDefinitions, type TableColumns, type TableRow } from './define-resource.ts';
import type { Row } from './resource-spec.ts';

const ctx = {} as CommandContext;

// `npm run typecheck` checks the expectTypeOf lines; vitest checks what the hooks receive.
const gadgetFields = {
  name: { column: 'name', kind: 'text', input: z.string().min(1) },
  colour: {
    column: 'sku',
    kind: 'text',
    input: z.enum(['red', 'blue']).default('red'),
    update: z.enum(['red', 'blue']),
  },
  price: { column: 'unit_price', kind: 'decimal', input: z.union([z.string(), z.number()]).transform(String) },
  createdAt: { column: 'created_at', kind: 'timestamp' },
} satisfies FieldDefinitions;

describe('hook types', () => {
  it('hands hooks the body as its schemas parse it and the stored row typed by the table', async () => {
    const seen: unknown[] = [];
    const spec = buildResource({
      path: 'gadgets',
      recordType: 'gadget',
      table: 'products',
      tag: 'Gadgets',
      titleField: 'name',
      access: { object: 'product' },
      fields: gadgetFields,
      inputOnly: { note: { input: z.string().optional() } },
      toColumns: async (_ctx, input, existing, columns) => {
        expectTypeOf(input.name).toEqualTypeOf<string | undefined>();
        expectTypeOf(input.colour).toEqualTypeOf<'red' | 'blue' | undefined>();
        expectTypeOf(input.price).toEqualTypeOf<string | undefined>();
        expectTypeOf(input.note).toEqualTypeOf<string | undefined>();
        // a field the client never sends is never in the body
        expectTypeOf(input.createdAt).toEqualTypeOf<undefined>();
        // @ts-expect-error a key that is neither a field nor an input-only key is a type error
        seen.push(input.nope);
        expectTypeOf(existing).toEqualTypeOf<TableRow<'products'> | undefined>();
        expectTypeOf(columns).toEqualTypeOf<TableColumns<'products'>>();
        seen.push(input.colour, existing?.sku, existing?.unit_price);
        return { ...columns, currency: 'CNY' };
      },
      beforeUpdate: async (_ctx, row, input) => {
        expectTypeOf(row.is_active).toEqualTypeOf<boolean>();
        expectTypeOf(input.colour).toEqualTypeOf<'red' | 'blue' | undefined>();
        seen.push(row.is_active);
      },
    });
    const stored = { id: 'g1', tenant_id: 't1', version: 3, sku: 'red', unit_price: '9.50', is_active: true } as Row;
    const columns = await spec.toColumns(ctx, { name: 'Lamp', colour: 'blue', price: '10' }, stored);
    await spec.beforeUpdate!(ctx, stored, { colour: 'blue' });
    expect(columns).toEqual({ name: 'Lamp', sku: 'blue', unit_price: '10', currency: 'CNY' });
    expect(seen).toEqual([undefined, 'blue', 'red', '9.50', true]);
  });
});
