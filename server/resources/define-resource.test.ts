import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildResource, type ResourceDefinition } from './define-resource.ts';
import type { CommandContext } from './context.ts';

const ctx = {} as CommandContext;

const widget: ResourceDefinition = {
  path: 'widgets',
  recordType: 'widget',
  table: 'products',
  tag: 'Widgets',
  titleField: 'name',
  access: { object: 'product', owner: 'created_by' },
  fields: {
    name: { column: 'name', kind: 'text', filter: true, input: z.string().min(1) },
    colour: {
      column: 'colour',
      kind: 'text',
      input: z.enum(['red', 'blue']).default('red'),
      update: z.enum(['red', 'blue']),
    },
    serial: { column: 'serial', kind: 'text', input: z.string(), update: false },
    phone: { column: 'phone', kind: 'text', input: z.string().optional(), writtenByHook: true },
    phoneE164: { column: 'phone_e164', kind: 'text', internal: true },
  },
  inputOnly: { custom: { input: z.record(z.string(), z.unknown()).optional() } },
};

describe('defineResource', () => {
  it('derives the create body from the fields in order, then the input-only keys, with its schema id', () => {
    const spec = buildResource(widget);
    expect(Object.keys(spec.createSchema.shape)).toEqual(['name', 'colour', 'serial', 'phone', 'custom']);
    expect(z.globalRegistry.get(spec.createSchema)?.id).toBe('WidgetCreate');
    expect(spec.createSchema.parse({ name: 'a', serial: 's' })).toEqual({ name: 'a', colour: 'red', serial: 's' });
  });

  it('derives the update body: every key optional, overrides without defaults, fixed fields left out, a version', () => {
    const spec = buildResource(widget);
    expect(Object.keys(spec.updateSchema.shape)).toEqual(['name', 'colour', 'phone', 'custom', 'version']);
    expect(z.globalRegistry.get(spec.updateSchema)?.id).toBe('WidgetUpdate');
    // a default would overwrite the stored value on every edit that leaves the field out
    expect(spec.updateSchema.parse({ version: 1 })).toEqual({ version: 1 });
    expect(spec.updateSchema.safeParse({ name: 'b' }).success).toBe(false);
  });

  it('presents the fields without their body schemas', () => {
    const spec = buildResource(widget);
    expect(spec.fields.colour).toEqual({ column: 'colour', kind: 'text' });
    expect(spec.fields.phoneE164).toEqual({ column: 'phone_e164', kind: 'text', internal: true });
  });

  it('copies sent fields to their columns, leaving hook-written ones and unsent ones to the hook', async () => {
    const seen: Record<string, unknown>[] = [];
    const spec = buildResource({
      ...widget,
      toColumns: async (_ctx, input, _existing, columns) => {
        seen.push({ ...columns });
        return { ...columns, phone_e164: input.phone ? `+86${input.phone as string}` : null };
      },
    });
    const columns = await spec.toColumns(ctx, { name: 'a', colour: 'blue', phone: '138', custom: { x: 1 } }, undefined);
    expect(seen).toEqual([{ name: 'a', colour: 'blue' }]);
    expect(columns).toEqual({ name: 'a', colour: 'blue', phone_e164: '+86138' });
  });

  it('without a hook, stores exactly the copied columns', async () => {
    const spec = buildResource(widget);
    expect(await spec.toColumns(ctx, { serial: 's', name: undefined }, undefined)).toEqual({ serial: 's' });
  });

  it('gives a resource with no body keys empty bodies without schema ids', () => {
    const spec = buildResource({ ...widget, fields: { name: { column: 'name', kind: 'text' } }, inputOnly: undefined });
    expect(spec.createSchema.shape).toEqual({});
    expect(spec.updateSchema.shape).toEqual({});
    expect(z.globalRegistry.get(spec.createSchema)).toBeUndefined();
  });

  it('refuses a definition without access metadata at compile time', () => {
    const { access: _access, ...withoutAccess } = widget;
    // @ts-expect-error an unmapped resource is a type error, not a silent `settings`
    const build = () => buildResource(withoutAccess);
    expect(build).not.toThrow();
  });
});
