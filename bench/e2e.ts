// Child process: the bot end to end through grammY, on a copy of a generated store. The bot is built
// exactly as `npm start` builds it (createApp: Telegram platform, Router, the real commands, Store, the
// report process), with `{ botInfo }` and an API transformer that answers every call locally (grammY's
// test seam); updates go in through bot.handleUpdate. A command's latency runs from handleUpdate's
// start to the moment its answer leaves the bot (the transformer's sendMessage call) — its durable
// write included. Phases: a sequential mix; /viectot alone, sequential; 50 writers at once (each in
// their own chat, as Telegram's runner handles different chats at once; and all in the group, which
// grammY's runner handles in order); and the year's report files asked for while 50 writers go on.
// Usage: node e2e.js STORE_SNAPSHOT WORKDIR
import { readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import type { RawApi, Transformer } from 'grammy';
import type { MessageEntity, Update, UserFromGetMe } from 'grammy/types';
import { createApp } from '../bot/app.js';
import { createConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import type { TelegramPlatform } from '../bot/telegram/platform.js';
import type { Member } from '../core/domain.js';
import { dayContaining, periodContaining } from '../core/periods.js';
import { rankMembers } from '../core/scoring.js';
import { locales } from '../locales/index.js';
import { STORE_FILE, Store } from '../storage/store.js';
import {
  CONCURRENT_USERS,
  childPids,
  childRssPeak,
  type E2ePhase,
  emit,
  GROUP_ID,
  latencyStats,
  agency as loadAgency,
  loopWatch,
  mb,
  NOW,
  note,
  pick,
  rng,
  rssPeak,
} from './common.js';
import { entryText } from './data.js';

const [snapshot, workdir] = process.argv.slice(2);
if (!snapshot || !workdir) throw new Error('usage: e2e.js STORE_SNAPSHOT WORKDIR');

const QUICK = process.env.BENCH_QUICK === '1';
const SEQUENTIAL_UPDATES = Number(process.env.BENCH_E2E_SEQUENTIAL ?? (QUICK ? 600 : 1500));
const VIECTOT_UPDATES = Number(process.env.BENCH_E2E_VIECTOT ?? (QUICK ? 400 : 1000));
const CONCURRENT_UPDATES = Number(process.env.BENCH_E2E_CONCURRENT ?? (QUICK ? 1500 : 3000));
const PHASE_BUDGET_MS = 10_000;
/**
 * The bot's clock starts at the bench's NOW (Wednesday of the store's last week) and moves on at the
 * store's own pace: a week for every (entries a year ÷ 52) commands. So the entries the bench writes
 * make weeks as large as the store's (each command ranks a realistic week), not one ever-growing
 * week. The daily cap is raised so no writer is refused (a refusal skips the write, and would flatter
 * the figures).
 */
const WEEK_MS = 7 * 86_400_000;
const STORE_YEAR = NOW.getUTCFullYear();
const CLOCK_STEP_MS = (size: number) => WEEK_MS / Math.max(1, size / 52);
const TOKEN = '123456789:AAExampleTokenForBenchmarkOnly_0123456';
const BOT_INFO = {
  id: 123456789,
  is_bot: true,
  first_name: 'Thi đua',
  username: 'thidua_bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: true,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

await mkdir(workdir, { recursive: true });
await copyFile(snapshot, join(workdir, STORE_FILE));
const agency = { ...loadAgency(), limits: { ...loadAgency().limits, entriesPerDay: 1_000_000 } };
const openStarted = performance.now();
// BENCH_COMPACT_AFTER (default: the store's own) shows what the compactions cost the commands.
const compactAfter = process.env.BENCH_COMPACT_AFTER ? Number(process.env.BENCH_COMPACT_AFTER) : undefined;
const store = await Store.open(workdir, {
  logger: createLogger('warn', [], { write() {} }),
  ...(compactAfter ? { compactAfter } : {}),
});
note(
  `e2e: store of ${store.state.entries.count} entries opened in ${(performance.now() - openStarted).toFixed(0)} ms`,
);
/**
 * BENCH_E2E_MEMORY=1: notes the process's memory at each phase's end (RSS against V8's heap and the
 * buffers outside it, to tell what holds the pages); BENCH_E2E_HEAP=DIR also writes a heap snapshot there.
 */
const MEMORY = process.env.BENCH_E2E_MEMORY === '1';
/**
 * Linux: the process's resident pages by kind of mapping (/proc/self/smaps) — the program's files,
 * the C heap (brk), V8's pages (anonymous mappings of 256 KB, its code space and large objects beside
 * them: all anonymous mappings under 64 MB), and the C library's other arenas (anonymous mappings of
 * 64 MB, reserved by the threads that malloc: the thread pool's fs writes, the socket's).
 */
function residentByKind(): string {
  let text: string;
  try {
    text = readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return '';
  }
  const kinds: Record<string, number> = {};
  let kind = '';
  for (const line of text.split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const size = Number.parseInt(head[2] as string, 16) - Number.parseInt(head[1] as string, 16);
      const name = head[3] ?? '';
      kind = name.startsWith('/')
        ? 'files'
        : name === '[heap]'
          ? 'brk'
          : name === ''
            ? size >= 64 * 2 ** 20 - 2 ** 20
              ? 'arenas'
              : 'anonymous'
            : 'other';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) kinds[kind] = (kinds[kind] ?? 0) + Number(rss[1]) / 1024;
  }
  return Object.entries(kinds)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(', ');
}
function memory(label: string): void {
  if (!MEMORY) return;
  const m = process.memoryUsage();
  note(
    `e2e memory ${label}: rss ${mb(m.rss).toFixed(0)} MB, heap used ${mb(m.heapUsed).toFixed(0)} of ${mb(m.heapTotal).toFixed(0)} MB, external ${mb(m.external).toFixed(0)} MB (array buffers ${mb(m.arrayBuffers).toFixed(0)}); resident MB: ${residentByKind()}`,
  );
  const dir = process.env.BENCH_E2E_HEAP;
  if (dir) writeHeapSnapshot(join(dir, `e2e-${label.replace(/\W+/g, '-')}.heapsnapshot`));
  // With --expose-gc: the same once a full collection has run (what V8 holds that is garbage).
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    const after = process.memoryUsage();
    note(
      `e2e memory ${label} after a full GC: rss ${mb(after.rss).toFixed(0)} MB, heap used ${mb(after.heapUsed).toFixed(0)} of ${mb(after.heapTotal).toFixed(0)} MB`,
    );
  }
}
memory('opened');
/**
 * BENCH_E2E_GAPS=MS: notes every stall of the event loop longer than MS ms, with the phase it fell in
 * and its start on the monotonic clock in µs (the clock of a `--cpu-prof` profile's samples), to find
 * what ran then.
 */
let stage = 'start';
const gapsOver = Number(process.env.BENCH_E2E_GAPS ?? 0);
function enter(name: string): void {
  stage = name;
  if (gapsOver > 0) note(`e2e stage ${name} at ${process.hrtime.bigint() / 1000n} µs`);
}
if (gapsOver > 0) {
  // Linux: the main thread's time on a CPU and waiting for one (ns), to tell work from a busy machine.
  const sched = () => {
    try {
      return readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    } catch {
      return [0, 0];
    }
  };
  let last = process.hrtime.bigint();
  let lastSched = sched();
  const tick = () => {
    const now = process.hrtime.bigint();
    const nowSched = sched();
    const ms = Number(now - last) / 1e6;
    if (ms > gapsOver) {
      const [cpu, wait] = nowSched.map((v, i) => ((v - (lastSched[i] ?? 0)) / 1e6).toFixed(1));
      note(
        `e2e gap ${ms.toFixed(1)} ms in ${stage} at ${last / 1000n} µs (on a CPU ${cpu} ms, waiting for one ${wait} ms)`,
      );
    }
    last = now;
    lastSched = nowSched;
    setTimeout(tick, 1).unref();
  };
  setTimeout(tick, 1).unref();
}
const clockStep = CLOCK_STEP_MS(store.state.entries.count);
const members: readonly Member[] = store.members;
const admin = members[0] as Member;
const writerPool = members.filter((m) => m.id !== admin.id);
const telegramId = (m: Member) => Number(m.identities[0]?.split(':')[1]);
const config = createConfig(
  {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_GROUP_ID: String(GROUP_ID),
    TELEGRAM_ADMIN_IDS: String(telegramId(admin)),
    DATA_DIR: workdir,
    BOT_LOCALE: 'vi',
  },
  agency,
);
// Production's level ("info": one line per command), written nowhere.
const logger = createLogger('info', [], { write() {} });
let clockCalls = 0;
const app = createApp(config, {
  store,
  logger,
  clock: () => new Date(NOW.getTime() + clockCalls++ * clockStep),
  telegram: { botInfo: BOT_INFO, polling: false },
  backupCheckMs: 0,
});
const bot = (app.platforms[0] as TelegramPlatform).bot;

interface InFlight {
  started: number;
  command: string;
  sentAt?: number;
  reply?: string;
}
const inFlight = new Map<number, InFlight>();
let documentsSent: { at: number; bytes: number }[] = [];
const transformer: Transformer<RawApi> = async (_prev, method, payload) => {
  const now = performance.now();
  const p = (payload ?? {}) as Record<string, unknown>;
  if (method === 'sendMessage') {
    const replyTo = (p.reply_parameters as { message_id?: number } | undefined)?.message_id;
    const flight = replyTo === undefined ? inFlight.get(Number(p.chat_id)) : inFlight.get(replyTo);
    if (flight && flight.sentAt === undefined) {
      flight.sentAt = now;
      flight.reply = String(p.text);
    }
    const result = {
      message_id: 1,
      date: 0,
      chat: { id: Number(p.chat_id), type: 'supergroup' },
      text: p.text,
    };
    // biome-ignore lint/suspicious/noExplicitAny: the transformer answers for every method
    return { ok: true, result } as any;
  }
  if (method === 'sendDocument') {
    const file = p.document as { fileData?: Buffer } | undefined;
    documentsSent.push({ at: now, bytes: file?.fileData?.length ?? 0 });
    // biome-ignore lint/suspicious/noExplicitAny: the transformer answers for every method
    return { ok: true, result: { message_id: 2, date: 0, chat: { id: Number(p.chat_id) } } } as any;
  }
  if (method === 'getChatMember') {
    // biome-ignore lint/suspicious/noExplicitAny: the transformer answers for every method
    return { ok: true, result: { status: 'member', user: { id: Number(p.user_id) } } } as any;
  }
  // biome-ignore lint/suspicious/noExplicitAny: the transformer answers for every method
  return { ok: true, result: true } as any;
};
bot.api.config.use(transformer);
for (const platform of app.platforms) await platform.start(app.host);

const random = rng(47);
let updateId = 1;
// Above every message id the generated store used (its sources are telegram:GROUP:10001…), so no
// update is taken for a message delivered twice.
let messageId = 10_000_000;

type Where = 'group' | 'private';
type Mix = 'mix' | 'viectot';

function nextUpdate(mix: Mix, where: Where, member = pick(random, members)) {
  const userId = telegramId(member);
  const x = mix === 'viectot' ? 0 : random();
  let text: string;
  let command: string;
  const entities: MessageEntity[] = [];
  if (x < 0.4) {
    command = 'viectot';
    let other = pick(random, members);
    if (other.id === member.id) other = members[(members.indexOf(member) + 1) % members.length] as Member;
    // A numbered occasion makes each text new: the generator's pool repeats, and a member who sends
    // the same text twice in a day is asked whether it is the same deed — a prompt, not a write.
    text = `/viectot ${entryText(random, 'deed', other).text} (đợt ${messageId - 9_999_999})`;
    const at = text.indexOf('@');
    if (at !== -1)
      entities.push({ type: 'mention', offset: at, length: text.slice(at).split(/\s/, 1)[0]?.length ?? 0 });
  } else if (x < 0.7) {
    command = 'bangxephang';
    text = '/bangxephang';
  } else {
    command = 'cuatoi';
    text = '/cuatoi';
  }
  entities.unshift({ type: 'bot_command', offset: 0, length: command.length + 1 });
  const id = messageId++;
  const chat =
    where === 'group'
      ? { id: GROUP_ID, type: 'supergroup', title: 'Ban Tổ chức Tỉnh ủy' }
      : { id: userId, type: 'private', first_name: 'x' };
  const update = {
    update_id: updateId++,
    message: {
      message_id: id,
      date: Math.floor(NOW.getTime() / 1000),
      chat,
      from: {
        id: userId,
        is_bot: false,
        first_name: member.fullName.split(' ').at(-1) ?? 'x',
        ...(member.username ? { username: member.username } : {}),
        language_code: 'vi',
      },
      text,
      entities,
    },
  } as Update;
  // In private the answer is not a reply: it is found by its chat.
  return { update, command, key: where === 'group' ? id : userId };
}

function classify(reply: string | undefined): string {
  if (reply === undefined) return 'no reply';
  if (reply.startsWith('✅ Đã lưu')) return 'saved';
  if (reply.startsWith('🏆')) return 'leaderboard';
  if (reply.startsWith('<b>Ghi nhận của')) return 'mine';
  if (reply.startsWith('Hôm nay bạn đã ghi')) return 'daily limit';
  return 'other';
}

/**
 * `concurrency` users at once, each waiting for their answer before sending the next, until `total`
 * updates or the time budget. In private, user i always writes from members[i] (one chat each).
 */
async function phase(
  mode: string,
  concurrency: number,
  total: number,
  mix: Mix,
  where: Where,
  until?: () => boolean,
): Promise<E2ePhase> {
  const latencies: number[] = [];
  const byCommand: Record<string, number[]> = {};
  const replies: Record<string, number> = {};
  const otherReplies: string[] = [];
  let started = 0;
  enter(mode);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const deadline = start + PHASE_BUDGET_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      // Not the admin: their private chat receives the report files meanwhile.
      const own = where === 'private' ? (writerPool[lane % writerPool.length] as Member) : undefined;
      while (until ? !until() : started < total && performance.now() < deadline) {
        started += 1;
        const { update, command, key } = nextUpdate(mix, where, own);
        const flight: InFlight = { started: performance.now(), command };
        inFlight.set(key, flight);
        await bot.handleUpdate(update);
        inFlight.delete(key);
        const kind = classify(flight.reply);
        replies[kind] = (replies[kind] ?? 0) + 1;
        if (kind === 'other' && otherReplies.length < 3)
          otherReplies.push(String(flight.reply).slice(0, 200));
        if (flight.sentAt !== undefined) {
          const latency = flight.sentAt - flight.started;
          latencies.push(latency);
          const list = byCommand[command] ?? [];
          list.push(latency);
          byCommand[command] = list;
        }
      }
    }),
  );
  const elapsedMs = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  return {
    mode,
    inFlight: concurrency,
    updates: started,
    elapsedMs,
    perSecond: started / (elapsedMs / 1000),
    cpuMsPerUpdate: (user + system) / 1000 / started,
    latency: latencyStats(latencies),
    byCommand: Object.fromEntries(Object.entries(byCommand).map(([k, v]) => [k, latencyStats(v)])),
    replies,
    otherReplies,
  };
}

