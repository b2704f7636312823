import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import { type AgencyConfig, parseAgency, problems } from '../core/agency.js';
import { type CouncilConfig, councilIdentitiesOn, parseCouncil } from '../core/council.js';
import { ConfigError } from '../core/errors.js';
import { ONCE } from '../core/parse-once.js';
import { type Plan, parsePlan } from '../core/plan.js';
import { parseTitles, type TitlesConfig } from '../core/titles.js';
import type { Locale } from '../locales/index.js';
import type { TelegramConfig } from './telegram/config.js';
import type { TelegramSetupConfig } from './telegram/setup.js';
import type { ZaloConfig } from './zalo/config.js';
import type { ZaloBotConfig } from './zalo-bot/config.js';

export type { TelegramConfig, ZaloBotConfig, ZaloConfig };

const blankAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** http:// is accepted only for this machine (a test, the console demo): Telegram opens Mini Apps over HTTPS. */
const LOOPBACK_URL = /^http:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$)/;

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A forum topic's id (message_thread_id): a positive whole number. */
const topicId = z.preprocess(
  blankAsUnset,
  z.coerce
    .number({ message: 'must be a forum topic id (message_thread_id), a positive whole number' })
    .int('must be a forum topic id (message_thread_id), a positive whole number')
    .positive('must be a forum topic id (message_thread_id), a positive whole number')
    .optional(),
);

const idList = z.string().transform((text, ctx) => {
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.filter((id) => !/^-?\d{1,20}$/.test(id));
  if (bad.length) ctx.addIssue({ code: 'custom', message: `not numeric ids: ${bad.join(', ')}` });
  return ids;
});

/** Zalo Bot Platform ids are opaque strings of letters and digits, e.g. `6ede9afa66b88fe6d6a9`. */
const opaqueIdList = z.string().transform((text, ctx) => {
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.filter((id) => !/^[A-Za-z0-9_-]{1,64}$/.test(id));
  if (bad.length) ctx.addIssue({ code: 'custom', message: `not Zalo Bot user ids: ${bad.join(', ')}` });
  return ids;
});

