import { defineConfig } from 'vitest/config';

// Three kinds of tests: unit (pure core and CLI, Node), component (Preact views in happy-dom),
// browser (the built extension in real Chromium and Firefox; needs `npm run build` first).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // The CLI tests start node a few times per test: on a loaded 2-core machine one test took
          // past vitest's 5 s default while taking under 1 s alone.
          testTimeout: 20_000,
          include: [
            'tests/core/**/*.test.ts',
            'tests/cli/**/*.test.ts',
            'tests/platform/**/*.test.ts',
            'tests/offscreen/**/*.test.ts',
            'tests/background/**/*.test.ts',
            'tests/scripts/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: [
            'tests/ui/**/*.test.tsx',
            'tests/popup/**/*.test.tsx',
            'tests/options/**/*.test.tsx',
            'tests/register/**/*.test.tsx',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
