import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;
type RouteSchema = Parameters<FastifySerializerCompiler<z.ZodType>>[0];

/**
 * Response bodies are written by fast-json-stringify, compiled from the JSON schema of the route's
 * zod response schema (as Fastify does natively), instead of encoding every row through zod and
 * then `JSON.stringify`. A schema JSON cannot express (a transform, a codec) keeps zod's encoder.
 *
 * `checked` (on under tests) also runs zod's encoder on every answer and fails the answer when
 * zod refuses it or the two outputs differ, so the whole suite proves the compiled writer equal
 * to zod's on every route it calls.
 */
export function responseSerializerCompiler(options: { checked: boolean }): FastifySerializerCompiler<z.ZodType> {
  return (route) => {
    const zodWriter = zodSerializerCompiler(route as never) as (data: unknown) => string;
    // compiled at a route's first answer: compiling all routes' writers would slow every start
    let writer: ((data: unknown) => string) | undefined;
    const compiled = (data: unknown) => (writer ??= compile(route) ?? zodWriter)(data);
    if (!options.checked) return compiled;
    return (data) => {
      const expected = zodWriter(data);
      const written = compiled(data);
      if (!isDeepStrictEqual(JSON.parse(written), JSON.parse(expected)))
        throw new Error(
          `${route.method} ${route.url}: the compiled response writer differs from zod's: ${written.slice(0, 300)} ≠ ${expected.slice(0, 300)}`,
        );
      return written;
    };
  };
}

function compile(route: RouteSchema): ((data: unknown) => string) | undefined {
  const schema = zodSchemaOf(route.schema);
  if (!schema) return undefined;
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw', target: 'draft-7' }) as JsonSchema;
  } catch {
    return undefined; // transforms and codecs: zod's encoder writes them
  }
  if (hasTransform(schema)) return undefined;
  delete json.$schema;
  return fastJson(simplify(json) as never) as (data: unknown) => string;
}

function zodSchemaOf(schema: unknown): z.ZodType | undefined {
  if (schema instanceof z.ZodType) return schema;
  const nested = (schema as { properties?: unknown } | undefined)?.properties;
  return nested instanceof z.ZodType ? nested : undefined;
}

/** Whether any part of the schema runs code on its value (JSON Schema cannot say so). */
function hasTransform(schema: z.ZodType): boolean {
  const seen = new Set<unknown>();
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== 'object' || seen.has(node)) return false;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return false;
    if (def.type === 'transform' || def.type === 'pipe' || def.type === 'custom') return true;
    return Object.values(def).some((value) => {
      if (Array.isArray(value)) return value.some(visit);
      if (value && typeof value === 'object' && !('_zod' in value)) return Object.values(value as object).some(visit); // an object's shape
      return visit(value);
    });
  };
  return visit(schema);
}

/**
 * `anyOf: [{type: X, …}, {type: 'null'}]` (zod's nullable) becomes `type: [X, 'null']`:
 * fast-json-stringify writes a type list directly, but validates each `anyOf` branch per value.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) out[key] = simplify(value);
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullIndex = anyOf.findIndex((branch) => branch.type === 'null' && Object.keys(branch).length === 1);
    const other = anyOf[1 - nullIndex];
    if (
      nullIndex >= 0 &&
      other &&
      typeof other.type === 'string' &&
      other.type !== 'object' &&
      other.type !== 'array'
    ) {
      delete out.anyOf;
      return { ...out, ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}
