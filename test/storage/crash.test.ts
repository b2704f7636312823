import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';

// At least 50 kills locally; 20 under CI to keep its run short. CRASH_KILLS overrides both (`npm run
// soak` runs 300). Each kill starts a `tsx` child, which takes seconds on a busy machine: the time
// budget follows the kill count instead of a fixed limit.
const KILLS = Number(process.env.CRASH_KILLS ?? (process.env.CI ? 20 : 50));
const BUDGET_MS = 30_000 + KILLS * 8_000;

let dir: string;
let cleanup: () => Promise<void>;
// The writer is bundled once (esbuild, as tsx itself uses), its packages with it: a child then starts
// in ~0.35 s of CPU instead of ~1.2 s under `--import tsx` (~0.45 s with the packages left in
// node_modules, read module by module), and starting children is most of this test's time.
const WRITER = join('node_modules', '.cache', 'thidua-bot', `store-writer-${process.pid}.mjs`);
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('thidua-crash-'));
  await build({
    entryPoints: ['test/fixtures/store-writer.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: WRITER,
    logLevel: 'warning',
  });
});
afterAll(async () => {
  await cleanup();
  await rm(WRITER, { force: true });
});

/** Runs the writer until it has acknowledged at least `atLeast` entries, then SIGKILLs it mid-write. */
function runAndKill(atLeast: number, extraMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: string[] = [];
    let buffer = '';
    let errors = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('saved ')) acknowledged.push(line.slice(6));
      if (!armed && acknowledged.length >= atLeast) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${errors}`));
      // Lines still in the pipe were printed before the kill: they count as acknowledged too.
      for (const line of buffer.split('\n')) if (line.startsWith('saved ')) acknowledged.push(line.slice(6));
      resolve(acknowledged);
    });
  });
}

describe('a process killed with SIGKILL in the middle of its writes (a burst, or one after another)', () => {
  it(
    `leaves a valid store holding every acknowledged entry (${KILLS} kills)`,
    async () => {
      const everything = new Set<string>();
      for (let kill = 0; kill < KILLS; kill += 1) {
        const acknowledged = await runAndKill(
          1 + Math.floor(Math.random() * 200),
          Math.floor(Math.random() * 40),
        );
        for (const code of acknowledged) everything.add(code);
        const store = await Store.open(dir);
        const missing = [...everything].filter((code) => !store.entry(code));
        await store.close();
        expect(missing, `after kill ${kill + 1}`).toEqual([]);
      }
      expect(everything.size).toBeGreaterThan(KILLS);
    },
    BUDGET_MS,
  );
});
