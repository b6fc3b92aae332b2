#!/usr/bin/env node
// Fails the web build when the phone customer-detail route's JavaScript is over budget.
// Counts what a cold visit to /customers/:id on a phone executes: the entry chunk and its static
// imports, the phone layout and the detail page chunk (and theirs), each gzipped at level 9.
// Usage (after `vite build --config web/vite.config.ts`): node web/scripts/check-route-budget.mjs [--json]
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET_BYTES = 100 * 1024;
const ROUTE = 'mobile /customers/:id';
const ROUTE_MODULES = ['index.html', 'src/layout/MobileLayout.tsx', 'src/pages/mobile/MobileCustomerDetailPage.tsx'];

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8'));

const files = new Set();
const visit = (key) => {
  const entry = manifest[key];
  if (!entry) throw new Error(`${key} is not in the Vite manifest; update web/scripts/check-route-budget.mjs`);
  if (files.has(entry.file)) return;
  files.add(entry.file);
  for (const dep of entry.imports ?? []) visit(dep);
};
ROUTE_MODULES.forEach(visit);

const sizes = [...files]
  .filter((file) => file.endsWith('.js'))
  .map((file) => ({ file, gzipBytes: gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length }))
  .sort((a, b) => b.gzipBytes - a.gzipBytes);
const total = sizes.reduce((sum, s) => sum + s.gzipBytes, 0);
const ok = total <= BUDGET_BYTES;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ route: ROUTE, gzipBytes: total, budgetBytes: BUDGET_BYTES, ok, files: sizes }, null, 2));
} else {
  console.log(`\n${ROUTE} JavaScript (gzip -9):`);
  for (const { file, gzipBytes } of sizes) console.log(`  ${(gzipBytes / 1024).toFixed(1).padStart(6)} KB  ${file}`);
  console.log(
    `  ${(total / 1024).toFixed(1).padStart(6)} KB  total (${total} bytes) — budget ${(BUDGET_BYTES / 1024).toFixed(0)} KB: ${ok ? 'OK' : 'OVER BUDGET'}\n`,
  );
}
if (!ok) {
  console.error(`${ROUTE} is ${total - BUDGET_BYTES} bytes over its ${BUDGET_BYTES}-byte gzip budget`);
  process.exit(1);
}
