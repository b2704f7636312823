import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/agency.js';
import { FakeBotApiServer } from '../helpers/bot-api-server.js';
import { buildBot } from '../helpers/build.js';
import { until } from '../helpers/live-bot.js';

/**
 * `npm start` as a person at a terminal sees it: the built bot in a pseudo-terminal (util-linux's
 * `script`), keys typed into it — Ctrl+C included, as the terminal sends it — and its screen read back.
 */
const TOKEN = '123456789:AAExampleTokenForTestsOnly_0123456789';
const SCRIPT = '/usr/bin/script';
const hasScript = existsSync(SCRIPT);
if (!hasScript) {
  if (process.env.CI === 'true') throw new Error(`CI=true, but ${SCRIPT} (util-linux) is missing`);
  console.warn(`test/e2e/terminal.test.ts: skipped — ${SCRIPT} (util-linux) is missing on this machine`);
}

const BUILD = resolve('dist', `test-terminal-${process.pid}`);
const files = {
  AGENCY_CONFIG: resolve('config/agency.json'),
  PLAN_FILE: resolve('config/plan-2026.json'),
  TITLES_FILE: resolve('config/titles-2026.json'),
  COUNCIL_FILE: resolve('config/council-2026.json'),
};

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(() => {
  if (!hasScript) return;
  buildBot(BUILD);
}, 60_000);
afterAll(async () => {
  await rm(BUILD, { recursive: true, force: true });
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
/** Every process a test started: a test that fails midway leaves none running. */
const started: ChildProcess[] = [];
afterEach(async () => {
  for (const child of started.splice(0)) {
    // The terminal closed under it: the bot gets SIGHUP, as when a terminal window is closed.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await cleanup();
});

interface Run {
  child: ChildProcessWithoutNullStreams;
  exited: Promise<number | null>;
  /** What the terminal received, escapes and all. */
  screen(): string;
  /** Keys typed at the terminal. */
  type(keys: string): void;
}

/** The built bot with its stdin, stdout and stderr on one pseudo-terminal. */
function inTerminal(env: Record<string, string>, cwd = dir): Run {
  const command = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(BUILD, 'main.js'))}`;
  const child = spawn(SCRIPT, ['-qefc', command, '/dev/null'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  started.push(child);
  let screen = '';
  child.stdout.on('data', (c: Buffer) => {
    screen += c.toString('utf8');
  });
  child.stderr.on('data', (c: Buffer) => {
    screen += c.toString('utf8');
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited, screen: () => screen, type: (keys) => child.stdin.write(keys) };
}

/** The screen as lines, without the terminal's carriage returns and escapes. */
function lines(screen: string): string[] {
  return (
    screen
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's escapes are what is removed
      .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
      .split(/\r?\n/)
      .map((l) => l.replace(/\r/g, ''))
  );
}

/** HH:MM in Vietnam (UTC+7 all year), now and a minute before (a line logged just before the minute turned). */
function vietnamMinutes(): string[] {
  return [0, 1].map((back) => {
    const minutes = (Math.floor(Date.now() / 60_000) - back + 7 * 60) % (24 * 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });
}

describe.skipIf(!hasScript)('on a terminal', () => {
  it('logs one readable line per event, in Vietnam’s time, an outage in two', async () => {
    const server = await FakeBotApiServer.start({ token: TOKEN });
    try {
      const run = inTerminal({
        ...files,
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_GROUP_ID: '-1001234567890',
        TELEGRAM_API_ROOT: server.apiRoot,
        DATA_DIR: join(dir, 'data'),
        // The server's zone is not the agency's: the lines still read Vietnam's clock.
        TZ: 'America/Los_Angeles',
      });
      await until('running', () => run.screen().includes('running'), 30_000);
      const before = vietnamMinutes();
      // Telegram goes away: a message ends the long poll in flight, and the next polls find nothing.
      server.outage = true;
      const lan = { id: 1001, is_bot: false, first_name: 'Lan' } as const;
      server.pushMessage({ chatId: -1001234567890, text: '/kehoach', from: lan });
      await until('the outage', () => run.screen().includes('Telegram unreachable'), 30_000);
      // Back: a poll is held again; a message ends it, and the bot says Telegram is back.
      server.outage = false;
      await until('a poll held again', () => server.isPolling, 30_000);
      server.pushMessage({ chatId: -1001234567890, text: '/kehoach', from: lan });
      await until('back', () => run.screen().includes('Telegram reachable again'), 30_000);
      run.type('\x03'); // Ctrl+C
      expect(await run.exited).toBe(0);
      const shown = lines(run.screen()).filter(Boolean);
      expect(shown.join('\n')).not.toContain('{"level"');
      expect(shown.join('\n')).not.toContain(TOKEN);
      for (const line of shown)
        expect(line).toMatch(/^(\^C)?\d\d:\d\d:\d\d (TRACE|DEBUG|INFO |WARN |ERROR|FATAL) \S/);
      const running = shown.find((l) => / INFO {2}running · /.test(l)) as string;
      expect(running).toContain('platforms=["telegram"]');
      expect([...before, ...vietnamMinutes()]).toContain(running.replace(/^(\^C)?(\d\d:\d\d).*/, '$2'));
      // The outage: one line when it starts, one when it ends.
      expect(shown.filter((l) => l.includes('Telegram unreachable'))).toHaveLength(1);
      expect(shown.filter((l) => l.includes('Telegram reachable again'))).toHaveLength(1);
      expect(shown.some((l) => / INFO {2}shutting down · signal=SIGINT$/.test(l))).toBe(true);
    } finally {
      await server.close();
    }
  }, 90_000);

  it('writes JSON lines when its output is not a terminal', async () => {
    const server = await FakeBotApiServer.start({ token: TOKEN });
    try {
      const child = spawn(process.execPath, [join(BUILD, 'main.js')], {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '',
          TELEGRAM_BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: server.apiRoot,
          ...files,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.push(child);
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString('utf8');
      });
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      await until('setup mode', () => stderr.includes('setup mode'), 30_000);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const logged = stderr.trim().split('\n');
      for (const line of logged) expect(JSON.parse(line)).toMatchObject({ app: 'thidua-bot' });
    } finally {
      await server.close();
    }
  }, 60_000);

  it('the console demo keeps its prompt last when a file is built in the background, and Ctrl+C deletes the demo store', async () => {
    const tmp = join(dir, 'tmp');
    await mkdir(tmp);
    const run = inTerminal({ ...files, TMPDIR: tmp });
    await until('the prompt', () => /\n[^\n]*> /.test(run.screen()), 30_000);
    expect(await demoFiles(tmp)).toEqual([expect.stringMatching(/^thidua-demo-/)]);
    run.type('/tonghop nam file\r');
    await until('the files', () => run.screen().includes('bao-cao-thi-dua-nam-'), 60_000);
    // Half a command typed when the files came: the screen ends with the prompt and those keys.
    run.type('/bangx');
    await until('the keys echoed', () => run.screen().endsWith('/bangx'), 30_000);
    const screen = lines(run.screen());
    const fileLine = screen.findIndex((l) => l.includes('bao-cao-thi-dua-nam-'));
    expect(screen.slice(fileLine + 1).filter(Boolean)).toEqual(['> /bangx']);
    // The desk's address, printed once the desk was up, is above a prompt too.
    const desk = screen.findIndex((l) => l.includes('/link#'));
    expect(screen[desk]).toMatch(/^(> )?Bàn làm việc/);
    expect(screen.slice(desk + 1).find(Boolean)).toMatch(/^> /);
    run.type('\x03'); // Ctrl+C
    expect(await run.exited).toBe(0);
    expect(await demoFiles(tmp)).toEqual([]);
  }, 120_000);

  it('the console demo deletes its store on SIGINT and SIGTERM when stdin is not a terminal', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const tmp = join(dir, `tmp-${signal}`);
      await mkdir(tmp);
      const child = spawn(process.execPath, [join(BUILD, 'main.js')], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', TMPDIR: tmp, ...files },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      started.push(child);
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString('utf8');
      });
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      await until('the prompt', () => stdout.includes('> '), 30_000);
      expect(await demoFiles(tmp)).toHaveLength(1);
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(await demoFiles(tmp)).toEqual([]);
    }
  }, 90_000);
});

/**
 * What the demo left in the temp folder. On Node 22.1 and later the bot's entry switches on Node's
 * compile cache (bot/start.ts), which Node keeps in `<temp>/node-compile-cache` when NODE_COMPILE_CACHE
 * is not set, to be used again at the next start: Node's, not the demo's, and meant to stay.
 */
async function demoFiles(tmp: string): Promise<string[]> {
  return (await readdir(tmp)).filter((name) => name !== 'node-compile-cache');
}
