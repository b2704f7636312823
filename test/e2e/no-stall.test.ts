import { readdirSync, readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReportRunner } from '../../bot/reports.js';
import { SEAL_ROWS } from '../../storage/columns.js';
import { testAgency } from '../helpers/agency.js';
import { until } from '../helpers/live-bot.js';
import { TelegramHarness } from '../helpers/telegram.js';
import { readBook, table } from '../helpers/xlsx.js';

const ADMIN = 900001;
let tg: TelegramHarness;
/** The report thread waits here (Atomics) once a job has started: a deliberately slow report. */
let gate: Int32Array;
let started: Promise<void>;

const lan = () => tg.user(1001, 'Lan', { username: 'lan_nguyen' });
const admin = () => tg.user(ADMIN, 'Toàn');

beforeEach(async () => {
  gate = new Int32Array(new SharedArrayBuffer(4));
  let reached!: () => void;
  started = new Promise<void>((resolve) => {
    reached = resolve;
  });
  tg = await TelegramHarness.create({
    admins: [ADMIN],
    now: new Date('2026-11-10T03:00:00Z'),
    reports: { gate, onStart: () => reached() },
  });
  await tg.send(lan(), '/dangky Nguyễn Thị Lan | vp');
  await tg.send(lan(), '/viectot Trả lại ví tiền cho người đánh rơi');
});
afterEach(async () => {
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
  await tg.close();
});

function open(): void {
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
}

