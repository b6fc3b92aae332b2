import { describe, expect, it } from 'vitest';
import { allowReport } from './telemetry.ts';

describe('client error telemetry rate limit', () => {
  it('sends one report per kind, name and route per 5 minutes, and at most 5 a minute', () => {
    const t0 = 1_000_000_000;
    expect(allowReport('uncaught|TypeError|/a', t0)).toBe(true);
    expect(allowReport('uncaught|TypeError|/a', t0 + 1000)).toBe(false);
    expect(['b', 'c', 'd', 'e'].map((r) => allowReport(`uncaught|TypeError|/${r}`, t0 + 2000))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(allowReport('uncaught|TypeError|/f', t0 + 3000)).toBe(false); // sixth in a minute
    expect(allowReport('uncaught|TypeError|/f', t0 + 61_000)).toBe(true);
    expect(allowReport('uncaught|TypeError|/a', t0 + 5 * 60_000 + 1)).toBe(true);
  });
});
