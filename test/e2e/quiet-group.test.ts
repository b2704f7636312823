/**
 * A quieter group on Telegram: answers in the forum topic a command came from (or the topic of their
 * kind), compact confirmations (a reaction and one line; the whole one in private), albums logged as
 * one entry, report files protected from forwarding.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GROUP_ID, type Seen, TelegramHarness } from '../helpers/telegram.js';

const ADMIN = 900001;
let tg: TelegramHarness;

const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const hung = () => tg.user(1002, 'Hùng', { username: 'hungtv' });
const admin = () => tg.user(ADMIN, 'Toàn');

const only = (seen: Seen[]): Seen => {
  expect(seen).toHaveLength(1);
  return seen[0] as Seen;
};

async function start(env: Record<string, string> = {}) {
  tg = await TelegramHarness.create({ admins: [ADMIN], env });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(hung(), '/dangky Trần Văn Hùng | cb');
}

afterEach(async () => {
  await tg.close();
});

describe('forum topics', () => {
  it('answers a command in the topic it was sent in, quoting it', async () => {
    await start({ TELEGRAM_TOPIC_CONFIRMATIONS: '9' });
    const reply = only(
      await tg.send(lan(), '/viectot Trực thay đồng nghiệp bị ốm', { topic: 5, messageId: 77 }),
    );
    expect(reply).toMatchObject({ chatId: GROUP_ID, topic: 5, replyTo: 77 });
    expect(reply.text).toContain('✅ Đã lưu Việc tốt');
    // An answer that is not a confirmation, too.
    expect(only(await tg.send(hung(), '/bangxephang', { topic: 5 })).topic).toBe(5);
    // A refusal as well: the usage line goes where the command was.
    expect(only(await tg.send(hung(), '/viectot', { topic: 5 })).topic).toBe(5);
  });

  it('files a confirmation of a command sent in the main chat in the confirmations’ topic; other answers stay', async () => {
    await start({ TELEGRAM_TOPIC_CONFIRMATIONS: '9' });
    const reply = only(await tg.send(lan(), '/viectot Trực thay đồng nghiệp bị ốm', { messageId: 78 }));
    // In another topic, a reply cannot quote the command: it names the member instead.
    expect(reply).toMatchObject({ chatId: GROUP_ID, topic: 9, replyTo: undefined });
    expect(reply.text).toContain('Ghi nhận cho: Nguyễn Thị Lan.');
    const board = only(await tg.send(hung(), '/bangxephang', { messageId: 79 }));
    expect(board).toMatchObject({ topic: undefined, replyTo: 79 });
  });

  it('answers a button pressed in a topic in that topic', async () => {
    await start();
    const summary = only(await tg.send(admin(), '/tonghop tuần', { topic: 5 }));
    expect(summary.topic).toBe(5);
    const before = tg.calls.length;
    // The files' button keeps the summary and answers with new messages: the files and their note.
    await tg.press(admin(), summary, '📎 Tải file báo cáo (Excel, Word)');
    const sent = tg.calls
      .slice(before)
      .filter((c) => c.method === 'sendMessage' || c.method === 'sendDocument');
    expect(sent.map((c) => c.method)).toEqual(['sendMessage', 'sendDocument', 'sendDocument']);
    expect(sent.map((c) => c.payload.message_thread_id)).toEqual([5, 5, 5]);
  });
});

describe('compact confirmations', () => {
  it('reacts to the command and answers in one line; the whole confirmation goes in private', async () => {
    await start({ TELEGRAM_COMPACT_CONFIRMATIONS: 'true' });
    await tg.send(lan(), '/cuatoi', { inPrivate: true }); // Lan has opened a private chat with the bot
    const before = tg.calls.length;
    const seen = await tg.send(lan(), '/viectot Trả lại ví tiền cho người đánh rơi', { messageId: 90 });
    expect(seen.map((s) => s.chatId)).toEqual([GROUP_ID, 1001]);
    const [line, whole] = seen as [Seen, Seen];
    expect(line.text).toBe('✅ Việc tốt VT1, 2 điểm — Nguyễn Thị Lan');
    expect(line.text.split('\n')).toHaveLength(1);
    expect(line.replyTo).toBe(90);
    expect(whole.text).toContain('✅ Đã lưu Việc tốt — mã VT1, 2 điểm.');
    expect(whole.text).toContain('Tuần này Nguyễn Thị Lan xếp hạng 1/1 người có điểm, với 2 điểm.');
    const reactions = tg.calls.slice(before).filter((c) => c.method === 'setMessageReaction');
    expect(reactions.map((c) => c.payload)).toEqual([
      { chat_id: GROUP_ID, message_id: 90, reaction: [{ type: 'emoji', emoji: '👍' }] },
    ]);
  });

  it('gives a member who has not opened the bot the line and the reaction, and tries no private message', async () => {
    await start({ TELEGRAM_COMPACT_CONFIRMATIONS: 'true' });
    const before = tg.calls.length;
    const line = only(await tg.send(hung(), '/hoanthanh Báo cáo nhanh số liệu đảng viên #dotxuat'));
    expect(line.text).toBe('✅ Hoàn thành nhiệm vụ HT1, 2 điểm — Trần Văn Hùng');
    expect(tg.calls.slice(before).map((c) => c.method)).toEqual(['setMessageReaction', 'sendMessage']);
  });

  it('keeps refusals, answers in private and other commands whole', async () => {
    await start({ TELEGRAM_COMPACT_CONFIRMATIONS: 'true' });
    const refusal = only(await tg.send(lan(), '/viectot'));
    expect(refusal.text.split('\n').length).toBeGreaterThan(1);
    expect(refusal.text).toContain('Cách dùng: /viectot nội dung');
    tg.setMembership(1001, 'member');
    const inPrivate = only(await tg.send(lan(), '/viectot Trực thay đồng nghiệp bị ốm', { inPrivate: true }));
    expect(inPrivate.text).toContain('✅ Đã lưu Việc tốt — mã VT1, 2 điểm.');
    expect(only(await tg.send(hung(), '/bangxephang')).text).toContain('Bảng xếp hạng thi đua');
    expect(tg.callsOf('setMessageReaction')).toHaveLength(0);
  });

  it('still answers in one line when the group allows no reactions', async () => {
    await start({ TELEGRAM_COMPACT_CONFIRMATIONS: 'true' });
    tg.refuse('setMessageReaction', 400, 'Bad Request: REACTION_INVALID');
    const line = only(await tg.send(hung(), '/hoanthanh Báo cáo nhanh số liệu đảng viên'));
    expect(line.text).toBe('✅ Hoàn thành nhiệm vụ HT1, 1 điểm — Trần Văn Hùng');
  });

  it('puts the line in the confirmations’ topic and reacts on the command where it was', async () => {
    await start({ TELEGRAM_COMPACT_CONFIRMATIONS: 'true', TELEGRAM_TOPIC_CONFIRMATIONS: '9' });
    const line = only(await tg.send(hung(), '/hoanthanh Báo cáo nhanh số liệu đảng viên', { messageId: 91 }));
    expect(line).toMatchObject({ topic: 9, text: '✅ Hoàn thành nhiệm vụ HT1, 1 điểm — Trần Văn Hùng' });
    expect(tg.callsOf('setMessageReaction').map((c) => c.payload.message_id)).toEqual([91]);
  });
});

describe('albums', () => {
  it('logs an album of three photos, the command in a caption, as one entry with three photos', async () => {
    await start();
    const seen = await tg.sendAlbum(lan(), '/viectot Dọn vệ sinh khuôn viên cơ quan', 3);
    const reply = only(seen);
    expect(reply.text).toContain('✅ Đã lưu Việc tốt — mã VT1, 2 điểm.');
    expect(reply.text).toContain('📷 3 ảnh đã được lưu làm minh chứng.');
    expect(tg.store.entries).toHaveLength(1);
    expect(tg.store.entries[0]?.photo).toEqual([
      { platform: 'telegram', fileId: 'album-photo-1' },
      { platform: 'telegram', fileId: 'album-photo-2' },
      { platform: 'telegram', fileId: 'album-photo-3' },
    ]);
  });

  it('waits for the album’s last photo: nothing is answered before, and each photo restarts the wait', async () => {
    await start();
    const album = 'album-wait';
    expect(await tg.send(lan(), '/viectot Dọn vệ sinh khuôn viên cơ quan', { album, photoId: 'a' })).toEqual(
      [],
    );
    expect(tg.albumWaits.map((w) => w.ms)).toEqual([1_500]);
    expect(await tg.send(lan(), '', { album, photoId: 'b' })).toEqual([]);
    // The first photo's wait was cancelled when the second came.
    expect(tg.albumWaits).toHaveLength(1);
    expect(tg.store.entries).toHaveLength(0);
    await tg.finishAlbums();
    expect(tg.store.entries[0]?.photo?.map((p) => p.fileId)).toEqual(['a', 'b']);
  });

  it('finds the command in whichever photo carries the caption', async () => {
    await start();
    const album = 'album-late-caption';
    await tg.send(lan(), '', { album, photoId: 'a' });
    await tg.send(lan(), '/sangkien Số hóa hồ sơ đảng viên #cntt', { album, photoId: 'b' });
    await tg.send(lan(), '', { album, photoId: 'c' });
    await tg.finishAlbums();
    expect(tg.store.entries.map((e) => [e.code, e.photo?.length])).toEqual([['SK1', 3]]);
  });

  it('ignores an album without a command, and answers a redelivered album once', async () => {
    await start();
    expect(await tg.sendAlbum(lan(), 'Ảnh liên hoan cuối năm', 3)).toEqual([]);
    expect(tg.store.entries).toHaveLength(0);
    await tg.sendAlbum(lan(), '/viectot Dọn vệ sinh khuôn viên cơ quan', 2, { messageId: 300 });
    // Telegram delivers the album again after a crash: the same messages, the same answer's key.
    const again = await tg.sendAlbum(lan(), '/viectot Dọn vệ sinh khuôn viên cơ quan', 2, { messageId: 300 });
    expect(only(again).text).toContain('đã được xử lý trước đó');
    expect(tg.store.entries).toHaveLength(1);
  });

  it('answers an album still waiting for its last photo when the bot stops', async () => {
    await start();
    await tg.send(lan(), '/viectot Dọn vệ sinh khuôn viên cơ quan', { album: 'album-stop', photoId: 'a' });
    await tg.app.stop();
    expect(tg.store.entries.map((e) => e.photo?.length)).toEqual([1]);
  });
});

describe('report files', () => {
  it('are sent protected from forwarding and saving when the operator asks', async () => {
    await start({ TELEGRAM_PROTECT_REPORTS: 'true' });
    tg.startedPrivate.add(ADMIN);
    await tg.send(admin(), '/tonghop tuần file', { inPrivate: true });
    const documents = tg.callsOf('sendDocument');
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.map((c) => c.payload.protect_content)).toEqual(documents.map(() => true));
  });

  it('are sent as usual by default', async () => {
    await start();
    tg.startedPrivate.add(ADMIN);
    await tg.send(admin(), '/tonghop tuần file', { inPrivate: true });
    const documents = tg.callsOf('sendDocument');
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.map((c) => c.payload.protect_content)).toEqual(documents.map(() => undefined));
  });
});
