import { defineConfig } from 'vitest/config';

// The heaviest Node tests compile the real bundle (the first test of a file waits for it: ~5 s on
// an idle 2-core machine, 10 s and up with other builds beside it, a test of 50 s seen with three)
// or run properties over it. The bound is only for a hung test: a wrong answer fails at once.
const HEAVY_NODE_TEST_MS = 150_000;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          testTimeout: HEAVY_NODE_TEST_MS,
          hookTimeout: HEAVY_NODE_TEST_MS,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/dom/**/*.test.ts'],
          setupFiles: ['tests/dom/setup.ts'],
          testTimeout: HEAVY_NODE_TEST_MS,
          hookTimeout: HEAVY_NODE_TEST_MS,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // Waits inside are for conditions, each with a 30 s limit; a test may wait for several.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
