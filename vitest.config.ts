// Vitest: unit and integration tests (`*.test.ts`). The `server` project gets a real
// livekit-server for the whole run; the `extension` project runs with WXT's fake browser.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['shared/**/*.test.ts', 'meeting-server/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['meeting-server/src/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'extension',
          include: ['extension/**/*.test.ts', 'extension/**/*.test.tsx'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
    ],
  },
});
