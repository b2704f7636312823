import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPostgresStore } from '../../storage/postgres/index.js';
import { tempDir } from '../helpers/agency.js';
import { FakeBotApiServer } from '../helpers/bot-api-server.js';
import { buildBot } from '../helpers/build.js';
import { onFreePort, portTaken } from '../helpers/ports.js';
import { PostgresRelay, postgresMissing, testDatabase } from '../helpers/postgres.js';

/*
 * Two `npm start` processes (the built bot, as `npm start` runs it) on one PostgreSQL database, against
 * a Bot API of our own on 127.0.0.1: one is active and polls, the other stands by; the active one is
 * killed in the middle of a burst of commands, or frozen. Nothing here waits for a fixed time: each
 * step waits for what the processes say (their readiness endpoint, the fake's calls).
 */

const TOKEN = '123456789:AAExampleTokenForTakeoverTests_0123456';
const GROUP = -1001234567890;
const lan = { id: 1001, is_bot: false, first_name: 'Lan' };
const BUILD = resolve('dist', `test-takeover-${process.pid}`);

let database: Awaited<ReturnType<typeof testDatabase>>;
let server: FakeBotApiServer;
let dirs: { dir: string; cleanup: () => Promise<void> }[] = [];
const children: ChildProcess[] = [];
let schemaNo = 0;
let schema: string;

interface Instance {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
  err(): string;
  /** The role its health endpoint reports (`active`, `standby`…), or null when it does not answer. */
  role(): Promise<string | null>;
  /** The seq of the last change its store in memory holds (a standby's followed copy too). */
  seq(): Promise<number | null>;
}

/**
 * Starts an instance as `npm start` does, its health checks on a port found free — on another when a
 * test beside this one took it meanwhile (the instance would run without them, and `role` would ask
 * whatever took the port): its log says whether it listens before it takes or waits for the lease.
 */
function start(url = database.url): Promise<Instance> {
  return onFreePort(async (port) => {
    const instance = await spawnInstance(url, port);
    await until(
      'the health checks listening, or not',
      () => /health and readiness endpoints listening|cannot listen for health checks/.test(instance.err()),
      60_000,
    );
    if (!instance.err().includes('cannot listen for health checks')) return instance;
    instance.child.kill('SIGTERM');
    await instance.exited;
    throw portTaken('the health checks');
  });
}

