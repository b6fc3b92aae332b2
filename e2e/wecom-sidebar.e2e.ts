/**
 * The WeCom sidebar (/wecom/sidebar, server-rendered): inside WeCom — here a test double of the
 * JS-SDK (`wx.agentConfig`, `wx.invoke`) injected into the page, and the agent signature route
 * answered by the test, since this server has no WeCom app — a rep sends a customer's file into
 * the chat and the follow-up snapshot (已发方案) appears; outside WeCom the page is a plain page.
 */
import { describe, expect, test } from 'vitest';
import { apiClient, apiLogin, baseURL, createCustomer, need, openContext, uniqueName } from './support/app.ts';
import { expectAccessible } from './support/axe.ts';

async function customerWithFile() {
  const session = await apiLogin('sales1');
  const api = apiClient(session.token);
  const customer = await createCustomer(api, uniqueName('E2E 企微客户'));
  const wecomId = `wme2e${Date.now().toString(36)}`;
  await api.post('/contacts', { customerId: customer.id, name: '企微联系人', wecomId });
  const form = new FormData();
  form.set('recordType', 'customer');
  form.set('recordId', customer.id);
  form.set('file', new Blob(['方案内容'], { type: 'application/pdf' }), '报价方案.pdf');
  const uploaded = await fetch(`${baseURL}/api/v1/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}` },
    body: form,
  });
  expect(uploaded.status, await uploaded.clone().text()).toBe(201);
  return { api, customer, wecomId };
}

describe('WeCom sidebar', () => {
  test('in WeCom (JS-SDK double): send a file into the chat, and its 已发方案 snapshot appears', async () => {
    const { api, customer, wecomId } = await customerWithFile();
    const { context, page } = await openContext('phone', { as: 'sales1' });
    await context.route('**/api/v1/wecom/agent-config*', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          data: { corpid: 'ww-test', agentid: 1000002, timestamp: 1, nonceStr: 'n', signature: 's' },
        }),
      }),
    );
    await context.addInitScript((externalUserId: string) => {
      const w = window as unknown as { wx: unknown; __wx: { configured: boolean; sent: unknown[] } };
      w.__wx = { configured: false, sent: [] };
      w.wx = {
        agentConfig(options: { success: () => void; jsApiList: string[] }) {
          w.__wx.configured = options.jsApiList.includes('sendChatMessage');
          setTimeout(options.success, 0);
        },
        invoke(name: string, args: unknown, callback: (res: Record<string, unknown>) => void) {
          if (name === 'getCurExternalContact')
            setTimeout(() => callback({ err_msg: 'getCurExternalContact:ok', userId: externalUserId }), 0);
          else if (name === 'sendChatMessage') {
            w.__wx.sent.push(args);
            setTimeout(() => callback({ err_msg: 'sendChatMessage:ok' }), 0);
          } else callback({ err_msg: `${name}:fail` });
        },
      };
    }, wecomId);
    await page.goto('/wecom/sidebar');
    await need(page.getByText(customer.name), 'the customer card of the external contact');
    await expect.poll(() => page.getByRole('status').innerText()).toContain('企业微信会话中');
    await expectAccessible(page, 'the WeCom sidebar in WeCom');

    await page.getByRole('button', { name: '发送到聊天：报价方案.pdf' }).click();
    const snapshot = page.getByTestId('sidebar-followup').filter({ hasText: '已发方案：报价方案.pdf' });
    await need(snapshot, 'the follow-up snapshot of the sent file');
    await expect.poll(() => snapshot.first().innerText()).toContain('已发方案');
    const sent = await page.evaluate(
      () => (window as unknown as { __wx: { configured: boolean; sent: unknown[] } }).__wx,
    );
    expect(sent.configured).toBe(true);
    expect(sent.sent).toHaveLength(1);
    expect(sent.sent[0]).toMatchObject({ msgtype: 'news', news: { title: '报价方案.pdf' } });

    const filter = encodeURIComponent(JSON.stringify({ customerId: customer.id, status: 'proposal_sent' }));
    const followups = await api.get<{
      data: Array<{ kind: string; source: { type: string; id: string | null } | null; content: string }>;
    }>(`/followups?filter=${filter}`);
    expect(followups.data).toHaveLength(1);
    expect(followups.data[0]).toMatchObject({ kind: 'im', source: { type: 'wecomFile' } });
    expect(followups.data[0]!.content).toContain(`企业微信 外部联系人 ${wecomId}`);
  });

  test('outside WeCom it degrades to a plain page: the card, no sending', async () => {
    const { customer, wecomId } = await customerWithFile();
    const { page } = await openContext('phone', { as: 'sales1' });
    await page.goto(`/wecom/sidebar?externalUserId=${wecomId}`);
    await need(page.getByText(customer.name), 'the customer card on the plain page');
    expect(await page.getByRole('status').innerText()).toContain('不在企业微信中');
    await need(page.getByText('报价方案.pdf'), 'the customer’s files listed');
    expect(await page.getByRole('button', { name: /发送到聊天/ }).count()).toBe(0);
    await expectAccessible(page, 'the WeCom sidebar outside WeCom');
  });
});
