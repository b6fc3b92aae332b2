/** Exact decimal arithmetic for the installment editor, in integer cents (BigInt): no floats for money. */

export function toCents(value: unknown): bigint | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const cents = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** n parts that add up exactly to the total; the last one takes the remainder. */
export function splitEvenly(total: bigint, parts: number): string[] {
  if (parts < 1) return [];
  const share = total / BigInt(parts);
  const out = Array.from({ length: parts }, () => share);
  out[parts - 1] = total - share * BigInt(parts - 1);
  return out.map(fromCents);
}

/** "13" (%) ↔ "0.1300" as the API stores tax rates. */
export const percentToRate = (percent: unknown) =>
  percent === '' || percent === null || percent === undefined ? undefined : (Number(percent) / 100).toFixed(4);
export const rateToPercent = (rate: string | null | undefined) =>
  rate ? String(Number((Number(rate) * 100).toFixed(2))) : '';

/** `YYYY-MM-DD` plus n months, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
