/**
 * A loopback business-licence OCR provider for the browser tests (Cairn's JSON contract, see
 * server/licence-ocr/licence-ocr-provider.ts): answers every POST with the same fixed fields, so
 * the customer form's "扫描营业执照" can be tested through the real HTTP client.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const OCR_FIELDS = {
  name: '杭州云石测试科技有限公司',
  creditCode: '91330106MA27XL0Q1E',
  legalRepresentative: '王小石',
  address: '浙江省杭州市西湖区文三路 1 号',
  confidence: 0.93,
};

export async function startOcrDouble(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = http.createServer((request, response) => {
    let size = 0;
    request.on('data', (chunk: Buffer) => (size += chunk.length));
    request.on('end', () => {
      requests++;
      const ok = request.method === 'POST' && size > 0;
      response.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
      response.end(JSON.stringify(ok ? OCR_FIELDS : { error: 'POST an image' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ocr`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
