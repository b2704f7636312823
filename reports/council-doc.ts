import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { AgencyConfig } from '../core/agency.js';
import type { Meeting, RosterSnapshot } from '../core/council-records.js';
import { formatDay } from '../core/periods.js';
import type { RepositoryReads } from '../core/repository.js';
import type { TitlesConfig } from '../core/titles.js';
import { NO_BORDERS, PAGE, para, run, signatureRoom, twoColumns } from './word.js';
import { packWord, xmlSafe } from './xml-text.js';

/*
 * The parts the year-end drafts share (each draft's layout is its own file: council-minutes.ts,
 * count-minutes.ts, ballot-paper.ts, submission-ban.ts, submission-province.ts, decision.ts,
 * certificate.ts, nomination-list.ts, exceptional.ts, drive-list.ts): the header of a Party document
 * with the issuing unit (the Ban, or its Council), bordered tables, signature blocks, the date line.
 * The Party's document format as reports/word.ts lays it out (Hướng dẫn 36-HD/VPTW).
 */

/** What every year-end draft is built from (the council file travels with the job: plain data). */
export interface CouncilDocSource {
  store: RepositoryReads;
  agency: AgencyConfig;
  titles?: TitlesConfig | undefined;
}

export type Block = Paragraph | Table;

/** `Lâm Đồng, ngày 10 tháng 12 năm 2026` (the place from the agency file, the day in Vietnam). */
export function placeDate(agency: AgencyConfig, at: Date): string {
  const [day, month, year] = formatDay(at).split('/');
  return `${agency.agency.place}, ngày ${day} tháng ${month} năm ${year}`;
}

