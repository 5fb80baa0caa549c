import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // SQLite files and a browser per e2e file: keep the 2-core machine from thrashing.
    maxWorkers: 2,
  },
});
