import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../common/credit-code.ts';
import { loadConfig } from '../../server/config.ts';
import { API_VERSION, buildApp } from '../../server/http/app.ts';
import type { LocalFileStorage } from '../../server/storage/file-storage.ts';
import { call, demoCompany, testApp, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { multipart } from '../support/resource-helpers.ts';
import { expectError, type Headers } from './guards-support.ts';

const CODE = `91310000MA1FL8X0Q${creditCodeCheckChar('91310000MA1FL8X0Q')}`;
const PHOTO = Buffer.from('\xff\xd8\xff\xe0 a licence photo', 'latin1');

/** A loopback OCR provider: answers by the path, and keeps what it was sent. */
interface Seen {
  path: string;
  authorization?: string;
  body: string;
}
const seen: Seen[] = [];
let provider: http.Server;
let base = '';
const apps: FastifyInstance[] = [];
let company: Company;
let sales1: Headers;

async function appWithOcr(path: string, format: 'cairn' | 'baidu', token = 'ocr-secret') {
  const { storage } = await testApp();
  const app = await buildApp(
    {
      config: { ...loadConfig({}), ocr: { url: `${base}${path}`, token, format } },
      database: await testDatabase(),
      storage: storage as LocalFileStorage,
      version: API_VERSION,
    },
    { logger: false },
  );
  apps.push(app);
  return app;
}

async function scan(
  app: FastifyInstance | undefined,
  headers: Headers,
  file = { name: '营业执照.jpg', type: 'image/jpeg', data: PHOTO },
) {
  const form = multipart({}, file);
  const options = {
    method: 'POST' as const,
    url: '/api/v1/ocr/business-licence',
    headers: { ...headers, 'content-type': form.contentType },
    payload: form.payload,
  };
  if (!app) return call(options);
  const res = await app.inject(options);
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

beforeAll(async () => {
  provider = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (path === '/cairn')
        return res.end(
          JSON.stringify({
            name: '上海云杉科技有限公司',
            creditCode: CODE,
            legalRepresentative: '王建国',
            address: '上海市浦东新区张江路 88 号',
            confidence: 0.97,
          }),
        );
      if (path === '/baidu')
        return res.end(
          JSON.stringify({
            log_id: 1,
            words_result: {
              单位名称: { words: '杭州青禾贸易有限公司' },
              社会信用代码: { words: '91330100MA2ABCDEF1' },
              法人: { words: '李红' },
            },
          }),
        );
      if (path === '/baidu-error')
        return res.end(JSON.stringify({ error_code: 216201, error_msg: 'image format error' }));
      if (path === '/not-json') return res.end('<html>maintenance</html>');
      res.statusCode = 500;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  company = await demoCompany({ customers: 2, orders: 0 });
  sales1 = await company.as('sales1');
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await new Promise((resolve) => provider.close(resolve));
});

describe('POST /api/v1/ocr/business-licence', () => {
  it('answers 503 OCR_NOT_CONFIGURED when no provider is set up', async () => {
    expectError(await scan(undefined, sales1), 503, 'OCR_NOT_CONFIGURED');
  });

  it("reads the licence through Cairn's provider contract: the four fields and the confidence", async () => {
    const res = await scan(await appWithOcr('/cairn', 'cairn'), sales1);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({
      name: '上海云杉科技有限公司',
      creditCode: CODE,
      legalRepresentative: '王建国',
      address: '上海市浦东新区张江路 88 号',
      confidence: 0.97,
      warnings: [],
    });
    const sent = seen.find((s) => s.path === '/cairn')!;
    expect(sent.authorization).toBe('Bearer ocr-secret');
    expect(JSON.parse(sent.body)).toEqual({
      kind: 'business_licence',
      image: PHOTO.toString('base64'),
      mimeType: 'image/jpeg',
    });
  });

  it("reads Baidu's business-licence answer, and warns of a credit code that fails its check and a field not found", async () => {
    const res = await scan(await appWithOcr('/baidu', 'baidu', 'baidu-token'), sales1);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({
      name: '杭州青禾贸易有限公司',
      creditCode: '91330100MA2ABCDEF1',
      legalRepresentative: '李红',
      address: null,
      confidence: 0.75,
    });
    expect(res.body.data.warnings.join(' ')).toContain('creditCode');
    expect(res.body.data.warnings).toHaveLength(2);
    const sent = seen.find((s) => s.path.startsWith('/baidu?'))!;
    expect(sent.path).toBe('/baidu?access_token=baidu-token');
    expect(new URLSearchParams(sent.body).get('image')).toBe(PHOTO.toString('base64'));
  });

  it('answers 502 OCR_PROVIDER_FAILED when the provider fails, errs or answers nonsense', async () => {
    for (const [path, format] of [
      ['/fails', 'cairn'],
      ['/baidu-error', 'baidu'],
      ['/not-json', 'cairn'],
    ] as const)
      expectError(await scan(await appWithOcr(path, format), sales1), 502, 'OCR_PROVIDER_FAILED');
  });

  it('refuses a missing file (400 naming it), a file that is not an image (415), and callers who may not create customers', async () => {
    const app = await appWithOcr('/cairn', 'cairn');
    const before = seen.length;
    const empty = multipart({ note: 'x' });
    const missing = await app.inject({
      method: 'POST',
      url: '/api/v1/ocr/business-licence',
      headers: { ...sales1, 'content-type': empty.contentType },
      payload: empty.payload,
    });
    expect(missing.statusCode).toBe(400);
    expect(JSON.parse(missing.body).error.details.fields[0].path).toBe('file');
    expectError(
      await scan(app, sales1, { name: 'a.pdf', type: 'application/pdf', data: PHOTO }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(await scan(app, await company.as('legal')), 403, 'MISSING_GRANT');
    expect(seen.length).toBe(before);
  });
});
