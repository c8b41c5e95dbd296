import { defineConfig } from 'vitest/config';

// One runner for every suite: unit (core, cli, ocr, vault, pack, main policy) in Node,
// and end-to-end suites that drive Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
