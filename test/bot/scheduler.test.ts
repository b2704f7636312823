import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planJobs } from '../../bot/jobs.js';
import { Scheduler, type SchedulerOptions } from '../../bot/scheduler.js';
import type { PostContext } from '../../commands/posts/context.js';
import { parseCouncil } from '../../core/council.js';
import { Delivery } from '../../core/delivery.js';
import { htmlToPlain } from '../../core/html.js';
import { formatDateTime } from '../../core/periods.js';
import { type Plan, parsePlan } from '../../core/plan.js';
import { vi } from '../../locales/vi.js';
import { Store } from '../../storage/store.js';
import { memoryLogger, tempDir, testAgency } from '../helpers/agency.js';
import { FakePlatform } from '../helpers/fake-platform.js';
import { logDeed } from '../helpers/store.js';
import { VirtualTimers } from '../helpers/timers.js';

const plan: Plan = parsePlan(JSON.parse(readFileSync('config/plan-2026.json', 'utf8')));
const council = parseCouncil(JSON.parse(readFileSync('config/council-2026.json', 'utf8')));
const agency = testAgency();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Post {
  at: Date;
  to: string;
  text: string;
}

let dir: string;
let cleanup: () => Promise<void>;
let store: Store;
let now: Date;
let posts: Post[];
let failures: number;
let log: ReturnType<typeof memoryLogger>;

/** Telegram as a fake platform: what it is asked to send is recorded, stamped with the fake clock. */
class Recorder extends FakePlatform {
  override async sendToGroup(message: Parameters<FakePlatform['sendToGroup']>[0]) {
    if (failures > 0) {
      failures -= 1;
      throw new Error('429: Too Many Requests: retry after 5');
    }
    await super.sendToGroup(message);
    this.stamp();
  }
  override async sendToPerson(identity: string, message: Parameters<FakePlatform['sendToPerson']>[1]) {
    const sent = await super.sendToPerson(identity, message);
    this.stamp();
    return sent;
  }
  private stamp() {
    const last = this.sent.at(-1);
    if (last) posts.push({ at: now, to: last.to, text: last.text });
  }
}
let out: Recorder;

/** A scheduler on the fake clock, without jobs yet. */
function bareScheduler(options: Partial<SchedulerOptions> = {}): Scheduler {
  return new Scheduler({
    store,
    logger: log.logger,
    clock: () => now,
    graceMs: 12 * HOUR,
    retryDelaysMs: [60_000, 120_000],
    ...options,
  });
}

function scheduler(graceHours = 12, draw?: PostContext['draw']): Scheduler {
  const s = bareScheduler({ graceMs: graceHours * HOUR });
  const delivery = new Delivery([out], store);
  const ctx = () => ({ t: vi, store, agency, plan, council, draw });
  for (const job of planJobs(ctx, plan, ['telegram'], delivery, log.logger)) s.add(job);
  return s;
}

/** Moves the fake clock from `now` to `until`, waking the scheduler whenever something is due. */
async function simulate(s: Scheduler, until: Date): Promise<void> {
  await s.runDue(now);
  for (;;) {
    const wake = s.nextWake(now);
    if (!wake || wake > until) break;
    now = new Date(Math.max(wake.getTime(), now.getTime()));
    await s.runDue(now);
  }
  now = until;
}

/** Vietnam's wall clock of an instant (UTC+7 all year): [weekday, hour, minute]. */
function inVietnam(at: Date): [number, number, number] {
  const local = new Date(at.getTime() + 7 * HOUR);
  return [local.getUTCDay(), local.getUTCHours(), local.getUTCMinutes()];
}

const vnDay = (isoDay: string) => new Date(`${isoDay}T00:00:00+07:00`);

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await Store.open(dir);
  posts = [];
  failures = 0;
  out = new Recorder('telegram', ['900001']);
  log = memoryLogger();
  now = vnDay('2026-01-01');
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

const boards = () => posts.filter((p) => p.text.startsWith('🏆 Bảng vàng thi đua tuần'));
const digests = () => posts.filter((p) => p.text.startsWith('📰 Điểm tin thi đua'));

