// `npm run bench:desk [SIZE ...]`: the desk's pages at a given number of entries (default 100000, a
// province's year), server time only — each request handled in this process by the HTTP app
// (`app.request`, no socket), from the request to the page's last byte, a Council member and admin
// signed in. The target: every page within 200 ms (lists are paged). Prints a table; no network, the
// store in a temporary folder removed afterwards.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bot/app.js';
import { createConfig } from '../bot/config.js';
import { silentLog } from '../core/log.js';
import { DOCUMENT_FILE, Store } from '../storage/store.js';
import { builtDeskAssets } from '../test/helpers/browser.js';
import { createHttpApp } from '../web/http.js';
import { agency, GROUP_ID, NOW, percentile, TELEGRAM_ID_BASE } from './common.js';
import { generateState } from './data.js';

const TOKEN = '123456789:AAExampleTokenForTestsOnly_0123456789';
const SAMPLES = Number(process.env.BENCH_DESK_SAMPLES ?? 15);
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const assets = await builtDeskAssets();

async function benchSize(size: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-bench-desk-'));
  try {
    const state = generateState(agency(), size);
    await writeFile(join(dir, DOCUMENT_FILE), JSON.stringify(state), 'utf8');
    const store = await Store.open(dir);
    const reviewer = `${TELEGRAM_ID_BASE + 1}`;
    const config = createConfig(
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_GROUP_ID: String(GROUP_ID),
        TELEGRAM_ADMIN_IDS: reviewer,
        TELEGRAM_COUNCIL_IDS: reviewer,
        DATA_DIR: dir,
        WEB_PUBLIC_URL: 'http://127.0.0.1:8080',
        WEB_PORT: '8080',
      },
      agency(),
    );
    // The bot as npm start builds it, not started: only its HTTP app answers, in this process.
    const app = createApp(config, {
      store,
      logger: silentLog as never,
      clock: () => NOW,
      deskAssets: assets,
      backupCheckMs: 0,
    });
    const http = createHttpApp({ log: silentLog, routes: [app.desk?.routes ?? (() => {})], perMinute: 1e9 });
    const token = app.desk?.links.link(`telegram:${reviewer}`).url.split('#')[1] ?? '';
    const signedIn = await http.request('/auth/link', {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:8080', 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (!cookie.startsWith('__Host-desk=')) throw new Error(`sign-in failed: ${signedIn.status}`);
    const pending = store.entries.filter((e) => e.review === 'pending');
    const someCode = pending[Math.floor(pending.length / 2)]?.code ?? 'VT1';
    const pages: [string, string][] = [
      ['home', '/desk'],
      ['queue, page 1', '/desk/queue'],
      ['queue, page 100', '/desk/queue?page=100'],
      ['queue, one department and kind', `/desk/queue?dept=${config.agency.departments[0]?.id}&kind=deed`],
      ['queue, one month', '/desk/queue?from=2026-10-01&to=2026-10-31'],
      ['figures, the year', '/desk/figures'],
      ['figures, a week', '/desk/figures?period=tuan'],
      ['titles (every member’s facts)', '/desk/titles'],
      ['a member’s page, the year', '/desk/me'],
      ['an entry', `/desk/entry/${someCode}`],
    ];
    process.stdout.write(`\nDesk pages at ${size} entries (${pending.length} pending), server time, ms\n`);
    process.stdout.write(
      `${'page'.padEnd(34)} | ${'first'.padStart(7)} | ${'median'.padStart(7)} | ${'p95'.padStart(7)} | ${'KB'.padStart(6)}\n`,
    );
    process.stdout.write(
      `${'-'.repeat(34)}-+-${'-'.repeat(7)}-+-${'-'.repeat(7)}-+-${'-'.repeat(7)}-+-${'-'.repeat(6)}\n`,
    );
    for (const [name, path] of pages) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i <= SAMPLES; i += 1) {
        const started = performance.now();
        const response = await http.request(path, { headers: { cookie } });
        const body = await response.arrayBuffer();
        times.push(performance.now() - started);
        bytes = body.byteLength;
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      }
      const [first, ...rest] = times;
      const cell = (n: number) => n.toFixed(1).padStart(7);
      process.stdout.write(
        `${name.padEnd(34)} | ${cell(first ?? 0)} | ${cell(percentile(rest, 50))} | ${cell(percentile(rest, 95))} | ${(bytes / 1024).toFixed(0).padStart(6)}\n`,
      );
    }
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

for (const size of sizes.length ? sizes : [100_000]) await benchSize(size);
