import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';
import { addMember, logDeed } from '../helpers/store.js';

/**
 * docs/deploy.md's procedures, run as the guide gives them: the daily backups copied off the machine
 * (deploy/copy-backups.sh), the restore drill on a machine that has never held the store
 * (npm run store:restore, then npm run store:export to count what came back), the logs read from the
 * journal (npm run logs), and the systemd units checked by systemd itself.
 */
const TSX = resolve('node_modules/.bin/tsx');
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

function run(command: string, args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    ...(input !== undefined ? { input } : {}),
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('docs/deploy.md', () => {
  it('the restore drill: a backup copied off the machine comes back whole on a machine that never held the store', async () => {
    const live = join(dir, 'server', 'data');
    const store = await Store.open(live);
    for (let n = 1; n <= 3; n += 1) {
      const member = await addMember(store, n);
      await logDeed(store, member.id, new Date(), `Việc tốt của đồng chí số ${n}`);
    }
    const backup = (await store.backupIfDue(new Date())) as string;
    await store.close();
    expect(backup).toBeTruthy();

    // Every night: the backups to the file server (here, a folder standing for it).
    const offsite = join(dir, 'fileserver', 'thidua');
    const copy = () => run('sh', ['deploy/copy-backups.sh', join(live, 'backups')], { BACKUP_DEST: offsite });
    const first = copy();
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`copied to ${offsite}`);
    expect(copy().code).toBe(0); // again: nothing changes, nothing fails
    const copied = await readdir(offsite);
    expect(copied).toEqual([expect.stringMatching(/^store-\d{4}-\d\d-\d\d\.snapshot$/)]);
    const name = copied[0] as string;
    expect(await readFile(join(offsite, name))).toEqual(await readFile(backup));

    // The drill, elsewhere: a data directory that does not exist yet.
    const drill = join(dir, 'drill', 'data');
    const empty = run(TSX, ['scripts/store-export.ts', drill]);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain(`no store in ${drill}`);
    const restored = run(TSX, ['scripts/store-restore.ts', join(offsite, name), drill]);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(`Restored ${name}`);
    expect(restored.out).toContain('3 entries, 3 members');
    const exported = run(TSX, ['scripts/store-export.ts', drill]);
    expect(exported.code).toBe(0);
    const document = JSON.parse(exported.out) as { members: unknown[]; entries: { text: string }[] };
    expect(document.members).toHaveLength(3);
    expect(document.entries.map((e) => e.text)).toContain('Việc tốt của đồng chí số 2');
  }, 60_000);

  it('the service runs the bot as npm start does: the same node flags, the same environment for the C library', async () => {
    const start = (
      JSON.parse(await readFile('package.json', 'utf8')) as { scripts: { start: string } }
    ).scripts.start
      .trim()
      .split(/\s+/);
    const node = start.indexOf('node');
    const unit = await readFile('deploy/thidua-bot.service', 'utf8');
    const exec = /^ExecStart=(.*)$/m.exec(unit)?.[1]?.trim().split(/\s+/) ?? [];
    const environment = [...unit.matchAll(/^Environment=(.*)$/gm)].flatMap((m) =>
      (m[1] as string).trim().split(/\s+/),
    );
    expect(start.slice(0, node)).toContain('MALLOC_ARENA_MAX=2');
    expect(exec.slice(1)).toEqual(start.slice(node + 1));
    expect(environment).toEqual(expect.arrayContaining(start.slice(0, node)));
  });

  it('copy-backups.sh says so when there is no backup to copy', () => {
    const result = run('sh', ['deploy/copy-backups.sh', join(dir, 'nothing')], {
      BACKUP_DEST: join(dir, 'dest'),
    });
    expect(result.code).toBe(1);
    expect(result.err).toContain('no backup in');
    expect(run('sh', ['deploy/copy-backups.sh', dir]).err).toContain('set BACKUP_DEST');
  });

  it('npm run logs reads the journal’s JSON lines as one readable line each', () => {
    const lines = [
      JSON.stringify({
        level: 40,
        time: Date.parse('2026-12-07T01:02:03Z'),
        app: 'thidua-bot',
        msg: 'Telegram unreachable; polling again every few seconds',
        error: "Network request for 'getUpdates' failed!",
      }),
      JSON.stringify({
        level: 30,
        time: Date.parse('2026-12-07T01:05:00Z'),
        app: 'thidua-bot',
        msg: 'Telegram reachable again',
        seconds: 177,
      }),
      'a line that is not the bot’s',
    ];
    const result = run(TSX, ['scripts/log-lines.ts'], {}, `${lines.join('\n')}\n`);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      `08:02:03 WARN  Telegram unreachable; polling again every few seconds · error="Network request for 'getUpdates' failed!"`,
      '08:05:00 INFO  Telegram reachable again · seconds=177',
      'a line that is not the bot’s',
      '',
    ]);
  });

  const analyze = '/usr/bin/systemd-analyze';
  it.skipIf(!existsSync(analyze) && process.env.CI !== 'true')(
    'the systemd units are read by systemd without a warning',
    async () => {
      // Installed as the guide says, in /opt/thidua-bot; here the repository stands for it.
      const units = join(dir, 'units');
      await run('mkdir', ['-p', units]);
      for (const unit of ['thidua-bot.service', 'thidua-backup-copy.service', 'thidua-backup-copy.timer']) {
        const text = (await readFile(join('deploy', unit), 'utf8'))
          .replaceAll('/usr/bin/node', process.execPath)
          .replaceAll('/opt/thidua-bot', resolve('.'));
        await writeFile(join(units, unit), text);
      }
      const result = run(analyze, [
        'verify',
        '--man=no',
        join(units, 'thidua-bot.service'),
        join(units, 'thidua-backup-copy.service'),
        join(units, 'thidua-backup-copy.timer'),
      ]);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
    },
  );
});