describe(`a simulated year 2026 (process TZ: ${process.env.TZ ?? 'system'})`, () => {
  it('posts one leaderboard every Friday at 16:30, a digest on every 1st at 08:00, and every milestone on its dates', async () => {
    await simulate(scheduler(), vnDay('2027-01-01'));

    const weekly = boards();
    expect(weekly).toHaveLength(52); // Fridays of 2026: 2 January … 25 December
    for (const post of weekly) expect(inVietnam(post.at)).toEqual([5, 16, 30]);
    expect(new Set(weekly.map((p) => p.text.split('\n')[0])).size).toBe(52);
    expect(weekly[0]?.text.split('\n')[0]).toBe(
      '🏆 Bảng vàng thi đua tuần — tuần 1/2026 (29/12/2025 – 04/01/2026, tính đến ngày 02/01/2026)',
    );

    const monthly = digests();
    expect(monthly).toHaveLength(12);
    for (const post of monthly) expect(inVietnam(post.at).slice(1)).toEqual([8, 0]);
    expect(monthly.map((p) => p.text.split('\n')[0])).toEqual([
      '📰 Điểm tin thi đua tháng 12/2025',
      ...Array.from(
        { length: 11 },
        (_, i) => `📰 Điểm tin thi đua tháng ${String(i + 1).padStart(2, '0')}/2026`,
      ),
    ]);

    const reminders = posts.filter((p) => p.to === 'group' && p.text.startsWith('📌'));
    for (const milestone of plan.milestones) {
      for (const before of [...milestone.remindDaysBefore, 0]) {
        const day = new Date(vnDay(milestone.date).getTime() - before * DAY);
        const post = reminders.find(
          (p) => p.at.getTime() === day.getTime() + 8 * HOUR && p.text.includes(milestone.title),
        );
        expect(post, `${milestone.id} ${before} days before`).toBeDefined();
        expect(post?.text).toContain(
          before ? `(còn ${before} ngày)` : `Hôm nay, ${milestone.date.split('-').reverse().join('/')}`,
        );
      }
    }
    // The Office's reports, the registration deadline and the province's dossier deadline are also
    // reminded to the admins in private.
    const toAdmin = posts.filter((p) => p.to === 'telegram:900001');
    const reportReminders = plan.milestones
      .filter((m) => m.kind === 'report' || m.kind === 'registration' || m.kind === 'dossier')
      .reduce((n, m) => n + m.remindDaysBefore.length + 1, 0);
    expect(toAdmin).toHaveLength(reportReminders);
    expect(toAdmin[0]?.text).toContain('Văn phòng lưu ý');
    // The dossier's deadline: two weeks ahead first, to whom it goes, and the Council not met yet.
    const dossier = plan.milestones.find((m) => m.kind === 'dossier');
    expect(dossier?.remindDaysBefore).toContain(14);
    const first = toAdmin.find((p) => p.text.startsWith('📮'));
    expect(first?.at).toEqual(new Date(vnDay(dossier?.date ?? '').getTime() - 14 * DAY + 8 * HOUR));
    expect(first?.text).toContain('(còn 14 ngày). Hồ sơ trình Chủ tịch Ủy ban nhân dân tỉnh');
    expect(first?.text).toContain('qua Sở Nội vụ');
    expect(first?.text).toContain('do cấp tỉnh quyết định; Ban chỉ đề nghị');
    expect(first?.text).toContain('chưa bế mạc phiên họp bình xét năm 2026');
    expect(first?.text).toContain('/duthao totrinhtinh');
  }, 60_000);

  it('never posts a slot twice across a restart in the middle of the year', async () => {
    await simulate(scheduler(), vnDay('2026-06-17'));
    await store.close();
    store = await Store.open(dir);
    await simulate(scheduler(), vnDay('2027-01-01'));
    expect(boards()).toHaveLength(52);
    expect(digests()).toHaveLength(12);
    const slots = posts.map((p) => `${p.to}|${p.at.toISOString()}|${p.text.split('\n')[0]}`);
    expect(new Set(slots).size).toBe(slots.length);
  }, 60_000);

  it('posts a slot missed while down once on return, within the grace window', async () => {
    await simulate(scheduler(), new Date('2026-03-13T09:00:00Z')); // Friday 16:00 in Vietnam
    const before = boards().length;
    // Down from 16:00 to 20:00: the 16:30 slot is missed.
    now = new Date('2026-03-13T13:00:00Z');
    await simulate(scheduler(), new Date('2026-03-13T13:00:00Z'));
    expect(boards()).toHaveLength(before + 1);
    expect(boards().at(-1)?.text).toContain('tuần 11/2026 (09/03/2026 – 15/03/2026, tính đến ngày');
    expect(formatDateTime(boards().at(-1)?.at as Date)).toBe('20:00 13/03/2026');
    await simulate(scheduler(), new Date('2026-03-14T13:00:00Z'));
    expect(boards()).toHaveLength(before + 1);
  });

  it('skips a slot missed by more than the grace window, and says so in the log', async () => {
    await simulate(scheduler(), new Date('2026-03-13T09:00:00Z'));
    const before = boards().length;
    // Down from Friday 16:00 to Saturday 10:00 in Vietnam: 17.5 hours after the slot.
    now = new Date('2026-03-14T03:00:00Z');
    await simulate(scheduler(), new Date('2026-03-20T10:00:00Z'));
    expect(boards()).toHaveLength(before + 1); // only the next Friday's
    expect(boards().at(-1)?.text).toContain('tuần 12/2026');
    const skipped = log.lines().filter((l) => String(l.msg).startsWith('scheduled post skipped'));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ job: 'leaderboard', slot: '2026-03-13T09:30:00.000Z', level: 40 });
  });

  it('retries a failed post with backoff and marks it done only once it is sent', async () => {
    await simulate(scheduler(), new Date('2026-03-13T09:00:00Z'));
    const s = scheduler();
    const before = boards().length;
    failures = 2;
    now = new Date('2026-03-13T09:30:00Z');
    await s.runDue(now);
    expect(boards()).toHaveLength(before);
    expect(store.lastJobSlot('leaderboard')?.toISOString()).toBe('2026-03-06T09:30:00.000Z');
    expect(s.nextWake(now)?.toISOString()).toBe('2026-03-13T09:31:00.000Z');
    await simulate(s, new Date('2026-03-13T12:00:00Z'));
    expect(boards()).toHaveLength(before + 1);
    expect(formatDateTime(boards().at(-1)?.at as Date)).toBe('16:33 13/03/2026'); // after 1 and 2 minutes
    expect(store.lastJobSlot('leaderboard')?.toISOString()).toBe('2026-03-13T09:30:00.000Z');
    expect(log.lines().filter((l) => l.msg === 'scheduled post failed; will retry')).toHaveLength(2);
  });

  it("posts to every platform's group, and an outage on one is retried there alone", async () => {
    await simulate(scheduler(), new Date('2026-03-13T09:00:00Z'));
    const zalo = new FakePlatform('zalobot');
    zalo.failGroupPosts = 1;
    const s = bareScheduler();
    const delivery = new Delivery([out, zalo], store);
    const ctx = () => ({ t: vi, store, agency, plan, council });
    for (const job of planJobs(ctx, plan, ['telegram', 'zalobot'], delivery, log.logger)) s.add(job);
    const before = boards().length;
    await simulate(s, new Date('2026-03-13T09:30:00Z')); // Friday 16:30 in Vietnam
    expect(boards()).toHaveLength(before + 1); // Telegram's group
    expect(zalo.sent).toHaveLength(0); // the Zalo Bot Platform was down: the slot is not recorded as posted
    expect(store.lastJobSlot('zalobot:leaderboard')?.toISOString()).toBe('2026-03-13T09:00:00.000Z');
    await simulate(s, new Date('2026-03-13T10:00:00Z'));
    expect(boards()).toHaveLength(before + 1); // never twice where it went
    expect(zalo.sent.map((m) => [m.to, m.text.split('\n')[0]])).toEqual([
      ['group', expect.stringMatching(/^🏆 Bảng vàng thi đua tuần — tuần 11\/2026/)],
    ]);
    expect(store.lastJobSlot('zalobot:leaderboard')?.toISOString()).toBe('2026-03-13T09:30:00.000Z');
  });

  it('retries a post that failed while catching up at start, after its backoff on real time', async () => {
    const timers = new VirtualTimers();
    const s = bareScheduler({ timers });
    let attempts = 0;
    // Once a year: croner's own wake-up never comes during the test.
    s.add({
      id: 'yearly',
      cron: '0 0 1 1 *',
      run: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('429: Too Many Requests: retry after 5');
      },
    });
    await store.markJobDone('yearly', new Date('2025-06-01T00:00:00Z'));
    now = new Date('2026-01-01T03:00:00Z'); // the slot of 1 January 00:00 in Vietnam, missed 10 hours ago
    await s.start();
    expect(attempts).toBe(1);
    expect(timers.waiting.map((w) => w.ms)).toEqual([60_000]);
    now = new Date(now.getTime() + 60_000);
    timers.fire();
    await s.stop();
    expect(attempts).toBe(2);
    expect(store.lastJobSlot('yearly')?.toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('wakes by itself at each slot on its timers, and arms the next wake after each run', async () => {
    const timers = new VirtualTimers();
    const s = bareScheduler({ timers });
    const ran: string[] = [];
    s.add({
      id: 'every-minute',
      cron: '* * * * *',
      run: async (slot) => {
        ran.push(slot.toISOString());
      },
    });
    now = new Date('2026-03-13T09:00:30Z');
    await s.start(); // the first start owes nothing
    expect(ran).toEqual([]);
    expect(timers.waiting.map((w) => w.ms)).toEqual([30_000]);
    now = new Date('2026-03-13T09:01:00Z');
    timers.fire();
    await s.runDue(); // after the run the wake started (runs are one at a time)
    expect(ran).toEqual(['2026-03-13T09:01:00.000Z']);
    expect(timers.waiting.map((w) => w.ms)).toEqual([60_000]);
    await s.stop();
    expect(timers.waiting).toEqual([]);
  });

  it('waits at most setTimeout’s limit for a far slot, and finds nothing due when woken early', async () => {
    const timers = new VirtualTimers();
    const s = bareScheduler({ timers });
    let runs = 0;
    s.add({
      id: 'yearly',
      cron: '0 0 1 1 *',
      run: async () => {
        runs += 1;
      },
    });
    now = new Date('2026-03-13T09:00:00Z');
    await s.start();
    expect(timers.waiting.map((w) => w.ms)).toEqual([2 ** 31 - 1]); // about 24.8 days, not 9 months
    now = new Date(now.getTime() + 2 ** 31 - 1);
    timers.fire();
    await s.runDue();
    expect(runs).toBe(0);
    expect(timers.waiting).toHaveLength(1);
    await s.stop();
  });
});

