import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakePlatform } from '../helpers/fake-platform.js';
import { GROUP_ID, type Seen, TelegramHarness } from '../helpers/telegram.js';

let tg: TelegramHarness;
let other: FakePlatform;
const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });

/** The same person on a second platform (a fake one, in the same app, as Zalo would be). */
async function elsewhere(text: string, id = 'lan'): Promise<string[]> {
  return (await other.send(id, text, { name: 'Lan' })).map((s) => s.text);
}

const codeIn = (seen: Seen[]) => /Mã liên kết: (\d{6})/.exec(seen[0]?.text ?? '')?.[1] as string;

beforeEach(async () => {
  other = new FakePlatform('console');
  tg = await TelegramHarness.create({ platforms: [other] });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
});
afterEach(async () => {
  await tg.close();
});

describe('linking one person’s accounts on two platforms', () => {
  it('joins an unregistered account to the profile: points from both add up', async () => {
    await tg.send(lan(), '/viectot Hiến máu tình nguyện');
    const asked = await tg.send(lan(), '/lienket', { inPrivate: true });
    const code = codeIn(asked);
    expect(asked[0]?.text).toContain(`Trên nền tảng kia (Telegram hoặc Zalo), gửi: /lienket ${code}`);
    expect(await elsewhere(`/lienket ${code}`)).toEqual([
      '🔗 Đã liên kết: tài khoản này và hồ sơ Nguyễn Thị Lan là một; điểm được cộng chung.',
    ]);
    await elsewhere('/hoanthanh Báo cáo quý IV #dotxuat');
    expect(tg.store.members).toHaveLength(1);
    expect(tg.store.members[0]?.identities).toEqual(['telegram:1001', 'console:lan']);
    expect((await tg.send(lan(), '/cuatoi'))[0]?.text).toContain('Tổng: 4 điểm từ 2 mục được tính.');
    expect((await elsewhere('/cuatoi'))[0]).toContain('Tổng: 4 điểm từ 2 mục được tính.');
  });

  it('merges a profile registered separately on the other platform, entries included', async () => {
    await tg.send(lan(), '/viectot Việc tốt trên Telegram');
    // The same name is refused (it could be someone else's): the way to join is /lienket.
    expect((await elsewhere('/dangky Nguyễn Thị Lan | vp'))[0]).toContain('/lienket');
    await elsewhere('/dangky Nguyễn Thị Lan (VP) | vp');
    await elsewhere('/sangkien Sáng kiến trên nền tảng kia #cntt');
    expect(tg.store.members).toHaveLength(2);
    const code = codeIn(await tg.send(lan(), '/lienket', { inPrivate: true }));
    const reply = await elsewhere(`/lienket ${code}`);
    expect(reply[0]).toContain('Đã liên kết');
    expect(reply[0]).toContain('Đã gộp 1 mục ghi nhận trước đây vào hồ sơ.');
    expect(tg.store.members).toHaveLength(1);
    expect((await tg.send(lan(), '/cuatoi'))[0]?.text).toContain('Tổng: 7 điểm từ 2 mục được tính.');
    expect((await tg.send(lan(), '/bangxephang'))[0]?.text).toContain(
      '1. Nguyễn Thị Lan (Văn phòng Ban) — 7 điểm',
    );
    // After a restart the journal replays to the same single profile.
    const dir = tg.store.dir;
    await tg.store.close();
    const { Store } = await import('../../storage/store.js');
    const again = await Store.open(dir);
    expect(again.members).toHaveLength(1);
    expect(again.entries.every((e) => e.memberId === again.members[0]?.id)).toBe(true);
    await again.close();
  });

  it('refuses a wrong code, a used or expired one, and a code used on the platform that issued it', async () => {
    expect((await elsewhere('/lienket 123456'))[0]).toContain('Mã “123456” không đúng.');
    const code = codeIn(await tg.send(lan(), '/lienket', { inPrivate: true }));
    expect((await tg.send(lan(), `/lienket ${code}`))[0]?.text).toContain('Hãy gửi mã này từ nền tảng kia');
    tg.now = new Date(tg.now.getTime() + 11 * 60_000);
    expect((await elsewhere(`/lienket ${code}`))[0]).toContain('Mã này đã hết hạn hoặc đã được dùng.');
    const fresh = codeIn(await tg.send(lan(), '/lienket', { inPrivate: true }));
    await elsewhere(`/lienket ${fresh}`);
    expect((await elsewhere(`/lienket ${fresh}`, 'someone'))[0]).toContain('đã hết hạn hoặc đã được dùng');
    expect(tg.store.members[0]?.identities).toEqual(['telegram:1001', 'console:lan']);
  });

  it('stops an account that keeps guessing, and spends every live code when many guess', async () => {
    const code = codeIn(await tg.send(lan(), '/lienket', { inPrivate: true }));
    for (let i = 0; i < 5; i += 1) {
      expect((await elsewhere(`/lienket 00000${i}`, 'guesser'))[0]).toContain('không đúng');
    }
    expect((await elsewhere(`/lienket ${code}`, 'guesser'))[0]).toContain('nhập sai mã nhiều lần');
    for (let n = 0; n < 25; n += 1) await elsewhere(`/lienket 1000${String(n).padStart(2, '0')}`, `g${n}`);
    expect((await elsewhere(`/lienket ${code}`))[0]).toContain('đã hết hạn hoặc đã được dùng');
    expect(tg.store.members[0]?.identities).toEqual(['telegram:1001']);
  });

  it('does not let strangers guess: their tries neither count nor spend anyone’s code', async () => {
    const code = codeIn(await tg.send(lan(), '/lienket', { inPrivate: true }));
    for (let n = 0; n < 40; n += 1) {
      other.outsiders.add(`s${n}`);
      const answer = await elsewhere(`/lienket 2000${String(n).padStart(2, '0')}`, `s${n}`);
      expect(answer[0]).toContain('Chỉ thành viên nhóm chung của cơ quan');
    }
    // Strangers cannot read the agency's figures in private either.
    other.outsiders.add('s0');
    expect((await other.send('s0', '/bangxephang', { inPrivate: true }))[0]?.text).toContain(
      'chỉ dành cho cán bộ, công chức, người lao động trong nhóm chung',
    );
    expect((await other.send('s0', '/kehoach', { inPrivate: true }))[0]?.text).toContain(
      'chỉ dành cho cán bộ, công chức, người lao động trong nhóm chung',
    );
    expect(await elsewhere(`/lienket ${code}`)).toEqual([
      '🔗 Đã liên kết: tài khoản này và hồ sơ Nguyễn Thị Lan là một; điểm được cộng chung.',
    ]);
  });

  it('tells someone who asked in the group when the bot cannot reach them in private', async () => {
    const seen = await tg.send(lan(), '/lienket');
    // The private message was refused by Telegram (403), so the group gets the hint, not the code.
    expect(seen.filter((s) => s.chatId !== 1001).map((s) => [s.chatId, s.text])).toEqual([
      [
        GROUP_ID,
        'Bot chưa gửi được tin nhắn riêng cho đồng chí. Hãy nhắn riêng cho bot một lần (trên Zalo: kết bạn với tài khoản của bot), rồi gửi lại lệnh.',
      ],
    ]);
  });

  it('sends the code in private when asked in the group', async () => {
    tg.startedPrivate.add(1001);
    const seen = await tg.send(lan(), '/lienket');
    expect(seen.map((s) => s.chatId)).toEqual([1001]);
    expect(codeIn(seen)).toMatch(/^\d{6}$/);
  });
});
