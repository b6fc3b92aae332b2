import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { browserOf, groupLine, scrubMessage, scrubRoute } from './client-error-report.ts';

describe('client error reports keep no personal data', () => {
  it('blanks phones, emails, ids and long numbers in messages, and cuts them to 300 characters', () => {
    expect(
      scrubMessage(
        'save failed for 13800138000 (+86 138-0013-8000) zhang.san@example.com 0190d6a2-7c1e-7a3b-9f00-0123456789ab',
      ),
    ).toBe('save failed for :n (:n) :email :id');
    expect(scrubMessage("Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.")).toBe(
      "Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.",
    );
    expect(scrubMessage('x'.repeat(1000))).toHaveLength(300);
  });

  it('never lets a run of 5 or more digits through, whatever the message', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^1[3-9]\d{9}$/), fc.string(), (before, phone, after) => {
        const scrubbed = scrubMessage(`${before} ${phone} ${after}`);
        expect(scrubbed).not.toMatch(/\d{5}/);
        expect(scrubbed).not.toContain(phone);
      }),
    );
  });

  it('keeps only the path of a route, with ids blanked', () => {
    expect(scrubRoute('/customers/0190d6a2-7c1e-7a3b-9f00-0123456789ab/edit?phone=13800138000#x')).toBe(
      '/customers/:id/edit',
    );
    expect(scrubRoute('/customers/new')).toBe('/customers/new');
    expect(scrubRoute('/orders/202612010001')).toBe('/orders/:id');
  });

  it('names the browser and OS from the user agent, as support reads them', () => {
    const safari =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Mobile/15E148 Safari/604.1';
    expect(browserOf(safari)).toEqual({ browser: 'Safari 17.3.1', os: 'iOS 17.3.1' });
    expect(browserOf(undefined)).toEqual({ browser: 'unknown', os: 'unknown' });
    expect(
      groupLine({ browser: 'Safari 17.3.1', errorName: 'InvalidStateError', screen: '客户新建', route: '/x' }),
    ).toBe('Safari 17.3.1 · InvalidStateError · 客户新建');
  });
});