describe('the posts’ pictures', () => {
  it('go with the weekly post and the monthly digest as posts; reminders are filed as reminders', async () => {
    const drawn: string[] = [];
    const draw = async (chart: { title: string }) => {
      drawn.push(chart.title);
      return Buffer.from('png');
    };
    now = vnDay('2026-11-26');
    await simulate(scheduler(12, draw), vnDay('2026-12-04'));
    const sent = out.sent.filter((p) => p.to === 'group');
    expect(sent.map((p) => [p.kind, p.images, p.text.split('\n')[0]])).toEqual([
      [
        'post',
        ['bang-vang-tuan-48-2026.png'],
        '🏆 Bảng vàng thi đua tuần — tuần 48/2026 (23/11/2026 – 29/11/2026, tính đến ngày 27/11/2026)',
      ],
      ['reminder', [], expect.stringContaining('📌 Nhắc kế hoạch')], // 29 November
      ['reminder', [], expect.stringContaining('📌 Hôm nay, 30/11/2026')],
      ['post', ['diem-tin-thang-11-2026.png'], '📰 Điểm tin thi đua tháng 11/2026'],
      ['reminder', [], expect.stringContaining('📌 Nhắc kế hoạch')],
    ]);
    expect(drawn).toEqual(['Bảng vàng thi đua tuần 48/2026', 'Điểm tin thi đua tháng 11/2026']);
  });

  it('leave the text to go alone, and the reason in the log, when the picture cannot be drawn', async () => {
    const draw = async (): Promise<Buffer> => {
      throw new Error('the renderer is gone');
    };
    now = vnDay('2026-11-26');
    await simulate(scheduler(12, draw), vnDay('2026-11-28'));
    const weekly = boards();
    expect(weekly).toHaveLength(1);
    expect(out.sent.find((p) => p.text.startsWith('🏆'))?.images).toEqual([]);
    expect(store.lastJobSlot('leaderboard')?.toISOString()).toBe('2026-11-27T09:30:00.000Z');
    expect(log.lines().filter((l) => l.msg === 'could not draw the chart; the text goes alone')).toHaveLength(
      1,
    );
  });
});

