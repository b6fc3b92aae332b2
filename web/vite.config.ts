import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

/** Long-lived vendor code gets its own chunks so app deploys don't bust them; antd is left to Rollup so each route only pulls the components it uses. */
const vendorChunks: Array<[name: string, pattern: RegExp]> = [
  ['react', /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/],
  ['i18n', /[\\/]node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/],
  ['query', /[\\/]node_modules[\\/]@tanstack[\\/]/],
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

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
  build: {
    outDir: path.resolve(webRoot, '../dist/web'),
    emptyOutDir: true,
    // dist/web/.vite/manifest.json: lets a size-budget check walk each route's chunk graph.
    manifest: true,
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
