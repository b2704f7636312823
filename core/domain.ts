import * as z from 'zod';
import { PLATFORMS } from './identity.js';

/**
 * The domain's records and their schemas: members, entries, model examples and their audit trails.
 * Storage keeps them in its layout (storage/schema.ts); everything else reads them through the
 * repository (core/repository.ts).
 */

/** The platform a change came from (history items keep it). */
export const platformSchema = z.enum(PLATFORMS);

export const entryKindSchema = z.enum(['deed', 'task', 'initiative']);
export type EntryKind = z.infer<typeof entryKindSchema>;

/** An instant as ISO 8601 with its offset, as every record stores time. */
export const isoDate = z.iso.datetime({ offset: true });

/** One line of an entry's or a member's audit trail: what happened, when, by whom, from where. */
export const historyItemSchema = z.object({
  at: isoDate,
  action: z.enum([
    'created',
    'withdrawn',
    'approved',
    'rejected',
    'registered',
    'updated',
    'linked',
    'proposed',
    'advanced',
    /** A member moved to another department (note: `from → to`). */
    'moved',
    /** A decided entry put back to pending by the Council (note: the reason). */
    'reopened',
    /** A member left the agency group (seen by a platform); they can no longer write. */
    'left',
    /** A member who had left is in the agency group again. */
    'rejoined',
    /** A member named the head of a department (who registers its emulation title); note: the member id. */
    'assigned',
    /** A department's head no longer named (note: the member id who was). */
    'unassigned',
    // Year-end records (core/records.ts): a record entered, corrected (note: what changed and why),
    // annulled (kept, no longer read; note: why), an initiative marked as backing an award.
    'recorded',
    'corrected',
    'annulled',
    'used',
  ]),
  by: z.string().min(1),
  platform: platformSchema,
  note: z.string().optional(),
  /** The platform message that made this change, so a message delivered twice changes nothing twice. */
  source: z.string().optional(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

/** One stretch of a member's time in a department: from `from` until the next one begins. */
export const assignmentSchema = z.object({ departmentId: z.string().min(1), from: isoDate });
export type Assignment = z.infer<typeof assignmentSchema>;

export const memberSchema = z.object({
  id: z.string().min(1),
  fullName: z.string().min(1),
  /** The department the member belongs to now (the last of `departments`). */
  departmentId: z.string().min(1),
  /** Every department the member has belonged to, oldest first: points stay where they were earned. */
  departments: z.array(assignmentSchema).min(1),
  /** Platform identities as `platform:userId`, e.g. `telegram:12345`. */
  identities: z.array(z.string().min(3)).min(1),
  /** Telegram @username (without @, lower case), used to resolve mentions. */
  username: z.string().optional(),
  registeredAt: isoDate,
  history: z.array(historyItemSchema),
  /** Has written to the bot in private, so the bot may write to them there (Telegram requires it). */
  privateChat: z.boolean().optional(),
  /** Personal reminders (/tatnhac turns them off); absent means on. */
  nudges: z.boolean().optional(),
  /** When the member left the agency group (absent: still in it). Kept, never erased: their history stays. */
  leftAt: isoDate.optional(),
});
export type Member = z.infer<typeof memberSchema>;

/** A photo kept as evidence: the platform it came from and that platform's reference to the file. */
export const evidencePhotoSchema = z.object({ platform: platformSchema, fileId: z.string().min(1) });
export type EvidencePhoto = z.infer<typeof evidencePhotoSchema>;

export const entrySchema = z.object({
  code: z.string().min(2),
  kind: entryKindSchema,
  text: z.string().min(1),
  points: z.number().int().nonnegative(),
  adhoc: z.boolean(),
  it: z.boolean(),
  /** The member credited with the entry (a mentioned colleague, or the reporter). */
  memberId: z.string().min(1),
  /** The member who logged it. */
  reporterId: z.string().min(1),
  /** The credited member's department when the entry was logged: the department it counts for. */
  departmentId: z.string().min(1),
  at: isoDate,
  status: z.enum(['active', 'withdrawn']),
  /** The Council's decision. Entries logged before review existed (layout 1) read as pending. */
  review: z.enum(['pending', 'approved', 'rejected']).default('pending'),
  /**
   * The photos kept as evidence, by the platform's own reference to each: one, or every photo of an
   * album sent with the command (layouts up to 5 held one photo as an object: storage/migrations.ts).
   */
  photo: z.array(evidencePhotoSchema).min(1).optional(),
  /** Platform message the entry came from; the same message delivered twice creates one entry. */
  source: z.string().min(1),
  history: z.array(historyItemSchema).min(1),
});
export type Entry = z.infer<typeof entrySchema>;

/** The four stages a model example goes through, in order (phát hiện – bồi dưỡng – tổng kết – nhân rộng). */
export const MODEL_STAGES = ['discover', 'nurture', 'sumup', 'replicate'] as const;
export const modelStageSchema = z.enum(MODEL_STAGES);
export type ModelStage = z.infer<typeof modelStageSchema>;

/** A model example (điển hình tiên tiến): an entry, a member or a department singled out. */
export const modelExampleSchema = z.object({
  no: z.number().int().positive(),
  subject: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('entry'), code: z.string().min(2) }),
    z.object({ kind: z.literal('member'), memberId: z.string().min(1) }),
    z.object({ kind: z.literal('department'), departmentId: z.string().min(1) }),
  ]),
  reason: z.string().min(1),
  stage: modelStageSchema,
  /** One item per stage reached, with its date, who moved it there and the note. */
  stages: z
    .array(z.object({ stage: modelStageSchema, at: isoDate, by: z.string().min(1), note: z.string() }))
    .min(1),
  history: z.array(historyItemSchema).min(1),
});
export type ModelExample = z.infer<typeof modelExampleSchema>;