function report(p: E2ePhase) {
  note(
    `e2e ${p.mode}: ${p.perSecond.toFixed(0)} updates/s (CPU ${p.cpuMsPerUpdate?.toFixed(2)} ms each), p50 ${p.latency.p50.toFixed(2)} ms, p99 ${p.latency.p99.toFixed(2)} ms, max ${p.latency.max.toFixed(1)} ms`,
  );
  return p;
}

// Warm-up (JIT, first-use caches such as Intl.Collator), not measured.
await phase('warm-up', 1, 60, 'mix', 'group');
memory('warm-up');
const sequential = report(await phase('sequential mix', 1, SEQUENTIAL_UPDATES, 'mix', 'group'));
memory('sequential mix');
const viectot = report(await phase('/viectot, sequential', 1, VIECTOT_UPDATES, 'viectot', 'group'));
memory('viectot');
// The event loop's longest gap while 50 writers go on alone: the baseline for the same with a report.
const writersWatch = loopWatch();
const writersApart = {
  ...report(
    await phase(
      `${CONCURRENT_USERS} writers, each in their own chat`,
      CONCURRENT_USERS,
      CONCURRENT_UPDATES,
      'viectot',
      'private',
    ),
  ),
  eventLoopBlockedMaxMs: writersWatch.stop(),
};
const writersInGroup = report(
  await phase(
    `${CONCURRENT_USERS} writers in the group`,
    CONCURRENT_USERS,
    CONCURRENT_UPDATES,
    'viectot',
    'group',
  ),
);

