/**
 * Draws the pictures the bot posts, from a store filled the way an agency of 60 fills it in two weeks
 * (a temporary one, deleted after), into a folder: the weekly post's, the monthly digest's, /kehoach's
 * and an empty week's. Then prints what drawing costs: the chart module's load time, one picture's time
 * and the longest stall of the event loop meanwhile.
 *
 * Usage: npx tsx scripts/chart-sample.ts [folder]   (default: ./out)
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { PostContext } from '../commands/posts/context.js';
import { monthlyDigest } from '../commands/posts/monthly.js';
import { planChart } from '../commands/posts/plan.js';
import { weeklyPost } from '../commands/posts/weekly.js';
import { parseAgency } from '../core/agency.js';
import type { EntryKind } from '../core/domain.js';
import { parsePlan } from '../core/plan.js';
import { pointsFor } from '../core/scoring.js';
import { vi } from '../locales/vi.js';
import { Store } from '../storage/store.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE = ['Thị', 'Văn', 'Hữu', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Đức', 'Thùy', 'Xuân'];
const GIVEN = [
  'Hương',
  'Việt',
  'Yến',
  'Thắng',
  'Ánh',
  'Lộc',
  'Duyên',
  'Trường',
  'Hạnh',
  'Dũng',
  'Quỳnh',
  'Tuấn',
  'Mỹ',
  'Khải',
  'Ngữ',
  'Tiến',
];
const TEXTS: [EntryKind, string][] = [
  ['deed', 'Trả lại ví tiền nhặt được ở sảnh cơ quan cho người đánh rơi'],
  ['deed', 'Hiến máu tình nguyện đợt 2 năm 2026'],
  ['task', 'Hoàn thành báo cáo sơ kết công tác tổ chức xây dựng Đảng'],
  ['task', 'Thẩm định hồ sơ quy hoạch cán bộ nhiệm kỳ 2025 - 2030 #dotxuat'],
  ['initiative', 'Số hóa hồ sơ đảng viên, tra cứu bằng mã QR #cntt'],
];

/** A small deterministic generator (mulberry32), so every run draws the same pictures. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function fill(store: Store, ctx: PostContext, now: Date): Promise<void> {
  const next = random(48);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const departments = ctx.agency.departments;
  const registered = new Date(now.getTime() - 60 * 86_400_000);
  const members = [];
  for (let i = 0; i < 60; i += 1) {
    const identity = `console:m${i}`;
    // 12 × 10 × 16 combinations walked with steps prime to each size: 60 different names.
    const fullName = `${FAMILY[i % 12]} ${MIDDLE[(i * 3) % 10]} ${GIVEN[(i * 7) % 16]}`;
    // Departments of unequal sizes, as in the agency: the Office is the largest.
    const departmentId = (departments[[0, 0, 0, 1, 1, 2, 2, 3, 4][i % 9] as number] ?? departments[0])
      ?.id as string;
    members.push(
      await store.saveMember(
        { identity, fullName, departmentId },
        { by: identity, platform: 'console', at: registered },
      ),
    );
  }
  let no = 0;
  for (let day = 13; day >= 0; day -= 1) {
    // The week before is quieter for one department, so this week shows who improved most.
    for (const member of members) {
      const quiet = day >= 7 && member.departmentId === departments[2]?.id;
      if (next() > (quiet ? 0.05 : 0.12)) continue;
      const [kind, text] = pick(TEXTS);
      const adhoc = text.includes('#dotxuat');
      const it = text.includes('#cntt');
      await store.addEntry(
        {
          kind,
          text,
          points: pointsFor(kind, { adhoc, it }, ctx.agency.points),
          adhoc,
          it,
          memberId: member.id,
        },
        {
          by: member.id,
          platform: 'console',
          at: new Date(now.getTime() - day * 86_400_000 - 3_600_000),
          source: `sample:${no++}`,
        },
      );
    }
  }
  const first = members[3];
  if (first) {
    await store.saveModel(
      {
        no: store.nextModelNo,
        subject: { kind: 'member', memberId: first.id },
        reason: 'Gương mẫu trong số hóa hồ sơ đảng viên',
        stage: 'discover',
        stages: [
          {
            stage: 'discover',
            at: new Date(now.getTime() - 2 * 86_400_000).toISOString(),
            by: first.id,
            note: '',
          },
        ],
        history: [
          {
            at: new Date(now.getTime() - 2 * 86_400_000).toISOString(),
            action: 'proposed',
            by: first.id,
            platform: 'console',
          },
        ],
      },
      { by: first.id, platform: 'console', at: new Date(now.getTime() - 2 * 86_400_000) },
    );
  }
}

async function main(): Promise<void> {
  const folder = process.argv[2] ?? 'out';
  await mkdir(folder, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'thidua-chart-sample-'));
  const store = await Store.open(dir);
  try {
    const agency = parseAgency(JSON.parse(await readFile('config/agency.json', 'utf8')));
    const plan = parsePlan(JSON.parse(await readFile('config/plan-2026.json', 'utf8')));
    const now = new Date('2026-11-27T09:30:00Z'); // Friday 16:30 in Vietnam, week 48
    let started = performance.now();
    const { renderBoardChart } = await import('../reports/chart.js');
    const loadMs = performance.now() - started;
    const ctx: PostContext = { t: vi, store, agency, plan, draw: renderBoardChart };
    await fill(store, ctx, now);

    const weekly = weeklyPost(ctx, now).chart;
    const pictures = {
      'chart-weekly.png': weekly,
      'chart-monthly.png': monthlyDigest(ctx, new Date('2026-12-01T01:00:00Z')).chart,
      'chart-plan.png': planChart(ctx, now),
      'chart-empty.png': weeklyPost(ctx, new Date('2027-01-08T09:30:00Z')).chart,
    };
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const times: Record<string, string> = {};
    for (const [name, chart] of Object.entries(pictures)) {
      if (!chart) continue;
      started = performance.now();
      const png = await renderBoardChart(chart.data);
      times[name] = `${(performance.now() - started).toFixed(0)} ms, ${(png.length / 1024).toFixed(0)} KB`;
      await writeFile(join(folder, name), png);
    }
    delay.disable();
    process.stdout.write(
      `${JSON.stringify(
        {
          node: process.version,
          folder,
          moduleLoad: `${loadMs.toFixed(0)} ms`,
          pictures: times,
          longestEventLoopStall: `${(delay.max / 1e6).toFixed(1)} ms`,
          rssMb: +(process.memoryUsage().rss / 1e6).toFixed(0),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
