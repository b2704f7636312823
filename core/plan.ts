import { Cron } from 'croner';
import * as z from 'zod';
import type { AgencyConfig } from './agency.js';
import type { Entry } from './domain.js';
import { entryKindSchema, MODEL_STAGES, modelStageSchema } from './domain.js';
import { ConfigError } from './errors.js';
import { ONCE } from './parse-once.js';
import { countedUntil, periodContaining, ZONE } from './periods.js';
import type { RepositoryReads } from './repository.js';
import { counts } from './scoring.js';

const cron = z.string().superRefine((pattern, ctx) => {
  try {
    new Cron(pattern, { timezone: ZONE, paused: true });
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not a cron expression: ${(error as Error).message}` });
  }
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d);
  }, 'not a real date');

/** Where a target's goal or a milestone's date comes from (core/plan.ts, README "The plan"). */
export const PLAN_SOURCES = ['plan', 'agency', 'bot'] as const;
const sourceSchema = z.enum(PLAN_SOURCES).default('bot');
export type PlanSource = (typeof PLAN_SOURCES)[number];

/** How a target is measured from the store, over the plan's year up to now. */
export const measureSchema = z.discriminatedUnion('type', [
  /** Share of members with at least one counted entry (of a kind, if given). Goal in %. */
  z.object({ type: z.literal('memberParticipation'), kind: entryKindSchema.optional() }),
  /** Share of departments with at least one counted entry (of a kind, if given). Goal in %. */
  z.object({ type: z.literal('departmentParticipation'), kind: entryKindSchema.optional() }),
  /** Number of counted entries of a kind, optionally only unplanned tasks or IT models. */
  z.object({
    type: z.literal('entries'),
    kind: entryKindSchema,
    it: z.boolean().optional(),
    adhoc: z.boolean().optional(),
  }),
  /** Number of model examples that reached a stage (any stage if not given). */
  z.object({ type: z.literal('models'), stage: modelStageSchema.optional() }),
]);
export type Measure = z.infer<typeof measureSchema>;

export const planSchema = z
  .object({
    $comment: z.string().optional(),
    year: z.number().int().min(2000).max(2100),
    title: z.string().min(3),
    targets: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]{1,40}$/),
          title: z.string().min(3),
          measure: measureSchema,
          goal: z.number().positive(),
          /**
           * Where the goal comes from: `plan`, the plan's own text; `agency`, a reference level the
           * Office set; `bot`, a default of the bot nobody confirmed. Anything not the plan's is marked
           * so wherever targets are shown. Unsaid: the bot's.
           */
          source: sourceSchema,
          /** Where exactly (`Kế hoạch 22-KH/BTCTU, mục II.2.5`, the Office's note). */
          basis: z.string().optional(),
        }),
      )
      .min(1),
    milestones: z.array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]{1,40}$/),
        date: day,
        title: z.string().min(3),
        /**
         * `report`: a periodic report the Office compiles (admins are reminded in private too);
         * `registration`: the deadline of the title registrations (the reminder says who has not
         * registered; the admins get the names in private). Its date is `registration.deadline`.
         * `dossier`: the province's deadline for the dossiers the Ban proposes upward (the admins get
         * in private what the Council proposed and the draft to make).
         */
        kind: z.enum(['report', 'review', 'event', 'registration', 'dossier']),
        remindDaysBefore: z.array(z.number().int().min(1).max(60)).default([7, 1]),
        /**
         * A drive (đợt thi đua chuyên đề) that ends on this date: entries whose text carries `#tag`,
         * or that the Council tagged to it (/chuyende), are its achievements; on the day, the admins
         * get the list of those whose entries were tagged.
         */
        drive: z
          .object({
            tag: z.string().regex(/^[a-z0-9]{2,30}$/, 'lower-case letters and digits'),
            from: day.optional(),
          })
          .optional(),
        /** Where the date comes from: the plan's text, the agency (the Office), or a default of the bot. */
        source: sourceSchema,
        /** Where exactly (the province's letter, the Office's schedule). */
        basis: z.string().optional(),
      }),
    ),
    /** When the bot posts by itself: cron expressions in Asia/Ho_Chi_Minh. */
    schedules: z.object({
      leaderboard: cron,
      monthlyDigest: cron,
      reminders: cron,
      nudges: cron,
    }),
    /** Days without any entry after which a member gets a personal reminder. */
    nudgeAfterDays: z.number().int().min(1).max(90).default(14),
    /**
     * Registration for the year's emulation titles (/dangkythidua): open to members and department
     * heads until the end of `deadline` (a day in Vietnam), to admins only after it. The date is the
     * agency's own rule.
     */
    registration: z.object({ $comment: z.string().optional(), deadline: day }).optional(),
  })
  .superRefine((plan, ctx) => {
    for (const [key, list] of [
      ['targets', plan.targets],
      ['milestones', plan.milestones],
    ] as const) {
      const seen = new Set<string>();
      for (const [i, item] of list.entries()) {
        if (seen.has(item.id))
          ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${item.id}"` });
        seen.add(item.id);
      }
    }
    for (const [i, milestone] of plan.milestones.entries()) {
      if (milestone.kind !== 'registration') continue;
      if (milestone.date !== plan.registration?.deadline)
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', i, 'date'],
          message: plan.registration
            ? `a registration milestone falls on the deadline, ${plan.registration.deadline}`
            : 'a registration milestone needs registration.deadline',
        });
    }
  });

