import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { errorResponses, getQuery, idParams, listQuery } from '../http/common-schemas.ts';
import { heldAuthHook, heldTransactionHooks, inTenant } from '../http/request-context.ts';
import { readDatabase } from '../db/replica.ts';
import { allFields } from './list-query.ts';
import { createRecord, deleteRecord, restoreRecord, updateRecord } from './record-commands.ts';
import { getRecord, listRecords } from './record-queries.ts';
import { getResource } from './registry.ts';
import type { FieldKind, ResourceSpec } from './resource-spec.ts';
import type { AccessAction } from '../access/model.ts';
import type { RouteAccess } from '../access/route-gate.ts';

const kindSchema: Record<FieldKind, () => z.ZodType> = {
  text: () => z.string(),
  uuid: () => z.string(),
  int: () => z.number().int(),
  decimal: () => z.string().describe('decimal number as a string'),
  date: () => z.string().describe('YYYY-MM-DD'),
  timestamp: () => z.string().describe('ISO 8601 date-time'),
  bool: () => z.boolean(),
  textArray: () => z.array(z.string()),
  json: () => z.record(z.string(), z.unknown()),
};

const outputCache = new Map<string, z.ZodObject>();

/** The record's response shape, generated from its field list (every field optional for `fields=`). */
export function outputSchema(spec: ResourceSpec): z.ZodObject {
  const cached = outputCache.get(spec.path);
  if (cached) return cached;
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(allFields(spec))) {
    if (field.internal) continue;
    let schema = kindSchema[field.kind]().nullable().optional();
    if (field.description) schema = schema.describe(field.description);
    shape[name] = schema;
  }
  if (spec.customObject)
    shape.custom = z.record(z.string(), z.unknown()).optional().describe('Custom field values by key');
  shape.masked = z
    .boolean()
    .optional()
    .describe('Present (true) on rows a sandboxed new hire may see listed but not open');
  // field rules: hidden fields are left out, masked ones arrive masked (138****1234, 张**, ***)
  for (const [name, derived] of Object.entries(spec.derived ?? {})) shape[name] = derived.schema.optional();
  shape.can = z
    .object({ update: z.boolean(), delete: z.boolean() })
    .optional()
    .describe(
      'What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can`',
    );
  const base = z.object(shape);
  const includes: Record<string, z.ZodType> = {};
  for (const [name, relation] of Object.entries(spec.includes ?? {})) {
    includes[name] = z.lazy(() => z.array(outputSchema(getResource(relation.resource)))).optional();
  }
  const schema = base.extend(includes).meta({ id: `${spec.recordType[0]!.toUpperCase()}${spec.recordType.slice(1)}` });
  outputCache.set(spec.path, schema);
  return schema;
}

/** Registers list, read, create, update, delete and restore for one resource. */
export function registerResourceRoutes(app: FastifyInstance, db: Kysely<DB>, spec: ResourceSpec) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const output = outputSchema(spec);
  const one = z.object({ data: output });
  const tags = [spec.tag];
  const base = `/api/v1/${spec.path}`;
  // reads have no body to wait for: their authentication opens the transaction the handler joins
  const readHooks = { onRequest: heldAuthHook(db), ...heldTransactionHooks };
  // writes authenticate once their body has arrived, in the transaction the command joins (installAuthAfterBody)
  const writeHooks = heldTransactionHooks;
  const ops = { list: true, create: true, update: true, delete: true, ...spec.operations };
  const includes = Object.keys(spec.includes ?? {});
  const object = spec.access.object;
  const needs = (action: AccessAction): { access: RouteAccess } => {
    if (action === 'read') return { access: spec.readableByAll ? 'signedIn' : { object, action } };
    return { access: spec.writePermission ? { anyOf: [spec.writePermission] } : { object, action } };
  };
  const includeNote = includes.length ? ` Includes: ${includes.join(', ')}.` : '';

  if (ops.list) {
    r.get(base, {
      ...readHooks,
      config: needs('read'),
      schema: {
        tags,
        summary: `List ${spec.path}`,
        description: `Filter, sort and page ${spec.path}.${includeNote}`,
        querystring: listQuery,
        response: { 200: z.object({ data: z.array(output), nextCursor: z.string().nullable() }), ...errorResponses },
      },
      handler: async (request) =>
        inTenant(await readDatabase(request, db), request, ({ trx, access }) =>
          listRecords(trx, access, spec, request.query),
        ),
    });
  }

  r.get(`${base}/:id`, {
    ...readHooks,
    config: needs('read'),
    schema: {
      tags,
      summary: `Read one ${spec.recordType}`,
      description: includeNote,
      params: idParams,
      querystring: getQuery,
      response: { 200: one, ...errorResponses },
    },
    handler: async (request) => ({
      data: await inTenant(db, request, ({ trx, access }) =>
        getRecord(trx, access, spec, request.params.id, request.query),
      ),
    }),
  });

  if (ops.create) {
    r.post(base, {
      ...writeHooks,
      config: { ...needs('create'), authAfterBody: true },
      schema: {
        tags,
        summary: `Create a ${spec.recordType}`,
        body: spec.createSchema,
        response: { 201: one, ...errorResponses },
      },
      handler: async (request, reply) => {
        const data = await inTenant(db, request, (ctx) =>
          createRecord(ctx, spec, request.body as Record<string, unknown>),
        );
        return reply.status(201).send({ data });
      },
    });
  }

  if (ops.update) {
    r.patch(`${base}/:id`, {
      ...writeHooks,
      config: { ...needs('update'), authAfterBody: true },
      schema: {
        tags,
        summary: `Update a ${spec.recordType}`,
        params: idParams,
        body: spec.updateSchema,
        response: { 200: one, ...errorResponses },
      },
      handler: async (request) => ({
        data: await inTenant(db, request, (ctx) =>
          updateRecord(ctx, spec, request.params.id, request.body as Record<string, unknown> & { version: number }),
        ),
      }),
    });
  }

  if (ops.delete) {
    r.delete(`${base}/:id`, {
      ...writeHooks,
      config: { ...needs('delete'), authAfterBody: true },
      schema: {
        tags,
        summary: `Move a ${spec.recordType} to the recycle bin`,
        description:
          'Soft delete: the record and the children deleted with it can be restored until the bin is purged.',
        params: idParams,
        response: {
          200: z.object({
            data: z.object({
              id: z.string(),
              batchId: z.string(),
              deletedAt: z.string(),
              cascaded: z.record(z.string(), z.number()),
            }),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => ({
        data: await inTenant(db, request, (ctx) => deleteRecord(ctx, spec, request.params.id)),
      }),
    });

    r.post(`${base}/:id/restore`, {
      ...writeHooks,
      config: { ...needs('delete'), authAfterBody: true },
      schema: {
        tags,
        summary: `Restore a deleted ${spec.recordType}`,
        description: 'Restores the record together with the children deleted with it.',
        params: idParams,
        response: { 200: z.object({ data: output, restored: z.number() }), ...errorResponses },
      },
      handler: async (request) => {
        const result = await inTenant(db, request, (ctx) => restoreRecord(ctx, spec, request.params.id));
        return { data: result.record, restored: result.restored };
      },
    });
  }
}
