/**
 * Prints what CI reads: any suites skipped for want of a service (with the reason), then, as the
 * very last line, "N passed, N failed[, N skipped]".
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skippedSuites = new Set();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        const reason = test.ancestorTitles.find((title) => title.includes('SKIPPED:'));
        if (test.status === 'pending' && reason) skippedSuites.add(reason);
      }
    }
    for (const reason of skippedSuites) process.stdout.write(`\n${reason}\n`);
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\n${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}

module.exports = SummaryReporter;
