/**
 * The desk's one script (bundled by esbuild with the Mini App SDK, @telegram-apps/bridge; nothing is
 * fetched at run time). Pages work without it; it only does what a server cannot:
 * - inside Telegram, hands the Mini App's signed launch data to the server for a session, follows
 *   Telegram's light or dark theme, and shows Telegram's back button;
 * - on a one-time link, hands the link's secret (kept in the address's fragment, which browsers never
 *   send to a server) to the server once, and wipes it from the address bar;
 * - "select all" in the review queue.
 */
import { on, postEvent, retrieveLaunchParams, retrieveRawInitData } from '@telegram-apps/bridge';

type Colors = Record<string, string | undefined>;

const THEME_KEYS = [
  'bg_color',
  'text_color',
  'hint_color',
  'link_color',
  'button_color',
  'button_text_color',
  'secondary_bg_color',
  'section_bg_color',
  'accent_text_color',
  'destructive_text_color',
];

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function inTelegram(): boolean {
  try {
    retrieveLaunchParams();
    return true;
  } catch {
    return false;
  }
}

/** Telegram's theme as CSS variables (`--tg-bg-color`, …), and whether it is dark. */
function applyTheme(colors: Colors | undefined): void {
  if (!colors) return;
  const root = document.documentElement;
  for (const [key, value] of Object.entries(colors)) {
    const name = snake(key);
    if (value && THEME_KEYS.includes(name) && /^#[0-9a-f]{6}$/i.test(value)) {
      root.style.setProperty(`--tg-${name.replace(/_/g, '-')}`, value);
    }
  }
  const bg = colors.bg_color ?? colors.bgColor;
  if (bg && /^#[0-9a-f]{6}$/i.test(bg)) {
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(bg.slice(i, i + 2), 16));
    const light = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) > 128;
    root.dataset.scheme = light ? 'light' : 'dark';
  }
}

function say(message: string): void {
  let status = document.getElementById('desk-status');
  if (!status) {
    status = document.createElement('p');
    status.id = 'desk-status';
    status.className = 'notice';
    status.setAttribute('role', 'alert');
    document.querySelector('main')?.prepend(status);
  }
  status.textContent = message;
}

/** Trades a proof (Telegram's signed data, a link's secret) for a session; reloads where asked. */
async function signIn(url: string, init: RequestInit, then: string): Promise<void> {
  const status = document.getElementById('desk-status');
  if (status?.dataset.checking) status.textContent = status.dataset.checking;
  try {
    const response = await fetch(url, { method: 'POST', credentials: 'same-origin', ...init });
    const answer = (await response.json()) as { next?: string; message?: string };
    if (response.ok) {
      window.location.replace(then === '/' || then === '/link' ? (answer.next ?? '/desk') : then);
      return;
    }
    say(answer.message ?? String(response.status));
  } catch {
    say(status?.dataset.checking ? '…' : 'Network error');
  }
  document.body.classList.add('refused');
}

function selectAll(): void {
  for (const box of document.querySelectorAll<HTMLInputElement>('input[data-select-all]')) {
    box.addEventListener('change', () => {
      for (const item of box.form?.querySelectorAll<HTMLInputElement>('input[name="code"]') ?? []) {
        item.checked = box.checked;
      }
    });
  }
}

function main(): void {
  selectAll();
  const path = window.location.pathname;
  const telegram = inTelegram();
  if (telegram) {
    try {
      const params = retrieveLaunchParams() as { tgWebAppThemeParams?: Colors };
      applyTheme(params.tgWebAppThemeParams);
      on('theme_changed', (event) => applyTheme(event.theme_params as Colors));
      postEvent('web_app_ready');
      postEvent('web_app_expand');
      const home = path === '/' || path === '/desk';
      postEvent('web_app_setup_back_button', { is_visible: !home });
      on('back_button_pressed', () => window.history.back());
    } catch {
      // An old Telegram client without some method: the page works without it.
    }
  }
  // A fresh launch from Telegram carries its signed data in the fragment: trade it for a session.
  if (window.location.hash.includes('tgWebAppData=')) {
    const raw = retrieveRawInitData();
    if (raw) {
      void signIn(
        '/auth/telegram',
        { headers: { authorization: `tma ${raw}` } },
        path + window.location.search,
      );
      return;
    }
  }
  if (path === '/link') {
    const token = window.location.hash.slice(1);
    // The secret leaves the address bar and the history at once.
    window.history.replaceState(null, '', '/link');
    if (token) {
      void signIn(
        '/auth/link',
        { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) },
        '/link',
      );
    }
  }
}

main();