/** Environment variables, documented one by one in .env.example. */
export const envSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: z.preprocess(
      blankAsUnset,
      z
        .string()
        .regex(/^\d{5,}:[A-Za-z0-9_-]{30,}$/, 'must look like 123456789:AA… (the token BotFather gives)')
        .optional(),
    ),
    TELEGRAM_API_ROOT: z.preprocess(blankAsUnset, z.url().default('https://api.telegram.org')),
    TELEGRAM_GROUP_ID: z.preprocess(
      blankAsUnset,
      z
        .string()
        .regex(/^-\d{5,20}$/, 'must be the group chat id, a negative number like -1001234567890')
        .optional(),
    ),
    TELEGRAM_ADMIN_IDS: z.preprocess(blankAsUnset, idList.default([])),
    TELEGRAM_COUNCIL_IDS: z.preprocess(blankAsUnset, idList.default([])),
    TELEGRAM_TOPIC_POSTS: topicId,
    TELEGRAM_TOPIC_REMINDERS: topicId,
    TELEGRAM_TOPIC_CONFIRMATIONS: topicId,
    TELEGRAM_COMPACT_CONFIRMATIONS: z.preprocess(blankAsUnset, flag.default(false)),
    TELEGRAM_PROTECT_REPORTS: z.preprocess(blankAsUnset, flag.default(false)),
    ZALO_ENABLED: z.preprocess(blankAsUnset, z.enum(['true', 'false', '1', '0']).default('false')),
    ZALO_CREDENTIALS_FILE: z.preprocess(blankAsUnset, z.string().default('zalo-credentials.json')),
    ZALO_GROUP_ID: z.preprocess(
      blankAsUnset,
      z
        .string()
        .regex(/^\d{5,25}$/, 'must be the Zalo group id (digits)')
        .optional(),
    ),
    ZALO_ADMIN_IDS: z.preprocess(blankAsUnset, idList.default([])),
    ZALO_COUNCIL_IDS: z.preprocess(blankAsUnset, idList.default([])),
    ZALO_GROUP_ADMINS_ARE_ADMINS: z.preprocess(
      blankAsUnset,
      z.enum(['true', 'false', '1', '0']).default('false'),
    ),
    ZALO_SEND_INTERVAL_MS: z.preprocess(
      blankAsUnset,
      z.coerce.number().int().min(0).max(60_000).default(1000),
    ),
    ZALO_BOT_TOKEN: z.preprocess(
      blankAsUnset,
      z
        .string()
        .regex(/^[^\s:]+:[^\s]{8,}$/, 'must look like 1234567890:abc… (the token Zalo Bot Creator gives)')
        .optional(),
    ),
    ZALO_BOT_API_ROOT: z.preprocess(blankAsUnset, z.url().default('https://bot-api.zaloplatforms.com')),
    ZALO_BOT_ADMIN_IDS: z.preprocess(blankAsUnset, opaqueIdList.default([])),
    ZALO_BOT_COUNCIL_IDS: z.preprocess(blankAsUnset, opaqueIdList.default([])),
    ZALO_BOT_MODE: z.preprocess(blankAsUnset, z.enum(['polling', 'webhook']).default('polling')),
    ZALO_BOT_WEBHOOK_URL: z.preprocess(
      blankAsUnset,
      z
        .url()
        .refine((u) => u.startsWith('https://'), 'must be an https:// URL (Zalo calls only HTTPS)')
        .optional(),
    ),
    ZALO_BOT_WEBHOOK_SECRET: z.preprocess(
      blankAsUnset,
      z.string().min(8, 'must be 8 to 256 characters').max(256, 'must be 8 to 256 characters').optional(),
    ),
    ZALO_BOT_WEBHOOK_HOST: z.preprocess(blankAsUnset, z.string().default('127.0.0.1')),
    ZALO_BOT_WEBHOOK_PORT: z.preprocess(
      blankAsUnset,
      z.coerce.number().int().min(1).max(65_535).default(8443),
    ),
    ZALO_BOT_WEBHOOK_PATH: z.preprocess(
      blankAsUnset,
      z.string().startsWith('/', 'must start with /').optional(),
    ),
    ZALO_BOT_PHOTO_MAX_MB: z.preprocess(blankAsUnset, z.coerce.number().min(0.1).max(50).default(10)),
    ZALO_BOT_SEND_INTERVAL_MS: z.preprocess(
      blankAsUnset,
      z.coerce.number().int().min(0).max(60_000).default(300),
    ),
    WEB_PUBLIC_URL: z.preprocess(
      blankAsUnset,
      z
        .url()
        .refine(
          (u) => u.startsWith('https://') || LOOPBACK_URL.test(u),
          'must be the https:// address your reverse proxy serves (http:// only on this machine: localhost, 127.0.0.1)',
        )
        .refine((u) => !/[?#]/.test(u), 'must be an address without ?query or #fragment')
        .optional(),
    ),
    WEB_PORT: z.preprocess(
      blankAsUnset,
      z.coerce
        .number({ message: 'must be a port number, 1 to 65535 (0: any free port)' })
        .int()
        .min(0)
        .max(65_535)
        .optional(),
    ),
    WEB_HOST: z.preprocess(blankAsUnset, z.string().default('127.0.0.1')),
    DATA_DIR: z.preprocess(blankAsUnset, z.string().default('data')),
    BOT_LOCALE: z.preprocess(blankAsUnset, z.enum(['vi', 'en']).default('vi')),
    AGENCY_CONFIG: z.preprocess(blankAsUnset, z.string().default('config/agency.json')),
    PLAN_FILE: z.preprocess(blankAsUnset, z.string().default('config/plan-2026.json')),
    TITLES_FILE: z.preprocess(blankAsUnset, z.string().default('config/titles-2026.json')),
    /** The Council's roster, counting committee and the awards it votes on (issue 20). */
    COUNCIL_FILE: z.preprocess(blankAsUnset, z.string().default('config/council-2026.json')),
    LEADERBOARD_CRON: z.preprocess(blankAsUnset, z.string().optional()),
    SCHEDULE_GRACE_HOURS: z.preprocess(blankAsUnset, z.coerce.number().min(0).max(168).default(12)),
    LOG_LEVEL: z.preprocess(
      blankAsUnset,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    // ---- the store on PostgreSQL, and the active/standby pair (README: "In the data centre") ----
    DATABASE_URL: z.preprocess(
      blankAsUnset,
      z
        .string()
        .refine(
          (u) => /^postgres(ql)?:\/\/[^\s]+$/.test(u) && URL.canParse(u),
          'must be a PostgreSQL connection string, postgres://user:password@host:5432/database',
        )
        .optional(),
    ),
    DATABASE_SCHEMA: z.preprocess(
      blankAsUnset,
      z
        .string()
        .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a schema name: lower-case letters, digits and _')
        .default('thidua'),
    ),
    HEALTH_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(65_535).optional()),
    HEALTH_HOST: z.preprocess(blankAsUnset, z.string().default('127.0.0.1')),
  })
  .superRefine((env, ctx) => {
    if ((env.ZALO_ENABLED === 'true' || env.ZALO_ENABLED === '1') && !env.ZALO_GROUP_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['ZALO_GROUP_ID'],
        message: 'is required when ZALO_ENABLED is true',
      });
    }
    if (env.ZALO_BOT_TOKEN && env.ZALO_BOT_MODE === 'webhook') {
      for (const key of ['ZALO_BOT_WEBHOOK_URL', 'ZALO_BOT_WEBHOOK_SECRET'] as const) {
        if (!env[key]) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when ZALO_BOT_MODE is webhook' });
        }
      }
    }
    if (env.WEB_PUBLIC_URL && env.WEB_PORT === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEB_PORT'],
        message: 'is required when WEB_PUBLIC_URL is set (the port the reverse proxy forwards to)',
      });
    }
  });

