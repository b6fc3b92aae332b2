/** The demo product catalogue and a year of orders against it. */
import type { SeededCustomer } from './demo-customers.ts';
import { centsToDecimal, lineAmountCents, milliToDecimal } from './money.ts';
import { duringWorkingHours, type Weighted } from './random.ts';
import { productCatalogue, type ProductSpec } from './sales-phrases.ts';
import { baseColumns, type Row, type SeedContext } from './seed-context.ts';

interface SeededProduct {
  id: string;
  spec: ProductSpec;
}

export function buildProducts(ctx: SeedContext): { seeded: SeededProduct[]; rows: Row<'products'>[] } {
  const listedAt = new Date(ctx.now.getTime() - 400 * 86_400_000);
  const rows = productCatalogue.map((spec): Row<'products'> => ({
    ...baseColumns(ctx, listedAt),
    sku: spec.sku,
    name: spec.name,
    unit_price: centsToDecimal(spec.unitCents),
    currency: spec.currency,
  }));
  return { seeded: rows.map((row, index) => ({ id: row.id, spec: productCatalogue[index]! })), rows };
}

/** Busier customers (higher level, still active) order more; small quantities are the norm. */
export function buildOrders(
  ctx: SeedContext,
  count: number,
  customers: readonly SeededCustomer[],
  products: readonly SeededProduct[],
): Row<'orders'>[] {
  const random = ctx.random.derive('orders');
  const buyers: Weighted<SeededCustomer> = customers.map((customer) => [
    customer,
    { A: 8, B: 4, C: 2, D: 1 }[customer.level] * (customer.status === 'lost' ? 0.3 : 1),
  ]);
  const catalogue: Weighted<SeededProduct> = products.map((product) => [product, product.spec.weight]);
  const latest = new Date(ctx.now.getTime() - 60_000);
  const rows: Row<'orders'>[] = [];
  if (customers.length === 0) return rows;
  for (let i = 0; i < count; i++) {
    const customer = random.weighted(buyers);
    const product = random.weighted(catalogue);
    const { spec } = product;
    const steps = Math.min(spec.maxSteps, 1 + Math.floor(spec.maxSteps * random.next() ** 2));
    const quantityMilli = steps * spec.quantityStepMilli;
    const moment = duringWorkingHours(random.daysAround(ctx.now, -365, 0), random);
    const orderedAt = moment > latest ? latest : moment;
    rows.push({
      ...baseColumns(ctx, orderedAt),
      customer_id: customer.id,
      product_id: product.id,
      sku: spec.sku,
      quantity: milliToDecimal(quantityMilli),
      amount: centsToDecimal(lineAmountCents(spec.unitCents, quantityMilli)),
      currency: spec.currency,
      ordered_at: orderedAt,
      owner_id: customer.ownerId,
    });
  }
  return rows;
}
