import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskAssets } from '../../web/assets.js';
import {
  builtDeskAssets,
  chromiumAvailable,
  launchChromium,
  type MiniAppUser,
  miniAppUrl,
} from '../helpers/browser.js';
import { GROUP_ID, hung, khach, LiveBot, lan, mai, TOKEN, toan } from '../helpers/live-bot.js';
import { onFreePort } from '../helpers/ports.js';

/*
 * The desk in a real browser (Debian's Chromium through playwright-core), against the bot as
 * `npm start` runs it: polling the fake Bot API over HTTP, the desk on its HTTP server. Each story
 * opens the desk the way people do — Telegram's Mini App (signed launch data in the address's
 * fragment) or a one-time link from /banlamviec — and reads what the page shows.
 */

const run = chromiumAvailable();

/**
 * What the page shows, once it shows it: no fixed waits, only a generous bound — this runs on a
 * loaded 2-core machine, where a browser may take seconds to paint.
 */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 60_000, interval: 50 });

/** A small PNG (an evidence photo a member sends). */
function photo(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([200, 40, 40, 255], i);
  return PNG.sync.write(png);
}

const asUser = (u: { id: number; first_name: string; username?: string }): MiniAppUser => ({
  id: u.id,
  first_name: u.first_name,
  ...(u.username ? { username: u.username } : {}),
  language_code: 'vi',
});

