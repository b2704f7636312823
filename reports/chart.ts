import type { BoardChart } from '../core/reports.js';
import { type Fonts, loadFonts, type Weight } from './chart-font.js';
import { svgToPng } from './chart-png.js';
import { balancedLines, drawable, ellipsise, escapeXml } from './chart-text.js';

export type { BoardChart };

export interface ChartOptions {
  /** Width in layout units; default 640. */
  width?: number;
  /** Device pixels per layout unit; default 2, so 1280 px wide. A tall picture gets less (maxPixels). */
  scale?: number;
  /**
   * The longer side of the PNG at most, in pixels; default 2560, the size Telegram scales photos down
   * to. A taller picture is drawn at a smaller scale rather than cropped.
   */
  maxPixels?: number;
  /** The tallest picture, in layout units; default 1600. Rows are left out (shown as "+N") to stay within. */
  maxHeight?: number;
}

/** At most this many rows of each kind, before the height limit takes more away. */
const LIMITS = { highlights: 3, departments: 12, members: 10, targets: 8 } as const;

const COLOURS = {
  page: '#F6F3EC',
  header: '#9F1D20',
  headerText: '#FFFFFF',
  headerSub: '#F9E3B4',
  gold: '#F2C14E',
  card: '#FFFFFF',
  cardLine: '#E6E0D2',
  title: '#2A2522',
  text: '#1F2933',
  muted: '#6B7280',
  track: '#EDEBE4',
  bar: '#3A9A84',
  /** A target on its way: blue, so that a reached one (green, with a tick) stands out. */
  progress: '#4B84B8',
  leaderBar: '#E0A526',
  done: '#2E9A5B',
  highlight: '#FFF6DC',
  highlightLine: '#F0DDA2',
  topRow: '#FFF9EA',
} as const;

const MEDALS: Record<number, { fill: string; text: string }> = {
  1: { fill: '#EDBB2F', text: '#4D3A00' },
  2: { fill: '#BCC6D0', text: '#2E3B47' },
  3: { fill: '#D89560', text: '#4A2A10' },
};
const PLAIN_BADGE = { fill: '#EEF0F2', text: '#56616C' };

const PAD = 24;
const CARD_PAD = 18;
const CARD_GAP = 14;

/** The leaderboard picture as a PNG: departments, top members, the plan's targets. */
export async function renderBoardChart(chart: BoardChart, options: ChartOptions = {}): Promise<Buffer> {
  const { svg, scale } = await boardChartSvg(chart, options);
  return svgToPng(svg, scale, COLOURS.page);
}

/**
 * The same picture as SVG: its size in layout units, and the scale the PNG is drawn at (so the PNG is
 * round(width × scale) × round(height × scale) pixels).
 */
