#!/usr/bin/env node
// Gzipped JavaScript and CSS each route downloads on a cold load (static imports; lazily opened panels excluded), from the Vite manifest of `vite build --config web/vite.config.ts`.
// Usage: node web/scripts/route-sizes.mjs [--json]
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8'));

/** What a cold visit to each route loads besides index.html (see web/src/router.tsx and the responsive() pairs). */
const routes = {
  login: ['src/pages/LoginPage.tsx', 'src/antd/AntdScope.tsx', 'src/i18n/zh-CN.more.ts'],
  'mobile /customers': ['src/layout/MobileLayout.tsx', 'src/pages/mobile/MobileCustomerListPage.tsx'],
  'mobile /customers/:id': ['src/layout/MobileLayout.tsx', 'src/pages/mobile/MobileCustomerDetailPage.tsx'],
  'mobile /me': ['src/layout/MobileLayout.tsx', 'src/pages/MePage.tsx'],
  'desktop /customers': [
    'src/layout/DesktopLayout.tsx',
    'src/i18n/zh-CN.more.ts',
    'src/pages/desk/DeskCustomerListPage.tsx',
    'src/antd/AntdScope.tsx',
  ],
  'desktop /customers/:id': [
    'src/layout/DesktopLayout.tsx',
    'src/i18n/zh-CN.more.ts',
    'src/pages/desk/DeskCustomerDetailPage.tsx',
  ],
  'desktop /customers/new': [
    'src/layout/DesktopLayout.tsx',
    'src/i18n/zh-CN.more.ts',
    'src/pages/forms/CustomerFormPage.tsx',
    'src/antd/AntdScope.tsx',
  ],
};

const gzipCache = new Map();
const gz = (file) => {
  if (!gzipCache.has(file))
    gzipCache.set(file, gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length);
  return gzipCache.get(file);
};

function files(keys) {
  const seen = new Set();
  const out = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const entry = manifest[key];
    if (!entry) throw new Error(`${key} is not in the manifest; update web/scripts/route-sizes.mjs`);
    seen.add(key);
    out.add(entry.file);
    for (const css of entry.css ?? []) out.add(css);
    for (const dep of entry.imports ?? []) visit(dep);
  };
  keys.forEach(visit);
  return out;
}

const result = {};
for (const [route, keys] of Object.entries(routes)) {
  const all = files(['index.html', ...keys]);
  const js = [...all].filter((file) => file.endsWith('.js'));
  const css = [...all].filter((file) => file.endsWith('.css'));
  result[route] = {
    files: all.size,
    jsGzipBytes: js.reduce((sum, f) => sum + gz(f), 0),
    cssGzipBytes: css.reduce((sum, f) => sum + gz(f), 0),
  };
}
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else
  for (const [route, { files: n, jsGzipBytes, cssGzipBytes }] of Object.entries(result))
    console.log(
      `${route.padEnd(24)} JS ${(jsGzipBytes / 1024).toFixed(1).padStart(6)} KB gzip  CSS ${(cssGzipBytes / 1024).toFixed(1).padStart(5)} KB  (${n} files)`,
    );