describe.runIf(run)('the desk in a browser', { timeout: 180_000 }, () => {
  let bot: LiveBot;
  let browser: Browser;
  let assets: DeskAssets;
  let url: string;
  const contexts: BrowserContext[] = [];
  const evidence = photo();
  let code = '';
  /** How far the bot's clock is ahead of this machine's (moved by the last test only). */
  let later = 0;

  /** A fresh browser profile (no cookies), its page open. */
  async function fresh(width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    // Bounds, not waits: a report file takes seconds on a loaded machine.
    context.setDefaultTimeout(120_000);
    contexts.push(context);
    return context.newPage();
  }

  /** Opens the desk as Telegram opens the Mini App, and waits for the page the exchange leads to. */
  async function openInTelegram(user: MiniAppUser, options: Parameters<typeof miniAppUrl>[3] = {}) {
    const page = await fresh();
    await page.goto(miniAppUrl(`${url}/`, TOKEN, user, options));
    return page;
  }

  beforeAll(async () => {
    assets = await builtDeskAssets();
    bot = await onFreePort((port) => {
      url = `http://127.0.0.1:${port}`;
      return LiveBot.start({
        env: { TELEGRAM_COUNCIL_IDS: String(hung.id), WEB_PUBLIC_URL: url, WEB_PORT: String(port) },
        deskAssets: assets,
        clock: () => new Date(Date.now() + later),
      });
    });
    bot.server.setChatMember(GROUP_ID, hung.id, 'member');
    bot.server.setChatMember(GROUP_ID, lan.id, 'member');
    expect((await bot.say(lan, 'group', '/dangky Nguyễn Thị Lan | vp')).reply.text).toContain('Đã đăng ký');
    expect((await bot.say(hung, 'group', '/dangky Trần Văn Hùng | cb')).reply.text).toContain('Đã đăng ký');
    // Lan's deed with its photo, as Telegram stores one.
    const sizes = bot.server.userPhoto(evidence);
    const logged = await bot.say(
      lan,
      'group',
      '/viectot Trực thay ca cho đồng nghiệp bị ốm, có ảnh bảng phân công',
      {
        photo: true,
        photoId: sizes.at(-1)?.file_id as string,
      },
    );
    code = /\b(VT\d+)\b/.exec(logged.reply.text)?.[1] ?? '';
    expect(code).toMatch(/^VT\d+$/);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await bot?.stop();
  }, 60_000);

  it('sets the Mini App button that opens the desk', () => {
    const calls = bot.server.callsOf('setChatMenuButton');
    const buttons = calls.map(
      (c) =>
        (typeof c.params.menu_button === 'string'
          ? JSON.parse(c.params.menu_button)
          : c.params.menu_button) as {
          web_app?: { url: string };
        },
    );
    expect(buttons.map((b) => b.web_app?.url)).toContain(`${url}/`);
    // The default for everyone, and the Council member's own chat.
    expect(calls.some((c) => c.params.chat_id === undefined)).toBe(true);
    expect(calls.some((c) => Number(c.params.chat_id) === hung.id)).toBe(true);
  });

  it('a Council member opens the desk from Telegram, sees the photo, approves, and the member is told in chat', async () => {
    const page = await openInTelegram(asUser(hung));
    await page.waitForURL(`${url}/desk`);
    await eventually(() => page.locator('h1').textContent()).toContain('Trần Văn Hùng');
    await page.getByRole('link', { name: 'Chờ duyệt' }).first().click();
    await page.waitForURL(`${url}/desk/queue`);
    const entry = page.locator('article', { has: page.locator(`h2:has-text("${code}")`) });
    await eventually(() => entry.textContent()).toContain('Trực thay ca cho đồng nghiệp bị ốm');

    // The photo, full size, through the bot's server: its bytes as the member sent them.
    const thumbnail = entry.getByRole('img');
    await expect
      .poll(() => thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(64);
    const [full] = await Promise.all([page.waitForResponse(/\/desk\/photo\//), thumbnail.click()]);
    expect(full.headers()['content-type']).toMatch(/^image\//);
    expect(Buffer.from(await full.body()).equals(evidence)).toBe(true);
    // The token behind Telegram's file URL never reaches the browser.
    expect(await page.content()).not.toContain(TOKEN.split(':')[1]);
    await page.goBack();

    // Approve: the same decision as /duyet, with its answer here and its notice in Lan's chat.
    const notices = bot.server.calls.length;
    await page
      .locator('article', { has: page.locator(`h2:has-text("${code}")`) })
      .getByRole('button', { name: 'Duyệt', exact: true })
      .click();
    await page.waitForURL(`${url}/desk/queue`);
    await eventually(() => page.getByRole('status').textContent()).toContain(`Đã duyệt mục ${code}`);
    const notice = await bot.server.waitForCall(
      (c) =>
        c.method === 'sendMessage' &&
        Number(c.params.chat_id) === lan.id &&
        String(c.params.text).includes(code),
    );
    expect(bot.server.calls.indexOf(notice)).toBeGreaterThanOrEqual(notices);
    expect(String(notice.params.text)).toContain('đã được thành viên Hội đồng Thi đua – Khen thưởng duyệt');
    // The history says who decided, and that it was on the desk.
    const decided = bot.store.entry(code)?.history.at(-1);
    expect(decided).toMatchObject({ action: 'approved', platform: 'web' });
    expect(bot.store.member(decided?.by ?? '')?.fullName).toBe('Trần Văn Hùng');
    await eventually(() => page.locator(`h2:has-text("${code}")`).count()).toBe(0);
  });

  it('a member downloads their achievement-report draft from their own page', async () => {
    const page = await openInTelegram(asUser(lan));
    await page.waitForURL(`${url}/desk`);
    await page.getByRole('link', { name: 'Của tôi' }).first().click();
    await eventually(() => page.locator('main').textContent()).toContain(code);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Dự thảo báo cáo thành tích/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(path)).subarray(0, 2).toString()).toBe('PK');
  });

  it("gives an admin both of a period's files when the two links are pressed at once, and refuses an oversized request", async () => {
    const page = await openInTelegram(asUser(toan));
    await page.waitForURL(`${url}/desk`);
    const session = (await page.context().cookies()).find((c) => c.name === '__Host-desk');
    const cookie = `${session?.name}=${session?.value}`;
    // The workbook and the Word report are built by one command: the second click joins the first.
    const [workbook, report] = await Promise.all(
      ['workbook', 'report'].map((kind) =>
        fetch(`${url}/desk/files/${kind}?period=2026`, { headers: { cookie } }),
      ),
    );
    expect(workbook?.status).toBe(200);
    expect(workbook?.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
    expect(report?.status).toBe(200);
    expect(report?.headers.get('content-disposition')).toMatch(/\.docx"$/);
    // A year not begun is said on the page (the current year shown instead), never summed as empty.
    const future = await fetch(`${url}/desk/figures?period=2099`, { headers: { cookie } });
    expect(await future.text()).toContain('Kỳ năm 2099 (01/01/2099 – 31/12/2099) chưa bắt đầu');
    // A body past the limit is refused before anything reads it.
    const big = await fetch(`${url}/desk/queue`, {
      method: 'POST',
      headers: { cookie, origin: url, 'content-type': 'application/x-www-form-urlencoded' },
      body: `approve=${'x'.repeat(200 * 1024)}`,
    });
    expect(big.status).toBe(413);
  });

  it('refuses a forged and an expired launch from Telegram', async () => {
    const forged = await openInTelegram(asUser(hung), { tamper: true });
    await eventually(() => forged.locator('#desk-status').textContent()).toContain('Không xác thực được');
    expect((await forged.goto(`${url}/desk/queue`))?.status()).toBe(401);

    // Good for an hour: signed 61 minutes ago it is refused, 50 minutes ago it opens the desk.
    const old = new Date(Date.now() - 61 * 60_000);
    const expired = await openInTelegram(asUser(hung), { authDate: old });
    await eventually(() => expired.locator('#desk-status').textContent()).toContain('quá hạn');
    expect((await expired.goto(`${url}/desk`))?.status()).toBe(401);
    const recent = await openInTelegram(asUser(hung), { authDate: new Date(Date.now() - 50 * 60_000) });
    await recent.waitForURL(`${url}/desk`);
  });

  it('refuses the queue to a member, and the desk to a stranger', async () => {
    const member = await openInTelegram(asUser(lan));
    await member.waitForURL(`${url}/desk`);
    expect(await member.getByRole('link', { name: 'Chờ duyệt' }).count()).toBe(0);
    const queue = await member.goto(`${url}/desk/queue`);
    expect(queue?.status()).toBe(403);
    expect(await member.locator('main').textContent()).toContain('dành cho thành viên Hội đồng');

    const stranger = await openInTelegram(asUser(khach));
    await eventually(() => stranger.locator('#desk-status').textContent()).toContain('chưa đăng ký');
  });

  it('opens from a one-time link sent in private, and refuses the link a second time', async () => {
    const asked = await bot.say(mai, 'group', '/banlamviec');
    // Mai is not registered: nothing for her.
    expect(asked.reply.text).not.toContain('/link#');
    const sent = await bot.say(toan, 'group', '/banlamviec');
    const inGroup = sent.replies.find((r) => r.chatId === GROUP_ID);
    expect(inGroup?.text).toContain('gửi riêng');
    const link = sent.replies.find((r) => r.chatId === toan.id)?.text.match(/http:\/\/\S+\/link#\S+/)?.[0];
    expect(link).toBeDefined();

    const first = await fresh(360);
    await first.goto(link as string);
    await first.waitForURL(`${url}/desk`);
    // The secret left the address bar and the history.
    expect(first.url()).not.toContain('#');
    await eventually(() => first.locator('h1').textContent()).toContain('Kính chào');
    // An admin sees the queue and the files of the figures.
    await first.getByRole('link', { name: 'Số liệu' }).first().click();
    await eventually(() => first.getByRole('link', { name: /Bảng tổng hợp/ }).count()).toBe(1);

    const second = await fresh();
    await second.goto(link as string);
    await eventually(() => second.locator('#desk-status').textContent()).toContain('đã được dùng');
    expect((await second.goto(`${url}/desk`))?.status()).toBe(401);
  });

  it('refuses a write from another site and a form without its token', async () => {
    const page = await openInTelegram(asUser(hung));
    await page.waitForURL(`${url}/desk`);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === '__Host-desk');
    expect(session).toMatchObject({ httpOnly: true, secure: true });
    const cookie = `${session?.name}=${session?.value}`;
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${url}/desk/queue`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    const form = `_nonce=abcdefghijklmnopqrstuv&approve=${code}`;
    const token = await page.locator('input[name="_csrf"]').first().getAttribute('value');
    expect(token).toBeTruthy();
    const signed = `_csrf=${encodeURIComponent(token as string)}&${form}`;
    // Another site, even with the session's own form token; the desk's own page without it.
    expect((await post({ origin: 'https://evil.example' }, signed)).status).toBe(403);
    expect((await post({ origin: url }, form)).status).toBe(403);
    // Both together are a write the desk takes (the entry was decided before: nothing changes).
    expect((await post({ origin: url }, signed)).status).toBe(303);
    // The page's own headers: a policy without inline scripts, framing only by the page and Telegram Web.
    const response = await fetch(`${url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'self' https://web.telegram.org");
  });

  it('takes a one-time link for 10 minutes, and not a minute longer', async () => {
    const linkFor = async () => {
      const sent = await bot.say(toan, 'private', '/banlamviec');
      return /\/link#(\S+)/.exec(sent.replies.map((r) => r.text).join('\n'))?.[1] as string;
    };
    const signIn = (token: string) =>
      fetch(`${url}/auth/link`, {
        method: 'POST',
        headers: { origin: url, 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
    // The bot's clock moves on (nothing after this test minds it).
    const late = await linkFor();
    later += 10 * 60_000 + 1_000;
    expect((await signIn(late)).status).toBe(410);
    const inTime = await linkFor();
    later += 9 * 60_000;
    expect((await signIn(inTime)).status).toBe(200);
  });
});