export async function boardChartSvg(
  chart: BoardChart,
  options: ChartOptions = {},
): Promise<{ svg: string; width: number; height: number; scale: number }> {
  const fonts = await loadFonts();
  const width = options.width ?? 640;
  const maxHeight = options.maxHeight ?? 1600;
  const board = prepare(chart, fonts);
  const counts = {
    highlights: Math.min(board.highlights.length, LIMITS.highlights),
    departments: Math.min(board.departments.length, LIMITS.departments),
    members: Math.min(board.members.length, LIMITS.members),
    targets: Math.min(board.targets.length, LIMITS.targets),
  };
  let page = layout(board, counts, fonts, width);
  // Too tall: take a row from the longest list until it fits (every list keeps at least one row).
  while (page.height > maxHeight) {
    const longest = (['members', 'departments', 'targets', 'highlights'] as const)
      .filter((kind) => counts[kind] > 1)
      .sort((a, b) => counts[b] - counts[a])[0];
    if (!longest) break;
    counts[longest]--;
    page = layout(board, counts, fonts, width);
  }
  const height = Math.ceil(page.height);
  const maxPixels = options.maxPixels ?? 2560;
  const scale = Math.min(options.scale ?? 2, maxPixels / Math.max(width, height));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="${COLOURS.page}"/>${page.body}</svg>`;
  return { svg, width, height, scale };
}

/** The chart's user text cleaned for drawing, numbers formatted, empty lists recognised. */
interface Board {
  title: string;
  subtitle: string;
  highlights: { label: string; text: string }[];
  departments: { rank: number; name: string; value: string; ratio: number }[];
  members: { rank: number; name: string; department: string; points: string }[];
  targets: { title: string; ratio: number; display: string; done: boolean }[];
  targetsFirst: boolean;
  labels: BoardChart['labels'];
}

function prepare(chart: BoardChart, fonts: Fonts): Board {
  const clean = (text: string) => drawable(text, fonts[400]);
  const finite = (n: number) => (Number.isFinite(n) ? n : 0);
  // Departments and members without points are left out: the picture congratulates, it does not list
  // who is behind. With nobody left, the card says so kindly.
  const departments = chart.departments.filter((d) => finite(d.perMember) > 0);
  const best = Math.max(0, ...departments.map((d) => d.perMember));
  let rank = 0;
  const ranked = departments.map((d, i) => {
    if (i === 0 || d.perMember !== departments[i - 1]?.perMember) rank = i + 1;
    return { rank: d.rank ?? rank, name: clean(d.name), value: clean(d.display), ratio: d.perMember / best };
  });
  return {
    title: clean(chart.title),
    subtitle: clean(chart.subtitle ?? ''),
    highlights: (chart.highlights ?? [])
      .map((h) => ({ label: clean(h.label), text: clean(h.text) }))
      .filter((h) => h.label || h.text),
    departments: ranked,
    members: chart.topMembers
      .filter((m) => finite(m.points) > 0)
      .map((m) => ({
        rank: m.rank,
        name: clean(m.name),
        department: clean(m.department),
        points: clean(m.display),
      })),
    targets: chart.targets.map((t) => {
      const ratio = Math.max(0, Math.min(1, finite(t.ratio)));
      return { title: clean(t.title), ratio, display: clean(t.display), done: t.done ?? ratio >= 1 };
    }),
    targetsFirst: chart.targetsFirst ?? false,
    labels: Object.fromEntries(
      Object.entries(chart.labels).map(([key, value]) => [key, clean(value)]),
    ) as BoardChart['labels'],
  };
}

type Counts = Record<'highlights' | 'departments' | 'members' | 'targets', number>;

function layout(board: Board, counts: Counts, fonts: Fonts, width: number): { body: string; height: number } {
  const draw = new Drawing(fonts);
  const inner = width - 2 * PAD - 2 * CARD_PAD;
  const left = PAD + CARD_PAD;
  let y = header(draw, board, width);

  const targets = () => {
    if (counts.targets === 0) return;
    y = card(draw, y, width, COLOURS.card, COLOURS.cardLine, (top) => {
      let at = sectionTitle(draw, top, left, inner, board.labels.targets, '');
      const shown = board.targets.slice(0, counts.targets);
      for (const t of shown) {
        const displayWidth = draw.width(t.display, 16, 700) + (t.done ? 24 : 0);
        const lines = balancedLines(t.title, (s) => draw.width(s, 16, 400), inner - displayWidth - 16, 2);
        lines.forEach((line, i) => {
          draw.text(left, at + 17 + 22 * i, line, 16, 400, COLOURS.text);
        });
        draw.text(left + inner, at + 17, t.display, 16, 700, t.done ? COLOURS.done : COLOURS.title, 'end');
        if (t.done) draw.check(left + inner - displayWidth + 8, at + 11, 8, COLOURS.done);
        at += 22 * lines.length + 6;
        draw.bar(left, at, inner, 10, t.ratio, t.done ? COLOURS.done : COLOURS.progress);
        at += 28;
      }
      return more(draw, at, left, inner, board.targets.length - shown.length) - 12;
    });
  };
  // The plan's picture opens with its targets; a leaderboard's ends with them.
  if (board.targetsFirst) targets();

  if (counts.highlights > 0) {
    y = card(draw, y, width, COLOURS.highlight, COLOURS.highlightLine, (top) => {
      let at = top;
      const shown = board.highlights
        .slice(0, counts.highlights)
        .map((h) => ({ label: h.label && h.text ? `${h.label}:` : h.label, text: h.text }));
      // The texts start in one column, after the widest label (at most 40% of the card).
      const gap = draw.width(' ', 16, 700);
      const widest = Math.max(...shown.map((h) => (h.label ? draw.width(h.label, 16, 700) + gap : 0)));
      const column = Math.min(widest, inner * 0.4);
      for (const h of shown) {
        const label = ellipsise(h.label, (s) => draw.width(s, 16, 700), h.text ? column - gap : inner - 26);
        const lines = balancedLines(h.text, (s) => draw.width(s, 16, 400), inner - 26 - column, 2);
        draw.star(left + 8, at + 11, 9, COLOURS.leaderBar);
        draw.text(left + 26, at + 17, label, 16, 700, COLOURS.title);
        lines.forEach((line, i) => {
          draw.text(left + 26 + column, at + 17 + 23 * i, line, 16, 400, COLOURS.text);
        });
        at += 23 * Math.max(1, lines.length) + 8;
      }
      return at - 4;
    });
  }

  if (board.departments.length === 0 && board.members.length === 0) {
    // Nobody has points yet: one kind invitation instead of two empty lists.
    y = card(draw, y, width, COLOURS.card, COLOURS.cardLine, (top) => {
      draw.star(width / 2, top + 40, 34, COLOURS.gold);
      const lines = balancedLines(board.labels.empty, (s) => draw.width(s, 18, 400), inner - 20, 4);
      lines.forEach((line, i) => {
        draw.text(width / 2, top + 108 + 27 * i, line, 18, 400, COLOURS.text, 'middle');
      });
      return top + 108 + 27 * (lines.length - 1) + 12;
    });
  } else {
    y = card(draw, y, width, COLOURS.card, COLOURS.cardLine, (top) => {
      let at = sectionTitle(draw, top, left, inner, board.labels.departments, board.labels.perMember);
      if (board.departments.length === 0) return emptyNote(draw, at, left, inner, board.labels.empty);
      const shown = board.departments.slice(0, counts.departments);
      for (const d of shown) {
        const valueWidth = draw.width(d.value, 17, 700);
        draw.badge(left + 12, at + 11, d.rank);
        const name = ellipsise(d.name, (s) => draw.width(s, 16, 600), inner - 34 - valueWidth - 12);
        draw.text(left + 34, at + 17, name, 16, 600, COLOURS.text);
        draw.text(left + inner, at + 17, d.value, 17, 700, COLOURS.title, 'end');
        draw.bar(left + 34, at + 28, inner - 34, 10, d.ratio, d.rank === 1 ? COLOURS.leaderBar : COLOURS.bar);
        at += 50;
      }
      return more(draw, at, left, inner, board.departments.length - shown.length) - 12;
    });

    y = card(draw, y, width, COLOURS.card, COLOURS.cardLine, (top) => {
      let at = sectionTitle(draw, top, left, inner, board.labels.topMembers, '');
      if (board.members.length === 0) return emptyNote(draw, at, left, inner, board.labels.empty);
      const shown = board.members.slice(0, counts.members);
      const unitWidth = draw.width(` ${board.labels.points}`, 14, 400);
      for (const m of shown) {
        if (m.rank <= 3) draw.rect(left - 8, at - 6, inner + 16, 36, 10, COLOURS.topRow);
        draw.badge(left + 12, at + 12, m.rank);
        const pointsWidth = draw.width(m.points, 18, 700);
        draw.text(left + inner, at + 18, board.labels.points, 14, 400, COLOURS.muted, 'end');
        draw.text(left + inner - unitWidth, at + 18, m.points, 18, 700, COLOURS.title, 'end');
        // Name and department share the line; the department gives way first.
        const room = inner - 34 - pointsWidth - unitWidth - 12;
        const name = ellipsise(m.name, (s) => draw.width(s, 16, 600), room * 0.62);
        const nameWidth = draw.width(name, 16, 600);
        draw.text(left + 34, at + 18, name, 16, 600, COLOURS.text);
        const department = ellipsise(m.department, (s) => draw.width(s, 14, 400), room - nameWidth - 10);
        if (department.length > 1)
          draw.text(left + 34 + nameWidth + 10, at + 18, department, 14, 400, COLOURS.muted);
        at += 40;
      }
      return more(draw, at, left, inner, board.members.length - shown.length) - 10;
    });
  }

  if (!board.targetsFirst) targets();
  return { body: draw.body, height: y + PAD - CARD_GAP };
}

function header(draw: Drawing, board: Board, width: number): number {
  const textLeft = PAD + 50;
  const titleLines = balancedLines(board.title, (s) => draw.width(s, 26, 700), width - textLeft - PAD, 2);
  const subtitle = ellipsise(board.subtitle, (s) => draw.width(s, 16, 400), width - textLeft - PAD);
  const height = 26 + 34 * titleLines.length + (subtitle ? 26 : 0) + 18;
  draw.rect(0, 0, width, height, 0, COLOURS.header);
  draw.rect(0, height - 5, width, 5, 0, COLOURS.gold);
  draw.star(PAD + 16, 26 + 17, 17, COLOURS.gold);
  titleLines.forEach((line, i) => {
    draw.text(textLeft, 26 + 26 + 34 * i, line, 26, 700, COLOURS.headerText);
  });
  if (subtitle) draw.text(textLeft, 26 + 34 * titleLines.length + 18, subtitle, 16, 400, COLOURS.headerSub);
  return height + CARD_GAP + 2;
}

/** A white card from `top`; `content` draws inside and returns where its content ends. */
function card(
  draw: Drawing,
  top: number,
  width: number,
  fill: string,
  line: string,
  content: (top: number) => number,
): number {
  const mark = draw.mark();
  const end = content(top + CARD_PAD);
  const height = end - top + CARD_PAD;
  draw.insertAt(mark, rectSvg(PAD, top, width - 2 * PAD, height, 16, fill, line));
  return top + height + CARD_GAP;
}

function sectionTitle(draw: Drawing, top: number, left: number, inner: number, title: string, unit: string) {
  const unitWidth = unit ? draw.width(unit, 14, 400) + 12 : 0;
  draw.text(
    left,
    top + 19,
    ellipsise(title, (s) => draw.width(s, 19, 700), inner - unitWidth),
    19,
    700,
    COLOURS.title,
  );
  if (unit) draw.text(left + inner, top + 19, unit, 14, 400, COLOURS.muted, 'end');
  return top + 36;
}

function emptyNote(draw: Drawing, top: number, left: number, inner: number, text: string): number {
  const lines = balancedLines(text, (s) => draw.width(s, 16, 400), inner - 36, 3);
  draw.star(left + 10, top + 11, 9, COLOURS.gold);
  lines.forEach((line, i) => {
    draw.text(left + 30, top + 17 + 23 * i, line, 16, 400, COLOURS.muted);
  });
  return top + 23 * lines.length;
}

/** "+N" under a list that lost rows to the size limit. */
function more(draw: Drawing, top: number, left: number, inner: number, hidden: number): number {
  if (hidden <= 0) return top;
  draw.text(left + inner / 2, top + 6, `+${hidden}`, 16, 700, COLOURS.muted, 'middle');
  return top + 22;
}

function rectSvg(
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
  fill: string,
  stroke?: string,
): string {
  const line = stroke ? ` stroke="${stroke}" stroke-width="1"` : '';
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${r}"${line} fill="${fill}"/>`;
}

