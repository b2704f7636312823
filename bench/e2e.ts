// Child process: end to end through grammY, on a copy of a generated store. The bot is built exactly as
// `npm start` builds it (createTelegramBot + Router + the real commands and Store), with `{ botInfo }`
// and an API transformer that answers every call locally (grammY's test seam); updates go in through
// bot.handleUpdate. Latency runs from handleUpdate's start to the moment the reply leaves the bot (the
// transformer's sendMessage call).
// Usage: node --import tsx bench/e2e.ts STORE_JSON WORKDIR
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
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
  type E2ePhase,
  emit,
  GROUP_ID,
  latencyStats,
  agency as loadAgency,
  NOW,
  note,
  pick,
  rng,
} from './common.js';
import { entryText } from './data.js';

const [storeJson, workdir] = process.argv.slice(2);
if (!storeJson || !workdir) throw new Error('usage: e2e.ts STORE_JSON WORKDIR');

const SEQUENTIAL_UPDATES = Number(process.env.BENCH_E2E_SEQUENTIAL ?? 1500);
const CONCURRENT_UPDATES = Number(process.env.BENCH_E2E_CONCURRENT ?? 3000);
const PHASE_BUDGET_MS = 10_000;
/** The bot's clock moves 2 minutes per command, so 80 users stay under the 10-entries-a-day limit. */
const CLOCK_STEP_MS = 2 * 60_000;
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
await copyFile(storeJson, join(workdir, STORE_FILE));
const agency = loadAgency();
const config = createConfig(
  { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_GROUP_ID: String(GROUP_ID), DATA_DIR: workdir, BOT_LOCALE: 'vi' },
  agency,
);
// Production's level ("info": one line per command), written nowhere.
const logger = createLogger('info', [], { write() {} });
const openStarted = performance.now();
const store = await Store.open(workdir, { logger });
note(
  `e2e: store of ${store.state.entries.count} entries opened in ${(performance.now() - openStarted).toFixed(0)} ms`,
);
let clockCalls = 0;
const app = createApp(config, {
  store,
  logger,
  clock: () => new Date(NOW.getTime() + clockCalls++ * CLOCK_STEP_MS),
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
const transformer: Transformer<RawApi> = async (_prev, method, payload) => {
  const now = performance.now();
  const p = (payload ?? {}) as Record<string, unknown>;
  if (method === 'sendMessage') {
    const replyTo = (p.reply_parameters as { message_id?: number } | undefined)?.message_id;
    const flight = replyTo === undefined ? undefined : inFlight.get(replyTo);
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
  // biome-ignore lint/suspicious/noExplicitAny: the transformer answers for every method
  return { ok: true, result: true } as any;
};
bot.api.config.use(transformer);
for (const platform of app.platforms) await platform.start(app.host);

const members: readonly Member[] = store.members;
const random = rng(47);
let updateId = 1;
// Above every message id the generated store used (its sources are telegram:GROUP:10001…), so no
// update is taken for a message delivered twice.
let messageId = 10_000_000;

function nextUpdate(): { update: Update; command: string; id: number } {
  const member = pick(random, members);
  const userId = Number(member.identities[0]?.split(':')[1]);
  const x = random();
  let text: string;
  let command: string;
  const entities: MessageEntity[] = [];
  if (x < 0.4) {
    command = 'viectot';
    let other = pick(random, members);
    if (other.id === member.id) other = members[(members.indexOf(member) + 1) % members.length] as Member;
    text = `/viectot ${entryText(random, 'deed', other).text}`;
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
  const update = {
    update_id: updateId++,
    message: {
      message_id: id,
      date: Math.floor(NOW.getTime() / 1000),
      chat: { id: GROUP_ID, type: 'supergroup', title: 'Ban Tổ chức Tỉnh ủy' },
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
  return { update, command, id };
}

function classify(reply: string | undefined): string {
  if (reply === undefined) return 'no reply';
  if (reply.startsWith('✅ Đã lưu')) return 'saved';
  if (reply.startsWith('🏆')) return 'leaderboard';
  if (reply.startsWith('<b>Ghi nhận của')) return 'mine';
  if (reply.startsWith('Hôm nay bạn đã ghi')) return 'daily limit';
  return 'other';
}

async function phase(mode: string, concurrency: number, total: number): Promise<E2ePhase> {
  const latencies: number[] = [];
  const byCommand: Record<string, number[]> = {};
  const replies: Record<string, number> = {};
  const otherReplies: string[] = [];
  let started = 0;
  const start = performance.now();
  const deadline = start + PHASE_BUDGET_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total && performance.now() < deadline) {
        started += 1;
        const { update, command, id } = nextUpdate();
        const flight: InFlight = { started: performance.now(), command };
        inFlight.set(id, flight);
        await bot.handleUpdate(update);
        inFlight.delete(id);
        const kind = classify(flight.reply);
        replies[kind] = (replies[kind] ?? 0) + 1;
        if (kind === 'other' && otherReplies.length < 3)
          otherReplies.push(String(flight.reply).slice(0, 200));
        if (flight.sentAt !== undefined) {
          const latency = flight.sentAt - flight.started;
          latencies.push(latency);
          const own = byCommand[command] ?? [];
          own.push(latency);
          byCommand[command] = own;
        }
      }
    }),
  );
  const elapsedMs = performance.now() - start;
  return {
    mode,
    inFlight: concurrency,
    updates: started,
    elapsedMs,
    perSecond: started / (elapsedMs / 1000),
    latency: latencyStats(latencies),
    byCommand: Object.fromEntries(Object.entries(byCommand).map(([k, v]) => [k, latencyStats(v)])),
    replies,
    otherReplies,
  };
}

// Warm-up (JIT, first-use caches such as Intl.Collator), not measured.
await phase('warm-up', 1, 60);
const sequential = await phase('sequential (as bot.start processes updates)', 1, SEQUENTIAL_UPDATES);
note(
  `e2e sequential: ${sequential.perSecond.toFixed(0)} updates/s, p50 ${sequential.latency.p50.toFixed(2)} ms, p99 ${sequential.latency.p99.toFixed(2)} ms`,
);
const concurrent = await phase(
  `concurrent (${CONCURRENT_USERS} in flight, as @grammyjs/runner)`,
  CONCURRENT_USERS,
  CONCURRENT_UPDATES,
);
note(
  `e2e concurrent: ${concurrent.perSecond.toFixed(0)} updates/s, p50 ${concurrent.latency.p50.toFixed(2)} ms, p99 ${concurrent.latency.p99.toFixed(2)} ms`,
);
const cachedNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const periodOfNow = periodContaining('week', new Date(NOW.getTime() + clockCalls * CLOCK_STEP_MS));

// Per-call cost of the helpers every one of these commands goes through (see the report's analysis).
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
  't.points(n) [locales/vi.ts num → toLocaleString]': perCallMicros(() => t.points(clockCalls % 97)),
  'Intl.NumberFormat cached .format (for comparison)': perCallMicros(() =>
    cachedNumber.format(clockCalls % 97),
  ),
  'rankMembers over the current week [core/scoring.ts]': perCallMicros(() => {
    const week = periodOfNow;
    return rankMembers(store.entriesBetween(week.start, week.end), store.members, agency.review.mode);
  }, 500),
};
const entries = store.state.entries.count;
await store.close();
emit({ entries, sequential, concurrent, microseconds });
