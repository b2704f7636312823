/**
 * The core as platforms see it (core/router.ts `createHost`): once a command's replies — and later
 * its follow-ups, the report files — are delivered, the host says so (`done`), so the bot can give
 * the files' memory back (bot/app.ts); never before the platform has sent them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Command, Reply } from '../../core/context.js';
import { Delivery } from '../../core/delivery.js';
import { html } from '../../core/html.js';
import { silentLog } from '../../core/log.js';
import type { Reports } from '../../core/reports.js';
import { createHost, Router } from '../../core/router.js';
import { testAgency } from '../helpers/agency.js';
import { FakePlatform } from '../helpers/fake-platform.js';
import { addMember, useTempStore } from '../helpers/store.js';

const reports: Reports = {
  files: async () => [],
  draw: async () => Buffer.alloc(0),
  facts: () => [],
  readRecords: async () => undefined,
};

const temp = useTempStore();
let platform: FakePlatform;
/** What `done` was told, each with the files the platform had sent by then. */
let told: { files: string[]; sentBefore: string[] }[];
let host: ReturnType<typeof createHost>;
let finish: () => void;

beforeEach(async () => {
  await addMember(temp.store, 1, 'vp');
  platform = new FakePlatform('console');
  const later = new Promise<void>((resolve) => {
    finish = resolve;
  });
  // A command that answers at once with a list, then follows up with the workbook once it is built.
  const command: Command = {
    name: 'baocao',
    access: 'anyone',
    usage: () => '/baocao',
    description: () => 'Báo cáo',
    run: async (ctx) => {
      ctx.followUp(
        later.then(() => [{ html: html`Sổ`, files: [{ filename: 'so.xlsx', data: Buffer.from('PK') }] }]),
      );
      return [{ html: html`Danh sách`, files: [{ filename: 'ds.docx', data: Buffer.from('PK') }] }];
    },
  };
  const router = new Router({
    store: temp.store,
    agency: testAgency(),
    commands: [command],
    clock: () => new Date('2026-11-25T03:00:00Z'),
    reports,
  });
  told = [];
  host = createHost(router, new Delivery([platform], temp.store), silentLog, (replies: readonly Reply[]) =>
    told.push({
      files: replies.flatMap((r) => (r.files ?? []).map((f) => f.filename)),
      sentBefore: platform.sent.flatMap((s) => s.files),
    }),
  );
  await platform.start(host);
});

describe('the host, once replies are delivered', () => {
  it('says so for the command’s replies, and for its follow-ups once they are sent, never before', async () => {
    await platform.send('u1', '/baocao', { inPrivate: true });
    expect(told).toEqual([{ files: ['ds.docx'], sentBefore: ['ds.docx'] }]);
    finish();
    await host.idle();
    expect(told).toEqual([
      { files: ['ds.docx'], sentBefore: ['ds.docx'] },
      { files: ['so.xlsx'], sentBefore: ['ds.docx', 'so.xlsx'] },
    ]);
  });
});
