/**
 * fast-check arbitraries for requests to the routes of an OpenAPI 3.1 document: bodies and query
 * strings shaped by each route's schema, with hostile values (see hostile-values.ts) swapped in
 * at random places, so that some requests get past validation and reach the database.
 */
import fc from 'fast-check';
import { hostileJson, hostileString, RawJson, toJsonText } from './hostile-values.ts';

export type JsonSchema = Record<string, any>;

export interface Vocabulary {
  /** Real record ids by resource path (customers, users, …). */
  ids: Map<string, string[]>;
  /** Names the server knows: fields, record types, resource paths, relations. */
  names: string[];
  /** Per list route path: the fields it filters on (with their kind), sorts on, and its relations. */
  lists: Map<string, { filter: Array<{ name: string; kind: string }>; sort: string[]; include: string[] }>;
  components: Record<string, JsonSchema>;
}

const FILTER_OPS = ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'has', 'isNull'];

/** `clean` values follow the schema; `dirty` ones have hostile values and unknown keys mixed in. */
export type Mode = 'clean' | 'dirty';

/** In dirty mode, mostly the shaped value, sometimes a hostile one in its place. */
const sometimesHostile = (shaped: fc.Arbitrary<unknown>, mode: Mode) =>
  mode === 'clean' ? shaped : fc.oneof({ weight: 9, arbitrary: shaped }, { weight: 1, arbitrary: hostileJson });

const randomUuid = fc.uuid({ version: 7 });

/** Which resource an id property names (customerId → customers, ownerId → users). */
function resourceOfIdProperty(property: string): string | undefined {
  const base = property.replace(/Ids?$/, '');
  const people = ['owner', 'user', 'manager', 'assignee', 'requestedBy', 'createdBy', 'updatedBy'];
  if (people.includes(base)) return 'users';
  if (base === 'parent') return 'departments';
  if (base === 'opportunity') return 'opportunities';
  return `${base}s`;
}

function idFor(vocab: Vocabulary, property: string): fc.Arbitrary<string> {
  const own = vocab.ids.get(resourceOfIdProperty(property) ?? '') ?? [];
  const any = [...vocab.ids.values()].flat();
  return fc.oneof(
    { weight: own.length ? 6 : 0, arbitrary: fc.constantFrom(...(own.length ? own : ['-'])) },
    { weight: any.length ? 2 : 0, arbitrary: fc.constantFrom(...(any.length ? any : ['-'])) },
    { weight: 2, arbitrary: randomUuid },
  );
}

const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true });

const decimalText = fc.constantFrom('100.00', '0.13', '1', '99999.99', '12.5');

/** Text that passes the checks behind a property's name (phones, credit codes, amounts…). */
function namedText(property: string): fc.Arbitrary<string> | undefined {
  if (/phone|mobile/i.test(property)) return fc.constantFrom('13812345678', '+86 139 0000 1111', '021-62345678');
  if (/creditCode/i.test(property)) return fc.constantFrom('91350100M000100Y43', '91110000600037341L');
  if (/email/i.test(property)) return fc.constantFrom('li.lei@example.cn', 'wang@corp.example.com');
  if (/currency/i.test(property)) return fc.constantFrom('CNY', 'USD');
  if (/amount|price|rate|tax|quantity|total/i.test(property)) return decimalText;
  if (/password/i.test(property)) return fc.constant('fuzz-pass-2026');
  if (/^(number|sku|key|username|slug)$/.test(property))
    return fc.stringMatching(/^[a-z][a-z0-9]{3,10}$/).map((t) => (property === 'number' ? `HT-${t}` : t));
  return undefined;
}

function stringFor(schema: JsonSchema, vocab: Vocabulary, property: string): fc.Arbitrary<unknown> {
  if (schema.format === 'uuid') return idFor(vocab, property);
  if (schema.format === 'date-time') return isoDate.map((d) => d.toISOString());
  if (schema.format === 'email') return fc.constantFrom('li.lei@example.cn', 'wang@corp.example.com');
  if (String(schema.pattern ?? '').includes('\\d{4}-\\d{2}-\\d{2}') || /date$/i.test(property))
    return isoDate.map((d) => d.toISOString().slice(0, 10));
  const named = namedText(property);
  if (named) return named;
  const max = Math.min(schema.maxLength ?? 30, 30);
  const min = Math.min(schema.minLength ?? 0, max);
  return fc.oneof(
    fc.constantFrom(...vocab.names),
    fc.constantFrom('华东测试公司', '张伟', '跟进内容', 'A'),
    fc.string({ minLength: min, maxLength: max }),
  );
}

