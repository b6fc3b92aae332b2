import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import { get, ok, qs, type Headers } from '../support/resource-helpers.ts';

/**
 * A sandboxed new hire sees the customers outside the sandbox listed masked (id, 张***, owner).
 * Filters, sorts, searches and cursors must not turn those rows into oracles for what is masked.
 */
let company: Company;
let admin: Headers;
let intern: Headers;
let masked: Array<{ id: string; name: string; mainPhone: string | null }>;

beforeAll(async () => {
  company = await demoCompany({ customers: 30, orders: 5 });
  admin = await company.as('admin');
  intern = await company.as('intern');
  const seen = ok(await get(`/api/v1/customers${qs({ limit: 200 })}`, intern)) as Array<{
    id: string;
    masked?: boolean;
  }>;
  const everything = ok(await get(`/api/v1/customers${qs({ limit: 200 })}`, admin)) as typeof masked;
  const maskedIds = new Set(seen.filter((c) => c.masked).map((c) => c.id));
  masked = everything.filter((c) => maskedIds.has(c.id));
  expect(masked.filter((c) => c.mainPhone).length).toBeGreaterThan(0);
});

const listIds = async (params: Record<string, unknown>) =>
  (ok(await get(`/api/v1/customers${qs({ limit: 200, ...params })}`, intern)) as Array<{ id: string }>).map(
    (c) => c.id,
  );

describe('the new-hire sandbox cannot be read back', () => {
  it('defeats the phone-recovery attack: filters on id + mainPhone.startsWith learn nothing', async () => {
    const target = masked.find((c) => c.mainPhone)!;
    const digits = target.mainPhone!.replace(/\D/g, '');
    let recovered = '';
    let requests = 0;
    const answers = new Set<string>();
    // the attack of the report: extend a known prefix one digit at a time while the row still matches
    for (let position = 0; position < digits.length && requests < 200; position++) {
      let extended = false;
      for (const digit of '0123456789') {
        requests += 1;
        const res = await get(
          `/api/v1/customers${qs({ filter: { id: target.id, mainPhone: { startsWith: recovered + digit } } })}`,
          intern,
        );
        answers.add(`${res.status}:${JSON.stringify(res.body.data ?? res.body.error?.code)}`);
        if (res.status === 200 && res.body.data.length > 0) {
          recovered += digit;
          extended = true;
          break;
        }
      }
      if (!extended) break;
    }
    expect(recovered).toBe('');
    expect(answers.size).toBe(1);
    // the true first digit gets the same answer as any other
    const truth = await get(
      `/api/v1/customers${qs({ filter: { id: target.id, mainPhone: { startsWith: digits.slice(0, 3) } } })}`,
      intern,
    );
    expect(truth.body.data).toEqual([]);
  });

  it('runs filters and searches only over the rows the new hire may open', async () => {
    for (const target of masked.slice(0, 3)) {
      expect(await listIds({ filter: { id: target.id } })).toEqual([]);
      expect(await listIds({ filter: { name: target.name } })).toEqual([]);
      expect(await listIds({ q: target.name })).toEqual([]);
      if (target.mainPhone) expect(await listIds({ q: target.mainPhone })).toEqual([]);
    }
    const open = ok(await get(`/api/v1/customers${qs({ limit: 200 })}`, intern)).filter((c: any) => !c.masked);
    expect(open.length).toBeGreaterThan(0);
    expect(await listIds({ filter: { id: open[0].id } })).toEqual([open[0].id]);
  });

  it('lists the masked rows after the open ones, by id, whatever the sort', async () => {
    for (const sort of ['name', '-name', 'industry', '-updatedAt', 'createdAt']) {
      const rows = ok(await get(`/api/v1/customers${qs({ limit: 200, sort })}`, intern)) as Array<{
        id: string;
        masked?: boolean;
      }>;
      const firstMasked = rows.findIndex((r) => r.masked);
      expect(
        rows.slice(firstMasked).every((r) => r.masked),
        sort,
      ).toBe(true);
      const ids = rows.slice(firstMasked).map((r) => r.id);
      const byId = [...ids].sort();
      expect(ids, sort).toEqual(sort.startsWith('-') ? byId.reverse() : byId);
    }
  });

  it('pages through open and masked rows with cursors that reveal nothing', async () => {
    const whole = await listIds({ sort: 'name' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await get(`/api/v1/customers${qs({ limit: 1, sort: 'name', cursor })}`, intern);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.data.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor ?? undefined;
      if (cursor) {
        const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
        for (const c of masked) expect(decoded).not.toContain(c.name);
      }
    } while (cursor);
    expect(seen).toEqual(whole);
  });
});
