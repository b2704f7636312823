// The read paths compared, written once against a small read interface that both the project's Store
// (binary search over its time index, maps for members) and the naive lowdb side (plain array filters
// over db.data) implement.
import { readPlanFile } from '../bot/config.js';
import { weeklyPost as buildWeeklyPost } from '../commands/index.js';
import type { AgencyConfig } from '../core/agency.js';
import type { Entry, Member, ModelExample } from '../core/domain.js';
import { summarise } from '../core/figures.js';
import { type Period, periodContaining } from '../core/periods.js';
import type { EntriesOf, EntryGroup, EntryGroups } from '../core/repository.js';
import { rankDepartments, rankMembers } from '../core/scoring.js';
import { locales } from '../locales/index.js';
import type { StoreDocument } from '../storage/schema.js';
import type { Store } from '../storage/store.js';
import { LAST_FULL_WEEK_DAY } from './common.js';

const PLAN = readPlanFile('config/plan-2026.json');

/** The reads these paths make (a subset of Store's): what the naive side must provide too. */
export interface ReadView {
  readonly members: readonly Member[];
  readonly models: readonly ModelExample[];
  entriesBetween(start: Date, end: Date, of?: EntriesOf): readonly Entry[];
  entryGroups(start: Date, end: Date): EntryGroups;
  member(id: string): Member | undefined;
  /** The weekly post prints an @name in a quoted deed as the member's name (reports/document-text.ts). */
  memberByUsername(username: string): Member | undefined;
  entry(code: string): Entry | undefined;
}

/** What a straightforward lowdb bot would do: filter the whole array on every read. */
export function naiveView(data: () => StoreDocument): ReadView {
  return {
    get members() {
      return data().members;
    },
    entriesBetween(start, end, of) {
      const from = start.getTime();
      const to = end.getTime();
      const found = data().entries.filter((e) => {
        const t = new Date(e.at).getTime();
        return (
          t >= from &&
          t < to &&
          (of?.memberId === undefined || e.memberId === of.memberId) &&
          (of?.departmentId === undefined || e.departmentId === of.departmentId) &&
          (of?.kind === undefined || e.kind === of.kind)
        );
      });
      return of?.last === undefined ? found : found.slice(-of.last);
    },
    entryGroups(start, end) {
      // The same filter, then the entries summed by what a figure reads, in a map.
      const groups = new Map<string, EntryGroup>();
      const withdrawn: { code: string; departmentId: string }[] = [];
      for (const e of this.entriesBetween(start, end)) {
        const key = [e.kind, e.adhoc, e.it, e.memberId, e.departmentId, e.status, e.review].join('|');
        const group = groups.get(key);
        groups.set(key, {
          kind: e.kind,
          adhoc: e.adhoc,
          it: e.it,
          memberId: e.memberId,
          departmentId: e.departmentId,
          status: e.status,
          review: e.review,
          count: (group?.count ?? 0) + 1,
          points: (group?.points ?? 0) + e.points,
        });
        if (e.status === 'withdrawn') withdrawn.push({ code: e.code, departmentId: e.departmentId });
      }
      return { groups: [...groups.values()], withdrawn };
    },
    get models() {
      return data().models;
    },
    member(id) {
      return data().members.find((m) => m.id === id);
    },
    memberByUsername(username) {
      const wanted = username.toLowerCase();
      return data().members.find((m) => m.username?.toLowerCase() === wanted);
    },
    entry(code) {
      return data().entries.find((e) => e.code === code);
    },
  };
}

export const week = (): Period => periodContaining('week', LAST_FULL_WEEK_DAY);
export const year = (): Period => periodContaining('year', LAST_FULL_WEEK_DAY);

/** The week leaderboard: what /bangxephang computes. */
export function weekLeaderboard(view: ReadView, agency: AgencyConfig, period = week()) {
  const mode = agency.review.mode;
  const entries = view.entriesBetween(period.start, period.end);
  const members = rankMembers(entries, view.members, mode);
  const departments = rankDepartments(entries, view.members, agency.departments, mode, period.end);
  return {
    entries: entries.length,
    top: members
      .filter((s) => s.points > 0)
      .slice(0, agency.leaderboard.topMembers)
      .map((s) => `${s.rank}:${s.member.id}:${s.points}`),
    departments: departments.map((d) => `${d.rank}:${d.department.id}:${d.points}`),
  };
}

/** /tonghop for a period, through the command's own `summarise`. */
export function summary(view: ReadView, agency: AgencyConfig, period = year()) {
  // summarise reads only what ReadView offers (members, entriesBetween, models, member, entry).
  const s = summarise({ store: view as unknown as Store, agency }, period);
  return {
    total: s.total,
    byKind: s.byKind.map((k) => `${k.kind}:${k.count}:${k.points}`),
    participants: s.participants,
    withdrawn: s.withdrawnCodes.length,
    review: s.review,
    top: s.top.map((m) => `${m.rank}:${m.member.id}:${m.points}`),
  };
}

/** The weekly post the scheduler sends (commands/posts/weekly.ts), built over either side's reads. */
export function weeklyPost(view: ReadView, agency: AgencyConfig, period = week()) {
  const { html } = buildWeeklyPost(
    { t: locales.vi, store: view as unknown as Store, agency, plan: PLAN },
    period.start,
  );
  return { chars: html.value.length, head: html.value.slice(0, 400) };
}
