/**
 * What each route loads, walked over a Vite manifest: the one place that knows the chunk graph.
 * Used while building (web/vite.config.ts: the boot script's chunk lists, the service worker's
 * precache, the production-build check) and after it (the route budget, route sizes, bench:mobile),
 * on `dist/web/.vite/manifest.json` or on the same shape made from the Rollup bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { OutputBundle } from 'rollup';

/** One entry of Vite's build manifest (keys are source paths relative to web/, or `_<file>` for shared chunks). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The modules (relative to web/) a cold visit to each route loads besides the entry; lazily opened panels excluded. */
export const routeModules = {
  login: [
    'src/modules/auth/pages/LoginPage.tsx',
    'src/app/antd/AntdScope.tsx',
    'src/app/i18n/messages/zh-CN.more.ts?lingui',
  ],
  'mobile /customers': ['src/app/layout/MobileLayout.tsx', 'src/modules/customers/pages/MobileCustomerListPage.tsx'],
  'mobile /customers/:id': [
    'src/app/layout/MobileLayout.tsx',
    'src/modules/customers/pages/MobileCustomerDetailPage.tsx',
  ],
  'mobile /me': ['src/app/layout/MobileLayout.tsx', 'src/modules/auth/pages/MePage.tsx'],
  'desktop /customers': [
    'src/app/layout/DesktopLayout.tsx',
    'src/app/i18n/messages/zh-CN.more.ts?lingui',
    'src/modules/customers/pages/DeskCustomerListPage.tsx',
    'src/app/antd/AntdScope.tsx',
  ],
  'desktop /customers/:id': [
    'src/app/layout/DesktopLayout.tsx',
    'src/app/i18n/messages/zh-CN.more.ts?lingui',
    'src/modules/customers/pages/DeskCustomerDetailPage.tsx',
  ],
  'desktop /customers/new': [
    'src/app/layout/DesktopLayout.tsx',
    'src/app/i18n/messages/zh-CN.more.ts?lingui',
    'src/modules/customers/pages/CustomerFormPage.tsx',
    'src/app/antd/AntdScope.tsx',
  ],
} as const satisfies Record<string, readonly string[]>;
export type RouteName = keyof typeof routeModules;

/** The route with a budget: a phone opening a customer. */
export const BUDGET_ROUTE: RouteName = 'mobile /customers/:id';
export const BUDGET_BYTES = 100 * 1024;

/** The phone's core screens: precached by the service worker along with the entry. */
export const SHELL_MODULES = [
  'src/app/layout/MobileLayout.tsx',
  'src/modules/customers/pages/MobileCustomerDetailPage.tsx',
  'src/modules/customers/pages/MobileCustomerListPage.tsx',
  'src/modules/followups/components/FollowupComposer.tsx',
  'src/app/i18n/messages/en-US.core.ts?lingui',
];

export const entryKey = (manifest: Manifest) =>
  Object.keys(manifest).find((key) => manifest[key]!.isEntry) ?? 'index.html';

/** The files of these manifest entries and of everything they import statically (with their CSS when asked). */
export function closure(manifest: Manifest, keys: readonly string[], { css = false } = {}): Set<string> {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not a chunk of its own; update routeModules in web/build/route-files.ts`);
    seen.add(key);
    files.add(chunk.file);
    if (css) for (const file of chunk.css ?? []) files.add(file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  keys.forEach(visit);
  return files;
}

/** Everything a cold visit loads: the entry, the route's modules and their static imports. */
export const routeFiles = (manifest: Manifest, route: RouteName, options: { css?: boolean } = {}) =>
  closure(manifest, [entryKey(manifest), ...routeModules[route]], options);

/** The route's own JavaScript beyond what the entry loads, as URL paths (what the boot script preloads). */
export function routeOwnChunks(manifest: Manifest, route: RouteName): string[] {
  const entry = closure(manifest, [entryKey(manifest)]);
  return [...closure(manifest, routeModules[route])]
    .filter((file) => !entry.has(file) && file.endsWith('.js'))
    .map((file) => `/${file}`);
}

/** The manifest Vite will write, made from the bundle while it is still in memory. */
export function manifestOfBundle(bundle: OutputBundle, webRoot: string): Manifest {
  const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
  const keyOf = new Map(
    chunks.map((c) => [
      c.fileName,
      c.facadeModuleId ? path.relative(webRoot, c.facadeModuleId).split(path.sep).join('/') : `_${c.fileName}`,
    ]),
  );
  return Object.fromEntries(
    chunks.map((c) => [
      keyOf.get(c.fileName)!,
      {
        file: c.fileName,
        isEntry: c.isEntry,
        imports: c.imports.map((file) => keyOf.get(file)!).filter(Boolean),
        css: [...(c.viteMetadata?.importedCss ?? [])],
      },
    ]),
  );
}

/** Modules of React's (or any package's) development build in the bundle: a production build has none. */
export function developmentModules(bundle: OutputBundle): string[] {
  return Object.values(bundle)
    .flatMap((item) => (item.type === 'chunk' ? item.moduleIds : []))
    .filter((id) => /[\\/]node_modules[\\/].*\.development\.js$/.test(id));
}

export const readManifest = (outDir: string): Manifest =>
  JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;

export const gzipBytes = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length;

export interface RouteSize {
  route: RouteName;
  files: Array<{ file: string; gzipBytes: number }>;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

/** Gzip-9 size of what a cold visit to the route downloads, from a build in `outDir`. */
export function routeSize(outDir: string, route: RouteName, manifest = readManifest(outDir)): RouteSize {
  const files = [...routeFiles(manifest, route, { css: true })]
    .map((file) => ({ file, gzipBytes: gzipBytes(path.join(outDir, file)) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (ext: string) => files.filter((f) => f.file.endsWith(ext)).reduce((total, f) => total + f.gzipBytes, 0);
  return { route, files, jsGzipBytes: sum('.js'), cssGzipBytes: sum('.css') };
}
