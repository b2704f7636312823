import type { Department } from '../../bot/config.js';
import type { CommandContext } from '../../core/context.js';
import type { Period } from '../../core/periods.js';
import { counts, isPending, rankDepartments, rankMembers } from '../../core/scoring.js';
import {
  type Entry,
  type EntryKind,
  MODEL_STAGES,
  type ModelExample,
  type ModelStage,
} from '../../storage/schema.js';
import type { Store } from '../../storage/store.js';

export const KINDS: readonly EntryKind[] = ['deed', 'task', 'initiative'];
const TOP = 10;

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
    models: modelsOf(store, period, department),
  };
}

/** The model examples proposed by the end of a period (of one department, if given), by stage. */
export function modelsOf(store: Store, period: Period, department?: Department) {
  const end = period.end.getTime();
  const list = store.models.filter((m) => {
    if (Date.parse(m.stages[0]?.at ?? '') >= end) return false;
    if (!department) return true;
    const s = m.subject;
    if (s.kind === 'department') return s.departmentId === department.id;
    const memberId = s.kind === 'member' ? s.memberId : store.entry(s.code)?.memberId;
    return store.member(memberId ?? '')?.departmentId === department.id;
  });
  const byStage = Object.fromEntries(
    MODEL_STAGES.map((stage) => [stage, list.filter((m) => m.stage === stage).length]),
  ) as Record<ModelStage, number>;
  return { list: list as readonly ModelExample[], byStage };
}