describe('a report being built holds nobody up', () => {
  it('answers a command in the same group while the year’s files are still being built, then sends them', async () => {
    // The admin asks for the year's files in the group; the report thread starts, and waits at the gate.
    const asked = tg.bot.handleUpdate(tg.update(admin(), '/tonghop nam file'));
    await started;
    await asked; // the admin's message is handled (its files will follow): the group's queue moves on

    // Meanwhile Lan logs a deed in the same group, and is answered — with the report still unfinished.
    const before = tg.calls.length;
    await tg.bot.handleUpdate(tg.update(lan(), '/viectot Trực thay đồng nghiệp bị ốm'));
    const answered = tg.seenSince(before);
    expect(answered.map((s) => s.text)).toEqual([expect.stringContaining('Đã lưu')]);
    expect(tg.callsOf('sendDocument')).toEqual([]);

    open();
    await tg.app.idle();
    const sent = tg.calls.slice(before).map((c) => c.method);
    expect(sent.indexOf('sendDocument')).toBeGreaterThan(sent.indexOf('sendMessage'));
    const files = tg.callsOf('sendDocument').map((c) => c.payload.document as { filename?: string });
    expect(files.map((f) => f.filename)).toEqual([
      'tong-hop-thi-dua-nam-2026.xlsx',
      'bao-cao-thi-dua-nam-2026.docx',
    ]);

    // The files show the store as it was when they were asked for: Lan's second deed came after.
    const [workbook] = tg.callsOf('sendDocument');
    const data = (workbook?.payload.document as { fileData: Buffer } | undefined)?.fileData;
    const book = await readBook(data as Buffer);
    const entries = table(book.getWorksheet('Các mục') as ExcelJS.Worksheet).rows;
    expect(entries.map((e) => e['Nội dung'])).toEqual(['Trả lại ví tiền cho người đánh rơi']);
  });

  it('the same request while it is being built is answered that it is on its way, and built once', async () => {
    await tg.bot.handleUpdate(tg.update(admin(), '/tonghop nam file'));
    await started;
    const before = tg.calls.length;
    await tg.bot.handleUpdate(tg.update(admin(), '/tonghop nam file'));
    await until('the answer to the second request', () => tg.seenSince(before).length > 0, 10_000);
    expect(tg.seenSince(before).map((s) => s.text)).toEqual(['Tệp này đang lập, sẽ gửi khi xong.']);
    open();
    await tg.app.idle();
    expect(
      tg.callsOf('sendDocument').map((c) => (c.payload.document as { filename?: string }).filename),
    ).toEqual(['tong-hop-thi-dua-nam-2026.xlsx', 'bao-cao-thi-dua-nam-2026.docx']);
  });

  // The report process is found among this process's children (Linux's /proc).
  it.skipIf(process.platform !== 'linux')(
    'answers the admin when the report process dies while building, and builds the next request in a new one',
    async () => {
      const asked = tg.bot.handleUpdate(tg.update(admin(), '/tonghop nam file'));
      await started;
      await asked;
      const before = tg.calls.length;
      const children = reportProcesses();
      expect(children).toHaveLength(1);
      for (const pid of children) process.kill(pid, 'SIGKILL');
      await tg.app.idle();
      expect(tg.seenSince(before).map((s) => s.text)).toEqual([
        expect.stringContaining('Xin lỗi, đã có lỗi khi xử lý lệnh này'),
      ]);
      expect(tg.callsOf('sendDocument')).toEqual([]);

      open();
      await tg.bot.handleUpdate(tg.update(admin(), '/tonghop nam file'));
      await tg.app.idle();
      expect(
        tg.callsOf('sendDocument').map((c) => (c.payload.document as { filename?: string }).filename),
      ).toEqual(['tong-hop-thi-dua-nam-2026.xlsx', 'bao-cao-thi-dua-nam-2026.docx']);
    },
  );

  it('two files asked for with writes between, the first still waiting to be built, each show the store as it was when asked for', async () => {
    // The first request's capture goes into the store's spare memory, is sent, and that memory is
    // the second's (storage/capture-spare.ts): the first file must not see what came after it.
    const runner = createReportRunner(tg.store, { agency: testAgency() }, { gate });
    const yearBook = () => runner.build([{ report: 'workbook', args: { period: yearOf2026() } }]);
    const listed = async (files: Promise<Buffer[]>) => {
      const [data] = await files;
      const book = await readBook(data as Buffer);
      return table(book.getWorksheet('Các mục') as ExcelJS.Worksheet).rows.map((e) => e['Nội dung']);
    };
    const first = yearBook();
    await tg.send(lan(), '/viectot Trực thay đồng nghiệp bị ốm');
    const second = yearBook();
    await tg.send(lan(), '/viectot Dọn vệ sinh phòng họp');
    const third = yearBook();
    open();
    expect(await listed(first)).toEqual(['Trả lại ví tiền cho người đánh rơi']);
    expect((await listed(second)).sort()).toEqual(
      ['Trả lại ví tiền cho người đánh rơi', 'Trực thay đồng nghiệp bị ốm'].sort(),
    );
    expect(await listed(third)).toHaveLength(3);
  });

  it('builds from the strings written since the start, sealed as they fill: each text and note as written, none written after the request', async () => {
    // More than a sealed piece of texts (storage/columns.ts SEAL_ROWS): the request carries the
    // sealed pieces as bytes and the rest as strings; the report process reads both.
    const runner = createReportRunner(tg.store, { agency: testAgency() }, { gate });
    const lan = tg.store.members[0]?.id as string;
    const write = (from: number, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, k) =>
          tg.store.addEntry(
            {
              kind: 'deed',
              text: `Việc tốt thứ ${from + k} — “đợt” 😀`,
              points: 1,
              adhoc: false,
              it: false,
              memberId: lan,
            },
            { by: lan, platform: 'telegram', at: new Date(Date.UTC(2026, 5, 1) + (from + k) * 60_000) },
          ),
        ),
      );
    await write(0, SEAL_ROWS + 50);
    await tg.store.reviewEntry(
      'VT2',
      'rejected',
      { by: lan, platform: 'telegram', at: new Date() },
      'Chưa đủ “minh chứng”',
    );
    const asked = tg.store.entries.map((e) => e.text);
    const files = runner.build([{ report: 'workbook', args: { period: yearOf2026() } }]);
    await write(SEAL_ROWS + 50, SEAL_ROWS);
    open();
    const [data] = await files;
    const book = await readBook(data as Buffer);
    const rows = table(book.getWorksheet('Các mục') as ExcelJS.Worksheet).rows;
    expect(rows.map((e) => e['Nội dung']).sort()).toEqual(asked.sort());
    expect(rows.find((e) => e.Mã === 'VT2')?.['Lý do không duyệt']).toBe('Chưa đủ “minh chứng”');
  }, 60_000);

  it('fails a request for a report that does not exist, and builds the next one', async () => {
    open();
    const runner = createReportRunner(tg.store, { agency: testAgency() });
    await expect(runner.build([{ report: 'nope', args: {} }])).rejects.toThrow('no report named nope');
    const [sheet] = await runner.build([{ report: 'reviewSheet', args: { period: yearOf2026() } }]);
    expect(sheet?.subarray(0, 2).toString()).toBe('PK');
  });
});

/** The report processes among this process's children (bot/reports.ts starts one per bot process). */
function reportProcesses(): number[] {
  return readdirSync('/proc/self/task')
    .flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean))
    .map(Number)
    .filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('report-worker'));
}

function yearOf2026() {
  return {
    kind: 'year',
    year: 2026,
    index: 2026,
    start: new Date('2025-12-31T17:00:00Z'),
    end: new Date('2026-12-31T17:00:00Z'),
  };
}
