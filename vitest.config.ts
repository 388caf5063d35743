import { defineConfig } from 'vitest/config';

// The heaviest Node tests compile the real bundle (~2 s) or run properties over it (~3 s) on an idle
// machine: five times that, and twice again for a machine with another busy process on its two cores.
const HEAVY_NODE_TEST_MS = 30_000;

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
