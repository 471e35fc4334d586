import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Hang detectors, not speed limits: sized for two cores busy with other work (LibreOffice and
    // Chromium based tests take several times longer then). No test asserts a speed (docs/benchmarks.md).
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