describe('the weekly post', () => {
  it('matches the store: congratulations, top members, departments, good deeds, targets; nobody named as behind', async () => {
    const at = new Date('2026-01-05T02:00:00Z');
    const member = async (n: number, name: string, dept: string, privateChat = false) => {
      const m = await store.saveMember(
        { identity: `telegram:${n}`, fullName: name, departmentId: dept },
        { by: `telegram:${n}`, platform: 'telegram', at },
      );
      if (privateChat) await store.setMemberFlags(m.id, { privateChat: true });
      return m;
    };
    const lan = await member(1, 'Nguyễn Thị Lan', 'vp');
    const hung = await member(2, 'Trần Văn Hùng', 'cb');
    await member(3, 'Vũ Thị Mai', 'cb');
    const quiet = await member(4, 'Đặng Quốc Bảo', 'bvct', true);
    const week = new Date('2026-11-23T03:00:00Z'); // Monday of week 48
    await logDeed(store, lan.id, week, 'Trả lại ví <tiền> cho người đánh rơi');
    await logDeed(store, hung.id, week, 'Số hóa hồ sơ #cntt', { kind: 'initiative', points: 5, it: true });
    await logDeed(store, hung.id, week, 'Báo cáo quý', { kind: 'task', points: 1 });

    now = new Date('2026-11-27T09:30:00Z');
    const { weeklyPost } = await import('../../commands/posts/weekly.js');
    const text = htmlToPlain(weeklyPost({ t: vi, store, agency, plan }, now).html);
    expect(text).toContain('1. Trần Văn Hùng (Phòng Cán bộ) — 6 điểm');
    expect(text).toContain('2. Nguyễn Thị Lan (Văn phòng Ban) — 2 điểm');
    expect(text).toContain('1. Phòng Cán bộ — 3 điểm/người (tổng 6 điểm, 2 người)');
    expect(text).toContain('2. Văn phòng Ban — 2 điểm/người (tổng 2 điểm, 1 người)');
    expect(text).toContain('• Nguyễn Thị Lan: Trả lại ví <tiền> cho người đánh rơi');
    // Good news first; the departments with nothing logged are counted, not named.
    expect(text.split('\n').slice(2, 4)).toEqual(['🎉 Chúc mừng Trần Văn Hùng dẫn đầu với 6 điểm.', '']);
    expect(text).toContain(
      '2/5 phòng đã có ghi nhận trong tuần; mời các phòng cùng tiếp tục hưởng ứng phong trào.',
    );
    for (const quiet of [
      'Phòng Bảo vệ chính trị nội bộ',
      'Phòng Tổ chức đảng, đảng viên',
      'Phòng Chính sách cán bộ',
    ]) {
      expect(text).not.toContain(quiet);
    }
    // Targets over the year so far: 1 of 4 members and 1 of 5 departments with a completed task; 1 IT model.
    // Nothing is reviewed yet: each figure says how much of it awaits the Council.
    expect(text).toContain(
      '• 100% cán bộ, công chức, người lao động hoàn thành nhiệm vụ (có nhiệm vụ hoàn thành được ghi nhận): 1/4 (25%), trong đó 1 dựa trên mục chưa được duyệt',
    );
    expect(text).toContain(
      '• 100% phòng chuyên môn hoàn thành chương trình, kế hoạch công tác: 1/5 (20%), trong đó 1 dựa trên mục chưa được duyệt',
    );
    expect(text).toContain(
      '• Ít nhất 01 mô hình ứng dụng công nghệ thông tin trong quản lý, điều hành: 1/1, trong đó 1 dựa trên mục chưa được duyệt ▓▓▓▓▓▓▓▓▓▓',
    );
    expect(text).toContain(
      '• Gương người tốt, việc tốt được nêu gương (mức tham chiếu của Văn phòng): 1/50, trong đó 1 dựa trên mục chưa được duyệt ░░░░░░░░░░',
    );

    // The quiet member, who opened a private chat, is nudged on Monday 30 November; the others are not.
    now = new Date('2026-11-29T17:00:00Z');
    await simulate(scheduler(), new Date('2026-11-30T03:00:00Z'));
    const nudges = posts.filter((p) => p.text.startsWith('Chào'));
    expect(nudges.map((p) => p.to)).toEqual([quiet.identities[0]]);
    expect(nudges[0]?.text).toContain('Chào Đặng Quốc Bảo. Đã 14 ngày đồng chí chưa có ghi nhận nào.');
  });
});