/** Numbers in the SVG: two decimals at most. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** SVG fragments in paint order, with the text measured in the font resvg will draw it with. */
class Drawing {
  private parts: string[] = [];

  constructor(private readonly fonts: Fonts) {}

  get body(): string {
    return this.parts.join('');
  }

  width(text: string, size: number, weight: Weight): number {
    return this.fonts[weight].width(text, size);
  }

  mark(): number {
    return this.parts.length;
  }

  insertAt(mark: number, svg: string): void {
    this.parts.splice(mark, 0, svg);
  }

  text(
    x: number,
    y: number,
    content: string,
    size: number,
    weight: Weight,
    fill: string,
    anchor: 'start' | 'middle' | 'end' = 'start',
  ): void {
    if (!content) return;
    const align = anchor === 'start' ? '' : ` text-anchor="${anchor}"`;
    this.parts.push(
      `<text x="${n(x)}" y="${n(y)}" font-size="${size}" font-weight="${weight}" fill="${fill}"${align}>` +
        `${escapeXml(content)}</text>`,
    );
  }

  rect(x: number, y: number, w: number, h: number, r: number, fill: string): void {
    this.parts.push(rectSvg(x, y, w, h, r, fill));
  }

  /** A progress bar: the track, then the filled part (at least a dot when above zero). */
  bar(x: number, y: number, w: number, h: number, ratio: number, fill: string): void {
    this.rect(x, y, w, h, h / 2, COLOURS.track);
    if (ratio > 0) this.rect(x, y, Math.max(h, w * ratio), h, h / 2, fill);
  }