// ---- the year's report files: alone, then while 50 writers go on ------------------------------------------
// One request each; the files are counted when both are sent. The watch and the RSS sampling start
// before the request.
const adminId = telegramId(admin);
/**
 * The bot's RSS once the report process has ended (it stays 2 s idle, then exits): the memory a report
 * took is the child's, and goes with it. Null if it is still there after 20 s.
 */
async function rssAfterReport(): Promise<number | null> {
  for (let waited = 0; childPids().length > 0; waited += 50) {
    if (waited > 20_000) return null;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return mb(process.memoryUsage.rss());
}

async function yearFiles(withWriters: boolean, text = `/tonghop nam ${STORE_YEAR} file`, files = 2) {
  const rssBefore = mb(process.memoryUsage.rss());
  enter(text);
  documentsSent = [];
  const watch = loopWatch();
  const peak = rssPeak();
  const childPeak = childRssPeak();
  const asked = performance.now();
  const request = bot.handleUpdate({
    update_id: updateId++,
    message: {
      message_id: messageId++,
      date: Math.floor(NOW.getTime() / 1000),
      chat: { id: adminId, type: 'private', first_name: 'Admin' },
      from: { id: adminId, is_bot: false, first_name: 'Admin', language_code: 'vi' },
      // The store's year by name: the bot's clock moves on with the commands, past the year's end at 25k.
      text,
      entities: [{ type: 'bot_command', offset: 0, length: text.indexOf(' ') }],
    },
  } as Update);
  const handledMs = await request.then(() => performance.now() - asked);
  const writers = withWriters
    ? report(
        await phase(
          `${CONCURRENT_USERS} writers while the year's files are built`,
          CONCURRENT_USERS,
          Number.POSITIVE_INFINITY,
          'viectot',
          'private',
          () => documentsSent.length >= files,
        ),
      )
    : null;
  await app.idle();
  const ms = (documentsSent.at(-1)?.at ?? performance.now()) - asked;
  const result = {
    ms,
    handledMs,
    eventLoopBlockedMaxMs: watch.stop(),
    rssBeforeMB: rssBefore,
    rssPeakMB: peak.stop(),
    childRssPeakMB: childPeak.stop(),
    bytes: documentsSent.map((d) => d.bytes),
    writers,
    rssAfterMB: await rssAfterReport(),
  };
  note(
    `e2e ${text}${withWriters ? ' with writers' : ''}: ${ms.toFixed(0)} ms, event loop held at most ${result.eventLoopBlockedMaxMs.toFixed(1)} ms, bot's RSS ${rssBefore.toFixed(0)} → peak ${result.rssPeakMB.toFixed(0)} → ${result.rssAfterMB?.toFixed(0) ?? '?'} MB once the report process ended; its peak ${result.childRssPeakMB.toFixed(0)} MB`,
  );
  return result;
}
memory('writers');
const reportAlone = await yearFiles(false);
memory('year files');
const reportWithWriters = await yearFiles(true);
memory('year files with writers');
const reportFiles = {
  ...reportAlone,
  writers: reportWithWriters.writers as E2ePhase,
  withWriters: reportWithWriters,
};
// Every achievement draft of the year in one zip (one file): the heaviest report there is.
const allDrafts =
  process.env.BENCH_ZIP === '0' ? null : await yearFiles(false, `/baocaothanhtich ${STORE_YEAR} tatca`, 1);
memory('all drafts');

const cachedNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const periodOfNow = periodContaining('week', new Date(NOW.getTime() + clockCalls * clockStep));
// Per-call cost of the helpers every one of these commands goes through.
function perCallMicros(fn: () => unknown, calls = 2000): number {
  for (let i = 0; i < 50; i += 1) fn();
  const start = performance.now();
  for (let i = 0; i < calls; i += 1) fn();
  return ((performance.now() - start) * 1000) / calls;
}
const t = locales.vi;
const microseconds = {
  'periodContaining(week) [core/periods.ts]': perCallMicros(() => periodContaining('week', NOW)),
  'dayContaining [core/periods.ts]': perCallMicros(() => dayContaining(NOW)),
  't.points(n) [locales/vi.ts]': perCallMicros(() => t.points(clockCalls % 97)),
  'Intl.NumberFormat cached .format (for comparison)': perCallMicros(() =>
    cachedNumber.format(clockCalls % 97),
  ),
  'entriesBetween(this week) [storage: rows → Entry objects]': perCallMicros(
    () => store.entriesBetween(periodOfNow.start, periodOfNow.end),
    500,
  ),
  'rankMembers over the current week [core/scoring.ts]': perCallMicros(() => {
    const week = periodOfNow;
    return rankMembers(store.entriesBetween(week.start, week.end), store.members, agency.review.mode);
  }, 500),
};
const entries = store.state.entries.count;
await app.stop();
emit({ entries, sequential, viectot, writersApart, writersInGroup, reportFiles, allDrafts, microseconds });
