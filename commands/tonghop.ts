import type { Department } from '../bot/config.js';
import type { Command, CommandContext } from '../core/context.js';
import { formatDay, lastDay, type Period, parsePeriod } from '../core/periods.js';
import { counts, isPending, rankDepartments, rankMembers } from '../core/scoring.js';
import { esc } from '../core/text.js';
import type { Entry, EntryKind } from '../storage/schema.js';
import { departmentName, findDepartment, periodArg, refuse, say, words } from './lib/common.js';

const KINDS: readonly EntryKind[] = ['deed', 'task', 'initiative'];
const TOP = 10;
const WITHDRAWN_CODES_SHOWN = 20;

/** The figures of a summary: what `/tonghop` shows (and what report files will hold). */
export function summarise(
  ctx: Pick<CommandContext, 'store' | 'agency'>,
  period: Period,
  department?: Department,
) {
  const { store, agency } = ctx;
  const members = department ? store.members.filter((m) => m.departmentId === department.id) : store.members;
  const memberIds = new Set(members.map((m) => m.id));
  const all = store
    .entriesBetween(period.start, period.end)
    .filter((e) => !department || memberIds.has(e.memberId));
  const mode = agency.review.mode;
  const active = all.filter((e) => counts(e, mode));
  const byKind = KINDS.map((kind) => {
    const own = active.filter((e) => e.kind === kind);
    return { kind, count: own.length, points: own.reduce((s, e) => s + e.points, 0) };
  });
  const memberScores = rankMembers(active, members, mode);
  const departments = rankDepartments(active, members, department ? [department] : agency.departments, mode);
  return {
    period,
    department,
    byKind,
    total: { count: active.length, points: byKind.reduce((s, k) => s + k.points, 0) },
    adhoc: active.filter((e) => e.kind === 'task' && e.adhoc).length,
    it: active.filter((e) => e.kind === 'initiative' && e.it).length,
    departments,
    participants: memberScores.filter((s) => s.entries > 0).length,
    members: members.length,
    top: memberScores.filter((s) => s.points > 0).slice(0, TOP),
    withdrawn: all.filter((e): e is Entry => e.status === 'withdrawn'),
    review: {
      mode,
      pending: all.filter(isPending).length,
      approved: all.filter((e) => e.status === 'active' && e.review === 'approved').length,
      rejected: all.filter((e) => e.status === 'active' && e.review === 'rejected').length,
    },
  };
}

export const tonghop: Command = {
  name: 'tonghop',
  access: 'admin',
  usage: (t) => t.help.summary.usage,
  description: (t) => t.help.summary.description,
  async run(ctx) {
    const { t, agency } = ctx;
    const tokens = words(ctx.args);
    const first = tokens[0];
    // The first word is a period when it reads as one; a word that looks like a date but is not one
    // is refused, anything else starts a department name.
    const named = first ? parsePeriod(first, ctx.now) : null;
    const looksLikePeriod = first !== undefined && /^(q?\d|\d)/i.test(first);
    const period = periodArg(ctx, tonghop, named || looksLikePeriod ? first : undefined, 'month');
    if (Array.isArray(period)) return period;
    const query = (named || looksLikePeriod ? tokens.slice(1) : tokens).join(' ');
    const department = query ? findDepartment(agency, query) : undefined;
    if (query && !department) {
      return refuse(
        ctx,
        tonghop,
        [
          t.register.unknownDepartment(esc(query)),
          t.register.departmentList,
          ...agency.departments.map((d, i) => t.departmentChoice(i + 1, esc(d.name))),
        ].join('\n'),
      );
    }

    const s = summarise(ctx, period, department);
    const range = `${formatDay(period.start)} – ${formatDay(lastDay(period))}`;
    const dept = (id: string) => esc(departmentName(agency, id, t));
    return [
      say(
        t.summary.title(t.period(period), range),
        department && t.summary.department(esc(department.name)),
        '',
        t.summary.byKind,
        ...s.byKind.flatMap((k) => [
          t.summary.kindLine(t.kind[k.kind], k.count, t.points(k.points)),
          ...(k.kind === 'task' ? [t.summary.adhoc(s.adhoc)] : []),
          ...(k.kind === 'initiative' ? [t.summary.it(s.it)] : []),
        ]),
        t.summary.total(s.total.count, t.points(s.total.points)),
        '',
        t.summary.byDepartment,
        ...s.departments.map((d) =>
          t.summary.departmentLine(
            esc(d.department.name),
            d.entries,
            t.points(d.points),
            d.participants,
            d.members,
            t.percent(d.participants, d.members),
          ),
        ),
        t.summary.participation(s.participants, s.members, t.percent(s.participants, s.members)),
        '',
        t.summary.topMembers,
        ...(s.top.length
          ? s.top.map((m) =>
              t.summary.memberLine(
                m.rank,
                esc(m.member.fullName),
                dept(m.member.departmentId),
                t.points(m.points),
                m.entries,
              ),
            )
          : [t.summary.empty]),
        '',
        t.summary.targets,
        t.summary.adhocTotal(s.adhoc),
        t.summary.itTotal(s.it),
        '',
        t.summary.review(
          t.summary.modes[s.review.mode],
          s.review.approved,
          s.review.rejected,
          s.review.pending,
        ),
        t.summary.withdrawn(s.withdrawn.length),
        s.withdrawn.length > 0 &&
          t.summary.withdrawnCodes(
            s.withdrawn
              .slice(0, WITHDRAWN_CODES_SHOWN)
              .map((e) => e.code)
              .join(', ') + (s.withdrawn.length > WITHDRAWN_CODES_SHOWN ? ', …' : ''),
          ),
      ),
    ];
  },
};