/** Who a registration for an emulation title is for: a member, or a department (tập thể). */
export const titleSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), memberId: z.string().min(1) }),
  z.object({ kind: z.literal('department'), departmentId: z.string().min(1) }),
]);
export type TitleSubject = z.infer<typeof titleSubjectSchema>;

/**
 * A registration for an emulation title (đăng ký thi đua) for one year: the title aimed at now, and
 * every registration and change before it (each history item's note is the title id chosen then).
 */
export const registrationSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  subject: titleSubjectSchema,
  titleId: z.string().min(1),
  history: z.array(historyItemSchema).min(1),
});
export type Registration = z.infer<typeof registrationSchema>;

/** The member who registers a department's title (its head), with every change in its history. */
export const departmentHeadSchema = z.object({
  departmentId: z.string().min(1),
  /** Absent: no head named now (the history keeps who was). */
  memberId: z.string().min(1).optional(),
  history: z.array(historyItemSchema).min(1),
});
export type DepartmentHead = z.infer<typeof departmentHeadSchema>;

// ---- Year-end records: what the titles turn on (issue 20; rules in core/records.ts) ---------------

/**
 * The year-end rating of a member or department (đánh giá, xếp loại chất lượng), best first:
 * Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành
 * nhiệm vụ (Quy định 366-QĐ/TW 2025).
 */
export const RATINGS = ['htxsnv', 'httnv', 'htnv', 'khtnv'] as const;
export const ratingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof ratingSchema>;

/** A calendar day as written on a decision, `yyyy-mm-dd` (a day in Vietnam; no time of day). */
export const daySchema = z.iso.date();

const yearSchema = z.number().int().min(2000).max(2100);

/**
 * The rating of `subject` for `year`: the one given now, and every rating given before it in its
 * history (`recorded`, then `corrected` — note: `old → new: reason`).
 */
export const yearRatingSchema = z.object({
  year: yearSchema,
  subject: titleSubjectSchema,
  rating: ratingSchema,
  history: z.array(historyItemSchema).min(1),
});
export type YearRating = z.infer<typeof yearRatingSchema>;

