/**
 * Writes sample leaderboard pictures (a realistic week and an empty one) to a folder, and prints what
 * the chart module costs: its load time and memory, and how long one render takes and blocks the
 * event loop. Usage: npx tsx scripts/chart-sample.ts [folder]   (default: the current folder)
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BoardChart } from '../reports/chart.js';

const labels: BoardChart['labels'] = {
  departments: 'Tập thể dẫn đầu',
  topMembers: 'Cá nhân tiêu biểu',
  targets: 'Tiến độ kế hoạch năm',
  perMember: 'điểm bình quân/người',
  points: 'điểm',
  empty: 'Tuần này chưa có ghi nhận nào. Hãy mở đầu bằng /viectot, /hoanthanh hoặc /sangkien!',
};

const SAMPLE: BoardChart = {
  title: 'Bảng vàng thi đua tuần 48/2026',
  subtitle: '23/11/2026 – 29/11/2026',
  highlights: [
    { label: 'Tiến bộ nhất', text: 'Phòng Cán bộ, tăng 2,5 điểm/người so với tuần trước' },
    { label: 'Mô hình mới', text: 'Ứng dụng sổ tay đảng viên điện tử của Phòng Tổ chức đảng, đảng viên' },
  ],
  departments: [
    { name: 'Phòng Tổ chức đảng, đảng viên', perMember: 6.4 },
    { name: 'Văn phòng Ban', perMember: 5.25 },
    { name: 'Phòng Cán bộ', perMember: 4.8 },
    { name: 'Phòng Bảo vệ chính trị nội bộ', perMember: 3.5 },
    { name: 'Phòng Chính sách cán bộ', perMember: 2 },
  ],
  topMembers: [
    { name: 'Nguyễn Thị Thanh Hương', department: 'Phòng Tổ chức đảng, đảng viên', points: 14, rank: 1 },
    { name: 'Trần Quốc Việt', department: 'Văn phòng Ban', points: 12, rank: 2 },
    { name: 'Lê Hoàng Yến', department: 'Phòng Cán bộ', points: 12, rank: 2 },
    { name: 'Phạm Đức Thắng', department: 'Phòng Bảo vệ chính trị nội bộ', points: 9, rank: 4 },
    { name: 'Võ Thị Ngọc Ánh', department: 'Phòng Chính sách cán bộ', points: 8, rank: 5 },
    { name: 'Đặng Hữu Lộc', department: 'Văn phòng Ban', points: 7, rank: 6 },
    { name: 'Huỳnh Thị Mỹ Duyên', department: 'Phòng Tổ chức đảng, đảng viên', points: 6, rank: 7 },
    { name: 'Bùi Xuân Trường', department: 'Phòng Cán bộ', points: 5, rank: 8 },
  ],
  targets: [
    { title: '100% cán bộ, công chức hoàn thành nhiệm vụ được giao', ratio: 0.75, display: '45/60 (75%)' },
    { title: 'Ít nhất 01 mô hình ứng dụng CNTT', ratio: 1, display: '3/1' },
    { title: 'Mỗi phòng có ít nhất 01 điển hình tiên tiến được biểu dương', ratio: 0.6, display: '3/5' },
    { title: '100% cán bộ tham gia phong trào người tốt, việc tốt', ratio: 0.42, display: '25/60 (42%)' },
  ],
  labels,
};

const EMPTY: BoardChart = {
  title: 'Bảng vàng thi đua tuần 1/2027',
  subtitle: '04/01/2027 – 10/01/2027',
  departments: [],
  topMembers: [],
  targets: [],
  labels,
};

async function main(): Promise<void> {
  const folder = process.argv[2] ?? '.';
  const rss = process.memoryUsage().rss;
  let started = performance.now();
  const { renderBoardChart } = await import('../reports/chart.js');
  const loadMs = performance.now() - started;
  const loadRss = process.memoryUsage().rss - rss;
  const rssBeforeRenders = process.memoryUsage().rss;

  // The first render also reads the fonts' metrics; the later ones show the steady cost. Main-thread
  // CPU time (Node 23.9+) is what a render takes from the event loop, whatever else the machine does.
  const threadCpu = (process as { threadCpuUsage?: (since?: NodeJS.CpuUsage) => NodeJS.CpuUsage })
    .threadCpuUsage;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const times: number[] = [];
  const mainThread: number[] = [];
  for (let i = 0; i < 5; i++) {
    if (i === 1) delay.enable();
    started = performance.now();
    const cpu = threadCpu?.call(process);
    const png = await renderBoardChart(SAMPLE);
    times.push(performance.now() - started);
    if (cpu && threadCpu) {
      const used = threadCpu.call(process, cpu);
      mainThread.push((used.user + used.system) / 1000);
    }
    if (i === 0) await writeFile(join(folder, 'chart-sample.png'), png);
  }
  delay.disable();
  await writeFile(join(folder, 'chart-empty.png'), await renderBoardChart(EMPTY));
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  process.stdout.write(
    `${JSON.stringify(
      {
        node: process.version,
        moduleLoad: ms(loadMs),
        moduleRssMb: +(loadRss / 1e6).toFixed(1),
        firstRender: ms(times[0] ?? 0),
        laterRenders: times.slice(1).map(ms),
        mainThreadCpuPerRender: mainThread.length ? mainThread.map(ms) : 'needs Node 23.9+',
        longestEventLoopBlock: ms(delay.max / 1e6),
        rssBeforeRendersMb: +(rssBeforeRenders / 1e6).toFixed(1),
        rssAfterRendersMb: +(process.memoryUsage().rss / 1e6).toFixed(1),
      },
      null,
      2,
    )}\n`,
  );
}

await main();
