import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { errorStatus } from '../../server/errors.ts';
import { allFields } from '../../server/resources/list-query.ts';
import { allResources } from '../../server/resources/registry.ts';
import '../../server/domains/register-all.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo.ts';
import { encodeUrlText, hostileString, hostileStrings, stringsIn } from '../support/hostile-values.ts';
import {
  bodyFor,
  multipartFor,
  queryFor,
  type JsonSchema,
  type Mode,
  type Vocabulary,
} from '../support/openapi-arbitraries.ts';
import { call, demoCompany, testApp, type Company } from '../support/test-app.ts';

/**
 * Generated from the OpenAPI document: every operation gets random query strings, path
 * parameters and bodies built from its schema with hostile values mixed in, sent as an
 * administrator, a sales rep, a sandboxed new hire and an anonymous caller. No answer may be a
 * 5xx, and no error may carry SQL, a database error code or a stack trace.
 * CAIRN_FUZZ_RUNS (runs per operation and signed-in caller) and CAIRN_FUZZ_SEED deepen or repeat a run.
 */
const RUNS = Number(process.env.CAIRN_FUZZ_RUNS ?? 4);
const SEED = Number(process.env.CAIRN_FUZZ_SEED ?? Date.now() % 2 ** 31);
const FUZZ_ADDRESS = '203.0.113.77';

type Actor = 'admin' | 'sales1' | 'intern' | 'anonymous';
interface Operation {
  method: string;
  path: string;
  spec: JsonSchema;
}

let company: Company;
let doc: { paths: Record<string, Record<string, JsonSchema>>; components: { schemas: Record<string, JsonSchema> } };
let vocab: Vocabulary;
const tokens = new Map<Actor, Record<string, string>>();
const appCodes = new Set(Object.keys(errorStatus));

const LEAKS: Array<[string, RegExp]> = [
  ['SQL statement', /\bselect\b[^.]{0,200}\bfrom\b|\binsert\s+into\b|\bdelete\s+from\b|\bupdate\s+\S+\s+set\b/i],
  [
    'SQL object',
    /\brelation\s+"|\bcolumn\s+"|\bcolumn\s+\w+\.\w+|\bsyntax error\b|\bduplicate key\b|\bviolates\b.*\bconstraint\b/i,
  ],
  // a money amount in a message ("exceeds the outstanding amount 42150.00 CNY") is not a SQLSTATE
  [
    'database error code',
    /\bSQLSTATE\b|\b(?:22|23|42|XX)[0-9][0-9A-Z]{2}\b(?![.,]\d)|\b(?:22|23|42)P\d\d\b|\bpg_\w+|\bpgboss\b/i,
  ],
  ['stack trace', /\bat\s+\S+\s+\(.*:\d+:\d+\)|node_modules|\.ts:\d+|\b(?:TypeError|RangeError|ReferenceError)\b/],
];

async function login(actor: Actor) {
  if (actor === 'anonymous') return tokens.set(actor, {});
  const res = await call({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: actor, password: DEMO_PASSWORD, tenant: company.slug },
  });
  expect(res.status, `login as ${actor}`).toBe(200);
  tokens.set(actor, { authorization: `Bearer ${res.body.token}` });
}

