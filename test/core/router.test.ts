import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { parseCommand } from '../../core/platform.js';
import { en } from '../../locales/en.js';
import { vi } from '../../locales/vi.js';

describe('parsing commands', () => {
  it.each([
    ['/viectot Giúp đỡ', { name: 'viectot', target: undefined, args: 'Giúp đỡ', argsOffset: 9 }],
    [
      '/VIECTOT@thidua_bot  Giúp\nđỡ ',
      { name: 'viectot', target: 'thidua_bot', args: 'Giúp\nđỡ', argsOffset: 21 },
    ],
    ['/bangxephang', { name: 'bangxephang', target: undefined, args: '', argsOffset: 12 }],
  ])('reads %j', (text, parsed) => {
    expect(parseCommand(text)).toEqual(parsed);
  });

  it.each(['viectot', '/viectốt abc', '/ abc', '', 'chào /viectot'])(
    'does not read %j as a command',
    (text) => {
      expect(parseCommand(text)).toBeNull();
    },
  );
});

describe('the command registry', () => {
  it('has Telegram-valid, unique names (a–z, 0–9, _), and help in both languages', () => {
    const names = commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9_]{1,32}$/);
    for (const command of commands) {
      for (const t of [vi, en]) {
        expect(command.usage(t)).toMatch(new RegExp(`^/${command.name}\\b`));
        expect(command.description(t).length).toBeGreaterThan(3);
      }
    }
  });
});
