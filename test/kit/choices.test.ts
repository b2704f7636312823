import { describe, expect, it } from 'vitest';
import { ChoiceMemory, choiceLines, withChoices } from '../../bot/kit/choices.js';
import { VirtualTimers } from '../helpers/timers.js';

const timers = new VirtualTimers(0);
const approve = { label: '✅ Duyệt', command: '/duyet VT1' };
const reject = { label: '❌ Không duyệt', command: '/tuchoi VT1' };

describe('numbered choices in plain text', () => {
  it('numbers the choices under the text, from the number given, with a line on how to pick', () => {
    expect(choiceLines([approve, reject], 3)).toEqual([
      '3. ✅ Duyệt — /duyet VT1',
      '4. ❌ Không duyệt — /tuchoi VT1',
    ]);
    expect(withChoices('Chờ duyệt:', [approve], 1, 'Trả lời 1 để chọn.')).toBe(
      'Chờ duyệt:\n\n1. ✅ Duyệt — /duyet VT1\nTrả lời 1 để chọn.',
    );
    expect(withChoices('Không có lựa chọn', [])).toBe('Không có lựa chọn');
  });
});

describe('ChoiceMemory: a bare number sent back', () => {
  it('picks a choice of the answer shown, numbered across its replies', () => {
    timers.time = 0;
    const memory = new ChoiceMemory({ timers });
    memory.begin('chat');
    expect(memory.show('chat', [approve])).toBe(1);
    expect(memory.show('chat', [reject])).toBe(2);
    expect(memory.read('chat', ' 2 ')).toEqual({ command: '/tuchoi VT1' });
    expect(memory.read('chat', '3')).toBe('expired');
    expect(memory.read('chat', '/duyet VT1')).toBeUndefined();
    expect(memory.read('chat', '2 cái')).toBeUndefined();
    expect(memory.read('other', '1')).toBe('expired');
  });

  it('closes the choices when a new message comes in, and after the time they stay open', () => {
    timers.time = 0;
    const memory = new ChoiceMemory({ timers, keepMs: 1000 });
    memory.show('chat', [approve]);
    memory.begin('chat');
    expect(memory.read('chat', '1')).toBe('expired');
    memory.show('chat', [approve]);
    timers.time = 999;
    expect(memory.read('chat', '1')).toEqual({ command: '/duyet VT1' });
    timers.time = 1000;
    expect(memory.read('chat', '1')).toBe('expired');
  });

  it('numbers a message of its own (a notice) from 1, whatever the chat was shown before', () => {
    timers.time = 0;
    const memory = new ChoiceMemory({ timers });
    memory.show('chat', [approve, reject]);
    expect(memory.show('chat', [reject], false)).toBe(1);
    expect(memory.read('chat', '1')).toEqual({ command: '/tuchoi VT1' });
    expect(memory.read('chat', '2')).toBe('expired');
  });
});
