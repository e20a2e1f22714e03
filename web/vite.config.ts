// Builds the console into dist/: index.html plus hashed files under
// dist/assets/ (served as immutable by the portal). The portal's CSP allows
// no inline script or style, so nothing may be inlined: no module-preload
// polyfill, no data: URLs for assets; scripts/check-dist.mjs verifies it.
import { defineConfig } from 'vite';

export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev` proxies the API to a portal started with `make run`.
    proxy: { '/api': 'http://127.0.0.1:8443' },
  },
});
