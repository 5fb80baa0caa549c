import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // SQLite files and a browser per e2e file: keep the 2-core machine from thrashing.
    maxWorkers: 2,
    // A page's answer under a loaded CI machine can take seconds: expect.poll waits for what the
    // page must come to show (vitest's default of 1 s made e2e checks fail on a busy machine).
    expect: { poll: { timeout: 15_000 } },
  },
});
