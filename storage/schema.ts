import * as z from 'zod';
// ---- year-end review (issue 20, h20b) ----
import {
  entryMarkSchema,
  meetingSchema,
  nominationSchema,
  voteRoundSchema,
} from '../core/council-records.js';
import {
  awardSchema,
  departmentHeadSchema,
  disciplineSchema,
  entrySchema,
  historyItemSchema,
  initiativeSchema,
  isoDate,
  memberSchema,
  modelExampleSchema,
  registrationSchema,
  yearRatingSchema,
} from '../core/domain.js';
import { EntryTable } from './entry-table.js';
import { isSum, NO_LINE } from './line.js';

/**
 * Version of the store layout this code writes. Layouts 1–6 were one JSON document (`store.json`);
 * from layout 7 the snapshot is `store.snapshot` (storage/snapshot-file.ts): this state as JSON beside
 * the entry table's columns. From layout 8 the store has an identity, and every journal line carries
 * it and a checksum chained to the line before (storage/line.ts). Older layouts are migrated on load
 * (storage/migrations.ts), and written in this layout before the store takes a write.
 */
export const STORE_VERSION = 8;
/** The last layout written as one JSON document (and the layout of `npm run store:export`). */
export const DOCUMENT_VERSION = 6;

/**
 * The store's state apart from its entries: everything small, kept as plain objects and written as
 * JSON in the snapshot. A new collection is added here (with a `.default`, so older snapshots read),
 * in `emptyState`, and changed by its own events in storage/events.ts.
 */
/** A line's checksum (storage/line.ts). */
export const sumSchema = z.string().refine(isSum, 'not a line checksum (8 hex digits)');

export const stateSchema = z.object({
  version: z.literal(STORE_VERSION),
  /**
   * The store's identity (storage/line.ts), given when it was made; empty only in the state of an older
   * layout, before it is written in this one. Every journal line carries it.
   */
  store: z.string(),
  /** Sequence number of the last journal event folded into this snapshot. */
  seq: z.number().int().nonnegative(),
  /** The checksum of that event's line: the next line's `prev` (NO_LINE when the snapshot holds none's). */
  last: sumSchema,
  /**
   * Journal lines of seq up to this were written by a layout before 8, without identity or checksum:
   * the migration to layout 8 accepts them (they are all in this snapshot). Absent for a store made in layout 8.
   */
  legacyThrough: z.number().int().nonnegative().optional(),
  nextEntryNo: z.number().int().positive(),
  nextMemberNo: z.number().int().positive(),
  nextModelNo: z.number().int().positive().default(1),
  members: z.array(memberSchema),
  models: z.array(modelExampleSchema).default([]),
  /** The last slot each scheduled job has dealt with (posted, or skipped as too old), by job id. */
  jobs: z.record(z.string(), isoDate).default({}),
  /** Registrations for the year's emulation titles, each with its changes (layout 5). */
  registrations: z.array(registrationSchema).default([]),
  /** Who heads each department (registers its title), each with its changes (layout 5). */
  heads: z.array(departmentHeadSchema).default([]),
  // ---- year-end review (issue 20, h20b): nomination list changes, the Council's meetings and votes, marks ----
  nominations: z.array(nominationSchema).default([]),
  meetings: z.array(meetingSchema).default([]),
  rounds: z.array(voteRoundSchema).default([]),
  marks: z.array(entryMarkSchema).default([]),
  // Year-end records (core/records.ts), each with its history; changed by `records.saved`.
  ratings: z.array(yearRatingSchema).default([]),
  disciplines: z.array(disciplineSchema).default([]),
  initiatives: z.array(initiativeSchema).default([]),
  awards: z.array(awardSchema).default([]),
});

/** The state in memory: the small collections as plain objects, the entries as a table of columns. */
export type State = z.infer<typeof stateSchema> & { entries: EntryTable };

/** The store as one JSON document (layouts 1–6 after migration; the export format). */
export const documentSchema = stateSchema.extend({
  version: z.literal(DOCUMENT_VERSION),
  // A document has no journal: an export keeps the identity of the store it came from, if it had one.
  store: z.string().default(''),
  last: sumSchema.default(NO_LINE),
  entries: z.array(entrySchema),
});
export type StoreDocument = z.infer<typeof documentSchema>;

export function emptyState(): State {
  return {
    version: STORE_VERSION,
    store: '',
    seq: 0,
    last: NO_LINE,
    nextEntryNo: 1,
    nextMemberNo: 1,
    nextModelNo: 1,
    members: [],
    entries: new EntryTable(),
    models: [],
    jobs: {},
    registrations: [],
    heads: [],
    nominations: [],
    meetings: [],
    rounds: [],
    marks: [],
    ratings: [],
    disciplines: [],
    initiatives: [],
    awards: [],
  };
}