export type Plan = z.infer<typeof planSchema>;
export type Milestone = Plan['milestones'][number];
export type Target = Plan['targets'][number];

export function parsePlan(input: unknown, source = 'plan'): Plan {
  const parsed = planSchema.safeParse(input, ONCE);
  if (!parsed.success) {
    throw new ConfigError(
      source,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** The year of the plan, from its first day up to `now` (or to its end when `now` is later). */
function planYear(plan: Plan, now: Date): { start: Date; end: Date } {
  const year = periodContaining('year', new Date(Date.UTC(plan.year, 6, 1)));
  return { start: year.start, end: new Date(Math.min(year.end.getTime(), now.getTime() + 1)) };
}

/** Which of the year's tallies an entry joins: those that count, those approved, those that may count. */
const COUNTED = 0;
const APPROVED = 1;
const HOPED = 2;
type Variant = typeof COUNTED | typeof APPROVED | typeof HOPED;

/**
 * The year's entries as the plan's targets read them, tallied in one pass: how many of each kind (IT
 * or not, ad hoc or not), and which kinds each member and department logged — for the entries that
 * count, those approved, and those that would count if the pending ones were approved. A target's
 * measure is then a lookup, not a pass over a year of entries (the weekly post made ~24 of them: at a
 * province's 100k entries, 110 ms of the event loop).
 */
class Tally {
  /** By kind: counts at [variant × 4 + (IT ? 2 : 0) + (ad hoc ? 1 : 0)]. */
  private readonly kinds = new Map<string, Float64Array>();
  /** A bit for each kind seen. */
  private readonly bits = new Map<string, number>();
  /** By member and by department: for each variant, the bits of the kinds they logged. */
  private readonly byMember = new Map<string, Uint8Array>();
  private readonly byDepartment = new Map<string, Uint8Array>();

  /** Adds `e` (`n` entries alike) to the tallies in `variants` (a bit per Variant). */
  add(e: Pick<Entry, 'kind' | 'it' | 'adhoc' | 'memberId' | 'departmentId'>, variants: number, n = 1): void {
    if (variants === 0) return;
    let counts = this.kinds.get(e.kind);
    if (!counts) {
      counts = new Float64Array(12);
      this.kinds.set(e.kind, counts);
      this.bits.set(e.kind, 1 << this.bits.size);
    }
    const bit = this.bits.get(e.kind) as number;
    const slot = (e.it ? 2 : 0) + (e.adhoc ? 1 : 0);
    const member = kindsOf(this.byMember, e.memberId);
    const department = kindsOf(this.byDepartment, e.departmentId);
    for (let v = 0; v < 3; v += 1) {
      if ((variants & (1 << v)) === 0) continue;
      counts[v * 4 + slot] = (counts[v * 4 + slot] as number) + n;
      member[v] = (member[v] as number) | bit;
      department[v] = (department[v] as number) | bit;
    }
  }

  /** Entries of `kind` in tally `v`; only IT ones or only others (`it`), likewise ad hoc. */
  count(v: Variant, kind: string, it?: boolean, adhoc?: boolean): number {
    const counts = this.kinds.get(kind);
    if (!counts) return 0;
    let n = 0;
    for (let slot = 0; slot < 4; slot += 1) {
      if (it !== undefined && slot >= 2 !== it) continue;
      if (adhoc !== undefined && (slot % 2 === 1) !== adhoc) continue;
      n += counts[v * 4 + slot] as number;
    }
    return n;
  }

  /** Whether `id` (a member's or a department's) logged an entry of `kind` (or of any kind) in tally `v`. */
  logged(v: Variant, by: 'member' | 'department', id: string, kind?: string): boolean {
    const kinds = (by === 'member' ? this.byMember : this.byDepartment).get(id)?.[v] ?? 0;
    return (kinds & (kind === undefined ? 0xff : (this.bits.get(kind) ?? 0))) !== 0;
  }
}

function kindsOf(map: Map<string, Uint8Array>, id: string): Uint8Array {
  let kinds = map.get(id);
  if (!kinds) {
    kinds = new Uint8Array(3);
    map.set(id, kinds);
  }
  return kinds;
}

function measure(
  ctx: ProgressSource,
  m: Measure,
  tally: Tally,
  v: Variant,
  yearEnd: Date,
): { value: number; whole?: number } {
  const { store, agency } = ctx;
  switch (m.type) {
    case 'memberParticipation':
      return {
        value: store.members.filter((x) => tally.logged(v, 'member', x.id, m.kind)).length,
        whole: store.members.length,
      };
    case 'departmentParticipation':
      return {
        value: agency.departments.filter((d) => tally.logged(v, 'department', d.id, m.kind)).length,
        whole: agency.departments.length,
      };
    case 'entries':
      return { value: tally.count(v, m.kind, m.it, m.adhoc) };
    case 'models': {
      const reached = m.stage ? MODEL_STAGES.indexOf(m.stage) : 0;
      return {
        value: store.models.filter(
          (x) =>
            MODEL_STAGES.indexOf(x.stage) >= reached && Date.parse(x.stages[0]?.at ?? '') < yearEnd.getTime(),
        ).length,
      };
    }
  }
}

/** What the plan's progress is measured from. */
export interface ProgressSource {
  store: RepositoryReads;
  agency: AgencyConfig;
  plan: Plan;
}

/** A target's progress as figures, before any words: what /kehoach, the posts, pictures and files show. */
export interface TargetProgress {
  target: Target;
  /** What counts now: a number of entries or models, or (with `whole`) of members or departments. */
  count: number;
  /** Members or departments in all, for a share; absent for a count. */
  whole?: number | undefined;
  /** The same figure on approved entries only, and with the pending ones approved. */
  sure: number;
  best: number;
  /** The figure compared with the goal: the count, or the share in %. */
  value: number;
  /** Share of the goal reached, 0–1. */
  ratio: number;
  /**
   * `done`: reached on entries approved (or that need no review); `pending`: reached only if the
   * entries awaiting review count; `open`: not reached.
   */
  state: 'done' | 'pending' | 'open';
}

/**
 * Every target of the plan with its progress at `now`, measured over the plan's year up to then (the
 * one reading /kehoach, the posts, the pictures, the desk and the periodic report share).
 */
export function planProgress(ctx: ProgressSource, now: Date): TargetProgress[] {
  const mode = ctx.agency.review.mode;
  const year = planYear(ctx.plan, now);
  const tally = new Tally();
  // Read as the store's groups of entries alike: no entry is built (a province's year is 100k).
  for (const e of ctx.store.entryGroups(year.start, year.end).groups) {
    if (e.status !== 'active') continue;
    tally.add(
      e,
      (counts(e, mode) ? 1 << COUNTED : 0) |
        (e.review === 'approved' ? 1 << APPROVED : 0) |
        (e.review !== 'rejected' ? 1 << HOPED : 0),
      e.count,
    );
  }
  return ctx.plan.targets.map((target) => {
    const { value: count, whole } = measure(ctx, target.measure, tally, COUNTED, year.end);
    const sure = measure(ctx, target.measure, tally, APPROVED, year.end).value;
    const best = measure(ctx, target.measure, tally, HOPED, year.end).value;
    const share = (v: number) => (whole !== undefined ? (whole ? (v / whole) * 100 : 0) : v);
    const state = share(sure) >= target.goal ? 'done' : share(best) >= target.goal ? 'pending' : 'open';
    const value = share(count);
    return { target, count, whole, sure, best, value, ratio: Math.min(1, value / target.goal), state };
  });
}

/** Up to when the plan's targets are counted: `now` while the plan's year runs, undefined after it. */
export function progressAsOf(plan: Plan, now: Date): Date | undefined {
  return countedUntil(periodContaining('year', new Date(Date.UTC(plan.year, 6, 1))), now);
}
