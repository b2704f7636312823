import type { InlineKeyboardButton } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { ChoiceButtons } from '../../bot/telegram/translate.js';

/** The callback data of a keyboard's first button. */
function dataOf(keyboard: InlineKeyboardButton[][]): string {
  const button = keyboard[0]?.[0];
  return button && 'callback_data' in button ? button.callback_data : '';
}

const SECRET = '123456789:AAExampleTokenForTestsOnly_0123456789';

describe('buttons', () => {
  const long = '/dangky Nguyễn Hoàng Phương Thảo Quản Trị Viên | 1';

  it('keep a command longer than Telegram’s 64 bytes under a short key, bound to the requester', () => {
    const buttons = new ChoiceButtons(SECRET);
    const data = dataOf(buttons.keyboard([{ label: 'Văn phòng Ban', command: long }], 42));
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(buttons.decode(data)).toEqual({ requesterId: 42, command: long, keepsQuestion: false });
  });

  it('from before a restart read as expired, never as another command', () => {
    const before = new ChoiceButtons(SECRET);
    const old = dataOf(before.keyboard([{ label: 'x', command: long }], 42));
    const after = new ChoiceButtons(SECRET);
    after.keyboard([{ label: 'y', command: `${long} khác` }], 42);
    expect(after.decode(old)).toBeNull();
  });

  it('refuse data no button carries: a forged press, another signature, another requester', () => {
    const buttons = new ChoiceButtons(SECRET);
    const data = dataOf(buttons.keyboard([{ label: 'Duyệt', command: '/duyet VT1' }], 42));
    expect(buttons.decode(data)).toEqual({ requesterId: 42, command: '/duyet VT1', keepsQuestion: false });
    // Someone writes their own callback data, with or without a plausible signature.
    expect(buttons.decode('42|/tonghop nam file')).toBeNull();
    expect(buttons.decode(`${data.slice(0, 8)}43|/duyet VT1`)).toBeNull();
    expect(buttons.decode(`${data.slice(0, 8)}42|/duyet VT2`)).toBeNull();
    // Another bot (another token) signs differently.
    expect(new ChoiceButtons('987654321:BBAnotherTokenForTestsOnly_987654321').decode(data)).toBeNull();
    expect(buttons.decode(undefined)).toBeNull();
  });
});
