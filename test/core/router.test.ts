import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { parseCommand } from '../../core/platform.js';
import { editDistance, recognize } from '../../core/recognize.js';
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
    // Diacritics and capitals are folded: `/việctốt` is `/viectot`.
    ['/VIỆCTỐT Giúp đỡ', { name: 'viectot', target: undefined, args: 'Giúp đỡ', argsOffset: 9 }],
  ])('reads %j', (text, parsed) => {
    expect(parseCommand(text)).toEqual(parsed);
  });

  it.each(['viectot', '/ abc', '', 'chào /viectot', '/'])('does not read %j as a command', (text) => {
    expect(parseCommand(text)).toBeNull();
  });
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

describe('reading what people type', () => {
  const names = new Set(commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]));
  const read = (text: string) => recognize(text, names);

  it.each(['/việctốt Giúp đỡ', '/VIỆCTỐT Giúp đỡ', '/ViecTot Giúp đỡ', '/viectot@Thidua_Bot Giúp đỡ'])(
    'reads %j as /viectot',
    (text) => {
      expect(read(text)).toMatchObject({ kind: 'command', command: { name: 'viectot', args: 'Giúp đỡ' } });
    },
  );

  it.each([
    ['/vietot Giúp đỡ', ['viectot'], 'Giúp đỡ', true],
    ['/viec tot Giúp đỡ', ['viectot'], 'Giúp đỡ', true],
    ['/việc tốt Giúp đỡ', ['viectot'], 'Giúp đỡ', true],
    ['/dang ky thi dua ldtt', ['dangkythidua'], 'ldtt', true],
    ['/Đăng ký Nguyễn Văn A | cb', ['dangky'], 'Nguyễn Văn A | cb', true],
    ['/bangxephnag tuần', ['bangxephang'], 'tuần', true],
    ['viectot Giúp đỡ', ['viectot'], 'Giúp đỡ', true],
    ['việc tốt: giúp đỡ', ['viectot'], 'giúp đỡ', false],
    ['huy VT12', ['huy'], 'VT12', false],
    ['/vatnhac', ['batnhac', 'tatnhac'], '', true],
    // Part of a name remembered, after a slash only.
    // (a guess: in a group answered only when addressed to the bot — another bot's /thanhtich is not ours).
    ['/xephang tuần trước', ['bangxephang'], 'tuần trước', false],
    ['/thanhtich 2026', ['baocaothanhtich'], '2026', false],
  ])('reads %j as a near miss of %j', (text, meant, args, clear) => {
    expect(read(text)).toEqual({ kind: 'nearMiss', names: meant, args, clear });
  });

  it('reads an unknown command and words as such', () => {
    expect(read('/thoitiet Hà Nội')).toMatchObject({ kind: 'unknown', command: { name: 'thoitiet' } });
    expect(read('xin chào')).toEqual({ kind: 'text' });
    expect(read('Huy ơi, chiều nay họp')).toEqual({ kind: 'text' });
    // Without a slash, a word that is part of a name is prose; short parts suggest nothing.
    expect(read('xephang của phòng')).toEqual({ kind: 'text' });
    expect(read('/tong')).toMatchObject({ kind: 'unknown' });
  });

  it('counts a swapped pair of letters as one typo', () => {
    expect(editDistance('viectot', 'vietcot')).toBe(1);
    expect(editDistance('viectot', 'vietot')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
});
