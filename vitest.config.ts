import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { searchForWorkspaceRoot } from 'vite';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, currentSetupHost, setUpChromium } from './cli/chromium';
import LongestFirstSequencer from './scripts/longest-first-sequencer';

// Before any test: find the browser (CHROMIUM_PATH, Debian's Chromium, Chrome, Playwright's own),
// install Debian's chromium as root on Debian, or stop with one line saying what to run.
// Nothing here downloads a browser.
const CHROMIUM_PATH = setUpChromium(currentSetupHost()).path;

/** Browser mode shared by the `browser` and `storybook` projects: one headless Chromium each. */
function chromiumBrowserMode() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    }),
    instances: [{ browser: 'chromium' as const }],
    viewport: { width: 1280, height: 800 },
  };
}

export default defineConfig({
  plugins: [react()],
  // A git worktree may share another checkout's packages through a symlinked node_modules; the browser projects
  // load them from where the link points, which Vite serves only when allowed.
  server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync('node_modules')] } },
  test: {
    // Guard rail (Vitest's name for "forbidOnly"): a stray `.only` fails the
    // run instead of silently skipping the rest of the suite, locally and in CI.
    allowOnly: false,
    maxWorkers: 2,
    // Long files first across projects of the same group (see the sequencer), so the run does not end on one.
    sequence: { sequencer: LongestFirstSequencer },
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // Property tests run thousands of cases; on a loaded two-core CI machine
          // the default 5 s is a flake, not a finding. Speed is measured by benchmarks.
          testTimeout: 30_000,
          include: [
            'core/**/*.test.ts',
            'print/model/**/*.test.ts',
            'print/pdf/**/*.test.ts',
            'print/fixtures/**/*.test.ts',
            'schemas/**/*.test.ts',
            'cli/**/*.test.ts',
            'samples/**/*.test.ts',
            // The runtime's pure modules (routes, filters); its UI tests run in Chromium below.
            'runtime/**/!(*.browser).test.ts',
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
            'tests/*.test.ts',
            // Builds the app, serves it and drives Debian's Chromium with playwright-core.
            'tests/e2e/**/*.test.ts',
          ],
          // A folder for the one production build the end-to-end files share (built by the first that needs it).
          globalSetup: ['./tests/e2e/support/sharedBuild.globalSetup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          // One throwaway PostgreSQL cluster for the run (Debian's binaries); each suite
          // runs against it and against PGlite. Fails in CI when PostgreSQL is missing.
          globalSetup: ['./server/testing/globalSetup.ts'],
          // Password hashing is memory-hard on purpose, and PGlite takes seconds to start
          // on a loaded two-core machine.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: [
            'designer/**/*.browser.test.{ts,tsx}',
            'runtime/**/*.browser.test.{ts,tsx}',
            'ui/**/*.browser.test.{ts,tsx}',
            'print/**/*.browser.test.{ts,tsx}',
            'tests/visual/**/*.browser.test.{ts,tsx}',
            'device/**/*.browser.test.{ts,tsx}',
            'tests/browser/**/*.test.{ts,tsx}',
          ],
          browser: chromiumBrowserMode(),
          // expect.element and expect.poll wait for the page; 1 s (the default) is a flake on a loaded
          // two-core CI machine, not a finding. A passing wait ends as soon as it holds.
          expect: { poll: { timeout: 10_000 } },
          // Browser projects run one after the other so that at most one
          // Chromium is busy at a time on a two-core machine.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        plugins: [
          // Every story becomes a test: it must render, and its `play` function must pass.
          storybookTest({
            configDir: fileURLToPath(new URL('./.storybook', import.meta.url)),
            storybookUrl: 'http://127.0.0.1:6006',
          }),
        ],
        test: {
          name: 'storybook',
          browser: chromiumBrowserMode(),
          expect: { poll: { timeout: 10_000 } },
          // Above the plays' own waits (up to 30 s for the first lazy Monaco load on a busy two-core
          // machine), so a slow load fails on the play's message rather than on a bare timeout.
          testTimeout: 45_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