async function spawnInstance(url: string, port: number): Promise<Instance> {
  const made = await tempDir('thidua-takeover-');
  dirs.push(made);
  const child = spawn(process.execPath, [join(BUILD, 'main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_GROUP_ID: String(GROUP),
      TELEGRAM_API_ROOT: server.apiRoot,
      DATA_DIR: made.dir,
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      HEALTH_PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const health = async () => {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
      return (await res.json()) as { role: string; seq: number | null };
    } catch {
      return null;
    }
  };
  return {
    child,
    port,
    exited,
    err: () => stderr,
    role: async () => (await health())?.role ?? null,
    seq: async () => (await health())?.seq ?? null,
  };
}

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The bot's answers to the message `messageId` in the group. */
const answersTo = (messageId: number) =>
  server
    .callsOf('sendMessage')
    .filter(
      (c) =>
        (c.params.reply_parameters as { message_id?: number } | undefined)?.message_id === messageId &&
        c.response?.ok === true,
    )
    .map((c) => String(c.params.text));

describe.skipIf(postgresMissing)('two instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    buildBot(BUILD);
    database = await testDatabase();
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
    const { rm } = await import('node:fs/promises');
    await rm(BUILD, { recursive: true, force: true });
  });
  beforeEach(async () => {
    schemaNo += 1;
    schema = `takeover_${schemaNo}`;
    server = await FakeBotApiServer.start({ token: TOKEN });
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    }
    await server.close();
    for (const d of dirs.splice(0)) await d.cleanup();
    dirs = [];
  });

  it('the standby takes over from an active instance killed mid-burst: nothing acknowledged lost, nothing applied twice', async () => {
    const first = await start();
    await until('the first instance active', async () => (await first.role()) === 'active');
    const second = await start();
    await until('the second instance standing by', async () => (await second.role()) === 'standby');
    // Monitoring: both alive, only the active one ready.
    const ready = async (i: Instance) => (await fetch(`http://127.0.0.1:${i.port}/readyz`)).status;
    expect(await ready(first)).toBe(200);
    expect(await ready(second)).toBe(503);

    // Three colleagues (a member logs at most 10 entries a day), 8 commands each, in the group.
    const people = [lan, { ...lan, id: 1002, first_name: 'Hùng' }, { ...lan, id: 1003, first_name: 'Mai' }];
    const names = ['Nguyễn Thị Lan', 'Trần Văn Hùng', 'Lê Thị Mai'];
    for (const [i, from] of people.entries()) {
      const joined = server.pushMessage({ chatId: GROUP, text: `/dangky ${names[i]} | vp`, from });
      await until('the registration answered', () => answersTo(joined.message.message_id).length > 0);
    }
    // The standby is warm: it has read the store and follows what the active one writes.
    const written = await first.seq();
    expect(written).toBeGreaterThan(0);
    await until('the standby following the writes', async () => (await second.seq()) === written);
    const burst = Array.from({ length: 24 }, (_, i) =>
      server.pushMessage({ chatId: GROUP, text: `/hoanthanh Nhiệm vụ số ${i + 1}`, from: people[i % 3] }),
    );
    const saved = () =>
      burst.filter((m) => answersTo(m.message.message_id).some((t) => t.includes('Đã lưu')));
    await until('a few of the burst acknowledged', () => saved().length >= 5);
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    const acknowledged = saved().map((m) => m.message.text?.replace('/hoanthanh ', ''));
    expect(await first.exited).toBeNull();

    await until('the second instance active', async () => (await second.role()) === 'active', 20_000);
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    // Every message of the burst is answered by one of them: Telegram hands the unconfirmed ones again.
    await until('every message of the burst answered', () =>
      burst.every((m) => answersTo(m.message.message_id).length > 0),
    );
    const answers = burst.flatMap((m) => answersTo(m.message.message_id));
    expect(answers.filter((t) => t.includes('chưa lưu'))).toEqual([]);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const store = await readPostgresStore({ url: database.url, schema });
    const texts = store.entries.map((e) => e.text);
    await store.close();
    // Each command once: none lost, none twice (a redelivered one was recognised as handled).
    expect([...texts].sort()).toEqual(burst.map((m) => m.message.text?.replace('/hoanthanh ', '')).sort());
    for (const text of acknowledged) expect(texts).toContain(text);
    expect(second.err()).toContain('this instance is now the active one');
    expect(second.err()).toContain('took over with the copy it followed');
  }, 90_000);

  it('PostgreSQL going away: "not saved" meanwhile, then saved again by itself, and no takeover', async () => {
    const relay = await PostgresRelay.start();
    try {
      const through = relay.url(database.url);
      const first = await start(through);
      await until('the first instance active', async () => (await first.role()) === 'active');
      const second = await start(through);
      await until('the second instance standing by', async () => (await second.role()) === 'standby');
      const joined = server.pushMessage({ chatId: GROUP, text: '/dangky Nguyễn Thị Lan | vp', from: lan });
      await until('the registration answered', () => answersTo(joined.message.message_id).length > 0);

      relay.cut();
      const during = server.pushMessage({
        chatId: GROUP,
        text: '/hoanthanh Việc lúc mất máy chủ',
        from: lan,
      });
      await until(
        'the answer while the database is gone',
        () => answersTo(during.message.message_id).length > 0,
      );
      expect(answersTo(during.message.message_id)[0]).toContain('chưa lưu');

      // Both instances have lost the database (as in a restart of the server) before it comes back.
      await until('the active instance losing its lease connection', () =>
        first.err().includes('lost the connection that holds the lease'),
      );
      await until('the standby losing the database', () =>
        second.err().includes('standing by: cannot reach the database'),
      );
      relay.mend();
      const after = server.pushMessage({ chatId: GROUP, text: '/hoanthanh Việc sau khi có lại', from: lan });
      await until(
        'a command saved again',
        () => answersTo(after.message.message_id).some((t) => t.includes('Đã lưu')),
        40_000,
      );
      expect(await first.role()).toBe('active');
      expect(await second.role()).toBe('standby');
      await until('the standby following again', async () => (await second.seq()) === (await first.seq()));
      expect(first.err()).not.toContain('no longer the active one');

      first.child.kill('SIGTERM');
      second.child.kill('SIGTERM');
      // A failure shows the end of the instance's log.
      expect(await first.exited, first.err().slice(-4000)).toBe(0);
      expect(await second.exited, second.err().slice(-4000)).toBe(0);
      const store = await readPostgresStore({ url: database.url, schema });
      expect(store.entries.map((e) => e.text)).toEqual(['Việc sau khi có lại']);
      await store.close();
    } finally {
      await relay.close();
    }
  }, 90_000);

  it('an active instance frozen is replaced, and when it comes back it writes nothing and says so', async () => {
    const first = await start();
    await until('the first instance active', async () => (await first.role()) === 'active');
    const second = await start();
    await until('the second instance standing by', async () => (await second.role()) === 'standby');
    const joined = server.pushMessage({ chatId: GROUP, text: '/dangky Nguyễn Thị Lan | vp', from: lan });
    await until('the registration answered', () => answersTo(joined.message.message_id).length > 0);

    first.child.kill('SIGSTOP');
    const frozenAt = Date.now();
    await until('the second instance active', async () => (await second.role()) === 'active', 30_000);
    expect(Date.now() - frozenAt).toBeLessThan(15_000);
    const during = server.pushMessage({
      chatId: GROUP,
      text: '/hoanthanh Việc trong lúc thay ca',
      from: lan,
    });
    await until('the new active instance answering', () =>
      answersTo(during.message.message_id).some((t) => t.includes('Đã lưu')),
    );

    first.child.kill('SIGCONT');
    await until('the first instance saying it was replaced', () =>
      first.err().includes('no longer the active one'),
    );
    await until('the first instance standing by', async () => (await first.role()) === 'standby');
    const after = server.pushMessage({ chatId: GROUP, text: '/hoanthanh Việc sau khi quay lại', from: lan });
    await until('the message answered', () =>
      answersTo(after.message.message_id).some((t) => t.includes('Đã lưu')),
    );

    second.child.kill('SIGTERM');
    first.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(await first.exited).toBe(0);
    const store = await readPostgresStore({ url: database.url, schema });
    expect(store.entries.map((e) => e.text)).toEqual(['Việc trong lúc thay ca', 'Việc sau khi quay lại']);
    await store.close();
  }, 90_000);
});
