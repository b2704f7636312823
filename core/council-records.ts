import * as z from 'zod';
import { COUNCIL_ROLES, VOTE_METHODS } from './council.js';
import { historyItemSchema, isoDate, titleSubjectSchema } from './domain.js';

/*
 * The year-end review's records (issue 20): the nomination lists' changes, the Council's meetings,
 * its votes, and the entries it marks as exceptional (đột xuất) or tags to a drive (chuyên đề). Each
 * carries its own audit trail. The store keeps them in its state (storage/schema.ts); the rules that
 * change them are in core/meeting.ts and core/nominations.ts.
 */

/** One line of a year-end record's trail: what happened, when, by whom, from where. */
export const councilHistoryItemSchema = historyItemSchema.extend({
  action: z.enum([
    /** Put on a nomination list (note: the reason). */
    'listed',
    /** Taken off a nomination list (note: the reason). */
    'unlisted',
    /** A meeting or a vote opened. */
    'opened',
    /** A meeting's attendance changed (note: who, present or absent, why). */
    'attendance',
    /** Counts entered for a vote (note: what was entered). */
    'counted',
    /** An absent member's written vote recorded (note: whose). */
    'written',
    /** A meeting or a vote closed. */
    'closed',
    /** A vote declared void (note: why). */
    'voided',
    /** An entry marked exceptional, or tagged to a drive (note: the reason). */
    'marked',
    /** A mark taken back (note: the reason). */
    'unmarked',
  ]),
});
export type CouncilHistoryItem = z.infer<typeof councilHistoryItemSchema>;

const rosterId = z.string().min(1);

/**
 * A change an admin made to a year's nomination list for one award: a name added (with the reason),
 * or a name taken off (a registration's, or one added before). The list itself is the registrations
 * for the title plus these changes (core/nominations.ts); the history keeps every step.
 */
export const nominationSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  awardId: z.string().min(1),
  subject: titleSubjectSchema,
  /** On the list now. */
  listed: z.boolean(),
  /** How it came to the list: a registration, an admin, an exceptional entry, a drive. */
  origin: z.enum(['registration', 'added', 'exceptional', 'drive']),
  /** Ghi chú printed on the list (the reason it was added). */
  note: z.string().optional(),
  /** Entries behind an exceptional or thematic proposal, by code. */
  entries: z.array(z.string().min(2)).optional(),
  history: z.array(councilHistoryItemSchema).min(1),
});
export type Nomination = z.infer<typeof nominationSchema>;

/** A Council member as the meeting found them (the roster may change later; the minutes must not). */
export const rosterSnapshotSchema = z.object({
  id: rosterId,
  fullName: z.string().min(1),
  position: z.string().min(1),
  role: z.enum(COUNCIL_ROLES),
});
export type RosterSnapshot = z.infer<typeof rosterSnapshotSchema>;

/** A meeting of the Council for a year's review: when, where, who, and how it ended. */
export const meetingSchema = z.object({
  no: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  /** When it sits, as the secretary stated it. */
  startsAt: isoDate,
  place: z.string().min(1),
  /** Every member of the Council at the meeting's opening. */
  roster: z.array(rosterSnapshotSchema).min(1),
  /** Who is absent, and why if said; everyone else is present. */
  absent: z.array(z.object({ id: rosterId, reason: z.string().optional() })),
  /** The counting committee (Ban kiểm phiếu), its head first. */
  counting: z.array(rosterId),
  status: z.enum(['open', 'closed']),
  closedAt: isoDate.optional(),
  /** The Council's conclusion, as the secretary wrote it at closing. */
  conclusion: z.string().optional(),
  history: z.array(councilHistoryItemSchema).min(1),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** One candidate's counts: agree and disagree. */
export const countsSchema = z.object({
  agree: z.number().int().nonnegative(),
  disagree: z.number().int().nonnegative(),
});

/**
 * A ballot as the store holds it: one letter per candidate, in the round's order — `d` (đồng ý, keep
 * the name) or `k` (không đồng ý, strike it). Every ballot of a round has the same length, so a sealed
 * one's size says nothing of its choices.
 */
export const choicesSchema = z.string().regex(/^[dk]+$/, 'one d or k per candidate');

/**
 * One vote of the Council on one award's list: a show of hands counted by the secretary, a paper
 * secret ballot counted by the counting committee, or an electronic secret ballot. For the last, the
 * round keeps WHO voted (`cast`) apart from WHAT was voted: while it is open each ballot is sealed
 * with a key that never enters the store (core/ballot-seal.ts, storage/ballot-keys.ts), and once it
 * closes only the opened ballots remain, in sorted order, with no voter and no time. See
 * docs/council.md, "The secret ballot".
 */
export const voteRoundSchema = z.object({
  no: z.number().int().positive(),
  meetingNo: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  awardId: z.string().min(1),
  method: z.enum(VOTE_METHODS),
  /** The candidates, frozen at the opening, in the list's order. */
  candidates: z.array(titleSubjectSchema).min(1),
  /** Every member of the Council (the share is of all of them). */
  rosterSize: z.number().int().positive(),
  /** Members present at the opening: those who vote at the meeting. */
  voters: z.array(rosterId),
  status: z.enum(['open', 'closed', 'void']),
  /**
   * The ballots or hands: issued (phát ra), returned (thu vào), valid (hợp lệ), and per candidate.
   * Entered by the secretary or the counting committee; for an electronic round, counted at closing.
   */
  tally: z
    .object({
      issued: z.number().int().nonnegative(),
      returned: z.number().int().nonnegative(),
      valid: z.number().int().nonnegative(),
      counts: z.array(countsSchema),
    })
    .optional(),
  /** Written votes of absent members, recorded as such (they are signed, so not secret). */
  written: z.array(z.object({ id: rosterId, choices: choicesSchema })).default([]),
  /** Electronic: who has voted, in the roster's order — never when, never what. */
  cast: z.array(rosterId).default([]),
  /** Electronic, while open: the sealed ballots, in the order of their bytes (no order of casting). */
  sealed: z.array(z.string().min(1)).default([]),
  /** Electronic, once closed: the ballots as opened, sorted; no voter, no time. */
  ballots: z.array(choicesSchema).default([]),
  history: z.array(councilHistoryItemSchema).min(1),
});
export type VoteRound = z.infer<typeof voteRoundSchema>;

/**
 * An entry the Council marked as exceptional (khen thưởng đột xuất), or tagged to a drive of the plan
 * (khen thưởng chuyên đề, `driveId` a milestone's id).
 */
export const entryMarkSchema = z.object({
  code: z.string().min(2),
  kind: z.enum(['exceptional', 'drive']),
  driveId: z.string().min(1).optional(),
  /** Marked now (a mark taken back stays, with its history). */
  marked: z.boolean(),
  reason: z.string().min(1),
  history: z.array(councilHistoryItemSchema).min(1),
});
export type EntryMark = z.infer<typeof entryMarkSchema>;
