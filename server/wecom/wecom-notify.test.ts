import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { notifyUser } from '../workflows/notify.ts';
import { demoCompany } from '../../tests/support/test-app.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { WecomClient, WecomError } from './wecom-client.ts';
import { wecomEnv } from './wecom-config.ts';
import { sendNotificationToWecom, wecomTopicQueues } from './wecom-notify.ts';

/** A loopback WeCom server: gettoken, message/send and the agent ticket, keeping what it was sent. */
const requests: Array<{ path: string; query: URLSearchParams; body: any }> = [];
let tokens = 0;
let expireNextSend = false;
let server: http.Server;
let apiUrl = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      requests.push({ path: url.pathname, query: url.searchParams, body: raw ? JSON.parse(raw) : undefined });
      res.setHeader('content-type', 'application/json');
      const send = (o: unknown) => res.end(JSON.stringify(o));
      if (url.pathname === '/cgi-bin/gettoken') {
        if (url.searchParams.get('corpsecret') !== 'the-secret')
          return send({ errcode: 40001, errmsg: 'invalid secret' });
        tokens += 1;
        return send({ errcode: 0, errmsg: 'ok', access_token: `token-${tokens}`, expires_in: 7200 });
      }
      if (url.pathname === '/cgi-bin/message/send') {
        if (expireNextSend) {
          expireNextSend = false;
          return send({ errcode: 42001, errmsg: 'access_token expired' });
        }
        const unknown = (requests.at(-1)!.body.touser as string).split('|').filter((u) => u.startsWith('ghost'));
        return send({ errcode: 0, errmsg: 'ok', invaliduser: unknown.join('|'), msgid: 'msg-1' });
      }
      if (url.pathname === '/cgi-bin/ticket/get') return send({ errcode: 0, ticket: 'ticket-1', expires_in: 7200 });
      res.statusCode = 404;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const config = () =>
  wecomEnv({
    CAIRN_WECOM_CORP_ID: 'ww-corp',
    CAIRN_WECOM_AGENT_ID: '1000002',
    CAIRN_WECOM_SECRET: 'the-secret',
    CAIRN_WECOM_API_URL: apiUrl,
  })!;

describe('WeCom configuration', () => {
  it('is all three variables or none', () => {
    expect(wecomEnv({})).toBeUndefined();
    expect(() => wecomEnv({ CAIRN_WECOM_CORP_ID: 'x' })).toThrow(/together/);
    expect(() => wecomEnv({ CAIRN_WECOM_CORP_ID: 'x', CAIRN_WECOM_AGENT_ID: 'a', CAIRN_WECOM_SECRET: 's' })).toThrow(
      /number/,
    );
    expect(wecomTopicQueues(undefined)).toEqual({});
    expect(wecomTopicQueues(config())).toEqual({ 'notification.created': ['wecom.notify'] });
  });
});

describe('WecomClient against a loopback WeCom', () => {
  it('gets a token once, sends app text messages with it, and refreshes a token WeCom calls expired', async () => {
    requests.length = 0;
    const client = new WecomClient(config());
    const first = await client.sendText(['zhangsan', 'ghost1'], '客户 张三 的跟进已逾期');
    expect(first).toEqual({ msgid: 'msg-1', invalidUsers: ['ghost1'] });
    await client.sendText(['zhangsan'], '第二条');
    const sends = requests.filter((r) => r.path === '/cgi-bin/message/send');
    expect(requests.filter((r) => r.path === '/cgi-bin/gettoken')).toHaveLength(1);
    expect(sends[0]!.body).toEqual({
      touser: 'zhangsan|ghost1',
      msgtype: 'text',
      agentid: 1000002,
      text: { content: '客户 张三 的跟进已逾期' },
    });
    expect(sends.map((s) => s.query.get('access_token'))).toEqual([`token-${tokens}`, `token-${tokens}`]);
    expireNextSend = true;
    await client.sendText(['zhangsan'], '第三条');
    expect(requests.filter((r) => r.path === '/cgi-bin/gettoken')).toHaveLength(2);
  });

  it('names the errcode, never the secret or the token', async () => {
    const client = new WecomClient({ ...config(), secret: 'wrong-secret' });
    const error = await client.sendText(['zhangsan'], 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WecomError);
    expect((error as Error).message).toContain('40001');
    expect((error as Error).message).not.toContain('wrong-secret');
    const down = new WecomClient({ ...config(), apiUrl: 'http://127.0.0.1:1' });
    const refused = await down.accessToken().catch((e: unknown) => e);
    expect((refused as Error).message).not.toContain('secret');
  });

  it('signs wx.agentConfig with the agent ticket (sha1 of ticket, nonce, timestamp and URL)', async () => {
    const client = new WecomClient(config(), () => 1_764_000_000_000);
    const signed = await client.agentConfig('https://crm.example.com/wecom/sidebar?x=1#frag');
    expect(signed).toMatchObject({ corpid: 'ww-corp', agentid: 1000002, timestamp: 1_764_000_000 });
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha1')
      .update(
        `jsapi_ticket=ticket-1&noncestr=${signed.nonceStr}&timestamp=1764000000&url=https://crm.example.com/wecom/sidebar?x=1`,
      )
      .digest('hex');
    expect(signed.signature).toBe(expected);
  });
});

describe('notifications go out through WeCom', () => {
  it('sends a notification to the user’s WeCom id and records it; a user without one is skipped with the reason', async () => {
    const database = await testDatabase();
    const company = await demoCompany({ customers: 1, orders: 0 });
    const users = await withTenant(database.db, company.tenantId, (trx) =>
      trx.selectFrom('users').select(['id', 'username']).where('tenant_id', '=', company.tenantId).execute(),
    );
    const sales1 = users.find((u) => u.username === 'sales1')!.id;
    const sales2 = users.find((u) => u.username === 'sales2')!.id;
    const ids = await withTenant(database.db, company.tenantId, async (trx) => {
      await trx
        .updateTable('users')
        .set({ wecom_user_id: 'li.si' })
        .where('tenant_id', '=', company.tenantId)
        .where('id', '=', sales1)
        .execute();
      const ctx = { trx, actor: { tenantId: company.tenantId } } as Parameters<typeof notifyUser>[0];
      return [
        await notifyUser(ctx, { userId: sales1, kind: 'automation', message: '请跟进 上海某某科技' }),
        await notifyUser(ctx, { userId: sales2, kind: 'automation', message: '无企业微信账号' }),
      ];
    });
    requests.length = 0;
    const client = new WecomClient(config());
    expect(await sendNotificationToWecom(database, client, company.tenantId, ids[0]!)).toBe('sent');
    expect(await sendNotificationToWecom(database, client, company.tenantId, ids[0]!)).toBe('done-before');
    expect(await sendNotificationToWecom(database, client, company.tenantId, ids[1]!)).toBe('no-wecom-id');
    expect(await sendNotificationToWecom(database, client, company.tenantId, newId())).toBe('gone');
    const sends = requests.filter((r) => r.path === '/cgi-bin/message/send');
    expect(sends.map((s) => s.body.touser)).toEqual(['li.si']);
    expect(sends[0]!.body.text.content).toBe('请跟进 上海某某科技');
    const rows = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('notifications')
        .select(['id', 'wecom_sent_at', 'wecom_error'])
        .where('tenant_id', '=', company.tenantId)
        .where('id', 'in', ids)
        .execute(),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0]!)!.wecom_sent_at).toBeInstanceOf(Date);
    expect(byId.get(ids[1]!)).toMatchObject({ wecom_sent_at: null, wecom_error: 'the user has no WeCom id' });
  }, 120_000);
});
