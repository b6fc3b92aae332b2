import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import { expectError, expectFieldError, get } from '../support/resource-helpers.ts';

/**
 * The sidebar's JS-SDK signature is for the sidebar page's own address: a `url` that is not an
 * http(s) address is refused with a 400 naming it, before the server's WeCom set-up is looked at
 * (route fuzzing found "\r\nX-Injected: 1", which the URL parser reads as the scheme "x-injected:").
 */
let company: Company;
beforeAll(async () => {
  company = await demoCompany({ customers: 1, orders: 0 });
});

describe('GET /api/v1/wecom/agent-config', () => {
  it('refuses a url that is not an http(s) address, naming the field', async () => {
    const admin = await company.as('admin');
    for (const url of ['\r\nX-Injected: 1', 'javascript:alert(1)', 'x-injected: 1', 'mailto:a@b.cn'])
      expectFieldError(await get(`/api/v1/wecom/agent-config?url=${encodeURIComponent(url)}`, admin), 'query.url');
  });

  it('answers a sidebar address with 503 WECOM_NOT_CONFIGURED on a server without WeCom', async () => {
    const admin = await company.as('admin');
    const url = encodeURIComponent('https://crm.example.cn/wecom/sidebar?entry=contact_profile');
    const res = await get(`/api/v1/wecom/agent-config?url=${url}`, admin);
    expectError(res, 503, 'WECOM_NOT_CONFIGURED');
    expect(res.body.error.message).toContain('WeCom');
  });
});
