import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../scripts/store-export.js';
import { Store } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';
import { postgresMissing, testDatabase } from '../helpers/postgres.js';
import { actor, addMember, logDeed } from '../helpers/store.js';

/** Runs one of the store commands as `npm run` does (tsx), with DATABASE_SCHEMA `schema`. */
function run(script: 'store-move' | 'store-export', args: string[], schema = 'thidua') {
  return spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, DATABASE_SCHEMA: schema, DATABASE_URL: '' },
  });
}

describe.skipIf(postgresMissing)('npm run store:move, between the embedded store and PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  let made: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    database = await testDatabase();
    made = await tempDir();
  });
  afterAll(async () => {
    await database?.drop();
    await made?.cleanup();
  });

  it('moves a store to PostgreSQL and back, checking every count and the whole, and never overwrites', async () => {
    const files = join(made.dir, 'files');
    const store = await Store.open(files);
    const lan = await addMember(store, 1, 'vp');
    const hung = await addMember(store, 2, 'cb');
    const first = await logDeed(store, lan.id, new Date('2026-03-02T01:00:00Z'), 'Hiến máu tình nguyện');
    await store.reviewEntry(first.code, 'approved', actor(hung.id, new Date('2026-03-03T01:00:00Z')));
    await store.compact();
    const second = await logDeed(store, hung.id, new Date('2026-03-04T01:00:00Z'), 'Trực thay đồng nghiệp');
    await store.withdrawEntry(second.code, actor(hung.id, new Date('2026-03-04T02:00:00Z')), 'nhầm');
    await store.close();
    const exported = async (where: string) => {
      const read = await Store.readOnly(where);
      const text = `${exportDocument(read)}\n`;
      await read.close();
      return text;
    };
    const original = await exported(files);

    const there = run('store-move', [files, database.url]);
    expect(there.stderr).toBe('');
    expect(there.status).toBe(0);
    expect(there.stdout).toMatch(/entries\s+2\s+2\n/);
    expect(there.stdout).toMatch(/entries withdrawn\s+1\s+1\n/);
    expect(there.stdout).toContain('every count and the whole store checked equal');
    expect(there.stdout).not.toContain(':@'); // no password shown (none here; the form is checked)
    // PostgreSQL's export is the embedded store's, byte for byte.
    expect(run('store-export', [database.url]).stdout).toBe(original);

    const back = join(made.dir, 'back');
    const home = run('store-move', [database.url, back]);
    expect(home.status).toBe(0);
    expect(await readdir(back)).toContain('store.snapshot');
    expect(await exported(back)).toBe(original);
    const reopened = await Store.open(back);
    expect(reopened.entries.map((e) => [e.code, e.status, e.review])).toEqual([
      ['VT1', 'active', 'approved'],
      ['VT2', 'withdrawn', 'pending'],
    ]);
    expect(reopened.handled(reopened.entries[0]?.source ?? '')).toEqual({
      type: 'entry.created',
      entry: 'VT1',
    });
    await reopened.close();

    // A place that already holds a store is never written over.
    const again = run('store-move', [files, database.url]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds a store; nothing was written/);
    expect(await exported(files)).toBe(original);
    // Each command is a tsx process: seconds each on a busy machine.
  }, 240_000);
});
