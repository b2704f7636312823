// Runs the test suite under three time zones and reports each pass, even when one fails (a zone bug
// can pass in one zone and fail in another; the first failing pass must not hide the others).
// The first zone runs everything; the others skip the suites that only start child processes (their
// zone is the machine's, not the pass's): the SIGKILL soak, `npm start`, and two instances' takeover.
import { spawnSync } from 'node:child_process';

const ZONES = ['Asia/Ho_Chi_Minh', 'UTC', 'America/Los_Angeles'];
const PROCESS_ONLY = ['test/storage/crash.test.ts', 'test/e2e/startup.test.ts', 'test/e2e/takeover.test.ts'];
const extra = process.argv.slice(2);

const results = [];
for (const [i, zone] of ZONES.entries()) {
  const args = [
    'vitest',
    'run',
    ...(i === 0 ? [] : ['--reporter=dot', ...PROCESS_ONLY.flatMap((f) => ['--exclude', f])]),
    ...extra,
  ];
  process.stdout.write(
    `\n── TZ=${zone} ${i === 0 ? '(every test)' : '(without the child-process suites)'} ──\n`,
  );
  const started = Date.now();
  const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TZ: zone } });
  results.push({ zone, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

process.stdout.write('\nTime zones:\n');
for (const r of results)
  process.stdout.write(`  ${r.ok ? 'passed' : 'FAILED'}  TZ=${r.zone}  (${r.seconds} s)\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
