import type { Reporter, TestModule } from 'vitest/node';

/**
 * A vitest reporter beside the default one: after the run it lists every skipped test with its file and the
 * reason (the note of `ctx.skip(condition, note)`, or the suite title of `describe.runIf`), so no skip in
 * `npm test` goes unannounced.
 */
export class SkippedReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const skipped: string[] = [];
    for (const module of testModules) {
      const file = module.relativeModuleId;
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped') continue;
        const why =
          result.note ??
          (test.options.mode === 'todo'
            ? 'todo'
            : "its suite's condition (describe.runIf/skipIf; see the title)");
        skipped.push(`  ↷ ${file} › ${test.fullName} — ${why}`);
      }
    }
    if (skipped.length === 0) return;
    console.log(`\nSkipped tests (${skipped.length}):\n${skipped.join('\n')}`);
  }
}
