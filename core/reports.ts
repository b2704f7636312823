import type { AgencyConfig, Department } from './agency.js';
import type { CouncilConfig } from './council.js';
import type { Entry, Rating, TitleSubject } from './domain.js';
import type { countsByKind } from './figures.js';
import type { Candidate, Drive } from './nominations.js';
import type { Period } from './periods.js';
import type { Plan } from './plan.js';
import type { RepositoryReads } from './repository.js';
import type { TitlesConfig } from './titles.js';

/*
 * What commands ask of reports/ — files, the leaderboard picture, the Council's facts, the records
 * workbook read back — and the shapes that cross between them. Commands reach reports/ only through
 * their context's `reports` (the composition root passes reports/for-commands.ts's), so exceljs, docx
 * and the chart's renderer stay out of the commands' imports.
 */

/** One report file to build: a builder of reports/catalog.ts by name, with its arguments (plain data). */
export interface ReportJob {
  report: string;
  args: unknown;
}

/**
 * Builds report files away from the event loop (bot/reports.ts: a child process), from the store as
 * it is at the call — so a year's workbook never holds up anyone's command.
 */
export interface ReportRunner {
  build(jobs: readonly ReportJob[]): Promise<Buffer[]>;
}

/** What every year-end review draft (issue 20) is built for: the Council file travels with the request. */
export interface CouncilDocArgs {
  council: CouncilConfig;
  year: number;
  now: Date;
}

/**
 * Every report file by name, with its arguments: plain data, since they cross to the report process.
 * reports/catalog.ts builds each, its table typed by this one.
 */
export interface ReportArgs {
  /** `now`: the clock the request was read at (a period not over yet says up to when it is counted). */
  workbook: { period: Period; department?: Department | undefined; now?: Date | undefined };
  /** `plan`: the year's plan (plain data), whose targets the report measures as /kehoach does. */
  reportDoc: { period: Period; now: Date; department?: Department | undefined; plan?: Plan | undefined };
  reviewSheet: { period: Period; now?: Date | undefined };
  memberAchievement: { period: Period; memberId: string; now: Date };
  departmentAchievement: { period: Period; department: Department; now: Date };
  /** Every member's and department's achievement report, one .docx each, in one zip. */
  allAchievements: { period: Period; now: Date };
  nominationList: CouncilDocArgs & { awards: string[] };
  councilMinutes: CouncilDocArgs & { meetingNo: number };
  countMinutes: CouncilDocArgs & { meetingNo: number };
  ballotPapers: CouncilDocArgs & { rounds: number[] };
  submissionBan: CouncilDocArgs & { meetingNo: number };
  submissionProvince: CouncilDocArgs & { meetingNo: number };
  decision: CouncilDocArgs & { meetingNo: number };
  certificates: CouncilDocArgs & { meetingNo: number };
  exceptionalProposal: CouncilDocArgs & { codes: string[] };
  exceptionalReport: CouncilDocArgs & { code: string };
  driveList: CouncilDocArgs & { drive: Drive };
  /** The records workbook to fill (/nhaphoso mau): the ratings sheet lists every member and department. */
  recordsTemplate: { year: number };
}

export type ReportName = keyof ReportArgs;

/** One report file to build, named as in reports/catalog.ts, with its arguments. */
export type ReportRequest = { [N in ReportName]: { report: N; args: ReportArgs[N] } }[ReportName];

/**
 * What the leaderboard picture shows. Every string is already in the reader's language and every
 * figure already written as the text beside the picture writes it (`display`), so the two agree.
 */
