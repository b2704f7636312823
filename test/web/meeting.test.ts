import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../core/periods.js';
import type { DeskAssets } from '../../web/assets.js';
import { tempDir } from '../helpers/agency.js';
import {
  builtDeskAssets,
  chromiumAvailable,
  launchChromium,
  type MiniAppUser,
  miniAppUrl,
} from '../helpers/browser.js';
import { testCouncilFile } from '../helpers/council.js';
import { GROUP_ID, hung, LiveBot, lan, person, TOKEN, toan } from '../helpers/live-bot.js';
import { onFreePort } from '../helpers/ports.js';

/*
 * The Council's meeting on the desk, in Debian's Chromium against the bot as `npm start` runs it: the
 * secretary runs the meeting in chat; the chair follows it on the desk — the lists, each case with its
 * facts against the criteria — and casts his secret ballot on the page, which goes through the same
 * core/meeting.ts rules as /bophieu (once, while the vote is open, only from a member present); the
 * results show once the vote closes, and no page shows what anyone chose.
 */

const run = chromiumAvailable();
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 60_000, interval: 50 });

/** The Council: Hùng chairs it; a vice-chair, a standing member (absent), the secretary. */
const vice = person(700002, 'Toàn');
const standing = person(700003, 'Thu');
const secretary = person(700004, 'Bình');

const asUser = (u: { id: number; first_name: string; username?: string }): MiniAppUser => ({
  id: u.id,
  first_name: u.first_name,
  ...(u.username ? { username: u.username } : {}),
  language_code: 'vi',
});