/** A value shaped by `schema`; in dirty mode with hostile values swapped in at random places. */
export function valueFor(
  schema: JsonSchema | undefined,
  vocab: Vocabulary,
  property = '',
  mode: Mode = 'dirty',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if (typeof schema.$ref === 'string')
    return valueFor(vocab.components[schema.$ref.split('/').pop()!], vocab, property, mode, depth);
  const options = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(options))
    return fc.oneof(...options.map((o: JsonSchema) => valueFor(o, vocab, property, mode, depth + 1)));
  if ('const' in schema) return sometimesHostile(fc.constant(schema.const), mode);
  if (Array.isArray(schema.enum)) return sometimesHostile(fc.constantFrom(...schema.enum), mode);
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('number') && types.includes('string'))
    return sometimesHostile(fc.oneof(decimalText, fc.nat(100000)), mode);
  if (types.length > 1)
    return fc.oneof(...types.map((type) => valueFor({ ...schema, type }, vocab, property, mode, depth)));
  let shaped: fc.Arbitrary<unknown>;
  switch (types[0]) {
    case 'string':
      shaped = stringFor(schema, vocab, property);
      break;
    case 'integer':
    case 'number': {
      const min = Math.max(schema.minimum ?? -1_000_000, -1_000_000);
      const max = Math.min(schema.maximum ?? 1_000_000, 1_000_000);
      shaped = fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
      break;
    }
    case 'boolean':
      shaped = fc.boolean();
      break;
    case 'null':
      shaped = fc.constant(null);
      break;
    case 'array': {
      const maxLength = Math.min(schema.maxItems ?? 3, 3);
      const minLength = Math.min(schema.minItems ?? 0, maxLength);
      shaped = fc.array(valueFor(schema.items, vocab, property, mode, depth + 1), { minLength, maxLength });
      break;
    }
    case 'object':
      shaped = objectFor(schema, vocab, mode, depth);
      break;
    default:
      shaped = fc.jsonValue({ maxDepth: 2 });
  }
  return sometimesHostile(shaped, mode);
}

function objectFor(schema: JsonSchema, vocab: Vocabulary, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  const properties: Record<string, JsonSchema> = schema.properties ?? {};
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(properties)) shape[key] = valueFor(child, vocab, key, mode, depth + 1);
  const required = (schema.required ?? []).filter((k: string) => k in shape);
  const record = fc.record(shape, { requiredKeys: required });
  const free =
    schema.additionalProperties && typeof schema.additionalProperties === 'object'
      ? fc.dictionary(
          fc.constantFrom(...vocab.names),
          valueFor(schema.additionalProperties, vocab, '', mode, depth + 1),
          {
            maxKeys: 3,
          },
        )
      : fc.constant({});
  // now and then a key the schema does not know
  const extra =
    mode === 'clean'
      ? fc.constant(null)
      : fc.option(fc.dictionary(hostileString, hostileJson, { minKeys: 1, maxKeys: 2 }), { freq: 8 });
  return fc.tuple(free, record, extra).map(([a, b, c]) => ({ ...a, ...b, ...(c ?? {}) }));
}

const json = (value: unknown) => ({ type: 'application/json', text: toJsonText(value) });

/** A JSON request body for `schema`: shaped; when dirty, hostile in places or as a whole, or not JSON at all. */
export function bodyFor(schema: JsonSchema | undefined, vocab: Vocabulary, mode: Mode) {
  if (mode === 'clean') return valueFor(schema ?? {}, vocab, '', 'clean').map(json);
  return fc.oneof(
    { weight: 8, arbitrary: valueFor(schema ?? {}, vocab, '', 'dirty').map(json) },
    { weight: 2, arbitrary: hostileJson.map(json) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { type: 'application/json', text: '{"a":' },
        { type: 'application/json', text: '' },
        { type: 'text/plain', text: 'hello' },
        { type: 'application/x-www-form-urlencoded', text: 'name=x&version=1' },
      ),
    },
  );
}

