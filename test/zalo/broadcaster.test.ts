import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Html } from '../../core/html.js';
import { GROUP_ID, ZaloHarness } from '../helpers/zalo.js';

let zalo: ZaloHarness;

beforeEach(async () => {
  zalo = await ZaloHarness.create({ admins: ['9001', '9002'] });
});
afterEach(async () => {
  await zalo.close();
});

describe('scheduled posts and notices', () => {
  it('posts to the configured group in plain text, without quote or tag', async () => {
    await zalo.bot.sendToGroup({ html: Html.trusted('🏆 <b>Bảng xếp hạng</b> &amp; <i>tuần 48</i>') });
    expect(zalo.transport.sent).toEqual([
      expect.objectContaining({
        thread: { id: GROUP_ID, kind: 'group' },
        text: '🏆 Bảng xếp hạng & tuần 48',
        mentions: [],
        quotes: undefined,
      }),
    ]);
  });

  it('fails a group post Zalo refused, so the scheduler tries again', async () => {
    zalo.transport.failSends.push(new Error('Zalo: gửi quá nhanh'));
    await expect(zalo.bot.sendToGroup({ html: Html.trusted('Nhắc lịch') })).rejects.toThrow('gửi quá nhanh');
  });

  it('writes to a Zalo user in private, and says false when Zalo refuses or the person is elsewhere', async () => {
    const out = zalo.bot;
    expect(await out.sendToPerson('zalo:1001', { html: Html.trusted('Nhắc <b>bạn</b>') })).toBe(true);
    expect(zalo.transport.sent.at(-1)).toMatchObject({
      thread: { id: '1001', kind: 'private' },
      text: 'Nhắc bạn',
    });
    zalo.transport.refusesPrivate.add('1002');
    expect(await out.sendToPerson('zalo:1002', { html: Html.trusted('Nhắc') })).toBe(false);
    expect(await out.sendToPerson('telegram:1001', { html: Html.trusted('Nhắc') })).toBe(false);
    expect(zalo.transport.sent).toHaveLength(1);
  });

  it('names the configured admins by their Zalo identity', () => {
    expect(zalo.bot.admins()).toEqual(['zalo:9001', 'zalo:9002']);
  });
});
