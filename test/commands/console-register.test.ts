import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp } from '../../bot/app.js';
import { createConfig } from '../../bot/config.js';
import { seedDemo } from '../../bot/console/demo.js';
import type { ConsolePlatform } from '../../bot/console/platform.js';
import { Store } from '../../storage/store.js';
import { memoryLogger, tempDir, testAgency } from '../helpers/agency.js';

/**
 * The choices' commands as a reader sees them where there are no buttons (the console, Zalo): people
 * and units by name, never by the store's ids (issue 21).
 */
let dir: string;
let cleanup: () => Promise<void>;
let store: Store;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await Store.open(dir);
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

async function chat(lines: string[]): Promise<string> {
  const agency = testAgency();
  const now = new Date('2026-05-04T03:00:00Z'); // before the plan's registration deadline
  await seedDemo(store, agency, now);
  const input = new PassThrough();
  const output = new PassThrough();
  let seen = '';
  output.on('data', (c: Buffer) => {
    seen += c.toString('utf8');
  });
  const app = createApp(createConfig({ DATA_DIR: dir }, agency), {
    store,
    logger: memoryLogger().logger,
    clock: () => now,
    console: { locale: 'vi', input, output, ansi: false, intro: 'demo', filesDir: join(dir, 'out') },
  });
  await app.start();
  input.end(lines.join('\n'));
  await (app.platforms[0] as ConsolePlatform).finished();
  return seen;
}

it('offers a colleague’s and a department’s titles by name, and a number registers them', async () => {
  const seen = await chat(['/dangkythidua @hung', '1', '/dangkythidua Phòng Cán bộ', '1']);
  const hung = store.members.find((m) => m.fullName === 'Trần Văn Hùng');
  expect(seen).toContain('— /dangkythidua Trần Văn Hùng LĐTT');
  expect(seen).toContain('— /dangkythidua Phòng Cán bộ ');
  expect(seen).not.toMatch(/\/dangkythidua (m\d+|cb) /);
  expect(store.registration(2026, { kind: 'member', memberId: hung?.id as string })?.titleId).toBe('ldtt');
  expect(store.registration(2026, { kind: 'department', departmentId: 'cb' })).toBeDefined();
});
