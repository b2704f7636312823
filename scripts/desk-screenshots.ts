// Screenshots of the desk for the README (docs/desk-*.png): the console demo's store with one photo,
// the desk served on 127.0.0.1, Debian's Chromium at 360 and 1280 px, light and dark.
//
// Usage: npx tsx scripts/desk-screenshots.ts [OUTDIR]        (default docs/)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { PNG } from 'pngjs';
import { createApp } from '../bot/app.js';
import { createConfig } from '../bot/config.js';
import { DEMO_USER, seedDemo } from '../bot/console/demo.js';
import { silentLog } from '../core/log.js';
import type { Platform } from '../core/platform.js';
import { Store } from '../storage/store.js';
import { builtDeskAssets, launchChromium } from '../test/helpers/browser.js';

const out = process.argv[2] ?? 'docs';

/** A photo of a duty roster (a drawn stand-in): stripes of colour. */
function photo(): Buffer {
  const png = new PNG({ width: 320, height: 240 });
  for (let y = 0; y < 240; y += 1) {
    for (let x = 0; x < 320; x += 1) {
      const i = (y * 320 + x) * 4;
      const band = Math.floor(y / 40) % 2 === 0;
      png.data.set(band ? [236, 239, 244, 255] : [x % 64 < 32 ? 180 : 160, 40, 40, 255], i);
    }
  }
  return PNG.sync.write(png);
}

const dir = await mkdtemp(join(tmpdir(), 'thidua-shots-'));
const store = await Store.open(dir, {});
const config = createConfig({ DATA_DIR: dir });
await seedDemo(store, config.agency, new Date());
const lan = store.members.find((m) => m.fullName === 'Nguyễn Thị Lan');
if (lan) {
  await store.addEntry(
    {
      kind: 'deed',
      text: 'Trực thay ca cho đồng chí Hùng ốm đột xuất, bảo đảm lịch tiếp dân không gián đoạn',
      points: 2,
      adhoc: false,
      it: false,
      memberId: lan.id,
      photo: [{ platform: 'zalobot', fileId: `evidence/zalobot/${'a'.repeat(64)}.png` }],
    },
    { by: lan.id, platform: 'zalobot', at: new Date(Date.now() - 12 * 86_400_000), source: 'shots:1' },
  );
}
// The photo's platform: a stand-in that gives the picture back.
const image = photo();
const photos: Platform = {
  name: 'zalobot',
  async start() {},
  async stop() {},
  async reply() {},
  async sendToPerson() {
    return false;
  },
  admins: () => [],
  photo: async () => ({ data: image, type: 'image/png' }),
};
const app = createApp(config, {
  store,
  logger: silentLog as never,
  console: {
    locale: 'vi',
    input: new PassThrough(),
    output: new Writable({ write: (_c, _e, done) => done() }),
    ansi: false,
    intro: '',
    filesDir: dir,
    logger: silentLog as never,
  },
  platforms: [photos],
  deskAssets: await builtDeskAssets(),
  localDesk: { host: '127.0.0.1', port: 0 },
  backupCheckMs: 0,
});
await app.start();
const browser = await launchChromium();
try {
  const shots: [string, string, number, 'light' | 'dark', boolean][] = [
    ['queue', '/desk/queue', 1280, 'light', false],
    ['queue', '/desk/queue', 360, 'light', false],
    ['queue', '/desk/queue', 360, 'dark', false],
    ['figures', '/desk/figures', 1280, 'dark', true],
    ['titles', '/desk/titles', 1280, 'light', false],
    ['me', '/desk/me', 360, 'light', false],
  ];
  for (const [name, path, width, scheme, full] of shots) {
    const context = await browser.newContext({
      viewport: { width, height: width < 600 ? 780 : 860 },
      colorScheme: scheme,
      deviceScaleFactor: 1,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await page.goto(app.desk?.links.link(DEMO_USER.identity).url ?? '');
    await page.waitForURL(/\/desk$/);
    await page.goto(`${app.deskUrl}${path}`);
    await page.waitForLoadState('networkidle');
    const file = join(out, `desk-${name}-${width}-${scheme}.png`);
    await page.screenshot({ path: file, fullPage: full });
    process.stdout.write(`${file}\n`);
    await context.close();
  }
} finally {
  await browser.close();
  await app.stop();
  await rm(dir, { recursive: true, force: true });
}