/**
 * A signed decision as it names itself: its number (`123-QĐ/BTCTU`, `45/QĐ-UBND`), its date, the
 * body that issued it and who signed it. Numbers start again every year, so a decision is its number
 * in the year of its date (core/records.ts's `decisionKey`), and one decision is one record.
 */
export const decisionRefSchema = z.object({
  number: z.string().min(1).max(60),
  date: daySchema,
  body: z.string().min(1).max(200),
  signer: z.string().min(1).max(120).optional(),
});
export type DecisionRef = z.infer<typeof decisionRefSchema>;

/** Whether a record is read (`active`) or was annulled — kept, with why, and no longer read. */
export const recordStatusSchema = z.enum(['active', 'annulled']);

/** Forms of discipline of the Party's rules and the Law on cadres and civil servants, mildest first. */
export const DISCIPLINE_FORMS = [
  'khientrach',
  'canhcao',
  'habacluong',
  'giangchuc',
  'cachchuc',
  'bainhiem',
  'buocthoiviec',
  'khaitru',
] as const;
export const disciplineFormSchema = z.enum(DISCIPLINE_FORMS);
export type DisciplineForm = z.infer<typeof disciplineFormSchema>;

/** A discipline (kỷ luật): its form, the decision, and the period it takes effect (from – until, days). */
export const disciplineSchema = z.object({
  no: z.number().int().positive(),
  subject: titleSubjectSchema,
  form: disciplineFormSchema,
  decision: decisionRefSchema,
  from: daySchema,
  until: daySchema,
  /** What it was for, as the Office writes it (optional). */
  note: z.string().max(500).optional(),
  status: recordStatusSchema,
  history: z.array(historyItemSchema).min(1),
});
export type Discipline = z.infer<typeof disciplineSchema>;

/**
 * An initiative recognised by the agency's Hội đồng sáng kiến (its decision is the certificate a
 * Chiến sĩ thi đua cơ sở dossier needs), for the emulation `year`; `entry` points to the `/sangkien`
 * entry it came from, if any. One initiative backs one award: `usedBy` is the award it backs.
 */
export const initiativeSchema = z.object({
  no: z.number().int().positive(),
  name: z.string().min(1).max(300),
  authors: z.array(z.string().min(1)).min(1),
  year: yearSchema,
  decision: decisionRefSchema,
  entry: z.string().min(2).optional(),
  usedBy: z.object({ award: z.number().int().positive(), memberId: z.string().min(1) }).optional(),
  status: recordStatusSchema,
  history: z.array(historyItemSchema).min(1),
});
export type Initiative = z.infer<typeof initiativeSchema>;

/** An emulation title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng). */
export const awardKindSchema = z.enum(['title', 'form']);
export type AwardKind = z.infer<typeof awardKindSchema>;

/** Someone an award decision names: a member or a department, and the initiative that backs it, if any. */
export const awardRecipientSchema = z.object({
  subject: titleSubjectSchema,
  initiative: z.number().int().positive().optional(),
});
export type AwardRecipient = z.infer<typeof awardRecipientSchema>;

/**
 * A signed award decision (quyết định công nhận danh hiệu, tặng Giấy khen…) on record: the title or
 * form it gives for the emulation `year` (`titleId` when it is one of the titles file's), the
 * decision, and everyone it names. Past awards entered person by person join the decision of the
 * same number. It is each recipient's award history: section III, consecutive years, the criteria.
 */
export const awardSchema = z.object({
  no: z.number().int().positive(),
  year: yearSchema,
  kind: awardKindSchema,
  titleId: z.string().min(1).optional(),
  name: z.string().min(1).max(200),
  decision: decisionRefSchema,
  recipients: z.array(awardRecipientSchema).min(1),
  status: recordStatusSchema,
  history: z.array(historyItemSchema).min(1),
});
export type Award = z.infer<typeof awardSchema>;
