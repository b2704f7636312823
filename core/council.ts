import * as z from 'zod';
import { problems } from './agency.js';
import type { Member } from './domain.js';
import { ConfigError } from './errors.js';
import { parseIdentity } from './identity.js';
import { ONCE } from './parse-once.js';
import type { TitlesConfig } from './titles.js';

/*
 * The Emulation and Commendation Council (Hội đồng Thi đua – Khen thưởng) as configuration
 * (config/council-2026.json, COUNCIL_FILE): its members with their role and the platform identities
 * they vote from, the counting committee (Ban kiểm phiếu), and the awards the Council considers at the
 * year's end — who decides each (the Trưởng Ban, or the Chủ tịch UBND tỉnh on the Ban's proposal), how
 * it is voted, and the share of all members it needs, each with its source. Read
 * docs/council.md before changing anything here. The bot counts and drafts; people decide.
 */

const id = z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits or -');
const check = z.enum(['confirmed', 'toVerify']);
const rule = z.enum(['national', 'local', 'bot']);

/** A platform identity as stored on members: `telegram:12345`, `zalobot:6ede9afa…`. */
const identity = z.string().refine((s) => parseIdentity(s) !== undefined, 'platform:id (telegram:12345)');

export const COUNCIL_ROLES = ['chair', 'viceChair', 'standing', 'secretary', 'member'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

const rosterMemberSchema = z.object({
  id,
  fullName: z.string().min(3),
  /** Chức vụ, as the minutes print it ("Trưởng Ban", "Chánh Văn phòng"). */
  position: z.string().min(2),
  role: z.enum(COUNCIL_ROLES),
  /** The identities this member acts from on the bot (needed to vote electronically); may be empty. */
  identities: z.array(identity).default([]),
});
export type RosterMember = z.infer<typeof rosterMemberSchema>;

/** A share of all the Council's members a candidate needs, with where the rule comes from. */
const thresholdSchema = z.object({
  label: z.string().min(3),
  /** Percent of ALL members of the Council (not of those present). */
  percent: z.number().min(1).max(100),
  /** `true`: more than `percent` (quá bán: more than 50); `false`: at least `percent`. */
  strict: z.boolean().default(false),
  rule,
  source: z.string().min(3),
  check,
});
export type Threshold = z.infer<typeof thresholdSchema>;

export const VOTE_METHODS = ['hands', 'paper', 'electronic'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];

const awardSchema = z.object({
  id,
  name: z.string().min(3),
  short: z.string().min(2).max(12),
  /** `title`: an emulation title of the titles file (same id); `form`: a form of commendation. */
  kind: z.enum(['title', 'form']),
  subjects: z.array(z.enum(['member', 'department'])).min(1),
  /** `ban`: the Trưởng Ban decides; `province`: the Ban proposes, the Chủ tịch UBND tỉnh decides. */
  decidedBy: z.enum(['ban', 'province']),
  /** Where that authority is read (an article of Luật 06/2022). */
  authority: z.string().min(3),
  authorityCheck: check,
  /** Registrations for this title start its nomination list (titles people register for). */
  fromRegistration: z.boolean(),
  /** `secret`: a secret ballot (paper or electronic); `hands`: a show of hands may do. */
  vote: z.enum(['secret', 'hands']),
  voteSource: z.string().min(3),
  voteCheck: check,
  threshold: thresholdSchema,
});
export type Award = z.infer<typeof awardSchema>;

export const councilSchema = z
  .object({
    $comment: z.string().optional(),
    year: z.number().int().min(2000).max(2100),
    /** The Trưởng Ban's decision naming the Council (number and date), as the minutes cite it. */
    establishedBy: z.object({ number: z.string().nullable(), date: z.string().nullable() }),
    members: z.array(rosterMemberSchema).min(3),
    /** The counting committee (Ban kiểm phiếu): its head first. Members of the Council. */
    counting: z.array(id).min(1),
    /** The share of members present for the meeting to be valid. */
    quorum: thresholdSchema,
    awards: z.array(awardSchema).min(1),
    /**
     * The province's own deadline and address for the dossiers it decides (Sở Nội vụ); shown on the
     * tờ trình and reminded by the plan's `dossier` milestone.
     */
    province: z.object({
      /** Who decides the upward awards, as the tờ trình addresses them. */
      decider: z.string().min(3),
      /** Through whom the dossiers go. */
      through: z.string().min(3),
      /** The provincial texts the tờ trình cites (căn cứ), besides the Law and the decree. */
      basis: z.array(z.string().min(3)),
    }),
  })
  .superRefine((council, ctx) => {
    const ids = new Set<string>();
    const seen = new Set<string>();
    for (const [i, m] of council.members.entries()) {
      if (ids.has(m.id))
        ctx.addIssue({ code: 'custom', path: ['members', i, 'id'], message: `duplicate id "${m.id}"` });
      ids.add(m.id);
      for (const identity of m.identities) {
        if (seen.has(identity))
          ctx.addIssue({
            code: 'custom',
            path: ['members', i, 'identities'],
            message: `${identity} belongs to two members`,
          });
        seen.add(identity);
      }
    }
    for (const role of ['chair', 'secretary'] as const) {
      const holders = council.members.filter((m) => m.role === role).length;
      if (holders !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['members'],
          message: `needs exactly one ${role}, has ${holders}`,
        });
    }
    for (const [i, who] of council.counting.entries()) {
      if (!ids.has(who))
        ctx.addIssue({
          code: 'custom',
          path: ['counting', i],
          message: `"${who}" is not a member of the Council`,
        });
    }
    const awards = new Set<string>();
    for (const [i, award] of council.awards.entries()) {
      if (awards.has(award.id))
        ctx.addIssue({ code: 'custom', path: ['awards', i, 'id'], message: `duplicate id "${award.id}"` });
      awards.add(award.id);
    }
  });

