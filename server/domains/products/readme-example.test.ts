import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../register-all.ts';
import { getResource } from '../../resources/registry.ts';
import { objectOfResource, ownerColumnOf, resourceOfObject } from '../../access/model.ts';
import type { CommandContext } from '../../resources/context.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const marker = '<!-- readme-example: server/domains/products/product-spec.ts -->';

/** The fenced block after the marker in the README's "Adding a resource" section. */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const at = readme.indexOf(marker);
  expect(at, 'the README marks its worked example').toBeGreaterThan(0);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  return block![1]!;
}

describe("the README's worked example of adding a resource", () => {
  it('is the products definition, character for character', () => {
    const source = fs.readFileSync(path.join(repoRoot, 'server/domains/products/product-spec.ts'), 'utf8');
    expect(readmeExample()).toBe(source);
  });

  it('registers products with the bodies, columns and access derived from that one definition', async () => {
    const spec = getResource('products');
    expect(Object.keys(spec.createSchema.shape)).toEqual(['sku', 'name', 'unitPrice', 'currency', 'isActive']);
    expect(Object.keys(spec.updateSchema.shape)).toEqual([
      'sku',
      'name',
      'unitPrice',
      'currency',
      'isActive',
      'version',
    ]);
    expect(z.globalRegistry.get(spec.createSchema)?.id).toBe('ProductCreate');
    // unknown keys are refused, and the update body has no defaults to overwrite stored values
    expect(spec.createSchema.safeParse({ sku: 'A-1', name: 'A', unitPrice: '1', colour: 'red' }).success).toBe(false);
    expect(spec.updateSchema.parse({ version: 3 })).toEqual({ version: 3 });
    const columns = await spec.toColumns(
      {} as CommandContext,
      { sku: 'A-1', unitPrice: '9.50', isActive: false },
      undefined,
    );
    expect(columns).toEqual({ sku: 'A-1', unit_price: '9.50', is_active: false });
    expect([objectOfResource('products'), resourceOfObject('product'), ownerColumnOf('product')]).toEqual([
      'product',
      'products',
      'created_by',
    ]);
  });
});
