/** The page runs under its Content-Security-Policy: its own scripts run, an injected one does not. */
import { describe, expect, test } from 'vitest';
import { need, openContext, pathOf, takeCspViolations } from './support/app.ts';

describe('content security policy', () => {
  test('an injected inline script is blocked, and the session cookie is out of its reach', async () => {
    const { page } = await openContext('desk', { as: 'sales1' });
    await page.goto('/customers');
    await need(page.getByTestId('customer-row'), 'the customer list (the app itself runs under the policy)');
    expect(pathOf(page)).toBe('/customers');

    const ran = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__injected = document.cookie';
      document.body.appendChild(script);
      return { injected: (window as unknown as { __injected?: string }).__injected, directive: await violation };
    });
    expect(ran.injected).toBeUndefined();
    expect(ran.directive).toMatch(/^script-src/);
    // the provoked violation is this test's point; anything else would still fail it
    // (the browser's own "Refused to execute…" message and the securitypolicyviolation event)
    let reported = 0;
    await expect.poll(() => (reported += takeCspViolations().length)).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => document.cookie)).not.toContain('cairn_session');
  });

  test('the API docs (swagger-ui) render under the policy', async () => {
    const { page } = await openContext('desk');
    await page.goto('/api/docs');
    await need(page.locator('.swagger-ui .info'), 'the swagger-ui page header');
  });
});