/**
 * Journal lines written by layout 3 lack the department fields; they are filled in when the line is
 * applied, from the member's department at that point of the replay (see storage/store.ts). Lines of
 * layouts 4 and 5 hold an entry's photo as an object rather than a list.
 */
const journalMemberSchema = memberSchema.extend({ departments: memberSchema.shape.departments.optional() });
const journalEntrySchema = entrySchema.extend({
  departmentId: entrySchema.shape.departmentId.optional(),
  // Layouts up to 5 kept one photo as an object; a journal line of them reads as a list of one.
  photo: z.preprocess(
    (photo) => (photo && typeof photo === 'object' && !Array.isArray(photo) ? [photo] : photo),
    entrySchema.shape.photo,
  ),
});

/**
 * What every journal line carries: its place in the order of changes, and the platform message that
 * made the change, if one did — so a message delivered twice is recognised and changes nothing twice.
 * From layout 8 also the store's identity, the checksum of the line before and its own (storage/line.ts;
 * a line of an older layout has none of them, and is accepted only where a migration says so).
 */
const line = {
  seq: z.number().int().positive(),
  store: z.string().min(1).optional(),
  prev: sumSchema.optional(),
  sum: sumSchema.optional(),
  source: z.string().min(1).optional(),
};

/**
 * The first line of a layout-8 journal: the store it belongs to and the snapshot it follows (that
 * snapshot's seq, and the sum of its last line: the `prev` of the journal's first change). Sealed
 * like every line.
 */
export const journalHeadSchema = z.object({
  journal: z.literal('thidua-bot'),
  store: z.string().min(1),
  follows: z.number().int().nonnegative(),
  last: sumSchema,
  sum: sumSchema,
});
export type JournalHead = z.infer<typeof journalHeadSchema>;

/** A journal line: one change, applied in order of `seq` on top of the snapshot. */
export const eventSchema = z.discriminatedUnion('type', [
  z.object({ ...line, type: z.literal('member.saved'), member: journalMemberSchema }),
  z.object({ ...line, type: z.literal('entry.created'), entry: journalEntrySchema }),
  z.object({ ...line, type: z.literal('entry.withdrawn'), code: z.string().min(1), item: historyItemSchema }),
  z.object({ ...line, type: z.literal('entry.reviewed'), code: z.string().min(1), item: historyItemSchema }),
  z.object({ ...line, type: z.literal('model.saved'), model: modelExampleSchema }),
  z.object({ ...line, type: z.literal('job.done'), job: z.string().min(1), slot: isoDate }),
  /** A registration for a year's title, whole (its history holds every change). */
  z.object({ ...line, type: z.literal('registration.saved'), registration: registrationSchema }),
  /** A department's head record, whole (its history holds every change). */
  z.object({ ...line, type: z.literal('head.saved'), head: departmentHeadSchema }),
  /**
   * Year-end records, whole, each replacing its earlier self (ratings by year and subject, the others
   * by number): one line for a list of changes (an import), so it applies all or nothing.
   */
  z.object({
    ...line,
    type: z.literal('records.saved'),
    ratings: z.array(yearRatingSchema).default([]),
    disciplines: z.array(disciplineSchema).default([]),
    initiatives: z.array(initiativeSchema).default([]),
    awards: z.array(awardSchema).default([]),
  }),
  // ---- year-end review (issue 20, h20b); each record whole, its history holding every change ----
  z.object({ ...line, type: z.literal('council.nomination.saved'), nomination: nominationSchema }),
  z.object({ ...line, type: z.literal('council.meeting.saved'), meeting: meetingSchema }),
  z.object({ ...line, type: z.literal('council.round.saved'), round: voteRoundSchema }),
  /**
   * One electronic ballot: who voted and the ballot sealed with a key the store never holds
   * (core/ballot-seal.ts). No time and no choice in the clear.
   */
  z.object({
    ...line,
    type: z.literal('council.ballot.cast'),
    round: z.number().int().positive(),
    voter: z.string().min(1),
    sealed: z.string().min(1),
  }),
  z.object({ ...line, type: z.literal('council.mark.saved'), mark: entryMarkSchema }),
  /** `identity` now belongs to member `keep`; if another member held it, that member is merged into `keep`. */
  z.object({
    ...line,
    type: z.literal('member.linked'),
    keep: z.string().min(1),
    identity: z.string().min(3),
    item: historyItemSchema,
  }),
]);
export type StoreEvent = z.infer<typeof eventSchema>;
export type StoreEventBody = StoreEvent extends infer E
  ? E extends StoreEvent
    ? Omit<E, 'seq' | 'source' | 'store' | 'prev' | 'sum'>
    : never
  : never;
