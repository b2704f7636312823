import { type AgencyConfig, departmentName } from '../../core/agency.js';
import type { OutImage } from '../../core/context.js';
import type { Member, ModelExample } from '../../core/domain.js';
import { modelSubject } from '../../core/figures.js';
import { type HtmlPart, htmlToPlain } from '../../core/html.js';
import type { Log } from '../../core/log.js';
import { formatDay, type Period, periodRange, previousPeriod } from '../../core/periods.js';
import type { BoardChart } from '../../core/reports.js';
import type { RepositoryReads } from '../../core/repository.js';
import { type DepartmentScore, type MemberScore, PeriodTotals } from '../../core/scoring.js';
import type { Messages } from '../../locales/index.js';
import type { Standings } from './leaderboard.js';

/*
 * The leaderboard picture, built from the same standings as the text beside it, and the good news
 * both open with: who leads, which department improved most, which model examples are new. The
 * picture congratulates; it never lists who is behind (reports/chart.ts leaves out whoever has no
 * points).
 */

/** The word that asks /bangxephang and /kehoach for the picture too (`anh`, `ảnh`: compared folded). */
export const PICTURE_WORD = 'anh';

interface Source {
  t: Messages;
  store: RepositoryReads;
  agency: AgencyConfig;
}

/** The good news of a period. */
export interface Kudos {
  /** The members ranked first (several when tied). */
  leaders: MemberScore[];
  /** The department whose points per member rose most since the period before, if one rose. */
  improved?: { department: DepartmentScore; gain: number; since: Period } | undefined;
  /** Model examples proposed within the period. */
  models: ModelExample[];
  /**
   * Departments whose headcount a move changed since the period before: their average is not
   * comparable (points stay where they were earned, the headcount follows the people), so the post
   * says why it changed instead of calling it progress.
   */
  moved: { department: DepartmentScore; before: number; since: Period }[];
}

export function kudosOf(ctx: Source, period: Period, standings: Standings): Kudos {
  const { store, agency } = ctx;
  const mode = agency.review.mode;
  const since = previousPeriod(period);
  // Read from the store's columns: for a year, the year before is a province's 100k entries.
  const before = PeriodTotals.grouped(store, since, mode);
  let improved: Kudos['improved'];
  const previousRows = before.departments(store.members, agency.departments, since.end);
  const headcountBefore = new Map(previousRows.map((d) => [d.department.id, d.members]));
  const movedIds = departmentsMovedBetween(store.members, since.start, period.end);
  const moved = standings.departments
    .filter((d) => movedIds.has(d.department.id) && d.points > 0)
    .filter((d) => headcountBefore.get(d.department.id) !== d.members)
    .map((d) => ({ department: d, before: headcountBefore.get(d.department.id) ?? 0, since }));
  // Against a period when nothing was logged, every department "improved": that is no news.
  if (before.byMember.size > 0) {
    const previous = new Map(previousRows.map((d) => [d.department.id, d.perMember]));
    for (const department of standings.departments) {
      // A move changed its headcount: its average moved for that, not for its work.
      if (movedIds.has(department.department.id)) continue;
      const gain = department.perMember - (previous.get(department.department.id) ?? 0);
      // The first by points per member breaks a tie, as the ranking does.
      if (gain > 0 && (!improved || gain > improved.gain)) improved = { department, gain, since };
    }
  }
  const start = period.start.getTime();
  const end = period.end.getTime();
  const models = store.models.filter((m) => {
    const proposed = Date.parse(m.stages[0]?.at ?? '');
    return proposed >= start && proposed < end;
  });
  return { leaders: standings.top.filter((s) => s.rank === 1), improved, models, moved };
}

/** Departments a member moved out of or into between `from` and `to`. */
function departmentsMovedBetween(members: readonly Member[], from: Date, to: Date): Set<string> {
  const ids = new Set<string>();
  for (const member of members) {
    member.departments.forEach((stretch, i) => {
      const at = Date.parse(stretch.from);
      const previous = member.departments[i - 1];
      if (!previous || at < from.getTime() || at >= to.getTime()) return;
      ids.add(previous.departmentId);
      ids.add(stretch.departmentId);
    });
  }
  return ids;
}

/** What a model example is about (core/figures.ts's modelSubject), in words. */
export function modelSubjectName(ctx: Source, model: ModelExample): HtmlPart {
  const { t, store, agency } = ctx;
  const s = model.subject;
  if (s.kind === 'department') return t.models.subjectDepartment(departmentName(agency, s.departmentId, t));
  return store.member(modelSubject(store, model).memberId ?? '')?.fullName ?? '?';
}

/** At most this many leaders are named; the others tied with them are counted. */
const LEADERS_NAMED = 3;

/** The leaders' names (a few) and how many more share the first place. */
function leaderNames(kudos: Kudos): { names: string; more: number } {
  return {
    names: kudos.leaders
      .slice(0, LEADERS_NAMED)
      .map((s) => s.member.fullName)
      .join(', '),
    more: Math.max(0, kudos.leaders.length - LEADERS_NAMED),
  };
}

