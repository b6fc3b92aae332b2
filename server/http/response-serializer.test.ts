import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer.ts';

const writerFor = (schema: z.ZodType, checked = false) =>
  responseSerializerCompiler({ checked })({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);

const record = z.object({
  id: z.string(),
  amount: z.string().nullable(),
  level: z.enum(['A', 'B']).nullable(),
  count: z.number().int(),
  updatedAt: z.iso.datetime(),
  customValues: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
});
const page = z.object({ data: z.array(record), meta: z.object({ nextCursor: z.string().nullable() }) });
const row = {
  id: 'c1',
  amount: '12.50',
  level: null,
  count: 3,
  updatedAt: '2026-12-01T05:00:00.000Z',
  customValues: { 来源: '官网', n: 2, nested: { a: [1, null] } },
  tags: ['重点'],
  owner: null,
};

describe('response writer compiled from the zod schema', () => {
  it('writes what zod would, and leaves out what the schema does not name', () => {
    const write = writerFor(page);
    const data = {
      data: [row, { ...row, owner: { id: 'u1', name: '张三', password: 'x' }, secret: 's' }],
      meta: { nextCursor: null },
    };
    const written = JSON.parse(write(data)) as { data: Array<Record<string, unknown>> };
    expect(written).toEqual(JSON.parse(JSON.stringify(page.parse(data))));
    expect(written.data[1]).not.toHaveProperty('secret');
    expect(written.data[1]!.owner).toEqual({ id: 'u1', name: '张三' });
  });

  it('is not zod: it does not refuse a wrong value, which is why tests run it checked', () => {
    const bad = { data: [{ ...row, count: 1.5 }], meta: { nextCursor: null } };
    expect(() => writerFor(page)(bad)).not.toThrow();
    expect(() => writerFor(page, true)(bad)).toThrow();
  });

  it('keeps zod for a schema that runs code on its values', () => {
    const at = z.codec(z.iso.datetime(), z.date(), {
      decode: (text) => new Date(text),
      encode: (date) => date.toISOString(),
    });
    const schema = z.object({ at, list: z.array(z.object({ at })) });
    expect(writerFor(schema)({ at: new Date(0), list: [{ at: new Date(1000) }] })).toBe(
      '{"at":"1970-01-01T00:00:00.000Z","list":[{"at":"1970-01-01T00:00:01.000Z"}]}',
    );
  });

  it('writes the extra keys of a catch-all as zod does', () => {
    const loose = z.object({ id: z.string() }).catchall(z.number());
    const write = writerFor(loose, true);
    expect(write({ id: 'a', n: 1 })).toBe('{"id":"a","n":1}');
  });
});