export interface AppConfig {
  telegram: TelegramConfig | null;
  /**
   * A Telegram token without TELEGRAM_GROUP_ID: setup mode (bot/telegram/setup.ts) — the bot tells a
   * group its id and a person theirs, and nothing else runs until the group is set.
   */
  telegramSetup: TelegramSetupConfig | null;
  zalo: ZaloConfig | null;
  zaloBot: ZaloBotConfig | null;
  dataDir: string;
  locale: Locale;
  logLevel: string;
  agency: AgencyConfig;
  plan: Plan;
  /** The year's emulation titles and their criteria (TITLES_FILE), for the plan's year. */
  titles: TitlesConfig;
  /** A scheduled slot missed while the bot was down is still posted this long after it. */
  scheduleGraceMs: number;
  /** The Council: roster, counting committee, awards and their votes (COUNCIL_FILE), for the titles' year. */
  council: CouncilConfig | undefined;
  /**
   * The bot's HTTP server (WEB_PORT), and on it the desk when WEB_PUBLIC_URL says where people reach
   * it; null: no HTTP server.
   */
  web: WebConfig | null;
  /** The store on PostgreSQL (DATABASE_URL), with an active/standby pair; null: the embedded store in dataDir. */
  database: { url: string; schema: string } | null;
  /** Where the health and readiness endpoints listen (HEALTH_PORT); null: nowhere. */
  health: { host: string; port: number } | null;
}

export interface WebConfig {
  host: string;
  port: number;
  /** The address people open (the reverse proxy's); absent: the server serves no desk. */
  publicUrl: string | undefined;
}

/** A JSON settings file; one that cannot be read or parsed stops start-up with the file named. */
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(path, [`cannot be read as JSON: ${(error as Error).message}`]);
  }
}

export function readAgencyFile(path: string): AgencyConfig {
  return parseAgency(readJson(path), path);
}

/** Reads and validates the titles file; any problem stops start-up with the file named. */
export function readTitlesFile(path: string): TitlesConfig {
  return parseTitles(readJson(path), path);
}

/** Reads and validates the Council's file against the year's titles; any problem stops start-up. */
export function readCouncilFile(path: string, titles?: TitlesConfig): CouncilConfig {
  return parseCouncil(readJson(path), titles, path);
}

/**
 * Builds the configuration from plain values, so tests need no process.env. Every bad variable is
 * reported at once; the token's value never appears in a message.
 */
/** What the store's rules check against (storage/invariants.ts): the agency's departments, the plan's year. */
export function storeRules(config: AppConfig): { departments: string[]; planYear: number } {
  return { departments: config.agency.departments.map((d) => d.id), planYear: config.plan.year };
}

