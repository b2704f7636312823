import * as z from 'zod';
import { problems } from './agency.js';
import { disciplineFormSchema, entryKindSchema, ratingSchema } from './domain.js';
import { ConfigError } from './errors.js';
import { ONCE } from './parse-once.js';

/*
 * The year's emulation titles as data (config/titles-2026.json, explained in docs/titles-and-criteria.md):
 * who may register for each, its criteria with the legal text each comes from, and the fact from the
 * store the bot lays beside a criterion where it can. The bot prepares facts; it never decides a title.
 */

const id = z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits or -');

/** `confirmed`: read in the legal text (or a copy of it); `toVerify`: not read there — never shown as law. */
const check = z.enum(['confirmed', 'toVerify']);

/**
 * `national`: the Law or a decree; `local`: the agency's or the province's own rule (a setting);
 * `bot`: the bot's own pointer, not a rule at all.
 */
const rule = z.enum(['national', 'local', 'bot']);

/** A percentage, or the name of a setting holding one (`$settings.ttldxsLdttPercent`). */
const percent = z.union([z.number().min(0).max(100), z.string().regex(/^\$settings\.[A-Za-z0-9]+$/)]);

/** A member's own entries in the year: how many count (or were approved), of a kind if given. */
const entriesMeasure = z.object({
  type: z.literal('entries'),
  kind: entryKindSchema.optional(),
  /** Only entries the Council approved (otherwise: those that count in the review mode). */
  approvedOnly: z.boolean().default(false),
  it: z.boolean().optional(),
  adhoc: z.boolean().optional(),
  min: z.number().int().min(1),
});

const measureSchema = z.discriminatedUnion('type', [
  entriesMeasure,
  /** The subject registered for one of `titles` this year. */
  z.object({ type: z.literal('registered'), titles: z.array(id).min(1) }),
  /** A department: the share of its members meeting `of` is at least `minPercent`. */
  z.object({ type: z.literal('memberShare'), of: entriesMeasure, minPercent: percent }),
  /** A department: the share of its members registered for one of `titles` is at least `minPercent`. */
  z.object({ type: z.literal('memberShareRegistered'), titles: z.array(id).min(1), minPercent: percent }),
  /** A department: at least one of its members meets `of`. */
  z.object({ type: z.literal('someMember'), of: entriesMeasure }),
  // Measures read from the year-end records (core/records.ts).
  /** The subject's year-end rating is `atLeast` or better (LĐTT: Hoàn thành tốt nhiệm vụ trở lên). */
  z.object({ type: z.literal('rating'), atLeast: ratingSchema }),
  /**
   * A member rated `atLeast` or better, or the author of an initiative of the year the Hội đồng sáng
   * kiến recognised and not used for another award (CSTĐCS, khoản 2 Điều 23); `pointer`: entries shown
   * beside it (an approved /sangkien), which never meet it.
   */
  z.object({
    type: z.literal('ratingOrInitiative'),
    atLeast: ratingSchema,
    pointer: entriesMeasure.optional(),
  }),
  /** No discipline of the subject in effect during the year (Nghị định 152/2025 Điều 4). */
  z.object({ type: z.literal('noDiscipline') }),
  /** A department: none of its members under a discipline of `minForm` or heavier during the year. */
  z.object({ type: z.literal('noMemberDisciplined'), minForm: disciplineFormSchema }),
  /** A department: the share of its members rated `atLeast` or better for the year is at least `minPercent`. */
  z.object({ type: z.literal('memberShareRated'), atLeast: ratingSchema, minPercent: percent }),
  /** A department: the share of its members awarded one of `titles` for the year (decisions on record). */
  z.object({ type: z.literal('memberShareAwarded'), titles: z.array(id).min(1), minPercent: percent }),
  /** A department: at least one of its members awarded one of `titles` for the year (decisions on record). */
  z.object({ type: z.literal('someMemberAwarded'), titles: z.array(id).min(1) }),
  /**
   * The subject awarded one of `titles` in `years` consecutive years by decisions on record ("02 lần
   * liên tục", "03 lần…"), ending with the year before (`previous`) or the year itself (`current`).
   */
  z.object({
    type: z.literal('consecutive'),
    titles: z.array(id).min(1),
    years: z.number().int().min(2).max(10),
    through: z.enum(['previous', 'current']).default('previous'),
  }),
]);

const criterionSchema = z.object({
  id,
  /** A few words naming the criterion in a table cell. */
  short: z.string().min(3).max(80),
  /** What the rule asks (and, for a partial measure, what the bot shows), in Vietnamese. */
  text: z.string().min(3),
  /** Where it comes from: article, clause, text — or the agency's rule. */
  source: z.string().min(3),
  rule,
  check,
  /** The fact covers one way of meeting the criterion, or is a proxy: a hit is worth showing, a miss proves nothing. */
  partial: z.boolean(),
  /** How the store measures it; null: the Council confirms it (votes, ratings, discipline…). */
  measure: measureSchema.nullable(),
});