/** In dirty mode, the clean arbitrary or (a quarter of the time) a hostile one. */
const orHostile = <T>(mode: Mode, clean: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  mode === 'clean' ? clean : fc.oneof({ weight: 3, arbitrary: clean }, { weight: 1, arbitrary: hostile });

const commaList = (names: string[], mode: Mode) =>
  fc
    .array(orHostile(mode, fc.constantFrom(...names), hostileString), { minLength: 1, maxLength: 4 })
    .map((list) => list.join(','));

/** A value of a field kind, and the operators that apply to it. */
function kindValue(kind: string, vocab: Vocabulary): { value: fc.Arbitrary<unknown>; ops: string[] } {
  const compare = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'isNull'];
  switch (kind) {
    case 'uuid':
      return { value: fc.oneof(idFor(vocab, 'id'), randomUuid), ops: ['eq', 'ne', 'in', 'nin', 'isNull'] };
    case 'int':
      return { value: fc.integer({ min: -5, max: 100 }), ops: compare };
    case 'decimal':
      return { value: fc.oneof(decimalText, fc.nat(100000)), ops: compare };
    case 'date':
      return { value: isoDate.map((d) => d.toISOString().slice(0, 10)), ops: compare };
    case 'timestamp':
      return { value: isoDate.map((d) => d.toISOString()), ops: compare };
    case 'bool':
      return { value: fc.boolean(), ops: ['eq', 'isNull'] };
    case 'textArray':
      return { value: fc.constantFrom('重点', 'VIP', 'x'), ops: ['has', 'isNull'] };
    default:
      return {
        value: fc.oneof(fc.constantFrom('华东', '张', 'A', 'active', '138'), fc.string({ maxLength: 6 })),
        ops: [...compare, 'contains', 'startsWith'],
      };
  }
}

/** A condition on one field that fits its kind: a value, a list of values or {operator: value}. */
function cleanCondition(field: { name: string; kind: string }, vocab: Vocabulary) {
  const { value, ops } = kindValue(field.kind, vocab);
  const withOp = fc.constantFrom(...ops).chain((op) => {
    if (op === 'isNull') return fc.boolean().map((b) => ({ [op]: b }));
    if (op === 'in' || op === 'nin') return fc.array(value, { minLength: 1, maxLength: 3 }).map((v) => ({ [op]: v }));
    return value.map((v) => ({ [op]: v }));
  });
  return fc.oneof(value, withOp);
}

/** `filter=`: objects of known and unknown fields, operators and values, or text that is no filter. */
function filterFor(fields: Array<{ name: string; kind: string }>, vocab: Vocabulary, mode: Mode): fc.Arbitrary<string> {
  const clean = fc
    .uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: 3, selector: (f) => f.name })
    .chain((chosen) => fc.tuple(...chosen.map((f) => cleanCondition(f, vocab).map((c) => [f.name, c] as const))))
    .map((pairs) => toJsonText(Object.fromEntries(pairs)));
  if (mode === 'clean') return clean;
  const name = fc.oneof(
    fc.constantFrom(...fields.map((f) => f.name)),
    hostileString,
    fc.constantFrom('custom.budget', 'custom.__proto__', 'custom.'),
  );
  const scalar = fc.oneof(hostileJson, fc.string({ maxLength: 8 }), fc.integer(), randomUuid);
  const operator = fc.oneof(fc.constantFrom(...FILTER_OPS), hostileString);
  const condition = fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc.dictionary(operator, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { minKeys: 1, maxKeys: 2 }),
  );
  return fc.oneof(
    { weight: 2, arbitrary: clean },
    { weight: 4, arbitrary: fc.dictionary(name, condition, { minKeys: 1, maxKeys: 3 }).map(toJsonText) },
    { weight: 1, arbitrary: hostileJson.map((v) => (v instanceof RawJson ? v.text : toJsonText(v))) },
    { weight: 1, arbitrary: fc.constantFrom('null', '[]', '"x"', '1', 'true', '{}') },
    { weight: 1, arbitrary: hostileString },
  );
}

/** `cursor=`: cursors shaped like the API's (base64url JSON) holding any value, or plain garbage. */
function cursorFor(sortNames: string[], mode: Mode): fc.Arbitrary<string> {
  const shaped = fc
    .record({
      s: orHostile(mode, fc.constantFrom(...sortNames.flatMap((n) => [n, `-${n}`])), hostileString),
      v: fc.oneof(
        orHostile(mode, fc.string({ maxLength: 8 }), hostileJson),
        fc.boolean(),
        fc.jsonValue({ maxDepth: 2 }),
        isoDate.map((d) => d.toISOString()),
      ),
      id: orHostile(mode, randomUuid, hostileString),
    })
    .map((payload) => Buffer.from(toJsonText(payload)).toString('base64url'));
  return orHostile(mode, shaped, hostileString);
}

