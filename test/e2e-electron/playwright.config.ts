import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the packaged-style desktop app: Playwright's `_electron` starts the real
 * Electron binary on the built app (dist/). Where the Electron binary is not installed (it cannot
 * be downloaded on every machine) the tests report themselves skipped with the reason.
 * Run: npm run test:e2e-electron
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 240_000, // hang detectors sized for a busy machine, as in playwright.config.ts
  expect: { timeout: 30_000 },
  outputDir: '../../.tmp/playwright-electron-results',
  reporter: [['list']],
});
