import { type FileHandle, open } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Seen, TelegramHarness } from '../helpers/telegram.js';

let tg: TelegramHarness;
const lan = () => tg.user(1001, 'Lan');
const only = (seen: Seen[]): Seen => {
  expect(seen).toHaveLength(1);
  return seen[0] as Seen;
};

beforeEach(async () => {
  tg = await TelegramHarness.create();
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
});
afterEach(async () => {
  await tg.close();
});

describe('a disk that refuses writes, seen by a user', () => {
  it('answers that nothing was saved, keeps what was acknowledged, and works again afterwards', async () => {
    expect(only(await tg.send(lan(), '/viectot Việc đã lưu')).text).toContain('mã VT1');
    // The journal's file handle now writes to /dev/full, which answers every write with ENOSPC.
    const journal = Reflect.get(tg.store, 'journal') as object;
    const real = Reflect.get(journal, 'handle') as FileHandle;
    const full = await open('/dev/full', 'r+');
    Reflect.set(journal, 'handle', full);
    const refused = only(await tg.send(lan(), '/viectot Việc khi đĩa đầy'));
    expect(refused.text).toContain('máy chủ không ghi được dữ liệu lúc này nên chưa lưu gì cả');
    expect(only(await tg.send(lan(), '/bangxephang')).text).toContain(
      '1. Nguyễn Thị Lan (Văn phòng Ban) — 2 điểm',
    );
    expect(
      tg.logs().some((l) => l.msg === 'store write failed' && String(JSON.stringify(l)).includes('ENOSPC')),
    ).toBe(true);
    Reflect.set(journal, 'handle', real);
    await full.close();
    expect(only(await tg.send(lan(), '/viectot Việc sau khi đĩa trống')).text).toContain('mã VT2');
    expect(tg.store.entries.map((e) => e.text)).toEqual(['Việc đã lưu', 'Việc sau khi đĩa trống']);
  });
});
