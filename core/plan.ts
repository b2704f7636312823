import { Cron } from 'croner';
import { z } from 'zod';
import { entryKindSchema, modelStageSchema } from './domain.js';
import { ConfigError } from './errors.js';
import { ZONE } from './periods.js';

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
        /** Where the date comes from, when not from the plan (the province's letter, the Office). */
        source: z.string().optional(),
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
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      source,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}