beforeAll(async () => {
  company = await demoCompany({ customers: 12, orders: 8 });
  for (const actor of ['admin', 'sales1', 'intern', 'anonymous'] as const) await login(actor);
  await withFieldRules();
  doc = (await call({ method: 'GET', url: '/api/openapi.json' })).body;
  const actors = new Set([company.users.admin, company.users.sales1, company.users.intern]);
  const ids = new Map<string, string[]>();
  for (const path of Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/') && !p.includes('{'))) {
    if (!doc.paths[path]!.get) continue;
    const res = await call({ method: 'GET', url: path, headers: tokens.get('admin') });
    const rows: Array<{ id?: unknown }> = Array.isArray(res.body?.data) ? res.body.data : [];
    const found = rows.map((r) => r.id).filter((id): id is string => typeof id === 'string' && !actors.has(id));
    if (found.length) ids.set(path.split('/')[3]!, found.slice(0, 8));
  }
  const lists: Vocabulary['lists'] = new Map();
  for (const spec of allResources()) {
    const fields = Object.entries(allFields(spec)).filter(([, f]) => !f.internal);
    lists.set(`/api/v1/${spec.path}`, {
      filter: fields.filter(([, f]) => f.filter).map(([name, f]) => ({ name, kind: f.kind })),
      sort: fields.filter(([, f]) => f.sort).map(([n]) => n),
      include: Object.keys(spec.includes ?? {}),
    });
  }
  const names = new Set<string>();
  for (const spec of allResources()) {
    names.add(spec.path).add(spec.recordType);
    for (const name of Object.keys(allFields(spec))) names.add(name);
  }
  vocab = { ids, names: [...names], lists, components: doc.components.schemas };
});

/** The sales reps (and the intern, whose role inherits theirs) see some customer fields hidden or masked. */
async function withFieldRules() {
  const admin = tokens.get('admin');
  for (const [key, type] of [
    ['budget', 'money'],
    ['privatePhone', 'phone'],
  ]) {
    const res = await call({
      method: 'POST',
      url: '/api/v1/custom-fields',
      headers: admin,
      payload: { objectType: 'customer', key, label: key, type },
    });
    expect(res.status, res.body).toBe(201);
  }
  const roles = (await call({ method: 'GET', url: '/api/v1/roles', headers: admin })).body.data as Array<{
    id: string;
    name: string;
    version: number;
  }>;
  const rep = roles.find((r) => r.name === '销售代表')!;
  const res = await call({
    method: 'PATCH',
    url: `/api/v1/roles/${rep.id}`,
    headers: admin,
    payload: {
      version: rep.version,
      fieldRules: [
        { object: 'customer', field: 'region', rule: 'hidden' },
        { object: 'customer', field: 'custom.privatePhone', rule: 'hidden' },
        { object: 'customer', field: 'mainPhone', rule: 'masked' },
        { object: 'customer', field: 'custom.budget', rule: 'masked' },
      ],
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Operations that change who the callers are (sign-out, company settings) run last. */
function operations(): Operation[] {
  const all: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, spec] of Object.entries(methods)) all.push({ method: method.toUpperCase(), path, spec });
  const disruptive = (op: Operation) => /\/auth\/logout|\/tenant\/settings/.test(op.path);
  return [...all.filter((op) => !disruptive(op)), ...all.filter(disruptive)];
}

/** One request to `op`: clean (shaped by the schema, meant to get through) or dirty (hostile). */
function requestFor(op: Operation) {
  const params: JsonSchema[] = op.spec.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const segment = op.path.split('/')[3] ?? '';
  const known = vocab.ids.get(segment) ?? ['01900000-0000-7000-8000-000000000000'];
  const content = op.spec.requestBody?.content ?? {};
  const listPath = params.some((p) => p.name === 'filter') ? op.path : undefined;
  return fc.constantFrom<Mode>('clean', 'dirty').chain((mode) => {
    const pathValue = (name: string): fc.Arbitrary<string> => {
      const shaped =
        name === 'type'
          ? fc.constantFrom(...allResources().map((s) => s.recordType))
          : fc.oneof(
              { weight: 2, arbitrary: fc.constantFrom(...known) },
              { weight: 1, arbitrary: fc.uuid({ version: 7 }) },
            );
      return mode === 'clean' ? shaped : fc.oneof(shaped, hostileString);
    };
    const url = fc
      .tuple(...pathParams.map((p) => pathValue(p.name)))
      .map((values) =>
        pathParams.reduce((u, p, i) => u.replace(`{${p.name}}`, encodeUrlText(values[i]!) || '%20'), op.path),
      );
    const body: fc.Arbitrary<{ type: string; payload: string | Buffer } | undefined> = content['multipart/form-data']
      ? multipartFor(vocab).map((m) => ({ type: m.type, payload: m.body }))
      : content['application/json']
        ? bodyFor(content['application/json'].schema, vocab, mode).map((b) => ({ type: b.type, payload: b.text }))
        : fc.constant(undefined);
    return fc.record({
      mode: fc.constant(mode),
      url,
      query: queryFor(params, listPath, vocab, mode),
      body,
    });
  });
}

type FuzzRequest = ReturnType<typeof requestFor> extends fc.Arbitrary<infer T> ? T : never;

/** Strings of a parsed body, with whatever the request itself sent removed (echoes are fine). */
function leaksIn(parsed: unknown, echoes: string[]): string[] {
  const found: string[] = [];
  for (let text of stringsIn(parsed)) {
    for (const echo of echoes) if (echo.length > 1) text = text.split(echo).join(' ');
    for (const [what, pattern] of LEAKS) if (pattern.test(text)) found.push(`${what}: ${text.slice(0, 200)}`);
  }
  return found;
}

const describeRequest = (op: Operation, actor: Actor, r: FuzzRequest, url: string) =>
  `${op.method} ${url.slice(0, 300)} as ${actor} (${r.mode}) body ${String(r.body?.payload ?? '').slice(0, 300)}`;

function check(op: Operation, actor: Actor, request: FuzzRequest, url: string, res: LightMyRequestResponse) {
  const where = describeRequest(op, actor, request, url);
  // a documented answer about the server's set-up, not a failure: no OCR provider or WeCom app configured
  const unconfigured = res.statusCode === 503 && /"(OCR|WECOM)_NOT_CONFIGURED"/.test(res.body);
  if (!unconfigured) expect(res.statusCode, `${where} → ${res.body.slice(0, 500)}`).toBeLessThan(500);
  if (res.statusCode < 400) return;
  const parsed = JSON.parse(res.body) as { error?: { code?: string } };
  expect(appCodes.has(String(parsed.error?.code)), `${where} → unknown error code ${res.body.slice(0, 300)}`).toBe(
    true,
  );
  const echoes = [...stringsIn([request.query, request.url, decodeURIComponentSafe(url)]), ...hostileStrings];
  if (request.body) echoes.push(...requestTexts(request.body.payload));
  expect(
    leaksIn(
      parsed,
      echoes.sort((a, b) => b.length - a.length),
    ),
    where,
  ).toEqual([]);
}

function decodeURIComponentSafe(text: string) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function requestTexts(payload: string | Buffer): string[] {
  const text = payload.toString();
  try {
    return [...stringsIn(JSON.parse(text)), text];
  } catch {
    return [text, ...text.split(/[\r\n";=]+/)];
  }
}

/** fast-check's own report prints the whole counterexample (texts of 70 000 characters): keep the failure. */
function compactReport<T>(details: fc.RunDetails<T>) {
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${cause.slice(0, 3000)}\n(seed ${details.seed}, path ${details.counterexamplePath})`);
}

/** Runs per operation and caller: anonymous callers mostly meet the 401 wall, so they get fewer. */
const runsFor = (actor: Actor) => (actor === 'anonymous' ? Math.max(1, Math.round(RUNS / 4)) : RUNS);
const ACTORS: Actor[] = ['admin', 'sales1', 'intern', 'anonymous'];

it(`gives no 5xx and no SQL text on any route of the OpenAPI document (${RUNS} runs per operation and caller)`, async () => {
  const { app } = await testApp();
  const ops = operations();
  expect(ops.length).toBeGreaterThan(100);
  const statuses = new Map<number, number>();
  let requests = 0;
  const started = Date.now();
  for (const [index, op] of ops.entries()) {
    for (const actor of ACTORS) {
      await fc.assert(
        fc.asyncProperty(requestFor(op), async (request) => {
          const query = request.query.map(([k, v]) => `${encodeUrlText(k)}=${encodeUrlText(v)}`).join('&');
          const url = query ? `${request.url}?${query}` : request.url;
          const headers: Record<string, string> = { ...tokens.get(actor) };
          if (request.body) headers['content-type'] = request.body.type;
          const res = await app.inject({
            method: op.method as 'GET',
            url,
            headers,
            payload: request.body?.payload,
            remoteAddress: FUZZ_ADDRESS,
          });
          requests++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          // a fuzzed sign-out ends the caller's session: sign in again for the next runs
          if (res.statusCode === 401 && actor !== 'anonymous') await login(actor);
          check(op, actor, request, url, res);
        }),
        {
          numRuns: runsFor(actor),
          seed: SEED + index * ACTORS.length + ACTORS.indexOf(actor),
          endOnFailure: true,
          reporter: compactReport,
        },
      );
    }
  }
  const histogram = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  const perOperation = ACTORS.map((a) => `${runsFor(a)} as ${a}`).join(', ');
  console.log(
    `route fuzz: ${ops.length} operations × (${perOperation}) = ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${SEED}; statuses ${histogram.join(' ')}`,
  );
  expect(requests).toBe(ops.length * ACTORS.reduce((n, a) => n + runsFor(a), 0));
}, 600_000);
