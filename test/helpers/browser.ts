import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '@telegram-apps/init-data-node';
import { type Browser, chromium } from 'playwright-core';
import { buildDesk } from '../../scripts/build.mjs';
import { type DeskAssets, readDeskAssets } from '../../web/assets.js';

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run. Without Chromium they are skipped, and say so — except under
 * CI, which installs it (.ci/run): there a missing browser is a failure, not a skip.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`CI=true, but ${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
  }
  process.stderr.write(
    `\n⚠ skipped: the desk's browser tests — no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`,
  );
  return false;
}

/** Chromium as the tests drive it: headless, no sandbox (root), nothing reaching the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The desk's assets, built by scripts/build.mjs as `npm start` builds them. */
export async function builtDeskAssets(): Promise<DeskAssets> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-desk-assets-'));
  try {
    await buildDesk(dir);
    return await readDeskAssets(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface MiniAppUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** Telegram's theme parameters of its light and dark themes (as a client sends them). */
export const THEMES = {
  light: {
    bg_color: '#ffffff',
    text_color: '#000000',
    hint_color: '#707579',
    link_color: '#3390ec',
    button_color: '#3390ec',
    button_text_color: '#ffffff',
    secondary_bg_color: '#f4f4f5',
    section_bg_color: '#ffffff',
    destructive_text_color: '#df3f40',
    accent_text_color: '#3390ec',
  },
  dark: {
    bg_color: '#212121',
    text_color: '#ffffff',
    hint_color: '#aaaaaa',
    link_color: '#8774e1',
    button_color: '#8774e1',
    button_text_color: '#ffffff',
    secondary_bg_color: '#181818',
    section_bg_color: '#212121',
    destructive_text_color: '#ff595a',
    accent_text_color: '#8774e1',
  },
} as const;

/**
 * The address Telegram opens a Mini App at: the page, and in its fragment the launch parameters —
 * the init data signed with the bot token (as Telegram signs it: @telegram-apps/init-data-node's
 * `sign`, HMAC-SHA-256 with the key HMAC("WebAppData", token)), the client's version and platform,
 * its theme.
 */
export function miniAppUrl(
  page: string,
  token: string,
  user: MiniAppUser,
  options: { authDate?: Date; theme?: keyof typeof THEMES; tamper?: boolean } = {},
): string {
  let initData = sign(
    {
      user: { ...user, allows_write_to_pm: true },
      query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
      chat_type: 'sender',
    },
    token,
    options.authDate ?? new Date(),
  );
  if (options.tamper) initData = initData.replace(/first_name%22%3A%22[^%]*/, 'first_name%22%3A%22Mallory');
  const params = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: '8.0',
    tgWebAppPlatform: 'tdesktop',
    tgWebAppThemeParams: JSON.stringify(THEMES[options.theme ?? 'light']),
  });
  return `${page}#${params.toString()}`;
}
