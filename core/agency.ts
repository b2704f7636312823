import * as z from 'zod';
import { ConfigError } from './errors.js';
import { ONCE } from './parse-once.js';
import { TEXT_MAX_LENGTH } from './text.js';

/** Renders zod issues as `path: message` lines, for an operator reading a start-up failure. */
export function problems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

const departmentSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,20}$/, 'lower-case letters, digits or _'),
  name: z.string().min(2).max(100),
  /**
   * How the agency names the head of this unit, in full (`Chánh Văn phòng Ban` for the Office); unset,
   * the locale's default (`Trưởng phòng Cán bộ` for Phòng Cán bộ).
   */
  headTitle: z.string().min(2).max(100).optional(),
});

/** The agency's own settings (config/agency.json): names, departments, points, limits. */
export const agencySchema = z
  .object({
    $comment: z.string().optional(),
    agency: z.object({
      name: z.string().min(2),
      shortName: z.string().min(1),
      parent: z.string().min(2),
      place: z.string().min(2),
    }),
    departments: z.array(departmentSchema).min(1),
    points: z.object({
      deed: z.number().int().min(0).max(100),
      task: z.number().int().min(0).max(100),
      taskAdhocBonus: z.number().int().min(0).max(100),
      initiative: z.number().int().min(0).max(100),
      initiativeItBonus: z.number().int().min(0).max(100),
    }),
    limits: z.object({
      entriesPerDay: z.number().int().min(1).max(1000),
      textMaxLength: z.number().int().min(10).max(TEXT_MAX_LENGTH),
      /** Words of letters an entry needs once tags, mentions, emoji and punctuation are set aside. */
      minWords: z.number().int().min(1).max(50).default(3),
    }),
    leaderboard: z.object({ topMembers: z.number().int().min(1).max(50) }),
    /** The Party-format header and signature of report drafts (Hướng dẫn 36-HD/VPTW). */
    report: z.object({
      superior: z.string().min(2),
      body: z.string().min(2),
      symbol: z.string().min(2),
      signatureTitle: z.array(z.string().min(1)).min(1),
      signer: z.string(),
      recipients: z.array(z.string().min(1)),
      /**
       * Whom the periodic report names "cá nhân tiêu biểu": among the members with an approved entry in
       * the period, the `count` with the most points, or the best `percent` of them (rounded down, at
       * least one); whoever ties with the last one picked is kept. The report states the rule.
       */
      outstanding: z
        .discriminatedUnion('rule', [
          z.object({ rule: z.literal('top'), count: z.number().int().min(1).max(100) }),
          z.object({ rule: z.literal('share'), percent: z.number().min(1).max(100) }),
        ])
        .default({ rule: 'top', count: 3 }),
    }),
    /** `after`: an entry counts at once and the Council may reject it; `before`: it counts once approved. */
    review: z.object({ mode: z.enum(['after', 'before']) }).default({ mode: 'after' }),
  })
  .superRefine((agency, ctx) => {
    const seen = new Set<string>();
    for (const [i, dept] of agency.departments.entries()) {
      if (seen.has(dept.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['departments', i, 'id'],
          message: `duplicate id "${dept.id}"`,
        });
      }
      seen.add(dept.id);
    }
  });

/** The agency's own settings (config/agency.json): names, departments, points, limits, review mode. */
export type AgencyConfig = z.infer<typeof agencySchema>;
export type ReviewMode = AgencyConfig['review']['mode'];
export type Department = AgencyConfig['departments'][number];

/** Validates an agency settings object (already parsed from JSON). */
export function parseAgency(input: unknown, source = 'agency config'): AgencyConfig {
  const parsed = agencySchema.safeParse(input, ONCE);
  if (!parsed.success) throw new ConfigError(source, problems(parsed.error));
  return parsed.data;
}

/**
 * A department's name by its id. One no longer configured (an old entry's, a mover's earlier one) is
 * named in `t`'s words: the caller's locale in chat, Vietnamese in the documents.
 */
export function departmentName(
  agency: AgencyConfig,
  id: string,
  t: { unknownDepartmentName(id: string): string },
): string {
  return agency.departments.find((d) => d.id === id)?.name ?? t.unknownDepartmentName(id);
}