export type CouncilConfig = z.infer<typeof councilSchema>;

/**
 * Validates the Council's file against the year's titles: every `title` award is a title of the titles
 * file for the same year, with the same subject.
 */
export function parseCouncil(input: unknown, titles?: TitlesConfig, source = 'council'): CouncilConfig {
  const parsed = councilSchema.safeParse(input, ONCE);
  if (!parsed.success) throw new ConfigError(source, problems(parsed.error));
  const council = parsed.data;
  const issues: string[] = [];
  if (titles) {
    if (titles.year !== council.year)
      issues.push(`year: ${council.year}, but the titles are for ${titles.year}`);
    for (const [i, award] of council.awards.entries()) {
      if (award.kind !== 'title') continue;
      const title = titles.titles.find((t) => t.id === award.id);
      if (!title) issues.push(`awards.${i}.id: "${award.id}" is not a title of the titles file`);
      else if (award.subjects.length !== 1 || award.subjects[0] !== title.subject)
        issues.push(`awards.${i}.subjects: the title "${award.id}" is for a ${title.subject}`);
    }
  }
  if (issues.length) throw new ConfigError(source, issues);
  return council;
}

export function awardById(council: CouncilConfig, awardId: string): Award | undefined {
  return council.awards.find((a) => a.id === awardId);
}

export function rosterMember(council: CouncilConfig, rosterId: string): RosterMember | undefined {
  return council.members.find((m) => m.id === rosterId);
}

/**
 * The Council member behind a caller: by the identity they write from, or by any identity of the
 * member profile they linked (a member who votes from Zalo but is listed by Telegram id).
 */
export function rosterMemberOf(
  council: CouncilConfig,
  callerIdentity: string,
  member?: Pick<Member, 'identities'> | undefined,
): RosterMember | undefined {
  const mine = new Set([callerIdentity, ...(member?.identities ?? [])]);
  return council.members.find((m) => m.identities.some((i) => mine.has(i)));
}

/** The identities of the Council's members on one platform (they are Council members there too). */
export function councilIdentitiesOn(council: CouncilConfig | undefined, platform: string): string[] {
  if (!council) return [];
  return council.members.flatMap((m) =>
    m.identities.flatMap((i) => {
      const parsed = parseIdentity(i);
      return parsed?.platform === platform ? [parsed.id] : [];
    }),
  );
}

/** Whether `agree` votes out of `total` members meet a threshold (of all members). */
export function meetsThreshold(threshold: Threshold, agree: number, total: number): boolean {
  if (total <= 0) return false;
  // Compared in integers: 4 of 5 is exactly 80%, never 79.99…
  return threshold.strict
    ? agree * 100 > threshold.percent * total
    : agree * 100 >= threshold.percent * total;
}

/** The fewest votes of `total` members that meet a threshold. */
export function votesNeeded(threshold: Threshold, total: number): number {
  for (let n = 0; n <= total; n += 1) if (meetsThreshold(threshold, n, total)) return n;
  return total + 1;
}
