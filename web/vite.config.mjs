// The web UI's build: web/ → dist/web, served by `tend serve` (src/http/static-files.ts). Everything the page
// loads is in that folder: no CDN, no font or script from elsewhere, and no inline script (the server's CSP).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // A module preload polyfill would be an inline script, which the CSP refuses.
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});
