import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the renderer in browser mode: Debian's Chromium against the real loopback
 * server (electron/server + electron/services) on temporary data folders. The global setup builds
 * the renderer and starts one shared server; tests that need an empty library start their own.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Hang detectors sized for a machine whose two cores are busy with other work: an axe-core scan
  // of a long page then takes many seconds, and some tests run a dozen of them.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  outputDir: '.tmp/playwright-results',
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: { executablePath: '/usr/bin/chromium' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