export function createConfig(
  env: Record<string, string | undefined>,
  agency?: AgencyConfig,
  plan?: Plan,
  titles?: TitlesConfig,
  council?: CouncilConfig,
): AppConfig {
  const parsed = envSchema.safeParse(env, ONCE);
  if (!parsed.success) throw new ConfigError('environment (.env)', problems(parsed.error));
  const e = parsed.data;
  const basePlan = plan ?? readPlanFile(e.PLAN_FILE);
  const yearTitles = titles ?? readTitlesFile(e.TITLES_FILE);
  if (yearTitles.year !== basePlan.year) {
    throw new ConfigError(e.TITLES_FILE, [
      `year: ${yearTitles.year}, but the plan (${e.PLAN_FILE}) is for ${basePlan.year}`,
    ]);
  }
  // The Council's file is required where it is named; the default one may be absent (the year-end
  // commands then say the Council is not configured).
  const yearCouncil =
    council ??
    (env.COUNCIL_FILE === undefined && !existsSync(e.COUNCIL_FILE)
      ? undefined
      : readCouncilFile(e.COUNCIL_FILE, yearTitles));
  // The Council's members are Council members on every platform they are listed for.
  const councilIds = (platform: string, ids: string[]) =>
    new Set([...ids, ...councilIdentitiesOn(yearCouncil, platform)]);
  const schedules = {
    ...basePlan.schedules,
    ...(e.LEADERBOARD_CRON ? { leaderboard: e.LEADERBOARD_CRON } : {}),
  };
  return {
    telegramSetup:
      e.TELEGRAM_BOT_TOKEN && !e.TELEGRAM_GROUP_ID
        ? { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT }
        : null,
    telegram:
      e.TELEGRAM_BOT_TOKEN && e.TELEGRAM_GROUP_ID
        ? {
            token: e.TELEGRAM_BOT_TOKEN,
            apiRoot: e.TELEGRAM_API_ROOT,
            groupId: Number(e.TELEGRAM_GROUP_ID),
            adminIds: new Set(e.TELEGRAM_ADMIN_IDS),
            councilIds: councilIds('telegram', e.TELEGRAM_COUNCIL_IDS),
            topics: {
              ...(e.TELEGRAM_TOPIC_POSTS ? { post: e.TELEGRAM_TOPIC_POSTS } : {}),
              ...(e.TELEGRAM_TOPIC_REMINDERS ? { reminder: e.TELEGRAM_TOPIC_REMINDERS } : {}),
              ...(e.TELEGRAM_TOPIC_CONFIRMATIONS ? { confirmation: e.TELEGRAM_TOPIC_CONFIRMATIONS } : {}),
            },
            compactConfirmations: e.TELEGRAM_COMPACT_CONFIRMATIONS,
            protectReports: e.TELEGRAM_PROTECT_REPORTS,
            deskUrl:
              e.WEB_PUBLIC_URL && e.WEB_PORT !== undefined ? e.WEB_PUBLIC_URL.replace(/\/+$/, '') : undefined,
          }
        : null,
    zalo:
      e.ZALO_ENABLED === 'true' || e.ZALO_ENABLED === '1'
        ? {
            credentialsFile: e.ZALO_CREDENTIALS_FILE,
            groupId: e.ZALO_GROUP_ID as string,
            adminIds: new Set(e.ZALO_ADMIN_IDS),
            councilIds: councilIds('zalo', e.ZALO_COUNCIL_IDS),
            groupAdminsAreAdmins:
              e.ZALO_GROUP_ADMINS_ARE_ADMINS === 'true' || e.ZALO_GROUP_ADMINS_ARE_ADMINS === '1',
            sendIntervalMs: e.ZALO_SEND_INTERVAL_MS,
          }
        : null,
    zaloBot: e.ZALO_BOT_TOKEN
      ? {
          token: e.ZALO_BOT_TOKEN,
          apiRoot: e.ZALO_BOT_API_ROOT,
          adminIds: new Set(e.ZALO_BOT_ADMIN_IDS),
          councilIds: councilIds('zalobot', e.ZALO_BOT_COUNCIL_IDS),
          mode: e.ZALO_BOT_MODE,
          webhook:
            e.ZALO_BOT_MODE === 'webhook' && e.ZALO_BOT_WEBHOOK_URL && e.ZALO_BOT_WEBHOOK_SECRET
              ? {
                  url: e.ZALO_BOT_WEBHOOK_URL,
                  secret: e.ZALO_BOT_WEBHOOK_SECRET,
                  host: e.ZALO_BOT_WEBHOOK_HOST,
                  port: e.ZALO_BOT_WEBHOOK_PORT,
                  path: e.ZALO_BOT_WEBHOOK_PATH ?? new URL(e.ZALO_BOT_WEBHOOK_URL).pathname,
                }
              : null,
          photoMaxBytes: Math.round(e.ZALO_BOT_PHOTO_MAX_MB * 1024 * 1024),
          sendIntervalMs: e.ZALO_BOT_SEND_INTERVAL_MS,
        }
      : null,
    dataDir: e.DATA_DIR,
    locale: e.BOT_LOCALE,
    logLevel: e.LOG_LEVEL,
    agency: agency ?? readAgencyFile(e.AGENCY_CONFIG),
    // The plan is validated again with the environment's schedule, so a bad LEADERBOARD_CRON stops start-up too.
    plan: parsePlan({ ...basePlan, schedules }, e.LEADERBOARD_CRON ? 'LEADERBOARD_CRON' : e.PLAN_FILE),
    titles: yearTitles,
    scheduleGraceMs: e.SCHEDULE_GRACE_HOURS * 3_600_000,
    council: yearCouncil,
    web:
      e.WEB_PORT !== undefined
        ? { host: e.WEB_HOST, port: e.WEB_PORT, publicUrl: e.WEB_PUBLIC_URL?.replace(/\/+$/, '') }
        : null,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA } : null,
    health: e.HEALTH_PORT ? { host: e.HEALTH_HOST, port: e.HEALTH_PORT } : null,
  };
}

/** Reads and validates the plan file; any problem stops start-up with the file named. */
export function readPlanFile(path: string): Plan {
  return parsePlan(readJson(path), path);
}
