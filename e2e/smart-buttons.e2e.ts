/**
 * Smart buttons on the phone (390×844): one tap on 刚聊完 saves a follow-up with the button's
 * text and next step; the pen opens the text to edit first. The 待办 tab lists a due next step
 * and completes it in one tap. Every page is checked with axe.
 */
import { expect, test } from 'vitest';
import { apiClient, apiLogin, createCustomer, need, openContext, uniqueName } from './support/app.ts';
import { expectAccessible } from './support/axe.ts';
import { label } from './support/labels.ts';

interface FollowupRow {
  content: string;
  status: string;
  source: string;
  nextStepAt: string | null;
}

test('one tap on a smart button saves a follow-up; the pen edits the text first', async () => {
  const session = await apiLogin('sales1');
  const api = apiClient(session.token);
  const customer = await createCustomer(api, uniqueName('E2E 智能按钮客户'));
  const { page } = await openContext('phone', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the customer detail on the phone');
  const buttons = page.getByTestId('smart-buttons');
  const justTalked = buttons.getByRole('button', { name: /^(刚聊完)$/ });
  await need(justTalked, 'the 刚聊完 smart button on the phone customer page');
  await expectAccessible(page, 'the phone customer page with smart buttons');

  const tapped = page.waitForResponse(
    (r) => r.url().includes('/smart-buttons/just_talked') && r.request().method() === 'POST',
  );
  await justTalked.click();
  expect((await tapped).status(), 'one tap creates the follow-up').toBe(201);

  const filter = encodeURIComponent(JSON.stringify({ customerId: customer.id }));
  const list = async () => (await api.get<{ data: FollowupRow[] }>(`/followups?filter=${filter}`)).data;
  const first = await list();
  expect(first).toHaveLength(1);
  expect(first[0]).toMatchObject({
    status: 'deep_talk',
    source: { type: 'smartButton', id: null },
    content: '刚与客户沟通完，要点：',
  });
  expect(first[0]!.nextStepAt).toBeTruthy();

  // the follow-up shows in the page's follow-up list
  await page.getByRole('button', { name: label('detail.tabs.followups') }).click();
  await need(page.getByText('刚与客户沟通完，要点：').first(), 'the new follow-up in the customer page list');

  // edit before saving: the pen of 已发方案
  await buttons.getByRole('button', { name: /^已发方案：编辑后保存$/ }).click();
  const editor = page.getByTestId('smart-button-editor');
  await need(editor.getByRole('textbox').first(), 'the smart button editor');
  await expectAccessible(page, 'the smart button editor');
  await editor.getByRole('textbox').first().fill('发了报价单 V2（E2E）');
  const edited = page.waitForResponse((r) => r.url().includes('/smart-buttons/proposal_sent'));
  await editor.getByRole('button', { name: label('smartButtons.save') }).click();
  expect((await edited).status()).toBe(201);
  expect(await list()).toContainEqual(
    expect.objectContaining({ content: '发了报价单 V2（E2E）', status: 'proposal_sent' }),
  );
});

test('the 待办 tab lists a due next step and completes it in one tap', async () => {
  const session = await apiLogin('sales1');
  const api = apiClient(session.token);
  const customer = await createCustomer(api, uniqueName('E2E 待办客户'));
  const step = uniqueName('E2E 电话确认预算');
  await api.post('/followups', {
    customerId: customer.id,
    kind: 'call',
    status: 'awaiting_reply',
    content: '客户说今天内给答复',
    nextStep: step,
    nextStepAt: new Date(Date.now() - 60 * 60_000).toISOString(),
  });
  const { page } = await openContext('phone', { as: 'sales1' });
  await page.goto('/todos');
  await need(page.getByText(step), 'the due next step in the 待办 tab');
  await expectAccessible(page, 'the 待办 tab');
  const completed = page.waitForResponse((r) => r.url().includes('/complete') && r.request().method() === 'POST');
  await page.getByRole('button', { name: label('todos.markDone', { after: step }) }).click();
  expect((await completed).status()).toBe(200);
  await expect.poll(() => page.getByText(step).count()).toBe(0);
  const open = await api.get<{ data: Array<{ title: string | null }> }>('/todos?due=today&limit=200');
  expect(open.data.map((t) => t.title)).not.toContain(step);
});