/** `14 giờ 00 phút, ngày 10 tháng 12 năm 2026` in Vietnam's time. */
export function timeAndDay(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const [day, month, year] = formatDay(at).split('/');
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${hh} giờ ${mm} phút, ngày ${day} tháng ${month} năm ${year}`;
}

/**
 * The header of a Party document: on the left the superior body, the body and — for the Council's own
 * papers — the Council, a star, the number and symbol; on the right ĐẢNG CỘNG SẢN VIỆT NAM and the
 * place and date.
 */
export function docHeader(
  agency: AgencyConfig,
  at: Date,
  options: { unit?: string; numberLine?: string } = {},
): Table {
  const r = agency.report;
  return twoColumns(
    [
      para([run(r.superior.toUpperCase(), { size: 26 })], 'center', false),
      para([run(r.body.toUpperCase(), { bold: !options.unit, size: 26 })], 'center', false),
      ...(options.unit
        ? [para([run(options.unit.toUpperCase(), { bold: true, size: 26 })], 'center', false)]
        : []),
      para([run('*', { size: 26 })], 'center', false),
      ...(options.numberLine ? [para([run(options.numberLine, { size: 26 })], 'center', false)] : []),
    ],
    [
      para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 28 })], 'center', false),
      para([run(placeDate(agency, at), { italics: true, size: 26 })], 'center', false),
    ],
    50,
  );
}

export const COUNCIL_UNIT = 'Hội đồng Thi đua – Khen thưởng';

/** A document's title: its kind in capitals, its subject in bold below, a short rule. */
export function docTitle(kind: string, ...subject: string[]): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    para([run(kind, { bold: true, size: 30 })], 'center', false),
    ...subject.map((s) => para([run(s, { bold: true })], 'center', false)),
    para([run('-----', { size: 26 })], 'center', false),
  ];
}

export const heading = (text: string) => para([run(text, { bold: true })], 'left', false);
export const text = (value: string) => para([run(value)]);
export const italic = (value: string) => para([run(value, { italics: true })]);
export const line = (value: string) => para([run(value)], 'left', false);
export const pageBreak = () => new Paragraph({ children: [new PageBreak()] });
/** A little room after a table, so the next paragraph does not touch its last row. */
export const gap = () => new Paragraph({ spacing: { after: 120 }, children: [] });
/** An annex's heading, centred: `DANH SÁCH …` and the line saying what it is attached to. */
export const annexHeading = (title: string, attached: string) => [
  para([run(title, { bold: true })], 'center', false),
  para([run(attached, { italics: true, size: 26 })], 'center', false),
];

/**
 * A source cited inside a sentence, a trailing parenthesis as a dash. A part of a text is lower-cased
 * there ("điểm a khoản 1 Điều 24", "quy định của cơ quan"); an article and a text's name keep their
 * capital, as legal writing does ("Điều 4 Nghị định 152/2025/NĐ-CP", "Luật Thi đua, khen thưởng").
 */
export function cited(source: string): string {
  const flat = source.replace(/\s*\((.*)\)\s*$/, ' — $1');
  return NAMED.test(flat) ? flat : flat.charAt(0).toLocaleLowerCase('vi') + flat.slice(1);
}

/** How a cited text's own name or article starts: kept with its capital. */
const NAMED =
  /^(Điều|Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Hướng dẫn|Chỉ thị|Kết luận|Kế hoạch|Công văn|Hiến pháp|Quy định (số )?\d)(?=[\s\d]|$)/u;

/**
 * A criterion's text as a document states the rule: the bot's own notes (what it measures, which
 * setting holds a figure) left out — they belong to the review sheet, not to the minutes.
 */
export function ruleText(text: string): string {
  return text
    .replace(/\s*\(thiết lập [A-Za-z]+\)/g, '')
    .split(/(?<=\.)\s+/)
    .filter((sentence) => !/^Bot\b|\bbot\b/.test(sentence))
    .join(' ')
    .replace(/\.$/, '')
    .trim();
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/**
 * A bordered table: a bold header row repeated on every page, then the rows; widths in percent. Cells
 * wrap; Word and LibreOffice grow each row to its text.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  options: { size?: number; center?: readonly number[] } = {},
): Table {
  const size = options.size ?? 24;
  const center = new Set(options.center ?? [0]);
  const cell = (value: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE },
      borders: BORDERS,
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: value.split('\n').map(
        (v) =>
          new Paragraph({
            alignment: bold || center.has(i) ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [run(v, { size, bold })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}

/** Two borderless columns kept on one page (a signature block is never cut by a page break). */
function keptColumns(left: Paragraph[], right: Paragraph[]): Table {
  const cell = (children: Paragraph[]) =>
    new TableCell({ children, width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left), cell(right)] })],
  });
}

const signatureLines = (b: { titles: string[]; name?: string }) => [
  ...b.titles.map((l) =>
    para(
      [run(l, l.startsWith('(') ? { italics: true, size: 26 } : { bold: true, size: 26 })],
      'center',
      false,
    ),
  ),
  signatureRoom(),
  para([run(b.name ?? '', { bold: true })], 'center', false),
];

/** Two signature blocks side by side: each a list of title lines, the room to sign, the name. */
export function signatures(
  left: { titles: string[]; name?: string } | undefined,
  right: { titles: string[]; name?: string },
): Table {
  return keptColumns(left ? signatureLines(left) : [para([run('')], 'left', false)], signatureLines(right));
}

/** Recipients (Nơi nhận) on the left, the signature on the right, as a Party document ends. */
export function recipientsAndSignature(
  recipients: readonly string[],
  right: { titles: string[]; name?: string },
): Table {
  return keptColumns(
    [
      para([run('Nơi nhận:', { bold: true, underline: true, size: 24 })], 'left', false),
      ...recipients.map((x) => para([run(`- ${x}`, { size: 22 })], 'left', false)),
    ],
    signatureLines(right),
  );
}

/**
 * The close of the Council's Tờ trình to the Trưởng Ban: the request, where it goes, and the signature
 * for the Council — its vice-chair's, or the standing member's when there is none.
 */
export function councilSubmissionClose(signer: { role: string; fullName: string } | undefined): Block[] {
  return [
    text('Kính trình Trưởng Ban xem xét, quyết định./.'),
    recipientsAndSignature(['Như trên,', 'Lưu Văn phòng, Hội đồng TĐKT.'], {
      titles: [
        'T/M HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG',
        signer?.role === 'viceChair' ? 'PHÓ CHỦ TỊCH' : 'ỦY VIÊN THƯỜNG TRỰC',
      ],
      ...(signer ? { name: signer.fullName } : {}),
    }),
  ];
}

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: 'Times New Roman', size: 28 })],
      }),
    ],
  });

/** One section of a draft: A4 portrait (or landscape for wide tables), Party margins, pages numbered from the second. */
export function section(children: Block[], landscape = false) {
  const page = landscape
    ? {
        ...PAGE.page,
        size: { ...PAGE.page.size, orientation: PageOrientation.LANDSCAPE },
        margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567 },
      }
    : PAGE.page;
  return {
    // Each section (a document, or one of several in a file) numbers its pages from its own first.
    properties: { ...PAGE, page: { ...page, pageNumbers: { start: 1 } } },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children,
  };
}

export async function packDoc(title: string, sections: ReturnType<typeof section>[]): Promise<Buffer> {
  return packWord(new Document({ creator: 'thidua-bot', title: xmlSafe(title), sections }));
}

/** A Council member's name with their position: `Trần Quốc Hưng, Trưởng Ban`. */
export const withPosition = (r: RosterSnapshot) => `${r.fullName}, ${r.position}`;

/** The meeting's day as the drafts cite it: `biên bản họp ngày 10/12/2026`. */
export const meetingDay = (meeting: Meeting) => formatDay(new Date(meeting.startsAt));