const settingSchema = z.object({
  $comment: z.string().optional(),
  /** What it is, in Vietnamese, for the review sheet. */
  label: z.string().min(3),
  value: z.number().min(0).max(1000).nullable(),
  /** The lowest value the Law allows (the agency may raise a share, not lower it). */
  floor: z.number().min(0).max(100).optional(),
  rule,
  source: z.string().min(3),
  check,
});

/**
 * The header block of an achievement report: `party` — the Party's (the superior body and the body,
 * ĐẢNG CỘNG SẢN VIỆT NAM; Hướng dẫn 36-HD/VPTW), `state` — the Quốc hiệu of the State's forms
 * (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, Độc lập - Tự do - Hạnh phúc). Which one the province expects
 * is for the Office to confirm.
 */
export const reportHeaderSchema = z.enum(['party', 'state']);
export type ReportHeader = z.infer<typeof reportHeaderSchema>;

export const titlesSchema = z
  .object({
    $comment: z.string().optional(),
    year: z.number().int().min(2000).max(2100),
    /** The achievement reports' settings: the header of a report whose title sets none (or with no title). */
    achievementReport: z
      .object({
        $comment: z.string().optional(),
        header: reportHeaderSchema,
        source: z.string().min(3),
        check,
      })
      .default({ header: 'party', source: 'Hướng dẫn 36-HD/VPTW', check: 'toVerify' }),
    legalBasis: z.array(
      z.object({
        id,
        title: z.string().min(3),
        number: z.string().nullable(),
        issued: z.string().nullable(),
        effective: z.string().nullable(),
        status: z.enum(['inForce', 'replaced', 'toVerify']),
        note: z.string(),
      }),
    ),
    settings: z.record(z.string().regex(/^[A-Za-z0-9]+$/), settingSchema),
    /** Criteria of every title (the decree's principles). */
    general: z.array(criterionSchema),
    titles: z
      .array(
        z.object({
          id,
          name: z.string().min(3),
          /** Its usual abbreviation (LĐTT, CSTĐCS…), for narrow table cells. */
          short: z.string().min(2).max(12),
          /** Who aims at it: a member for themselves, or a department (registered by its head or an admin). */
          subject: z.enum(['member', 'department']),
          /** Titles whose standard this one includes (CSTĐCS includes LĐTT): their criteria are shown too. */
          requires: z.array(id),
          /** The header of this title's achievement report; unset: `achievementReport.header`. */
          reportHeader: reportHeaderSchema.optional(),
          criteria: z.array(criterionSchema).min(1),
        }),
      )
      .min(1),
  })
  .superRefine((config, ctx) => {
    const titles = new Map(config.titles.map((t) => [t.id, t]));
    const seen = new Set<string>();
    for (const [i, title] of config.titles.entries()) {
      if (seen.has(title.id))
        ctx.addIssue({ code: 'custom', path: ['titles', i, 'id'], message: `duplicate id "${title.id}"` });
      seen.add(title.id);
      for (const [j, required] of title.requires.entries()) {
        const other = titles.get(required);
        if (!other || other.subject !== title.subject || required === title.id)
          ctx.addIssue({
            code: 'custom',
            path: ['titles', i, 'requires', j],
            message: `"${required}" is not another ${title.subject} title`,
          });
      }
    }
    for (const [name, setting] of Object.entries(config.settings)) {
      if (setting.floor !== undefined && setting.value !== null && setting.value < setting.floor)
        ctx.addIssue({
          code: 'custom',
          path: ['settings', name, 'value'],
          message: `${setting.value} is below the legal floor of ${setting.floor}`,
        });
    }
    const criteria = [
      ...config.general.map((c, j) => ({ c, subject: undefined, path: ['general', j] })),
      ...config.titles.flatMap((t, i) =>
        t.criteria.map((c, j) => ({ c, subject: t.subject, path: ['titles', i, 'criteria', j] })),
      ),
    ];
    const criterionIds = new Set<string>();
    for (const { c, subject, path } of criteria) {
      if (criterionIds.has(c.id))
        ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate id "${c.id}"` });
      criterionIds.add(c.id);
      const m = c.measure;
      if (!m) continue;
      const at = [...path, 'measure'];
      const memberOnly = m.type === 'entries' || m.type === 'ratingOrInitiative';
      const departmentOnly = [
        'memberShare',
        'memberShareRegistered',
        'someMember',
        'noMemberDisciplined',
        'memberShareAwarded',
        'memberShareRated',
        'someMemberAwarded',
      ].includes(m.type);
      if ((memberOnly && subject !== 'member') || (departmentOnly && subject !== 'department'))
        ctx.addIssue({
          code: 'custom',
          path: at,
          message: `${m.type} does not measure a ${subject ?? 'title'}`,
        });
      if (
        m.type === 'registered' ||
        m.type === 'memberShareRegistered' ||
        m.type === 'memberShareAwarded' ||
        m.type === 'someMemberAwarded' ||
        m.type === 'consecutive'
      ) {
        const want = m.type === 'registered' || m.type === 'consecutive' ? subject : 'member';
        for (const titleId of m.titles) {
          if (titles.get(titleId)?.subject !== want)
            ctx.addIssue({
              code: 'custom',
              path: [...at, 'titles'],
              message: `"${titleId}" is not a ${want} title`,
            });
        }
      }
      if (
        (m.type === 'memberShare' ||
          m.type === 'memberShareRegistered' ||
          m.type === 'memberShareAwarded' ||
          m.type === 'memberShareRated') &&
        typeof m.minPercent === 'string'
      ) {
        const name = m.minPercent.slice('$settings.'.length);
        const value = config.settings[name]?.value;
        if (typeof value !== 'number' || value > 100)
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'minPercent'],
            message: `no setting "${name}" holding a percentage`,
          });
      }
    }
  });

type Parsed = z.infer<typeof titlesSchema>;
type RawCriterion = Parsed['general'][number];
type RawMeasure = NonNullable<RawCriterion['measure']>;

/** A measure with its percentage read from the settings. */
export type TitleMeasure = RawMeasure extends infer M
  ? M extends { minPercent: unknown }
    ? Omit<M, 'minPercent'> & { minPercent: number }
    : M
  : never;
export type EntriesMeasure = z.infer<typeof entriesMeasure>;
export type Criterion = Omit<RawCriterion, 'measure'> & { measure: TitleMeasure | null };
export type Title = Omit<Parsed['titles'][number], 'criteria'> & { criteria: Criterion[] };
export type TitlesConfig = Omit<Parsed, 'general' | 'titles'> & { general: Criterion[]; titles: Title[] };

function resolve(config: Parsed, measure: RawMeasure | null): TitleMeasure | null {
  if (!measure || !('minPercent' in measure)) return measure;
  const { minPercent } = measure;
  const value =
    typeof minPercent === 'number'
      ? minPercent
      : (config.settings[minPercent.slice('$settings.'.length)]?.value as number);
  return { ...measure, minPercent: value };
}

/** Validates the titles file (already parsed from JSON); settings named in measures are read in. */
export function parseTitles(input: unknown, source = 'titles'): TitlesConfig {
  const parsed = titlesSchema.safeParse(input, ONCE);
  if (!parsed.success) throw new ConfigError(source, problems(parsed.error));
  const config = parsed.data;
  const criteria = (list: RawCriterion[]): Criterion[] =>
    list.map((c) => ({ ...c, measure: resolve(config, c.measure) }));
  return {
    ...config,
    general: criteria(config.general),
    titles: config.titles.map((t) => ({ ...t, criteria: criteria(t.criteria) })),
  };
}

/** The title with this id. */
export function titleById(config: TitlesConfig, titleId: string): Title | undefined {
  return config.titles.find((t) => t.id === titleId);
}

/** The titles a member (or a department) may register for, in the file's order. */
export function titlesFor(config: TitlesConfig, subject: 'member' | 'department'): Title[] {
  return config.titles.filter((t) => t.subject === subject);
}

/**
 * The criteria laid beside a subject aiming at `title`: its own, those of the titles it includes
 * (CSTĐCS includes LĐTT), then the ones every title shares.
 */
export function criteriaOf(config: TitlesConfig, title: Title): { title: Title; criterion: Criterion }[] {
  const seen = new Set<string>();
  const out: { title: Title; criterion: Criterion }[] = [];
  const visit = (t: Title) => {
    if (seen.has(t.id)) return;
    seen.add(t.id);
    for (const criterion of t.criteria) out.push({ title: t, criterion });
    for (const required of t.requires) {
      const other = titleById(config, required);
      if (other) visit(other);
    }
  };
  visit(title);
  for (const criterion of config.general) out.push({ title, criterion });
  return out;
}

/** The header block of the achievement report proposing `title` (none: the file's default). */
export function reportHeaderOf(config: TitlesConfig | undefined, title: Title | undefined): ReportHeader {
  return title?.reportHeader ?? config?.achievementReport.header ?? 'party';
}
