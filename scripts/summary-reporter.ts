import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Counts results across every project. A test file that failed before any of
 * its tests could fail (import error, syntax error, failing `beforeAll`) and
 * every unhandled error count as one failure each, so a broken run can never
 * report `0 failed`.
 */
export function countResults(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError> = [],
): TestCounts {
  const counts: TestCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const testModule of testModules) {
    let failedTests = 0;
    for (const test of testModule.children.allTests()) {
      const { state } = test.result();
      if (state === 'passed') {
        counts.passed += 1;
      } else if (state === 'failed') {
        counts.failed += 1;
        failedTests += 1;
      } else {
        counts.skipped += 1; // skipped, todo, or never reached
      }
    }
    if (failedTests === 0 && testModule.state() === 'failed') counts.failed += 1;
  }
  counts.failed += unhandledErrors.length;
  return counts;
}

export function formatSummary({ passed, failed, skipped }: TestCounts): string {
  return `Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
}

/**
 * Ends `npm test` with one machine-readable line:
 *   Tests: N passed, M failed, K skipped
 * and fails the run when nothing passed: a suite that silently ran zero tests
 * (a glob typo, a project that found no files) must not look green.
 * Used in addition to Vitest's default reporter.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const counts = countResults(testModules, unhandledErrors);
    if (reason === 'interrupted' && counts.failed === 0) counts.failed = 1;
    if (counts.failed > 0 || reason === 'failed') process.exitCode = 1;
    if (counts.passed + counts.failed === 0) {
      process.stdout.write('\nNo test ran: failing the run.\n');
      process.exitCode = 1;
    }
    process.stdout.write(`\n${formatSummary(counts)}\n`);
  }
}