export interface BoardChart {
  /** e.g. "Bảng vàng thi đua tuần 48/2026". */
  title: string;
  /** e.g. "23/11/2026 – 29/11/2026". */
  subtitle?: string;
  /**
   * By points per member, best first, e.g. `{ perMember: 5.25, display: '5,3' }`; without `rank`,
   * equal figures share one.
   */
  departments: { name: string; perMember: number; display: string; rank?: number }[];
  /** Best first; equal points share a rank. `display` is the points as written ("12"). */
  topMembers: { name: string; department: string; points: number; display: string; rank: number }[];
  /**
   * The plan's targets: `ratio` from 0 to 1, `display` the figure ("3/1", "45/60 (75%)"), `done`
   * whether it is reached for sure (default: a full bar; a target reached only if entries awaiting
   * review are approved is full but not done).
   */
  targets: { title: string; ratio: number; display: string; done?: boolean }[];
  /** The targets before the standings (the plan's picture); default after them. */
  targetsFirst?: boolean;
  /** Good news to open with: the most improved department, new model examples… */
  highlights?: { label: string; text: string }[];
  labels: {
    departments: string;
    topMembers: string;
    targets: string;
    /** The unit of the departments' figures, e.g. "điểm/người". */
    perMember: string;
    /** The unit after a member's points, e.g. "điểm". */
    points: string;
    /** Shown when nobody has points yet, e.g. "Chưa có ghi nhận nào — hãy mở đầu bằng /viectot!". */
    empty: string;
  };
}

/** What a candidate's facts are read from. */
export interface FactsSource {
  store: RepositoryReads;
  agency: AgencyConfig;
  council: CouncilConfig;
  titles?: TitlesConfig | undefined;
}

/**
 * One candidate's facts, as the Council walks the lists and as the drafts print them
 * (reports/council-facts.ts). Facts only: the Council concludes.
 */
export interface CandidateFacts {
  subject: TitleSubject;
  name: string;
  /** The department's name (a member's department now, or the department itself). */
  department: string;
  /** The title registered for the year, by name. */
  registered: string | undefined;
  /** The year-end rating on record (xếp loại), if the Office entered it (/xeploai). */
  rating: Rating | undefined;
  /** The year's entries the Council approved: of a member, or counted for a department. */
  approved: readonly Entry[];
  byKind: ReturnType<typeof countsByKind>;
  /** For a department: its members at the year's end, and how many of them have an approved entry. */
  members?: { total: number; withApproved: number };
  /**
   * The criteria the store measures and does not show met (their short names): a fact to look at, not
   * a verdict. Criteria only the Council can confirm (ratings, discipline) are not listed here.
   */
  open: string[];
  /** Entries the Council marked exceptional, of this subject. */
  exceptional: string[];
}

/** The sheets of the records workbook (/nhaphoso): one per kind of record. */
export type RecordSheet = 'ratings' | 'disciplines' | 'initiatives' | 'awards';

/** A cell as the import reads it: text trimmed, a date as `yyyy-mm-dd`, a number as written. */
export type CellValue = string;

/** One filled row of a sheet: its row number in the sheet, and its cells by column key. */
export interface RecordRow {
  row: number;
  cells: Record<string, CellValue>;
}

export type RecordRows = Partial<Record<RecordSheet, RecordRow[]>>;

/** What commands ask of reports/, through their context. */
export interface Reports {
  /**
   * Builds the files `requests` names for `by` (a member id or a platform identity), from the store as
   * it is when their turn comes: one request at a time for each person, a few at once in all
   * (ReportBusyError otherwise), in the report process where the bot has one.
   */
  files(requests: readonly ReportRequest[], by: string): Promise<Buffer[]>;
  /** Draws the leaderboard picture as PNG bytes. */
  draw(chart: BoardChart): Promise<Buffer>;
  /** The facts of a year's candidates, the year's entries read once. */
  facts(
    source: FactsSource,
    year: number,
    candidates: readonly Pick<Candidate, 'subject'>[],
  ): CandidateFacts[];
  /**
   * The filled rows of a records workbook, by sheet; undefined when no sheet of the template is there.
   * Rejects when the file is not a workbook.
   */
  readRecords(data: Buffer): Promise<RecordRows | undefined>;
}
