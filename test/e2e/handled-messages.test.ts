import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/agency.js';
import { TelegramHarness } from '../helpers/telegram.js';

/**
 * A message Telegram hands out again (a redelivery after a crash, a takeover) changes nothing twice —
 * now that the entries' messages are found in the entry table's hash of its sources, hashed at the
 * first question and then as each is written, instead of in a map of every message since the start
 * (issue 26: a week of writers at a province held ~4 MB there). Before a restart, after one (the
 * journal read again), and after a compaction (the snapshot alone).
 */
const ADMIN = 900001;
let dir: { dir: string; cleanup: () => Promise<void> };
let tg: TelegramHarness;
const now = new Date('2026-11-16T03:00:00Z');
const later = new Date('2026-11-25T03:00:00Z');
const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const admin = () => tg.user(ADMIN, 'Toàn', { username: 'toan_vp' });
const handled = (code?: string) =>
  code
    ? `Tin nhắn này đã được xử lý trước đó (${code}); không ghi lại lần nữa.`
    : 'Tin nhắn này đã được xử lý trước đó; không ghi lại lần nữa.';
/** Each message the store holds, by its id, and what a redelivery of it is answered. */
const sent: { messageId: number; text: string; from: 'lan' | 'admin'; answer: string }[] = [];

async function sendOnce(from: 'lan' | 'admin', text: string, messageId: number, code?: string) {
  const replies = await tg.send(from === 'lan' ? lan() : admin(), text, { messageId });
  if (code) expect(replies.map((r) => r.text).join('\n')).toContain(code);
  sent.push({ messageId, text, from, answer: handled(code) });
}

async function redeliverAll() {
  const count = tg.store.state.entries.count;
  for (const { messageId, text, from, answer } of sent) {
    const replies = await tg.send(from === 'lan' ? lan() : admin(), text, { messageId });
    expect(replies.map((r) => r.text)).toEqual([answer]);
  }
  expect(tg.store.state.entries.count).toBe(count);
}

beforeAll(async () => {
  dir = await tempDir();
  tg = await TelegramHarness.create({ admins: [ADMIN], now, dataDir: dir.dir });
  await sendOnce('lan', '/dangky Nguyễn Thị Lan | vp', 11);
  await sendOnce('lan', '/viectot Hiến máu tình nguyện tại cơ quan', 12, 'VT1');
  await sendOnce('admin', '/huy VT1 Ghi nhầm người', 13, 'VT1');
});

afterAll(async () => {
  await tg.close();
  await dir.cleanup();
});

describe('a message delivered again', () => {
  it('is answered as handled, and changes nothing, while the bot runs', async () => {
    expect(tg.store.entry('VT1')?.status).toBe('withdrawn');
    // Many written after the first question: the hash of the sources grows as they come.
    for (let i = 0; i < 40; i += 1) {
      // Ten a day at most (the daily cap): a day later every eight.
      if (i % 8 === 7) tg.now = new Date(tg.now.getTime() + 86_400_000);
      await sendOnce('lan', `/viectot Việc tốt thứ ${i} giúp đồng nghiệp`, 100 + i, `VT${i + 2}`);
    }
    await redeliverAll();
  });

  it('is answered as handled after a restart (the journal read again)', async () => {
    await tg.close();
    tg = await TelegramHarness.create({ admins: [ADMIN], now: later, dataDir: dir.dir });
    await redeliverAll();
    await sendOnce('lan', '/viectot Việc tốt sau khi khởi động lại', 200, 'VT42');
    await redeliverAll();
  });

  it('is answered as handled after a compaction (the snapshot alone) and a restart', async () => {
    await tg.store.compact();
    await tg.close();
    tg = await TelegramHarness.create({ admins: [ADMIN], now: later, dataDir: dir.dir });
    await redeliverAll();
    expect(tg.store.state.entries.count).toBe(42);
  });
});
