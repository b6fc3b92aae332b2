import { beforeAll, describe, expect, it } from 'vitest';
import { allResources } from '../../server/resources/registry.ts';
import type { ResourceSpec } from '../../server/resources/resource-spec.ts';
import '../../server/domains/register-all.ts';
import { call } from '../support/test-app.ts';

type Operation = {
  tags?: string[];
  summary?: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: any;
  responses: Record<string, any>;
};
let doc: {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

beforeAll(async () => {
  const res = await call({ method: 'GET', url: '/api/openapi.json' });
  expect(res.status).toBe(200);
  expect(res.res.headers['content-type']).toMatch(/application\/json/);
  doc = res.body;
});

/** Paths of object schemas inside `schema` that accept keys they do not list (`custom` is a free map). */
function openObjects(schema: any, path = 'body', seen = new Set<unknown>()): string[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop();
    return openObjects(doc.components.schemas[name], path, seen);
  }
  const found: string[] = [];
  if (schema.type === 'object' && schema.properties && schema.additionalProperties !== false) found.push(path);
  for (const [key, child] of Object.entries(schema.properties ?? {}))
    if (!(path === 'body' && key === 'custom')) found.push(...openObjects(child, `${path}.${key}`, seen));
  for (const list of [schema.anyOf, schema.oneOf, schema.allOf])
    for (const child of list ?? []) found.push(...openObjects(child, path, seen));
  if (schema.items) found.push(...openObjects(schema.items, `${path}[]`, seen));
  return found;
}

const ops = (spec: ResourceSpec) => ({ list: true, create: true, update: true, delete: true, ...spec.operations });
const op = (path: string, method: string) => doc.paths[path]?.[method];

it('is an OpenAPI 3.1 document for the Cairn API', () => {
  expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
  expect(doc.info.title).toContain('Cairn');
  expect(typeof doc.info.version).toBe('string');
  expect(doc.components.schemas).toHaveProperty('Error');
  expect(Object.keys(doc.paths)).toContain('/api/v1/auth/login');
  expect(Object.keys(doc.paths)).not.toContain('/api/openapi.json');
});

describe.each(allResources().map((spec) => [spec.path, spec] as const))('/api/v1/%s', (path, spec) => {
  const base = `/api/v1/${path}`;
  const item = `${base}/{id}`;

  it('documents list and read with the list query parameters', () => {
    const list = op(base, 'get')!;
    expect(list, `GET ${base}`).toBeDefined();
    expect(list.tags).toEqual([spec.tag]);
    // a resource with its own list route (follow-up templates: the caller's recent ones first) documents its own query
    if (ops(spec).list)
      expect(
        list
          .parameters!.filter((p) => p.in === 'query')
          .map((p) => p.name)
          .sort(),
      ).toEqual(['cursor', 'fields', 'filter', 'include', 'limit', 'q', 'sort']);
    expect(list.responses).toHaveProperty('200');
    expect(list.responses).toHaveProperty('400');
    const read = op(item, 'get')!;
    expect(read, `GET ${item}`).toBeDefined();
    expect(read.parameters!.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['id']);
    expect(
      read
        .parameters!.filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['fields', 'include']);
    expect(read.responses).toHaveProperty('404');
  });

  it('documents create, update, delete and restore exactly when the spec allows them', () => {
    const allowed = ops(spec);
    if (allowed.create) {
      const create = op(base, 'post')!;
      expect(create, `POST ${base}`).toBeDefined();
      expect(create.requestBody?.content).toHaveProperty('application/json');
      expect(create.responses).toHaveProperty('201');
    } else if (path !== 'attachments') {
      expect(op(base, 'post'), `POST ${base}`).toBeUndefined();
    }
    if (allowed.update) {
      const update = op(item, 'patch')!;
      expect(update, `PATCH ${item}`).toBeDefined();
      expect(update.requestBody?.content).toHaveProperty('application/json');
      expect(update.responses).toHaveProperty('200');
      expect(update.responses).toHaveProperty('409');
    } else {
      expect(op(item, 'patch'), `PATCH ${item}`).toBeUndefined();
    }
    if (allowed.delete) {
      expect(op(item, 'delete'), `DELETE ${item}`).toBeDefined();
      expect(op(item, 'delete')!.responses).toHaveProperty('200');
      expect(op(`${item}/restore`, 'post'), `POST ${item}/restore`).toBeDefined();
    } else {
      expect(op(item, 'delete'), `DELETE ${item}`).toBeUndefined();
      expect(op(`${item}/restore`, 'post'), `POST ${item}/restore`).toBeUndefined();
    }
  });

  it('documents create and update bodies that refuse unknown keys at every level (custom values aside)', () => {
    const bodies = [op(base, 'post'), op(item, 'patch')]
      .map((o) => o?.requestBody?.content?.['application/json']?.schema)
      .filter(Boolean);
    if (path !== 'attachments' && ops(spec).create) expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(openObjects(body), JSON.stringify(body)).toEqual([]);
  });

  it('names the record schema in components', () => {
    const name = `${spec.recordType[0]!.toUpperCase()}${spec.recordType.slice(1)}`;
    expect(doc.components.schemas).toHaveProperty(name);
  });
});

describe('attachments', () => {
  it('documents the multipart upload and the download', () => {
    const upload = op('/api/v1/attachments', 'post')!;
    expect(upload).toBeDefined();
    expect(upload.responses).toHaveProperty('201');
    expect(upload.responses).toHaveProperty('413');
    expect(op('/api/v1/attachments/{id}/download', 'get')).toBeDefined();
  });

  it('describes the multipart request body (recordType, recordId, file)', () => {
    const body = op('/api/v1/attachments', 'post')!.requestBody;
    const schema = body?.content?.['multipart/form-data']?.schema;
    expect(schema, JSON.stringify(body)).toBeDefined();
    const shown = JSON.stringify(schema) + JSON.stringify(doc.components.schemas);
    for (const field of ['recordType', 'recordId', 'file']) expect(shown).toContain(field);
  });
});

it('serves the API docs as HTML at /api/docs (following redirects)', async () => {
  let url = '/api/docs';
  let res = await call({ method: 'GET', url });
  for (let hops = 0; hops < 5 && res.status >= 300 && res.status < 400; hops++) {
    url = new URL(String(res.res.headers.location), `http://localhost${url}`).pathname;
    res = await call({ method: 'GET', url });
  }
  expect(res.status).toBe(200);
  expect(res.res.headers['content-type']).toMatch(/text\/html/);
  expect(String(res.res.body)).toMatch(/swagger/i);
});
