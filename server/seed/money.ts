/**
 * Money arithmetic for seed data in integer minor units (cents) and thousandths of a unit for
 * quantities. No amount ever passes through a binary fraction.
 */

/** 12345 → '123.45'; -5 → '-0.05'. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`not an integer amount of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** '123.45' → 12345. Accepts up to two decimals. */
export function decimalToCents(decimal: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(decimal.trim());
  if (!match) throw new Error(`not a decimal amount: ${decimal}`);
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

/** 1500 → '1.500' (quantities are numeric(18, 3)). */
export function milliToDecimal(milli: number): string {
  return `${Math.floor(milli / 1000)}.${String(milli % 1000).padStart(3, '0')}`;
}

/** unit price × quantity, rounded half up to the cent. */
export function lineAmountCents(unitCents: number, quantityMilli: number): number {
  const product = unitCents * quantityMilli;
  if (!Number.isSafeInteger(product)) throw new Error('line amount out of range');
  return Math.floor((product + 500) / 1000);
}

/**
 * Splits `totalCents` by percentages (summing to 100). Every share but the last is rounded
 * down; the last takes the remainder, so the shares always add up to the total exactly.
 */
export function splitCents(totalCents: number, percentages: readonly number[]): number[] {
  if (percentages.reduce((sum, p) => sum + p, 0) !== 100) throw new Error('percentages must sum to 100');
  const shares = percentages.slice(0, -1).map((p) => Math.floor((totalCents * p) / 100));
  shares.push(totalCents - shares.reduce((sum, share) => sum + share, 0));
  return shares;
}
