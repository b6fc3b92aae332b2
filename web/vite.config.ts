import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, transformWithEsbuild, type Plugin } from 'vite';
import type { OutputBundle } from 'rollup';
import react from '@vitejs/plugin-react';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

/** Long-lived vendor code gets its own chunks so app deploys don't bust them; antd is left to Rollup so each route only pulls the components it uses. */
const vendorChunks: Array<[name: string, pattern: RegExp]> = [
  ['react', /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/],
  ['query', /[\\/]node_modules[\\/]@tanstack[\\/]/],
  // The plain-React kit the phone screens share (and the desk reuses): one request instead of twenty tiny ones.
  [
    'kit',
    /[\\/]web[\\/]src[\\/](components[\\/](states|ErrorState|Dialog|icons|EnumTags|BackLink|ChipGroup|FieldList|LoadMore|LanguageSwitch|customers[\\/]customerFields|followups[\\/]FollowupComposer)\.tsx|format[\\/]|auth[\\/]|hooks[\\/]useDocumentTitle|i18n[\\/]hooks|layout[\\/](Brand|navItems)|api[\\/](records|auth|users|tenant)\.ts)|[\\/]common[\\/]enums\.ts/,
  ],
];

/** Rollup names shared chunks after their first module, often a bare "index"; say which antd part or package it is. */
function chunkLabel(chunk: { name: string; facadeModuleId: string | null; moduleIds: readonly string[] }): string {
  if (chunk.name !== 'index') return chunk.name;
  const id = chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? '';
  const match = /node_modules[\\/](?:antd[\\/]es[\\/]([^\\/]+)|((?:@[^\\/]+[\\/])?[^\\/]+))/.exec(id);
  if (match?.[1]) return `antd-${match[1]}`;
  if (match?.[2]) return match[2].replace(/[\\/@]/g, '-').replace(/^-/, '');
  return 'shared';
}

/** The phone's core screens: precached by the service worker along with the entry, so a second visit needs no asset requests. */
const SHELL_MODULES = [
  'src/layout/MobileLayout.tsx',
  'src/pages/mobile/MobileCustomerDetailPage.tsx',
  'src/pages/mobile/MobileCustomerListPage.tsx',
  'src/i18n/en-US.ts',
];

type Bundle = OutputBundle;

/** Source path (relative to web/) → its chunk, for chunks that start at a module of their own. */
function chunksByModule(bundle: Bundle) {
  const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
  return new Map(
    chunks
      .filter((c) => c.facadeModuleId)
      .map((c) => [path.relative(webRoot, c.facadeModuleId!).split(path.sep).join('/'), c]),
  );
}

/** A chunk and everything it imports statically (plus their CSS when asked). */
function closure(bundle: Bundle, fileNames: string[], withCss = false): Set<string> {
  const files = new Set<string>();
  const visit = (fileName: string) => {
    if (files.has(fileName)) return;
    const chunk = bundle[fileName];
    if (!chunk) return;
    files.add(fileName);
    if (chunk.type === 'chunk') {
      chunk.imports.forEach(visit);
      if (withCss) chunk.viteMetadata?.importedCss.forEach((css) => files.add(css));
    }
  };
  fileNames.forEach(visit);
  return files;
}

const entryFiles = (bundle: Bundle) =>
  Object.values(bundle)
    .filter((item) => item.type === 'chunk' && item.isEntry)
    .map((item) => item.fileName);

/** A route's own JavaScript: its modules' chunks minus what the entry already loads. */
function routeChunks(bundle: Bundle, modules: string[]): string[] {
  const byModule = chunksByModule(bundle);
  const entry = closure(bundle, entryFiles(bundle));
  const files = modules.map((m) => {
    const chunk = byModule.get(m);
    if (!chunk) throw new Error(`${m} is not a chunk of its own; update web/vite.config.ts`);
    return chunk.fileName;
  });
  return [...closure(bundle, files)].filter((f) => !entry.has(f) && f.endsWith('.js')).map((f) => `/${f}`);
}

const PHONE_DETAIL = ['src/layout/MobileLayout.tsx', 'src/pages/mobile/MobileCustomerDetailPage.tsx'];
const PHONE_LIST = ['src/layout/MobileLayout.tsx', 'src/pages/mobile/MobileCustomerListPage.tsx'];

/**
 * Inlines web/boot.js into index.html with the phone routes' chunk lists, so a phone opening a
 * customer fetches the route's code and data while the entry chunk is still on its way.
 */
function bootScript(): Plugin {
  return {
    name: 'cairn-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (!ctx.bundle) return html;
        const source = fs
          .readFileSync(path.join(webRoot, 'boot.js'), 'utf8')
          .replace("['__CHUNKS_DETAIL__']", JSON.stringify(routeChunks(ctx.bundle, PHONE_DETAIL)))
          .replace("['__CHUNKS_LIST__']", JSON.stringify(routeChunks(ctx.bundle, PHONE_LIST)));
        const { code } = await transformWithEsbuild(source, 'boot.js', { minify: true, target: 'es2017' });
        // Right after <meta name="viewport"> (before it a phone's layout viewport is 980 px wide and the media
        // query fails) and before the stylesheet (a pending stylesheet holds back inline scripts).
        const viewport = /<meta name="viewport"[^>]*>/;
        if (!viewport.test(html)) throw new Error('web/index.html needs <meta name="viewport">');
        return html.replace(viewport, (tag) => `${tag}\n    <script>${code.trim()}</script>`);
      },
    },
  };
}

/**
 * Emits dist/web/sw.js: the app shell (index.html, the entry and the phone's core chunks) is
 * precached under a cache named after a hash of the build's file names, so every build is a new
 * version and the old caches are dropped on activation. /api is never cached.
 */
function serviceWorker(): Plugin {
  return {
    name: 'cairn-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const byModule = chunksByModule(bundle);
      const shell = SHELL_MODULES.map((module) => {
        const chunk = byModule.get(module);
        if (!chunk)
          this.error(`service worker: ${module} is not a chunk of its own; update SHELL_MODULES in web/vite.config.ts`);
        return chunk.fileName;
      });
      const files = closure(bundle, [...entryFiles(bundle), ...shell], true);
      const version = createHash('sha256').update(Object.keys(bundle).sort().join('\n')).digest('hex').slice(0, 12);
      const precache = ['/index.html', ...[...files].sort().map((f) => `/${f}`)];
      const template = fs.readFileSync(path.join(webRoot, 'sw-template.js'), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template.replace('__VERSION__', version).replace("['__PRECACHE__']", JSON.stringify(precache)),
      });
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), serviceWorker(), bootScript()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
  build: {
    outDir: path.resolve(webRoot, '../dist/web'),
    emptyOutDir: true,
    // dist/web/.vite/manifest.json: lets the size budget walk each route's chunk graph.
    manifest: true,
    // Every browser this app supports has <link rel="modulepreload">; the polyfill would cost the entry ~0.5 KB.
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        entryFileNames: 'assets/app-[hash].js',
        chunkFileNames: (chunk) => `assets/${chunkLabel(chunk)}-[hash].js`,
        manualChunks(id) {
          for (const [name, pattern] of vendorChunks) if (pattern.test(id)) return name;
          return undefined;
        },
      },
    },
  },
});
