import type { InlineKeyboardButton } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { ChoiceButtons } from '../../bot/telegram/translate.js';

/** The callback data of a keyboard's first button. */
function dataOf(keyboard: InlineKeyboardButton[][]): string {
  const button = keyboard[0]?.[0];
  return button && 'callback_data' in button ? button.callback_data : '';
}

describe('buttons', () => {
  const long = '/dangky Nguyễn Hoàng Phương Thảo Quản Trị Viên | 1';

  it('keep a command longer than Telegram’s 64 bytes under a short key, bound to the requester', () => {
    const buttons = new ChoiceButtons();
    const data = dataOf(buttons.keyboard([{ label: 'Văn phòng Ban', command: long }], 42));
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(buttons.decode(data)).toEqual({ requesterId: 42, command: long, keepsQuestion: false });
  });

  it('from before a restart read as expired, never as another command', () => {
    const before = new ChoiceButtons();
    const old = dataOf(before.keyboard([{ label: 'x', command: long }], 42));
    const after = new ChoiceButtons();
    after.keyboard([{ label: 'y', command: `${long} khác` }], 42);
    expect(after.decode(old)).toBeNull();
  });
});
