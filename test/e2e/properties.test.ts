import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esc } from '../../core/html.js';
import { parsePeriod, periodContaining, periodTitle } from '../../core/periods.js';
import { parseCommand } from '../../core/platform.js';
import { cleanText, fold, preview, splitMessage } from '../../core/text.js';
import { vi } from '../../locales/vi.js';
import { mentionEntities, TelegramHarness } from '../helpers/telegram.js';

// Text users might send: any Unicode, HTML and Markdown specials, @ and # in odd places.
const special = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  '<b>',
  '</i>',
  '&amp;',
  '*',
  '_',
  '`',
  '[',
  ']',
  '@',
  '#',
  '#dotxuat',
  '#cntt',
  '@lan_nguyen',
  '@',
  '\n',
  ' ',
  '|',
);
const userText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      special,
    ),
    {
      maxLength: 30,
    },
  )
  .map((parts) => parts.join(''));

describe('property: any text a user sends', () => {
  let tg: TelegramHarness;
  beforeAll(async () => {
    tg = await TelegramHarness.create({
      admins: [9],
      agency: { limits: { entriesPerDay: 1000, textMaxLength: 1000, minWords: 3 } },
    });
    await tg.send(tg.user(1, 'Lan', { username: 'lan_nguyen' }), '/dangky Nguyễn Thị Lan | vp');
  });
  afterAll(async () => {
    await tg.close();
  });

  const commands = fc.constantFrom(
    '/viectot',
    '/hoanthanh',
    '/sangkien',
    '/cuatoi',
    '/huy',
    '/bangxephang',
    '/tonghop',
    '/dangky',
    '/trogiup',
    '/khongco',
  );

  it('gets a well-formed answer, never a crash, and changes the store only by a saved entry', async () => {
    await fc.assert(
      fc.asyncProperty(commands, userText, fc.boolean(), async (command, text, long) => {
        const body = long ? text.repeat(60).slice(0, 1500) : text;
        const message = `${command} ${body}`;
        const before = tg.store.entries.length;
        const members = JSON.stringify(tg.store.members);
        const from =
          command === '/dangky' ? tg.user(2, 'Khách') : tg.user(1, 'Lan', { username: 'lan_nguyen' });
        const seen = await tg.send(from, message, {
          entities: mentionEntities(message),
          inPrivate: command === '/dangky',
        });
        // Every answer passed Telegram's HTML parser (the harness refuses bad HTML like Telegram does),
        // so none of them is the error boundary's apology.
        // Someone always answers — except to a command the bot does not know, in the group, where it
        // may be meant for another bot. A router that stays silent (or swallows an error) fails here.
        if (command !== '/khongco') expect(seen.length).toBeGreaterThan(0);
        for (const s of seen) expect(s.text).not.toContain('đã có lỗi');
        const after = tg.store.entries.length;
        const saved = seen.some((s) => s.text.includes('Đã lưu'));
        expect(after - before).toBe(saved ? 1 : 0);
        if (command === '/dangky') expect(JSON.stringify(tg.store.members)).toBe(members); // Khách is not in the group
        // What the bot echoes is the text as cleaned where it entered (no control characters, no lone surrogates).
        if (saved) expect(seen[0]?.html).toContain(esc(preview(cleanText(body), 200)).value.slice(0, 40));
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: parsing never throws', () => {
  it('reads any text as a command or nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const parsed = parseCommand(text);
        // Names are folded as the registry spells them: no diacritics, no capitals, no spaces.
        if (parsed) expect(parsed.name).toBe(fold(parsed.name).replace(/\s+/g, ''));
      }),
    );
  });

  it('reads any text as a period or null, and named periods contain what names them', () => {
    const now = new Date('2026-11-25T03:00:00Z');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => void parsePeriod(text, now)),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2100 }), (month, year) => {
        const period = parsePeriod(`${month}/${year}`, now);
        expect(period?.kind).toBe('month');
        expect(periodTitle(vi, period as NonNullable<typeof period>)).toBe(
          `tháng ${String(month).padStart(2, '0')}/${year}`,
        );
      }),
    );
  });

  it('puts every instant in a week that starts on a Monday at 00:00 in Vietnam and lasts 7 days', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const week = periodContaining('week', date);
          expect(week.start.getTime()).toBeLessThanOrEqual(date.getTime());
          expect(week.end.getTime()).toBeGreaterThan(date.getTime());
          expect(week.end.getTime() - week.start.getTime()).toBe(7 * 86_400_000);
          const local = new Date(week.start.getTime() + 7 * 3_600_000); // UTC+7, no DST
          expect(local.getUTCDay()).toBe(1);
          expect(local.getUTCHours()).toBe(0);
        },
      ),
    );
  });

  it('splits any text into parts within the limit that keep every line', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 300 }), { maxLength: 80 }), (lines) => {
        const text = lines.map((l) => esc(l).value).join('\n');
        const parts = splitMessage(text, 500);
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(500);
        expect(parts.join('\n').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
    );
  });
});