describe('the reminders in private', () => {
  it('go to whoever opened a private chat and has nothing logged, by them or for them, in 14 days', async () => {
    const member = async (n: number, name: string) => {
      const m = await store.saveMember(
        { identity: `telegram:${n}`, fullName: name, departmentId: 'vp' },
        { by: `telegram:${n}`, platform: 'telegram', at: new Date('2026-01-05T02:00:00Z') },
      );
      await store.setMemberFlags(m.id, { privateChat: true });
      return m;
    };
    const lan = await member(1, 'Nguyễn Thị Lan');
    const hung = await member(2, 'Trần Văn Hùng');
    const mai = await member(3, 'Vũ Thị Mai');
    const bao = await member(4, 'Đặng Quốc Bảo');
    const lately = new Date('2026-11-23T03:00:00Z');
    await logDeed(store, lan.id, lately, 'Trả lại ví cho người đánh rơi');
    // Hùng logged it, Mai is credited: neither is reminded.
    await logDeed(store, hung.id, lately, 'Trực thay đồng nghiệp bị ốm', { memberId: mai.id });
    await logDeed(store, bao.id, new Date('2026-11-02T03:00:00Z'), 'Dọn dẹp kho lưu trữ hồ sơ');
    const { membersToNudge } = await import('../../commands/posts/nudges.js');
    const ctx = { t: vi, store, agency, plan };
    expect(membersToNudge(ctx, new Date('2026-11-30T03:00:00Z')).map((m) => m.fullName)).toEqual([
      'Đặng Quốc Bảo',
    ]);
  });
});

