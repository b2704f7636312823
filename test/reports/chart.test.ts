import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { type BoardChart, boardChartSvg, renderBoardChart } from '../../reports/chart.js';
import { svgToPng } from '../../reports/chart-png.js';
import { VIETNAMESE_LETTERS } from './vietnamese.js';

const labels: BoardChart['labels'] = {
  departments: 'Tập thể dẫn đầu',
  topMembers: 'Cá nhân tiêu biểu',
  targets: 'Tiến độ kế hoạch năm',
  perMember: 'điểm/người',
  points: 'điểm',
  empty: 'Tuần này chưa có ghi nhận nào. Hãy mở đầu bằng /viectot!',
};

function week(overrides: Partial<BoardChart> = {}): BoardChart {
  return {
    title: 'Bảng vàng thi đua tuần 48/2026',
    subtitle: '23/11/2026 – 29/11/2026',
    departments: [
      { name: 'Phòng Tổ chức đảng, đảng viên', perMember: 6.4, display: '6,4' },
      { name: 'Văn phòng Ban', perMember: 5.25, display: '5,3' },
      { name: 'Phòng Cán bộ', perMember: 4.8, display: '4,8' },
      { name: 'Phòng Bảo vệ chính trị nội bộ', perMember: 3.5, display: '3,5' },
      { name: 'Phòng Chính sách cán bộ', perMember: 2.5, display: '2,5' },
    ],
    topMembers: [
      {
        name: 'Nguyễn Thị Thanh Hương',
        department: 'Phòng Tổ chức đảng, đảng viên',
        points: 14,
        display: '14',
        rank: 1,
      },
      { name: 'Trần Quốc Việt', department: 'Văn phòng Ban', points: 12, display: '12', rank: 2 },
      { name: 'Lê Hoàng Yến', department: 'Phòng Cán bộ', points: 12, display: '12', rank: 2 },
      {
        name: 'Phạm Đức Thắng',
        department: 'Phòng Bảo vệ chính trị nội bộ',
        points: 11,
        display: '11',
        rank: 4,
      },
      { name: 'Võ Thị Ngọc Ánh', department: 'Phòng Chính sách cán bộ', points: 10, display: '10', rank: 5 },
    ],
    targets: [
      { title: '100% cán bộ, công chức hoàn thành nhiệm vụ', ratio: 0.75, display: '45/60 (75%)' },
      { title: 'Ít nhất 01 mô hình ứng dụng CNTT', ratio: 1, display: '3/1' },
      { title: 'Mỗi phòng có ít nhất 01 điển hình tiên tiến', ratio: 0.6, display: '3/5' },
    ],
    labels,
    ...overrides,
  };
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};

