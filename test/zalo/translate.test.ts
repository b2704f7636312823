import { describe, expect, it } from 'vitest';
import {
  identityOf,
  mentionsOf,
  messageKeyOf,
  readMessage,
  tagged,
  uidOf,
} from '../../bot/zalo/translate.js';
import { BOT_UID, GROUP_ID, sticker, type ZaloUser, zaloMessage } from '../helpers/zalo.js';

const lan: ZaloUser = { uid: '1001', name: 'Lan Nguyễn' };
const hung: ZaloUser = { uid: '1002', name: 'Hùng Trần' };

describe('reading a Zalo message', () => {
  it('reads a text message as it is', () => {
    expect(readMessage(zaloMessage(lan, '/viectot Giúp đỡ'))).toEqual({ text: '/viectot Giúp đỡ' });
  });

  it("reads a photo's caption, keeping the photo by its URL", () => {
    const photo = zaloMessage(lan, '/viectot Dọn vệ sinh', { photo: true, msgId: '42' });
    expect(readMessage(photo)).toEqual({
      text: '/viectot Dọn vệ sinh',
      photos: [{ fileId: 'https://photo-stal-1.zadn.vn/jpg/42.jpg' }],
    });
  });

  it('reads nothing in a sticker or a photo without a caption', () => {
    expect(readMessage(sticker(lan))).toBeNull();
    expect(readMessage(zaloMessage(lan, ' ', { photo: true }))).toBeNull();
  });

  it('keys a message by its thread and id', () => {
    expect(messageKeyOf(zaloMessage(lan, 'x', { msgId: '77' }))).toBe(`zalo:${GROUP_ID}:77`);
    expect(messageKeyOf(zaloMessage(lan, 'x', { msgId: '78', inPrivate: true }))).toBe('zalo:1001:78');
  });

  it('turns tags into mentions by identity, labelled as written, leaving out @All and the bot', () => {
    const text = '/viectot @All cảm ơn @Hùng Trần và @Thi đua';
    const message = zaloMessage(lan, text, {
      mentions: [
        { label: '@All', user: { uid: '-1', name: 'All' }, type: 1 },
        { label: '@Hùng Trần', user: hung },
        { label: '@Thi đua', user: { uid: BOT_UID, name: 'Thi đua' } },
      ],
    });
    expect(mentionsOf(message, text, BOT_UID)).toEqual([
      { identity: 'zalo:1002', label: '@Hùng Trần', offset: text.indexOf('@Hùng Trần') },
    ]);
  });
});

describe('writing for Zalo', () => {
  it('maps identities both ways, and only Zalo ones', () => {
    expect(identityOf('1001')).toBe('zalo:1001');
    expect(uidOf('zalo:1001')).toBe('1001');
    expect(uidOf('telegram:1001')).toBeUndefined();
  });

  it('tags the person a group answer is for, in front', () => {
    expect(tagged('Xin chào', '1001', 'Lan Nguyễn')).toEqual({
      text: '@Lan Nguyễn Xin chào',
      mentions: [{ uid: '1001', pos: 0, len: 11 }],
    });
  });
});