  /** A rank in a circle: gold, silver and bronze for the first three. */
  badge(cx: number, cy: number, rank: number): void {
    const colour = MEDALS[rank] ?? PLAIN_BADGE;
    this.parts.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="13" fill="${colour.fill}"/>`);
    this.text(cx, cy + 5, String(rank), rank >= 100 ? 11 : 14, 700, colour.text, 'middle');
  }

  star(cx: number, cy: number, r: number, fill: string): void {
    const points: string[] = [];
    for (let i = 0; i < 10; i++) {
      const radius = i % 2 ? r * 0.45 : r;
      const angle = -Math.PI / 2 + (i * Math.PI) / 5;
      points.push(`${n(cx + radius * Math.cos(angle))},${n(cy + radius * Math.sin(angle))}`);
    }
    this.parts.push(`<polygon points="${points.join(' ')}" fill="${fill}"/>`);
  }

  check(cx: number, cy: number, r: number, fill: string): void {
    const path = `M${n(cx - r * 0.45)} ${n(cy)} L${n(cx - r * 0.1)} ${n(cy + r * 0.38)} L${n(cx + r * 0.5)} ${n(cy - r * 0.35)}`;
    this.parts.push(
      `<circle cx="${n(cx)}" cy="${n(cy)}" r="${r}" fill="${fill}"/>` +
        `<path d="${path}" fill="none" stroke="#FFFFFF" stroke-width="${n(r * 0.28)}" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
  }
}
