import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { HOME_ZONE, OTHER_ZONES, zonedTestFiles } from './test/zones.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The files that spend their time in child processes start first, so they run beside the rest instead
 * of after it: without timings from an earlier run (a clean clone, CI) Vitest starts the largest files
 * first, and the SIGKILL soak — a small file, the longest run — came last.
 */
const FIRST = ['test/storage/crash.test.ts', 'test/e2e/startup.test.ts'];
class ChildProcessesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => FIRST.some((name) => f.moduleId.endsWith(name));
    return [...sorted.filter(first), ...sorted.filter((f) => !first(f))];
  }
}

// One run, three projects: every test in Vietnam's zone, and the files that touch the calendar again
// in UTC and Los Angeles (test/zones.ts decides which). Each project's workers start with its TZ.
export default defineConfig({
  test: {
    pool: 'forks',
    sequence: { sequencer: ChildProcessesFirst },
    // A worker keeps the modules it has imported from one test file to the next (none holds state a
    // test depends on): importing the bot's ~200 modules afresh for each file was half the e2e time.
    isolate: false,
    // Two workers even on two cores (Vitest's default there is one): much of the suite waits on
    // child processes, disks and loopback sockets, and the SIGKILL soak runs beside the rest.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A test that hangs fails after a minute; one that is only slow on a busy two-core machine (other
    // builds beside it) passes. What must happen within a time is asserted by the tests themselves.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: HOME_ZONE, include: ['test/**/*.test.ts'], env: { TZ: HOME_ZONE } } },
      ...OTHER_ZONES.map((zone) => ({
        extends: true as const,
        test: { name: zone, include: zonedTestFiles(root), env: { TZ: zone } },
      })),
    ],
  },
});