const limitValue = fc.constantFrom('1', '2', '50', '200');
const badLimit = fc.constantFrom('0', '-1', '201', '1e3', 'abc', '', '1.5', '9'.repeat(30));

/** Query parameters for one operation: each one present or not, shaped, plus strays in dirty mode. */
export function queryFor(parameters: JsonSchema[], listPath: string | undefined, vocab: Vocabulary, mode: Mode) {
  const list = listPath ? vocab.lists.get(listPath) : undefined;
  const entries: Array<fc.Arbitrary<Array<[string, string]>>> = [];
  for (const parameter of parameters.filter((p) => p.in === 'query')) {
    const name: string = parameter.name;
    let value: fc.Arbitrary<string>;
    if (list && name === 'filter') value = filterFor(list.filter, vocab, mode);
    else if (list && name === 'sort')
      value = orHostile(mode, fc.constantFrom(...list.sort.flatMap((n) => [n, `-${n}`, ` ${n}`])), hostileString);
    else if (list && name === 'cursor') value = cursorFor(list.sort, mode);
    else if (list && name === 'fields')
      value = commaList([...list.filter.map((f) => f.name), ...list.sort, 'custom', 'masked'], mode);
    else if (list && name === 'include') {
      if (!list.include.length && mode === 'clean') continue; // the resource has no relations to embed
      value = commaList(list.include.length ? list.include : ['contacts'], mode);
    } else if (name === 'limit') value = orHostile(mode, limitValue, badLimit);
    else {
      const shaped = valueFor(parameter.schema, vocab, name, mode).map((v) =>
        typeof v === 'string' ? v : toJsonText(v),
      );
      value = orHostile(mode, shaped, hostileString);
    }
    entries.push(
      fc.option(
        value.map((v): Array<[string, string]> => [[name, v]]),
        { freq: 2, nil: [] },
      ),
    );
  }
  const stray =
    mode === 'clean'
      ? fc.constant<Array<[string, string]>>([])
      : fc.option(
          fc
            .tuple(fc.oneof(hostileString, fc.constantFrom('limit', 'filter', '__proto__')), hostileString)
            .map(([k, v]): Array<[string, string]> => [[k, v]]),
          { freq: 4, nil: [] },
        );
  return fc.tuple(fc.tuple(...entries), stray).map(([known, extra]) => [...known.flat(), ...extra]);
}

/** Multipart upload bodies: the right fields or not, 0–3 files, up to 14 fields, sometimes cut off. */
export function multipartFor(vocab: Vocabulary) {
  const boundary = 'fuzzBoundary7MA4YWxkTrZu0gW';
  const field = fc.oneof(
    fc.constant<[string, string]>(['recordType', 'customer']),
    fc.tuple(fc.constant('recordId'), idFor(vocab, 'customerId')),
    fc.tuple(fc.oneof(fc.constantFrom('recordType', 'recordId', 'note', '__proto__'), hostileString), hostileString),
  );
  const part = fc.oneof(
    { weight: 3, arbitrary: field.map(([name, value]) => ({ name, value, file: undefined as string | undefined })) },
    {
      weight: 1,
      arbitrary: fc.record({
        name: fc.constantFrom('file', 'file', 'attachment'),
        value: fc.oneof(fc.constantFrom('', 'hello', '%PDF-1.4'), hostileString),
        file: fc.oneof(fc.constantFrom('a.txt', '报价单.pdf', '../../x'), hostileString),
      }),
    },
  );
  return fc
    .record({
      parts: fc.array(part, { maxLength: 14 }),
      cut: fc.option(fc.nat(), { freq: 3 }),
      header: fc.constantFrom(
        `multipart/form-data; boundary=${boundary}`,
        'multipart/form-data',
        `multipart/form-data; boundary=other`,
      ),
    })
    .map(({ parts, cut, header }) => {
      const text =
        parts
          .map(
            (p) =>
              `--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"${p.file === undefined ? '' : `; filename="${p.file}"\r\ncontent-type: text/plain`}\r\n\r\n${p.value}\r\n`,
          )
          .join('') + `--${boundary}--\r\n`;
      const bytes = Buffer.from(text);
      return { type: header, body: cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)) };
    });
}
