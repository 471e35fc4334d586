import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { antdStaticCss } from './build/antd-static-css';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

/**
 * The renderer bundle. `base: './'` keeps every asset path relative so that the same build
 * loads from file:// in Electron and from the loopback server in browser mode. Nothing remote:
 * fonts are the system's, and the output has no inline scripts (the app's CSP forbids them).
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react(), antdStaticCss()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // Chromium supports modulepreload natively; the polyfill would only add code.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
  server: {
    // The renderer imports ../shared and ../templates.
    fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
  },
});
