// The bot's start as an operator sees it: `node dist/main.js` (built as `npm start` builds it) on a
// store, with a stand-in for Telegram's Bot API on loopback, timed from the process's spawn to its
// first getUpdates — the configuration read, the modules loaded, the store opened and checked, getMe on
// the way. Each start runs on its own copy of the store (a start may write: the journal's head, the
// day's backup). The command menu is set once polling has begun, and the commands' modules, imported
// as the bot is made (bot/handlers.ts), may still be loading then: a message that arrives meanwhile is
// taken and waits for them.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { median } from './common.js';

export interface PollingStart {
  /** From the spawn to the first getUpdates. */
  ms: number;
  /** The process's CPU time (user + system, every thread) by then; null where /proc is not there. */
  cpuMs: number | null;
  /**
   * The main thread's alone (the snapshot is checked in a worker thread meanwhile, on another core:
   * bot/start.ts); null where /proc is not there.
   */
  mainCpuMs: number | null;
}

export interface PollingSummary {
  runs: number;
  ms: number;
  cpuMs: number | null;
  mainCpuMs: number | null;
  all: PollingStart[];
}

/** A bot user, as getMe answers. */
const ME = { id: 7000000001, is_bot: true, first_name: 'Thi đua', username: 'thidua_bench_bot' };

/**
 * `runs` cold starts of the bot built in `bot` on copies of `storeDir` (its medians), after one start
 * not counted: it fills the system's file cache and Node's compile cache (in `scratch`) as a restart
 * finds them.
 */
export async function coldPolling(
  bot: string,
  storeDir: string,
  scratch: string,
  runs: number,
): Promise<PollingSummary> {
  const polled = new Map<string, () => void>();
  const server = createServer((req, res) => {
    const [, token, method] = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '') ?? [];
    req.resume();
    req.on('end', () => {
      const answer = (result: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, result }));
      };
      if (method === 'getMe') return answer(ME);
      if (method === 'getUpdates') {
        polled.get(token ?? '')?.();
        // A long poll that finds nothing (the bot is stopped before it ends).
        setTimeout(() => answer([]), 25_000).unref();
        return;
      }
      answer(true); // setMyCommands and the like
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const all: PollingStart[] = [];
  try {
    for (let i = 0; i <= runs; i += 1) {
      const token = `${100_000 + i}:AAbenchTokenOfAStandInForTelegram_000`;
      const start = await startOnce(bot, storeDir, scratch, apiRoot, token, polled);
      if (i > 0) all.push(start);
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
  const cpu = all.map((s) => s.cpuMs);
  const mainCpu = all.map((s) => s.mainCpuMs);
  return {
    runs: all.length,
    ms: median(all.map((s) => s.ms)),
    cpuMs: cpu.every((c) => c !== null) ? median(cpu as number[]) : null,
    mainCpuMs: mainCpu.every((c) => c !== null) ? median(mainCpu as number[]) : null,
    all,
  };
}

async function startOnce(
  bot: string,
  storeDir: string,
  scratch: string,
  apiRoot: string,
  token: string,
  polled: Map<string, () => void>,
): Promise<PollingStart> {
  const data = await mkdtemp(join(scratch, 'data-'));
  await cp(storeDir, data, { recursive: true });
  const polling = new Promise<void>((resolve) => polled.set(token, resolve));
  const started = performance.now();
  const child = spawn(process.execPath, [join(bot, 'main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_GROUP_ID: '-1001234567890',
      TELEGRAM_API_ROOT: apiRoot,
      DATA_DIR: data,
      LOG_LEVEL: 'warn',
      NODE_COMPILE_CACHE: join(scratch, 'compile-cache'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    const first = await Promise.race([polling.then(() => 'polling'), exited.then(() => 'exited')]);
    const ms = performance.now() - started;
    if (first !== 'polling') throw new Error(`the bot stopped before it polled:\n${stderr}`);
    const pid = child.pid as number;
    return { ms, cpuMs: cpuMsOf(`/proc/${pid}/stat`), mainCpuMs: cpuMsOf(`/proc/${pid}/task/${pid}/stat`) };
  } finally {
    polled.delete(token);
    child.kill('SIGTERM');
    await exited;
    await rm(data, { recursive: true, force: true });
  }
}

/**
 * CPU time so far (user + system, in ms) from a /proc stat file on Linux: a process's (every thread,
 * those ended too) or one thread's.
 */
function cpuMsOf(stat: string): number | null {
  try {
    const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