describe.runIf(run)('the Council’s meeting and secret ballot on the desk', { timeout: 180_000 }, () => {
  let bot: LiveBot;
  let browser: Browser;
  let assets: DeskAssets;
  let url: string;
  /** When the meeting was opened, as the bot writes it (`HH:mm dd/MM/yyyy`). */
  let opening: string;
  let cleanup: () => Promise<void>;
  const contexts: BrowserContext[] = [];

  async function openInTelegram(user: MiniAppUser, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    context.setDefaultTimeout(120_000);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(miniAppUrl(`${url}/`, TOKEN, user));
    await page.waitForURL(`${url}/desk`);
    return page;
  }

  beforeAll(async () => {
    assets = await builtDeskAssets();
    const dir = await tempDir();
    cleanup = dir.cleanup;
    bot = await onFreePort((port) => {
      url = `http://127.0.0.1:${port}`;
      return LiveBot.start({
        env: {
          WEB_PUBLIC_URL: url,
          WEB_PORT: String(port),
          COUNCIL_FILE: testCouncilFile(dir.dir, [hung.id, vice.id, standing.id, secretary.id]),
        },
        deskAssets: assets,
      });
    });
    for (const u of [hung, lan, vice, standing, secretary]) {
      bot.server.setUser(u);
      bot.server.setChatMember(GROUP_ID, u.id, 'member');
    }
    expect((await bot.say(lan, 'group', '/dangky Nguyễn Thị Lan | vp')).reply.text).toContain('Đã đăng ký');
    // After the registration deadline, the Office puts her on the list, with the reason.
    expect(
      (await bot.say(toan, 'private', '/dexuat cstdcs Nguyễn Thị Lan | Sáng kiến số hóa hồ sơ đảng viên'))
        .reply.text,
    ).toContain('Đã bổ sung');
    await bot.say(lan, 'group', '/sangkien Số hóa hồ sơ đảng viên, tra cứu bằng mã QR #cntt');
    await bot.say(hung, 'group', '/duyet SK1');
    // The bot runs on the real clock: the meeting opens now (a time ahead is refused).
    opening = formatDateTime(new Date());
    const opened = await bot.say(
      secretary,
      'group',
      `/mohop ${opening} | Phòng họp tầng 2 | vắng: Lê Thị Thu (đi công tác)`,
    );
    expect(opened.reply.text).toContain('Đã khai mạc');
    const vote = await bot.say(secretary, 'group', '/mophieu cstdcs dientu');
    expect(vote.replies[0]?.text).toContain('bỏ phiếu kín điện tử');
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await bot?.stop();
    await cleanup?.();
  }, 60_000);

  it('shows the chair the meeting, each case with its facts, and takes his ballot once', async () => {
    const page = await openInTelegram(asUser(hung), 360);
    // Where the desk opens, the meeting's card says a ballot awaits him.
    await eventually(() => page.locator('main').textContent()).toContain('1 phiếu bầu kín đang chờ đồng chí');
    await page.getByRole('link', { name: 'Phiên họp' }).first().click();
    await page.waitForURL(`${url}/desk/meeting`);
    const main = page.locator('main');
    await eventually(() => main.textContent()).toContain(`Phiên số 1: ${opening}, tại Phòng họp tầng 2`);
    expect(await main.textContent()).toContain('Có mặt 3/4 thành viên.');
    expect(await main.textContent()).toContain('Lê Thị Thu (đi công tác)');
    expect(await main.textContent()).toContain('0/3 thành viên có mặt đã bỏ phiếu');

    // The case, candidate by candidate: facts against each criterion, with the entry behind them.
    await page.getByRole('link', { name: 'Nguyễn Thị Lan' }).first().click();
    await page.waitForURL(`${url}/desk/meeting?case=1`);
    await eventually(() => page.locator('h1').textContent()).toContain('Nguyễn Thị Lan');
    const facts = page.locator('table.facts');
    await eventually(() => facts.textContent()).toContain('Tiêu chí Chiến sĩ thi đua cơ sở');
    expect(await facts.getByRole('link', { name: 'SK1' }).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Toàn bộ danh sách' }).click();

    // The ballot: one name, Đồng ý, Gửi phiếu — sealed by castBallot like /bophieu's.
    await page.getByRole('link', { name: /Bỏ phiếu kín — vòng 1/ }).click();
    await page.waitForURL(`${url}/desk/ballot/1`);
    await page
      .getByRole('group', { name: '1. Nguyễn Thị Lan' })
      .getByLabel('Đồng ý', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.waitForURL(`${url}/desk/meeting`);
    await eventually(() => page.getByRole('status').textContent()).toContain('đã được niêm phong');
    expect(await main.textContent()).toContain('1/3 thành viên có mặt đã bỏ phiếu');
    expect(await page.getByRole('link', { name: /Bỏ phiếu kín — vòng 1/ }).count()).toBe(0);
    const round = bot.store.council.round(1);
    expect(round?.cast).toEqual(['chu-tich']);
    expect(round?.sealed).toHaveLength(1);
    expect(round?.sealed[0]).not.toMatch(/^[dk]+$/);

    // A second ballot from the same member: refused, nothing changed.
    const again = await page.goto(`${url}/desk/ballot/1`);
    expect(again?.status()).toBe(409);
    expect(await main.textContent()).toContain('Đồng chí đã bỏ phiếu ở vòng số 1');
    expect(bot.store.council.round(1)?.sealed).toHaveLength(1);
  });

  it('refuses the ballot to an absent member and the meeting to a member; shows the results once closed', async () => {
    const absent = await openInTelegram(asUser(standing));
    expect((await absent.goto(`${url}/desk/ballot/1`))?.status()).toBe(409);
    expect(await absent.locator('main').textContent()).toContain('vắng mặt');
    expect(bot.store.council.round(1)?.cast).toEqual(['chu-tich']);

    const member = await openInTelegram(asUser(lan));
    expect(await member.getByRole('link', { name: 'Phiên họp' }).count()).toBe(0);
    expect((await member.goto(`${url}/desk/meeting`))?.status()).toBe(403);
    expect((await member.goto(`${url}/desk/ballot/1`))?.status()).toBe(403);

    // The others vote in chat; the secretary closes the vote; the desk shows the counts, not who chose what.
    await bot.say(vice, 'private', '/bophieu 1 k gui');
    await bot.say(secretary, 'private', '/bophieu 1 d gui');
    expect((await bot.say(secretary, 'group', '/dongphieu 1')).reply.text).toContain('3/3 thành viên có mặt');
    const page = await openInTelegram(asUser(vice));
    await page.goto(`${url}/desk/meeting`);
    const results = page.locator('table.results');
    await eventually(() => results.textContent()).toContain('Nguyễn Thị Lan');
    const row = await results.locator('tbody tr').first().textContent();
    expect(row).toContain('2/4 (50%)');
    expect(row).toContain('chưa đạt tỷ lệ');
    // A ballot after the vote closed: refused, and the opened ballots stay as counted.
    const late = await page.goto(`${url}/desk/ballot/1`);
    expect(late?.status()).toBe(409);
    expect(await page.locator('main').textContent()).toContain('đã kết thúc');
    expect(bot.store.council.round(1)?.ballots).toEqual(['d', 'd', 'k']);
  });
});