/** The texts of the picture, in drawing order, as a reader sees them. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '').replace(/&(lt|gt|quot|apos|amp);/g, (entity) => ENTITIES[entity] ?? entity),
  );
}

describe('the leaderboard picture', () => {
  it('is a PNG 1280 px wide and twice as tall as its layout', async () => {
    const { height } = await boardChartSvg(week());
    const png = PNG.sync.read(await renderBoardChart(week()));
    expect({ width: png.width, height: png.height }).toEqual({ width: 1280, height: 2 * height });
    expect(height).toBeGreaterThan(600);
  });

  it('takes its width and scale from the options', async () => {
    const { height } = await boardChartSvg(week(), { width: 480, scale: 1 });
    const png = PNG.sync.read(await renderBoardChart(week(), { width: 480, scale: 1 }));
    expect({ width: png.width, height: png.height }).toEqual({ width: 480, height });
  });

  it('shows departments by points per member, the top members and the targets with their figures', async () => {
    const shown = texts((await boardChartSvg(week())).svg);
    expect(shown.slice(0, 2)).toEqual(['Bảng vàng thi đua tuần 48/2026', '23/11/2026 – 29/11/2026']);
    expect(shown).toEqual(
      expect.arrayContaining([
        'Tập thể dẫn đầu',
        'Phòng Tổ chức đảng, đảng viên',
        '6,4',
        'Văn phòng Ban',
        '5,3',
      ]),
    );
    expect(shown).toEqual(expect.arrayContaining(['Nguyễn Thị Thanh Hương', '14', 'Lê Hoàng Yến', '12']));
    expect(shown).toEqual(expect.arrayContaining(['Ít nhất 01 mô hình ứng dụng CNTT', '3/1', '45/60 (75%)']));
    // Ranks in the badges: equal points share one.
    expect(shown.filter((t) => /^\d$/.test(t)).slice(0, 10)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '1',
      '2',
      '2',
      '4',
      '5',
    ]);
  });

  it('ticks a target only when it is reached for sure; a full bar awaiting review gets none', async () => {
    const ticks = async (targets: BoardChart['targets']) =>
      ((await boardChartSvg(week({ targets }))).svg.match(/<path /g) ?? []).length;
    const full = { title: 'Ít nhất 01 mô hình ứng dụng CNTT', ratio: 1, display: '1/1' };
    expect(await ticks([full])).toBe(1);
    expect(await ticks([{ ...full, done: true }])).toBe(1);
    expect(await ticks([{ ...full, done: false }])).toBe(0);
    expect(await ticks([{ ...full, ratio: 0.5, display: '1/2' }])).toBe(0);
  });

  it('puts the targets first when asked (the plan’s picture), after the standings by default', async () => {
    const order = async (targetsFirst?: boolean) =>
      texts((await boardChartSvg(week({ ...(targetsFirst ? { targetsFirst } : {}) }))).svg).filter((t) =>
        ['Tập thể dẫn đầu', 'Cá nhân tiêu biểu', 'Tiến độ kế hoạch năm'].includes(t),
      );
    expect(await order()).toEqual(['Tập thể dẫn đầu', 'Cá nhân tiêu biểu', 'Tiến độ kế hoạch năm']);
    expect(await order(true)).toEqual(['Tiến độ kế hoạch năm', 'Tập thể dẫn đầu', 'Cá nhân tiêu biểu']);
  });

  it('ranks equal departments alike, unless the caller gives the ranks', async () => {
    const tied = [
      { name: 'Văn phòng Ban', perMember: 4.5, display: '4,5' },
      { name: 'Phòng Cán bộ', perMember: 4.5, display: '4,5' },
      { name: 'Phòng Chính sách cán bộ', perMember: 3.5, display: '3,5' },
    ];
    const badges = async (departments: BoardChart['departments']) =>
      texts((await boardChartSvg(week({ departments, topMembers: [] }))).svg).filter((t) => /^\d$/.test(t));
    expect(await badges(tied)).toEqual(['1', '1', '3']);
    expect(await badges(tied.map((d, i) => ({ ...d, rank: i + 1 })))).toEqual(['1', '2', '3']);
  });

  it('congratulates: departments and members without points are left out', async () => {
    const chart = week({
      departments: [
        { name: 'Văn phòng Ban', perMember: 3, display: '3' },
        { name: 'Phòng Cán bộ', perMember: 0, display: '0' },
      ],
      topMembers: [
        { name: 'Trần Quốc Việt', department: 'Văn phòng Ban', points: 4, display: '4', rank: 1 },
        { name: 'Lê Hoàng Yến', department: 'Phòng Cán bộ', points: 0, display: '0', rank: 2 },
      ],
    });
    const shown = texts((await boardChartSvg(chart)).svg);
    expect(shown).toEqual(expect.arrayContaining(['Văn phòng Ban', 'Trần Quốc Việt']));
    expect(shown).not.toContain('Phòng Cán bộ');
    expect(shown).not.toContain('Lê Hoàng Yến');
  });

  it('invites everyone to start when nobody has points yet', async () => {
    const chart = week({
      highlights: [],
      departments: [{ name: 'Văn phòng Ban', perMember: 0, display: '0' }],
      topMembers: [],
      targets: [],
    });
    const { svg, height } = await boardChartSvg(chart);
    expect(texts(svg).join(' ')).toBe(
      'Bảng vàng thi đua tuần 48/2026 23/11/2026 – 29/11/2026 ' +
        'Tuần này chưa có ghi nhận nào. Hãy mở đầu bằng /viectot!',
    );
    const png = PNG.sync.read(await renderBoardChart(chart));
    expect({ width: png.width, height: png.height }).toEqual({ width: 1280, height: 2 * height });
  });

  it('keeps names with markup, quotes, emoji and control characters from breaking the SVG', async () => {
    const chart = week({
      title: 'Tuần <48> & "chào" \'mừng\'',
      departments: [{ name: ']]><script>alert(1)</script>', perMember: 2, display: '2' }],
      topMembers: [
        {
          name: 'Lan 👍🏽 & Hoa',
          department: 'Phòng\u0000 Cán\u001b[0m bộ\u202e 👨‍👩‍👧',
          points: 5,
          display: '5',
          rank: 1,
        },
      ],
    });
    const { svg } = await boardChartSvg(chart);
    expect(svg).not.toMatch(/<script|<48>|]]>/);
    const shown = texts(svg);
    expect(shown).toEqual(
      expect.arrayContaining([
        'Tuần <48> & "chào" \'mừng\'',
        ']]><script>alert(1)</script>',
        'Lan & Hoa',
        'Phòng Cán [0m bộ',
      ]),
    );
    expect(svg).not.toMatch(/\p{Cc}|\u202e|\p{Extended_Pictographic}/u);
    // resvg parses strictly: a stray "<" or "&" would make it throw.
    const png = PNG.sync.read(await renderBoardChart(chart));
    expect(png.width).toBe(1280);
  });

  it('shortens long names with an ellipsis and never separates a letter from its marks', async () => {
    // Decomposed input (as some keyboards send it); Q̃ has no composed form, so its mark stays separate.
    const name = 'Tôn Nữ Hoàng Q\u0303uỳnh '.repeat(6).normalize('NFD');
    const chart = week({
      departments: [{ name, perMember: 3, display: '3' }],
      topMembers: [{ name, department: name, points: 5, display: '5', rank: 1 }],
      targets: [{ title: name, ratio: 0.5, display: '1/2' }],
    });
    const whole = name.normalize('NFC');
    for (let width = 420; width <= 700; width += 9) {
      const cut = texts((await boardChartSvg(chart, { width })).svg).filter((t) => t.endsWith('…'));
      // The department's and the member's names, the member's department, and (when the narrower
      // pictures need it) the target's second line.
      expect(cut.length).toBeGreaterThanOrEqual(3);
      for (const text of cut) {
        expect(whole).toContain(text.slice(0, -1).trimEnd());
        expect(text).not.toMatch(/(?<!Q)\u0303/);
      }
    }
  });

  it('stays within Telegram’s 2560 px for a long board, leaving out rows as "+N"', async () => {
    const long = 'Phòng Tổ chức đảng, đảng viên và Bảo vệ chính trị nội bộ của Ban Tổ chức Tỉnh ủy';
    const chart = week({
      highlights: Array.from({ length: 5 }, () => ({ label: 'Tiến bộ nhất', text: long })),
      departments: Array.from({ length: 15 }, (_, i) => ({
        name: `${long} ${i}`,
        perMember: 20 - i,
        display: String(20 - i),
      })),
      topMembers: Array.from({ length: 12 }, (_, i) => ({
        name: long,
        department: long,
        points: 30 - i,
        display: String(30 - i),
        rank: i + 1,
      })),
      targets: Array.from({ length: 10 }, () => ({ title: long, ratio: 0.3, display: '30/100 (30%)' })),
    });
    const { svg, height, scale } = await boardChartSvg(chart);
    expect(height).toBeLessThanOrEqual(1600);
    expect(texts(svg).filter((t) => /^\+\d+$/.test(t)).length).toBeGreaterThan(0);
    const png = PNG.sync.read(await renderBoardChart(chart));
    expect(Math.max(png.width, png.height)).toBe(2560);
    expect(png.width).toBe(Math.round(640 * scale));
  });
});

describe('Vietnamese text', () => {
  it('keeps every Vietnamese letter of the labels, composed, in the chart', async () => {
    const chunks = Array.from({ length: 8 }, (_, i) =>
      VIETNAMESE_LETTERS.slice(i * 17, i * 17 + 17).join(''),
    );
    const chart = week({
      departments: chunks.map((name, i) => ({ name, perMember: 10 - i, display: String(10 - i) })),
      // The same letters decomposed, as some keyboards type them.
      topMembers: chunks.map((name, i) => ({
        name: name.normalize('NFD'),
        department: 'Văn phòng Ban',
        points: 9 - i,
        display: String(9 - i),
        rank: i + 1,
      })),
    });
    const { svg } = await boardChartSvg(chart);
    const shown = texts(svg);
    for (const chunk of chunks) expect(shown.filter((t) => t === chunk)).toHaveLength(2);
    expect(PNG.sync.read(await renderBoardChart(chart)).width).toBe(1280);
  });

  it('draws each letter with its own glyph: none blank, none the missing-glyph box', async () => {
    // One letter a cell; with no font every cell is blank, with a glyph missing two cells hold the same box.
    const columns = 16;
    const cell = { width: 40, height: 44 };
    const rows = Math.ceil(VIETNAMESE_LETTERS.length / columns);
    const cells = VIETNAMESE_LETTERS.map(
      (letter, i) =>
        `<text x="${(i % columns) * cell.width + 8}" y="${Math.floor(i / columns) * cell.height + 32}" font-size="24">${letter}</text>`,
    );
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${columns * cell.width}" height="${rows * cell.height}">` +
      `${cells.join('')}</svg>`;
    const png = PNG.sync.read(await svgToPng(svg, 1, '#FFFFFF'));
    const pixels = (i: number) => {
      const parts: Buffer[] = [];
      const left = (i % columns) * cell.width;
      const top = Math.floor(i / columns) * cell.height;
      for (let y = top; y < top + cell.height; y++) {
        parts.push(png.data.subarray((y * png.width + left) * 4, (y * png.width + left + cell.width) * 4));
      }
      return Buffer.concat(parts);
    };
    const seen = new Map<string, string[]>();
    const blank: string[] = [];
    VIETNAMESE_LETTERS.forEach((letter, i) => {
      const cellPixels = pixels(i);
      if (cellPixels.every((byte) => byte === 0xff)) blank.push(letter);
      const key = cellPixels.toString('base64');
      seen.set(key, [...(seen.get(key) ?? []), letter]);
    });
    expect(blank).toEqual([]);
    expect([...seen.values()].filter((letters) => letters.length > 1)).toEqual([]);
  });
});