/** The opening lines of a post: congratulations to the leaders, and the most improved department. */
export function kudosLines(ctx: Source, kudos: Kudos): HtmlPart[] {
  const { t } = ctx;
  const lead = kudos.leaders[0];
  const { names, more } = leaderNames(kudos);
  const lines: HtmlPart[] = [
    lead && t.posts.leaders(names, more, t.points(lead.points)),
    kudos.improved &&
      t.posts.improved(
        kudos.improved.department.department.name,
        t.number(kudos.improved.gain),
        t.chart.previous[kudos.improved.since.kind],
      ),
    ...kudos.moved.map((m) =>
      t.posts.movedAverage(
        m.department.department.name,
        t.number(m.department.perMember),
        m.department.members,
        m.before,
        t.chart.previous[m.since.kind],
      ),
    ),
  ].filter(Boolean);
  return lines.length ? [...lines, ''] : [];
}

export interface ChartInput {
  title: string;
  period: Period;
  standings: Standings;
  kudos?: Kudos | undefined;
  targets?: BoardChart['targets'] | undefined;
  /** The subtitle, when not the period's dates. */
  subtitle?: string | undefined;
  /** The targets open the picture (the plan's). */
  targetsFirst?: boolean;
  /** The clock the figures were read at: a period not over yet says up to when it is counted. */
  now?: Date | undefined;
  /** While the plan's year runs, the instant its targets are counted up to (progressAsOf, core/plan.ts). */
  targetsAsOf?: Date | undefined;
}

/** The picture of a period's standings, in the reader's language, with every figure as the text writes it. */
export function boardChart(ctx: Source, input: ChartInput): BoardChart {
  const { t, agency } = ctx;
  const { standings, kudos } = input;
  const lead = kudos?.leaders[0];
  const plain = (part: HtmlPart) =>
    typeof part === 'string' ? part : part && typeof part === 'object' ? htmlToPlain(part) : '';
  return {
    title: input.title,
    subtitle: input.subtitle ?? periodRange(t, input.period, input.now),
    highlights: kudos
      ? [
          ...(lead
            ? [
                {
                  label: t.chart.leaders,
                  text: t.chart.leadersText(
                    leaderNames(kudos).names,
                    leaderNames(kudos).more,
                    t.points(lead.points),
                  ),
                },
              ]
            : []),
          ...(kudos.improved
            ? [
                {
                  label: t.chart.improved,
                  text: t.chart.improvedText(
                    kudos.improved.department.department.name,
                    t.number(kudos.improved.gain),
                    t.chart.previous[kudos.improved.since.kind],
                  ),
                },
              ]
            : []),
          ...kudos.moved.map((m) => ({
            label: t.chart.movedLabel,
            text: t.chart.movedText(
              m.department.department.name,
              m.department.members,
              m.before,
              t.chart.previous[m.since.kind],
            ),
          })),
          ...(kudos.models.length
            ? [
                {
                  label: t.chart.newModels,
                  text: kudos.models.map((m) => plain(modelSubjectName(ctx, m))).join('; '),
                },
              ]
            : []),
        ]
      : [],
    departments: standings.departments.map((d) => ({
      name: d.department.name,
      perMember: d.perMember,
      display: t.number(d.perMember),
      rank: d.rank,
    })),
    topMembers: standings.top.map((s) => ({
      name: s.member.fullName,
      department: departmentName(agency, s.member.departmentId, t),
      points: s.points,
      display: t.number(s.points),
      rank: s.rank,
    })),
    targets: input.targets ?? [],
    ...(input.targetsFirst ? { targetsFirst: true } : {}),
    labels: {
      departments: t.chart.departments,
      topMembers: t.chart.topMembers,
      targets: input.targetsAsOf
        ? `${t.chart.targets}, ${t.asOf(formatDay(input.targetsAsOf))}`
        : t.chart.targets,
      perMember: t.chart.perMember,
      points: t.chart.points,
      empty: standings.open ? t.chart.empty : t.chart.emptyPast,
    },
  };
}

/** Draws a picture for a reply; draws nothing (and logs why) when it cannot: the text goes alone. */
export async function picture(
  chart: BoardChart,
  filename: string,
  log: Log,
  draw: (chart: BoardChart) => Promise<Buffer>,
): Promise<OutImage | undefined> {
  try {
    return { filename, data: await draw(chart), alt: chart.title };
  } catch (err) {
    log.error({ err, picture: filename }, 'could not draw the chart; the text goes alone');
    return undefined;
  }
}

/** A file name for a period's picture, in ASCII: `bang-xep-hang-tuan-48-2026.png`. */
export function pictureName(stem: string, period: Period): string {
  const kind = { week: 'tuan', month: 'thang', quarter: 'quy', half: '6thang', year: 'nam' }[period.kind];
  return period.kind === 'year'
    ? `${stem}-${kind}-${period.year}.png`
    : `${stem}-${kind}-${period.index}-${period.year}.png`;
}