describe('the weekly post’s good news', () => {
  const week = new Date('2026-11-23T03:00:00Z'); // Monday of week 48
  const friday = new Date('2026-11-27T09:30:00Z');
  const post = async (slot: Date) => {
    const { weeklyPost } = await import('../../commands/posts/weekly.js');
    return htmlToPlain(weeklyPost({ t: vi, store, agency, plan }, slot).html);
  };

  it('names three leaders at most and counts the others tied with them', async () => {
    const at = new Date('2026-11-01T02:00:00Z');
    const names = ['Bùi Văn An', 'Lê Thị Bình', 'Ngô Văn Cường', 'Phạm Thị Dung', 'Trần Văn Em'];
    for (const [i, fullName] of names.entries()) {
      const member = await store.saveMember(
        { identity: `telegram:${i + 1}`, fullName, departmentId: 'vp' },
        { by: `telegram:${i + 1}`, platform: 'telegram', at },
      );
      await logDeed(store, member.id, week);
    }
    expect(await post(friday)).toContain(
      '🎉 Chúc mừng Bùi Văn An, Lê Thị Bình, Ngô Văn Cường và 2 người khác cùng dẫn đầu với 2 điểm.',
    );
  });

  it('quotes the latest ten deeds that count and counts the rest, whatever was rejected after them', async () => {
    const at = new Date('2026-11-01T02:00:00Z');
    const member = await store.saveMember(
      { identity: 'telegram:1', fullName: 'Bùi Văn An', departmentId: 'vp' },
      { by: 'telegram:1', platform: 'telegram', at },
    );
    const council = { by: 'telegram:1', platform: 'telegram' as const, at: friday };
    for (let i = 1; i <= 14; i += 1) {
      await logDeed(store, member.id, new Date(week.getTime() + i * 60_000), `Việc tốt thứ ${i} trong tuần`);
    }
    // The 25 deeds logged last were rejected: the ten quoted are those before them.
    for (let i = 1; i <= 25; i += 1) {
      const e = await logDeed(
        store,
        member.id,
        new Date(week.getTime() + 3_600_000 + i * 60_000),
        `Trùng ${i}`,
      );
      await store.reviewEntry(e.code, 'rejected', council, 'Ghi trùng với mục khác');
    }
    const text = await post(friday);
    expect(text).toContain('• Bùi Văn An: Việc tốt thứ 14 trong tuần');
    expect(text).toContain('• Bùi Văn An: Việc tốt thứ 5 trong tuần');
    expect(text).not.toContain('Việc tốt thứ 4 trong tuần');
    expect(text).not.toContain('Trùng');
    expect(text).toContain('… và 4 việc tốt khác.');
  });

  it('invites every department, and congratulates nobody, in a week without entries', async () => {
    const text = await post(friday);
    expect(text).toContain('Tuần này chưa có ghi nhận nào; mời các phòng cùng hưởng ứng phong trào.');
    expect(text).not.toContain('🎉');
    expect(text).not.toContain('📈');
  });
});
