import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicy } from './scripts/csp.ts';
import { offlineSupport } from './scripts/pwa/offlineSupport.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The HTML pages of the multi-page app, relative to the repository root. */
export const pages = {
  start: 'index.html',
  designer: 'designer/index.html',
  runtime: 'runtime/index.html',
  print: 'print/index.html',
} as const;

export default defineConfig({
  root,
  // Relative asset URLs: the built site works from any folder of any static server.
  base: './',
  plugins: [react(), contentSecurityPolicy({ root, pages: Object.values(pages) }), offlineSupport({ root })],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, open: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, open: false },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: Object.fromEntries(
        Object.entries(pages).map(([name, page]) => [name, fileURLToPath(new URL(page, import.meta.url))]),
      ),
    },
  },
});
