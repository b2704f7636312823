import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dayKey } from '../../core/periods.js';
import { STORE_FILE, Store } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';
import { FakeBotApiServer } from '../helpers/bot-api-server.js';
import { buildBot, runBuild } from '../helpers/build.js';
import { until } from '../helpers/live-bot.js';
import { onFreePorts, portTaken } from '../helpers/ports.js';
import { addMember, logDeed } from '../helpers/store.js';
import { rewriteSnapshot } from '../helpers/store-files.js';
import { FakeZaloBotApiServer, zaloId } from '../helpers/zalo-bot-api-server.js';

const TOKEN = '123456789:AAExampleTokenForTestsOnly_0123456789';

let dir: string;
let cleanup: () => Promise<void>;
// The bot as `npm start` runs it (test/helpers/build.ts), then plain `node`.
const BUILD = resolve('dist', `test-${process.pid}`);
beforeAll(() => buildBot(BUILD), 60_000);
afterAll(async () => {
  await rm(BUILD, { recursive: true, force: true });
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

interface Meta {
  outputs: Record<
    string,
    { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }
  >;
}

/** esbuild's account of the build: what each output imports, and of which sources it is made. */
async function readMeta(): Promise<Meta> {
  return JSON.parse(await readFile(join(BUILD, 'meta.json'), 'utf8')) as Meta;
}

/**
 * What is loaded before the bot runs: main.js (bot/start.ts) and its static imports, what it then
 * imports (its two dynamic imports: the configuration, bot/config-ahead.ts, and the bot, bot/main.ts)
 * and theirs — outputs and external packages.
 */
function loadedAtStart(meta: Meta): Set<string> {
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  const entry = Object.keys(meta.outputs).find((f) => f.endsWith('/main.js')) as string;
  visit(entry);
  const later = meta.outputs[entry]?.imports.filter((i) => i.kind === 'dynamic-import') ?? [];
  expect(later.flatMap((i) => Object.keys(meta.outputs[i.path]?.inputs ?? {}))).toEqual(
    expect.arrayContaining(['bot/config-ahead.ts', 'bot/main.ts']),
  );
  expect(later).toHaveLength(2);
  for (const i of later) visit(i.path);
  return loaded;
}

/** Starts the built bot as `npm start` does, with only the given environment (and working directory). */
function start(env: Record<string, string>, input?: string, cwd?: string) {
  const child = spawn(process.execPath, [join(BUILD, 'main.js')], {
    ...(cwd ? { cwd } : {}),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  if (input !== undefined) child.stdin.end(input);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('npm start', () => {
  it('builds again only when something the build read has changed', async () => {
    const stampFile = join(BUILD, 'build-stamp.json');
    const stamp = JSON.parse(await readFile(stampFile, 'utf8')) as {
      inputs: Record<string, { size: number; mtimeMs: number }>;
    };
    expect(Object.keys(stamp.inputs)).toEqual(
      expect.arrayContaining(['bot/main.ts', 'core/scoring.ts', 'web/client/desk.ts', 'package-lock.json']),
    );
    const main = await readFile(join(BUILD, 'main.js'), 'utf8');
    // Nothing changed: the build is left as it is (its stamp not even rewritten).
    await writeFile(join(BUILD, 'main.js'), `${main}\n// left alone`);
    const again = runBuild(BUILD);
    expect(again.status).toBe(0);
    expect(await readFile(join(BUILD, 'main.js'), 'utf8')).toBe(`${main}\n// left alone`);
    // A source as the stamp did not see it: built again.
    (stamp.inputs['core/scoring.ts'] as { mtimeMs: number }).mtimeMs -= 1000;
    await writeFile(stampFile, JSON.stringify(stamp));
    const rebuilt = runBuild(BUILD);
    expect(rebuilt.status).toBe(0);
    expect(await readFile(join(BUILD, 'main.js'), 'utf8')).toBe(main);
  }, 60_000);

  it('without a token opens the console demo on a demo store', async () => {
    const run = start({ DATA_DIR: dir }, '/bangxephang\n/thoat\n');
    expect(await run.exited).toBe(0);
    expect(run.out()).toContain('bản dùng thử trên máy');
    expect(run.out()).toContain('Bảng xếp hạng thi đua');
  });

  it('never imports exceljs, docx or zca-js up front: only where and when they are used', async () => {
    const meta = await readMeta();
    const output = (file: string) => meta.outputs[file] ?? { imports: [] };
    const at = (name: string) => Object.keys(meta.outputs).find((f) => f.endsWith(`/${name}`)) as string;
    const loaded = loadedAtStart(meta);
    expect(loaded.size).toBeGreaterThan(5);
    for (const heavy of ['exceljs', 'docx', 'zca-js']) expect(loaded).not.toContain(heavy);
    const dynamic = Object.values(meta.outputs).flatMap((o) =>
      o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    );
    expect(dynamic).toContain('zca-js');
    // The report thread's own bundle is where the document libraries come in.
    const worker = new Set<string>();
    const visitWorker = (file: string) => {
      for (const i of output(file).imports) {
        if (worker.has(i.path)) continue;
        worker.add(i.path);
        if (!i.external) visitWorker(i.path);
      }
    };
    visitWorker(at('report-worker.js'));
    expect(worker).toContain('exceljs');
    expect(worker).toContain('docx');
  });

  it('starts without the code only the desk uses, or that nothing runs: Hono, whatwg-url, zod in other languages', async () => {
    const meta = await readMeta();
    // The sources in what is loaded before the bot runs (chunks).
    const sources = [...loadedAtStart(meta)].flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {}));
    expect(sources).toContain('bot/start.ts');
    expect(sources).toContain('bot/main.ts');
    expect(sources.filter((s) => /node_modules\/(hono|@hono|whatwg-url|tr46)\//.test(s))).toEqual([]);
    expect(
      sources.filter((s) => s.startsWith('web/') && s !== 'web/assets.ts' && s !== 'web/platform.ts'),
    ).toEqual([]);
    expect(sources.filter((s) => s.includes('zod/v4/locales/'))).toEqual([
      'node_modules/zod/v4/locales/en.js',
    ]);
    // zod is imported as a namespace (`import * as z`), so only what the bot uses of it is bundled:
    // neither its JSON Schema importer nor z.compile's compiler (~90 KB the start compiled, twice).
    expect(sources.filter((s) => /zod\/v4\/(classic\/from-json-schema|core\/compile)\.js$/.test(s))).toEqual(
      [],
    );
    expect(sources).toContain('node_modules/zod/v4/core/schemas.js');
    // The desk's code comes in when it is served.
    const dynamic = Object.values(meta.outputs).flatMap((o) => o.inputs && Object.keys(o.inputs));
    expect(dynamic).toContain('web/desk.ts');
  });

  it('loads the commands, and what they ask of reports/, once it polls: none of it before', async () => {
    const meta = await readMeta();
    const sources = [...loadedAtStart(meta)].flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {}));
    expect(sources.filter((s) => s.startsWith('commands/') || s.startsWith('reports/'))).toEqual([]);
    // They come in through bot/handlers.ts, which bot/app.ts imports as it makes the bot.
    const handlers = Object.values(meta.outputs).find((o) => o.inputs && 'bot/handlers.ts' in o.inputs);
    expect(handlers).toBeDefined();
  });

  it('builds report files in its report thread, from the build', async () => {
    // Run from the temp dir, so the demo's files (./out) land there; the agency's files from here.
    const run = start(
      {
        DATA_DIR: join(dir, 'data'),
        AGENCY_CONFIG: resolve('config/agency.json'),
        PLAN_FILE: resolve('config/plan-2026.json'),
        TITLES_FILE: resolve('config/titles-2026.json'),
        COUNCIL_FILE: resolve('config/council-2026.json'),
      },
      '/tonghop nam file\n/baocaothanhtich tatca\n/bangxephang anh\n/danhsach file\n/thoat\n',
      dir,
    );
    expect(await run.exited).toBe(0);
    expect(run.err()).toBe('');
    const year = dayKey(new Date()).slice(0, 4); // the year in Vietnam, as the files are named
    const xlsx = await readFile(join(dir, 'out', `tong-hop-thi-dua-nam-${year}.xlsx`));
    const docx = await readFile(join(dir, 'out', `bao-cao-thi-dua-nam-${year}.docx`));
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    // The achievement reports (docx in a zip) come from the report thread too; the chart's drawing
    // thread is found beside the build's code.
    // A year-end draft too (the Council file's year).
    const list = await readFile(join(dir, 'out', 'danh-sach-de-nghi-2026.docx'));
    expect(list.subarray(0, 2).toString()).toBe('PK');
    const zip = await readFile(join(dir, 'out', `bao-cao-thanh-tich-${year}.zip`));
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    const png = (await readdir(join(dir, 'out'))).find((f) => f.endsWith('.png')) as string;
    expect(png).toMatch(/^bang-xep-hang-tuan-/);
    expect((await readFile(join(dir, 'out', png))).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000); // a year's files, every achievement report and a picture, in a child on a busy machine

  it('refuses to start on a corrupt store, naming the file, and leaves it untouched', async () => {
    const file = join(dir, 'store.json');
    await writeFile(file, '{"version": 1, "members": [');
    const run = start({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_GROUP_ID: '-1001234567890',
      DATA_DIR: dir,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    });
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain(`cannot start — ${file}: is not valid JSON`);
    expect(await readFile(file, 'utf8')).toBe('{"version": 1, "members": [');
  });

  it('refuses to start on a damaged snapshot, read while its modules load, naming it, and leaves it untouched', async () => {
    const store = await Store.open(dir);
    await store.close();
    const file = join(dir, STORE_FILE);
    const bytes = await readFile(file);
    const middle = bytes.length >> 1;
    bytes[middle] = (bytes[middle] as number) ^ 0xff;
    await writeFile(file, bytes);
    const run = start({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_GROUP_ID: '-1001234567890',
      DATA_DIR: dir,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    });
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain(
      `cannot start — ${file}: is damaged (its checksum does not match: cut short, or changed on disk)`,
    );
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  /** A store of one member and one deed, compacted into its snapshot; then `edit` rewrites that with a right CRC. */
  async function snapshotEdited(edit: Parameters<typeof rewriteSnapshot>[1]): Promise<Buffer> {
    const store = await Store.open(dir);
    const m1 = await addMember(store, 1, 'vp');
    await logDeed(store, m1.id, new Date('2026-03-03T03:00:00Z'), 'Hiến máu tình nguyện đợt một');
    await store.compact();
    await store.close();
    await rewriteSnapshot(dir, edit);
    return readFile(join(dir, STORE_FILE));
  }

  /** Starts the built bot on `dir` with Telegram out of reach: it must stop before it polls. */
  async function refused(): Promise<string> {
    const run = start({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_GROUP_ID: '-1001234567890',
      DATA_DIR: dir,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    });
    expect(await run.exited).toBe(1);
    return run.err();
  }

  // The build checks the snapshot in a worker thread while the modules load (storage/snapshot-check.ts):
  // what it refuses stops the start as the store's own checks would, before any update is taken.
  it('refuses to start on a snapshot whose CRC is right but whose entry table is broken, naming it, and leaves it untouched', async () => {
    const bytes = await snapshotEdited((capture) => {
      const ends = capture.entries.text.ends;
      ends[ends.length - 1] = (ends[ends.length - 1] as number) + 7;
    });
    expect(await refused()).toContain(
      `cannot start — ${join(dir, STORE_FILE)}: entry text: the offsets do not match the text`,
    );
    expect((await readFile(join(dir, STORE_FILE))).equals(bytes)).toBe(true);
  });

  it('refuses to start on a snapshot whose CRC is right but which breaks a rule of the store, naming it and the rule, and leaves it untouched', async () => {
    const bytes = await snapshotEdited((capture) => {
      const time = capture.entries.time;
      time[time.length - 1] = Date.parse('2099-03-03T03:00:00Z');
    });
    expect(await refused()).toContain(
      `cannot start — ${join(dir, STORE_FILE)}: entry VT1: logged is 2099-03-03T03:00:00.000Z, after the years the store can hold`,
    );
    expect((await readFile(join(dir, STORE_FILE))).equals(bytes)).toBe(true);
  });

  it('refuses to start when its snapshot cannot be read (a folder in its place), naming it, as the store itself says it', async () => {
    await mkdir(join(dir, STORE_FILE));
    expect(await refused()).toContain(`cannot start — ${join(dir, STORE_FILE)}: cannot be read (EISDIR)`);
  });

  it("begins reading the snapshot in its thread before that thread loads the store's checks", async () => {
    const meta = await readMeta();
    const entry = Object.keys(meta.outputs).find((f) => f.endsWith('/snapshot-check.js')) as string;
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(entry);
    const sources = [...loaded].flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {}));
    // Only the read is there when the thread starts: the checks (and zod) come by a dynamic import.
    expect(sources).toContain('storage/read-ahead.ts');
    expect(sources.filter((s) => s.includes('node_modules/') || s === 'storage/snapshot-file.ts')).toEqual(
      [],
    );
    const later = meta.outputs[entry]?.imports.filter((i) => i.kind === 'dynamic-import') ?? [];
    expect(later.flatMap((i) => Object.keys(meta.outputs[i.path]?.inputs ?? {}))).toContain(
      'storage/snapshot-verify.ts',
    );
  });

  it('checks a sound snapshot in its worker thread, and polls', async () => {
    await snapshotEdited(() => {});
    const server = await FakeBotApiServer.start({ token: TOKEN });
    try {
      const run = start({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_GROUP_ID: '-1001234567890',
        TELEGRAM_API_ROOT: server.apiRoot,
        DATA_DIR: dir,
        LOG_LEVEL: 'debug',
      });
      await server.waitForCall((c) => c.method === 'getUpdates' || c.method === 'setMyCommands', 15_000);
      expect(run.out() + run.err()).toContain('the snapshot was checked in a worker thread');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      await server.close();
    }
  }, 30_000);

  it('refuses to start with a broken plan file, naming it and the problem', async () => {
    const plan = join(dir, 'plan.json');
    await writeFile(
      plan,
      JSON.stringify({ year: 2026, title: 'Kế hoạch', targets: [], milestones: [], schedules: {} }),
    );
    const run = start({ DATA_DIR: dir, PLAN_FILE: plan });
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain(plan);
    expect(run.err()).toContain('targets');
    expect(run.err()).toContain('schedules.leaderboard');
    const cron = start({ DATA_DIR: dir, LEADERBOARD_CRON: '99 99 * * *' });
    expect(await cron.exited).toBe(1);
    expect(cron.err()).toContain('LEADERBOARD_CRON');
    expect(cron.err()).toContain('schedules.leaderboard: not a cron expression');
  });

  it('refuses to start with a broken titles file, naming it and the problem', async () => {
    const titles = join(dir, 'titles.json');
    const shipped = JSON.parse(await readFile('config/titles-2026.json', 'utf8'));
    shipped.settings.ttldxsLdttPercent.value = 60;
    await writeFile(titles, JSON.stringify(shipped));
    const run = start({ DATA_DIR: dir, TITLES_FILE: titles });
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain(titles);
    expect(run.err()).toContain('settings.ttldxsLdttPercent.value: 60 is below the legal floor of 70');
  });

  it('refuses to start when the data directory cannot be written, saying so', async () => {
    // A path under a regular file can never be created.
    const blocker = join(dir, 'not-a-directory');
    await writeFile(blocker, '');
    const run = start({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_GROUP_ID: '-1001234567890',
      DATA_DIR: join(blocker, 'data'),
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    });
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain(
      `cannot start — cannot create the data directory ${join(blocker, 'data')} (ENOTDIR)`,
    );
  });

  it('lists every bad variable and exits non-zero', async () => {
    const run = start({ TELEGRAM_BOT_TOKEN: 'wrong', BOT_LOCALE: 'fr', DATA_DIR: dir });
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain('TELEGRAM_BOT_TOKEN');
    expect(run.err()).toContain('BOT_LOCALE');
    expect(run.err()).not.toContain('wrong');
  });

  it('polls Telegram, answers, and stops cleanly on SIGTERM (twice is safe)', async () => {
    const server = await FakeBotApiServer.start({ token: TOKEN });
    try {
      const run = start({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_GROUP_ID: '-1001234567890',
        TELEGRAM_API_ROOT: server.apiRoot,
        DATA_DIR: dir,
      });
      await server.waitForCall((c) => c.method === 'getUpdates' || c.method === 'setMyCommands', 15_000);
      server.pushMessage({
        chatId: -1001234567890,
        text: '/dangky Nguyễn Thị Lan | vp',
        from: { id: 1001, is_bot: false, first_name: 'Lan' },
      });
      const reply = await server.waitForCall((c) => c.method === 'sendMessage', 15_000);
      expect(String(reply.params.text)).toContain('Đã đăng ký <b>Nguyễn Thị Lan</b> — Văn phòng Ban');
      // Asked while the store was read, and not again.
      expect(server.callsOf('getMe')).toHaveLength(1);
      run.child.kill('SIGTERM');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.err()).not.toContain(TOKEN);
      // Saved (in the journal, or already in the snapshot if the start-up backup compacted it).
      const store = await Store.open(dir);
      expect(store.members.map((m) => m.fullName)).toEqual(['Nguyễn Thị Lan']);
      await store.close();
    } finally {
      await server.close();
    }
  }, 30_000);

  it('answers while Telegram has not yet taken the command menu: the menu does not hold up polling', async () => {
    const server = await FakeBotApiServer.start({ token: TOKEN });
    // Telegram takes the menu's first call and never answers it.
    server.fault({ method: 'setMyCommands', action: 'hang' });
    try {
      const run = start({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_GROUP_ID: '-1001234567890',
        TELEGRAM_API_ROOT: server.apiRoot,
        DATA_DIR: dir,
      });
      server.pushMessage({
        chatId: -1001234567890,
        text: '/dangky Nguyễn Thị Lan | vp',
        from: { id: 1001, is_bot: false, first_name: 'Lan' },
      });
      const reply = await server.waitForCall((c) => c.method === 'sendMessage', 15_000);
      expect(String(reply.params.text)).toContain('Đã đăng ký <b>Nguyễn Thị Lan</b> — Văn phòng Ban');
      // The menu is begun once polling has (bot/telegram/session.ts), its call perhaps after the reply.
      await server.waitForCall((c) => c.method === 'setMyCommands', 15_000);
      expect(server.callsOf('setMyCommands').map((c) => c.hung)).toEqual([true]);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.err()).not.toContain('command menu');
    } finally {
      await server.close();
    }
  }, 30_000);

  it('with a token but no group id, starts in setup mode: tells a group its id and a person theirs, and nothing else runs', async () => {
    const server = await FakeBotApiServer.start({ token: TOKEN });
    try {
      const run = start({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.apiRoot, DATA_DIR: dir });
      await until('polling', () => server.isPolling, 15_000);
      server.pushMessage({ chatId: -1009876543210, text: '/viectot Trực thay ca cho đồng nghiệp' });
      server.pushMessage({ chatId: -1009876543210, text: '/batdau' });
      const group = await server.waitForCall((c) => c.method === 'sendMessage', 15_000);
      expect(group.params.chat_id).toBe(-1009876543210);
      expect(String(group.params.text)).toContain('<code>TELEGRAM_GROUP_ID=-1009876543210</code>');
      server.pushMessage({
        chatId: 4242,
        text: 'xin chào',
        from: { id: 4242, is_bot: false, first_name: 'Toàn' },
      });
      const direct = await server.waitForCall(
        (c) => c.method === 'sendMessage' && c.params.chat_id === 4242,
        15_000,
      );
      expect(String(direct.params.text)).toContain('Mã người dùng Telegram của đồng chí: <code>4242</code>');
      expect(server.callsOf('sendMessage')).toHaveLength(2); // the /viectot was not run
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.err()).toContain('setup mode');
      expect(await readdir(dir)).toEqual([]); // no store was opened
    } finally {
      await server.close();
    }
  }, 30_000);

  it('refuses to start with a token Telegram does not accept (401), in one line without a stack', async () => {
    const server = await FakeBotApiServer.start({ token: TOKEN });
    try {
      const run = start({
        TELEGRAM_BOT_TOKEN: '987654321:AAAnotherTokenTelegramWillRefuse_0000',
        TELEGRAM_GROUP_ID: '-1001234567890',
        TELEGRAM_API_ROOT: server.apiRoot,
        DATA_DIR: dir,
      });
      expect(await run.exited).toBe(1);
      expect(run.err()).toMatch(/^thidua-bot: cannot start — .*(401|token)/m);
      expect(run.err()).not.toMatch(/^\s+at /m);
      expect(run.err() + run.out()).not.toContain('AAAnotherTokenTelegramWillRefuse');
    } finally {
      await server.close();
    }
  }, 30_000);

  it('stops within 10 s on SIGTERM while Telegram does not answer at all, the store closed', async () => {
    const server = await FakeBotApiServer.start({ token: TOKEN });
    try {
      const run = start({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_GROUP_ID: '-1001234567890',
        TELEGRAM_API_ROOT: server.apiRoot,
        DATA_DIR: dir,
      });
      // Every confirmation of a deed hangs, as if Telegram stopped answering mid-reply.
      server.fault({ method: 'sendMessage', when: (p) => String(p.text).includes('Đã lưu'), action: 'hang' });
      server.pushMessage({
        chatId: -1001234567890,
        text: '/dangky Nguyễn Thị Lan | vp',
        from: { id: 1001, is_bot: false, first_name: 'Lan' },
      });
      await server.waitForCall((c) => c.method === 'sendMessage', 15_000);
      server.pushMessage({
        chatId: -1001234567890,
        text: '/viectot Trực thay đồng nghiệp bị ốm',
        from: { id: 1001, is_bot: false, first_name: 'Lan' },
      });
      await server.waitForCall((c) => c.method === 'sendMessage' && c.hung === true, 15_000);
      // And from now on nothing answers at all.
      for (const method of ['getUpdates', 'sendMessage', 'setMyCommands', 'getChatMember']) {
        server.fault({ method, action: 'hang' });
      }
      const asked = Date.now();
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(Date.now() - asked).toBeLessThan(10_000);
      // The store was closed properly: it opens again at once and holds the registration.
      const store = await Store.open(dir);
      expect(store.members.map((m) => m.fullName)).toEqual(['Nguyễn Thị Lan']);
      expect(store.entries.map((e) => e.text)).toEqual(['Trực thay đồng nghiệp bị ốm']);
      await store.close();
    } finally {
      await server.close();
    }
  }, 40_000);

  it('stops at once on SIGTERM while slow clients hold the webhook, the desk and the health port, the store closed', async () => {
    const zalo = await FakeZaloBotApiServer.start();
    const sockets: Socket[] = [];
    let trickle: NodeJS.Timeout | undefined;
    try {
      // The webhook's and the health checks' ports are settings, chosen before the bot starts: if a test
      // beside this one took one of them meanwhile, the bot is stopped and started again on others.
      const { run, logged, webhookPort, healthPort } = await onFreePorts(
        2,
        async ([webhookPort = 0, healthPort = 0]) => {
          const run = start({
            ZALO_BOT_TOKEN: zalo.token,
            ZALO_BOT_API_ROOT: zalo.apiRoot,
            ZALO_BOT_MODE: 'webhook',
            ZALO_BOT_WEBHOOK_URL: 'https://thidua.example.gov.vn/zalo-bot/webhook',
            ZALO_BOT_WEBHOOK_SECRET: 'webhook-secret-of-the-agency-0123',
            ZALO_BOT_WEBHOOK_PORT: String(webhookPort),
            HEALTH_PORT: String(healthPort),
            WEB_PORT: '0',
            DATA_DIR: dir,
          });
          const logged = (msg: string) =>
            // The log is JSON lines on stderr (not a terminal).
            run
              .err()
              .split('\n')
              .filter(Boolean)
              .map((l) => {
                try {
                  return JSON.parse(l) as Record<string, unknown>;
                } catch {
                  return {};
                }
              })
              .find((l) => l.msg === msg);
          await until(
            'the bot running',
            () => logged('running') !== undefined || run.child.exitCode !== null,
            60_000,
          );
          if (run.err().includes('EADDRINUSE')) {
            if (run.child.exitCode === null) run.child.kill('SIGTERM');
            await run.exited;
            throw portTaken('the Zalo Bot webhook or the health checks');
          }
          return { run, logged, webhookPort, healthPort };
        },
      );
      expect(logged('running'), run.err() + run.out()).toBeDefined();
      const web = new URL(String(logged('HTTP server')?.listening));
      // Each server takes a whole request first (so the connection is surely accepted), then the next
      // request's headers come one byte at a time, as a slowloris client sends them.
      for (const port of [webhookPort, healthPort, Number(web.port)]) {
        const socket = connect(port, '127.0.0.1');
        sockets.push(socket);
        socket.on('error', () => {});
        const answered = new Promise<void>((resolve) => socket.once('data', () => resolve()));
        socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
        await answered;
        socket.write('P');
      }
      const slow = 'OST /zalo-bot/webhook HTTP/1.1\r\nHost: x\r\nX-Slow: ';
      let at = 0;
      trickle = setInterval(() => {
        for (const socket of sockets) if (!socket.destroyed) socket.write(slow[at % slow.length] as string);
        at += 1;
      }, 100);
      const closed = sockets.map((s) => new Promise<void>((resolve) => s.once('close', () => resolve())));
      const asked = Date.now();
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(Date.now() - asked).toBeLessThan(10_000);
      await Promise.all(closed);
      expect(run.err()).not.toContain('stop took too long');
      expect(logged('stopped')).toBeDefined();
      // The store was closed properly: it opens again at once.
      const store = await Store.open(dir);
      await store.close();
    } finally {
      clearInterval(trickle);
      for (const socket of sockets) socket.destroy();
      await zalo.close();
    }
  }, 90_000); // a start on a busy machine

  it('with only a Zalo Bot Platform token, long-polls the Platform, answers, and stops cleanly on SIGTERM', async () => {
    const zalo = await FakeZaloBotApiServer.start();
    try {
      const run = start({ ZALO_BOT_TOKEN: zalo.token, ZALO_BOT_API_ROOT: zalo.apiRoot, DATA_DIR: dir });
      await zalo.waitForPoll();
      const user = zaloId();
      zalo.pushText(user, '/batdau', { displayName: 'Hà' });
      await until('an answer', () => zalo.sent(user).length > 0, 15_000);
      expect(zalo.sent(user)[0]).toContain('Xin chào Hà');
      expect(zalo.callsOf('deleteWebhook')).toHaveLength(1);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.err() + run.out()).not.toContain(zalo.token.split(':')[1] as string);
    } finally {
      await zalo.close();
    }
  }, 30_000);

  it('stopped in the middle of a batch, saves each command once across the restart and never answers "not saved"', async () => {
    const server = await FakeBotApiServer.start({ token: TOKEN });
    const env = {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_GROUP_ID: '-1001234567890',
      TELEGRAM_API_ROOT: server.apiRoot,
      DATA_DIR: dir,
    };
    try {
      const lan = { id: 1001, is_bot: false, first_name: 'Lan' };
      server.pushMessage({ chatId: -1001234567890, text: '/dangky Nguyễn Thị Lan | vp', from: lan });
      const first = start(env);
      await server.waitForCall((c) => c.method === 'sendMessage', 15_000);
      for (let i = 1; i <= 6; i += 1) {
        server.pushMessage({ chatId: -1001234567890, text: `/hoanthanh Nhiệm vụ số ${i}`, from: lan });
      }
      await server.waitForCall(
        (c) => c.method === 'sendMessage' && String(c.params.text).includes('Nhiệm vụ'),
        15_000,
      );
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      // The answers in flight at the stop went out before it ended (or, if the stop came first, the
      // next start handles what is left): either way, each command is saved once.
      const callsBefore = server.calls.length;
      const second = start(env);
      await server.waitForCall(
        (c) => c.method === 'setMyCommands' && server.calls.indexOf(c) >= callsBefore,
        15_000,
      );
      await server.waitForCall(
        () =>
          server.calls.some(
            (c) => c.method === 'sendMessage' && String(c.params.text).includes('Nhiệm vụ số 6'),
          ),
        15_000,
      );
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      const replies = server.callsOf('sendMessage').map((c) => String(c.params.text));
      expect(replies.filter((r) => r.includes('chưa lưu'))).toEqual([]);
      // The snapshot and the journal together (the day's first backup folds the journal in).
      const store = await Store.open(dir);
      expect(store.entries.map((e) => e.text)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `Nhiệm vụ số ${i}`));
      await store.close();
    } finally {
      await server.close();
    }
  }, 40_000);
});
