import { describe, expect, it } from 'vitest';
import { createConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { parseAgency } from '../../core/agency.js';
import { ConfigError } from '../../core/errors.js';
import { testAgency } from '../helpers/agency.js';

const TOKEN = '123456789:AAExampleTokenForTestsOnly_0123456789';

describe('configuration', () => {
  it('runs on the console when no token is configured', () => {
    const config = createConfig({}, testAgency());
    expect(config.telegram).toBeNull();
    expect(config.dataDir).toBe('data');
    expect(config.locale).toBe('vi');
  });

  it('reads the Telegram settings', () => {
    const config = createConfig(
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_GROUP_ID: '-1001234567890',
        TELEGRAM_ADMIN_IDS: '11, 22',
        BOT_LOCALE: 'en',
      },
      testAgency(),
    );
    expect(config.telegram).toMatchObject({ apiRoot: 'https://api.telegram.org', groupId: -1001234567890 });
    expect([...(config.telegram?.adminIds ?? [])]).toEqual(['11', '22']);
    expect(config.locale).toBe('en');
  });

  it('reads the Zalo Bot Platform settings: a token alone runs the bot there, polling', () => {
    const config = createConfig(
      { ZALO_BOT_TOKEN: '1459232241454765289:abcDEF-ghi_jklMNO', ZALO_BOT_ADMIN_IDS: '6ede9afa66b88fe6d6a9' },
      testAgency(),
    );
    expect(config.telegram).toBeNull();
    expect(config.zaloBot).toMatchObject({
      apiRoot: 'https://bot-api.zaloplatforms.com',
      mode: 'polling',
      webhook: null,
      photoMaxBytes: 10 * 1024 * 1024,
    });
    expect([...(config.zaloBot?.adminIds ?? [])]).toEqual(['6ede9afa66b88fe6d6a9']);
  });

  it('in webhook mode needs an https URL and a secret of 8 to 256 characters, and says which is wrong', () => {
    const problems = (env: Record<string, string>) => {
      try {
        createConfig({ ZALO_BOT_TOKEN: '1459232241454765289:abcDEF-ghi_jklMNO', ...env }, testAgency());
        return '';
      } catch (error) {
        return (error as ConfigError).message;
      }
    };
    const missing = problems({ ZALO_BOT_MODE: 'webhook' });
    expect(missing).toContain('ZALO_BOT_WEBHOOK_URL: is required when ZALO_BOT_MODE is webhook');
    expect(missing).toContain('ZALO_BOT_WEBHOOK_SECRET: is required when ZALO_BOT_MODE is webhook');
    const wrong = problems({
      ZALO_BOT_MODE: 'webhook',
      ZALO_BOT_WEBHOOK_URL: 'http://thidua.example.gov.vn/hook',
      ZALO_BOT_WEBHOOK_SECRET: 'short',
      ZALO_BOT_ADMIN_IDS: 'ok123, not an id',
    });
    expect(wrong).toContain('ZALO_BOT_WEBHOOK_URL: must be an https:// URL');
    expect(wrong).toContain('ZALO_BOT_WEBHOOK_SECRET: must be 8 to 256 characters');
    expect(wrong).toContain('not Zalo Bot user ids: not an id');
    expect(wrong).not.toContain('short');
    const good = createConfig(
      {
        ZALO_BOT_TOKEN: '1459232241454765289:abcDEF-ghi_jklMNO',
        ZALO_BOT_MODE: 'webhook',
        ZALO_BOT_WEBHOOK_URL: 'https://thidua.example.gov.vn/zalo/hook',
        ZALO_BOT_WEBHOOK_SECRET: 'a-long-enough-secret',
      },
      testAgency(),
    );
    expect(good.zaloBot?.webhook).toMatchObject({ path: '/zalo/hook', host: '127.0.0.1', port: 8443 });
  });

  it('lists every bad variable at once, without the token value', () => {
    const error = (() => {
      try {
        createConfig(
          {
            TELEGRAM_BOT_TOKEN: 'secret-but-wrong',
            TELEGRAM_API_ROOT: 'not a url',
            TELEGRAM_ADMIN_IDS: '12,abc',
            BOT_LOCALE: 'fr',
          },
          testAgency(),
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_API_ROOT', 'TELEGRAM_ADMIN_IDS', 'BOT_LOCALE']) {
      expect(problems).toContain(name);
    }
    expect(problems).not.toContain('secret-but-wrong');
  });

  it('reads the forum topics, compact confirmations and protected reports; all off by default', () => {
    const base = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_GROUP_ID: '-1001234567890' };
    expect(createConfig(base, testAgency()).telegram).toMatchObject({
      topics: {},
      compactConfirmations: false,
      protectReports: false,
    });
    const config = createConfig(
      {
        ...base,
        TELEGRAM_TOPIC_POSTS: '12',
        TELEGRAM_TOPIC_REMINDERS: ' ',
        TELEGRAM_TOPIC_CONFIRMATIONS: '34',
        TELEGRAM_COMPACT_CONFIRMATIONS: 'true',
        TELEGRAM_PROTECT_REPORTS: '1',
      },
      testAgency(),
    );
    expect(config.telegram).toMatchObject({
      topics: { post: 12, confirmation: 34 },
      compactConfirmations: true,
      protectReports: true,
    });
    expect(config.telegram?.topics).not.toHaveProperty('reminder');
  });

  it('refuses a topic id that is not a positive whole number, and a flag that is not true or false', () => {
    const error = (() => {
      try {
        createConfig(
          {
            TELEGRAM_BOT_TOKEN: TOKEN,
            TELEGRAM_GROUP_ID: '-1001234567890',
            TELEGRAM_TOPIC_POSTS: 'leaderboards',
            TELEGRAM_TOPIC_REMINDERS: '-4',
            TELEGRAM_TOPIC_CONFIRMATIONS: '2.5',
            TELEGRAM_COMPACT_CONFIRMATIONS: 'yes',
          },
          testAgency(),
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'TELEGRAM_TOPIC_POSTS',
      'TELEGRAM_TOPIC_REMINDERS',
      'TELEGRAM_TOPIC_CONFIRMATIONS',
      'TELEGRAM_COMPACT_CONFIRMATIONS',
    ]) {
      expect(problems).toContain(name);
    }
    expect(problems).toContain('forum topic id (message_thread_id)');
  });

  it('starts in setup mode when a token is set without the group', () => {
    const config = createConfig({ TELEGRAM_BOT_TOKEN: TOKEN }, testAgency());
    expect(config.telegram).toBeNull();
    expect(config.telegramSetup).toEqual({ token: TOKEN, apiRoot: 'https://api.telegram.org' });
    expect(
      createConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_GROUP_ID: '-1001234567890' }, testAgency())
        .telegramSetup,
    ).toBeNull();
  });

  it('validates the agency file: departments with unique ids, point values', () => {
    const agency = testAgency();
    expect(() =>
      parseAgency({ ...agency, departments: [...agency.departments, { id: 'vp', name: 'Trùng' }] }),
    ).toThrow(/duplicate id "vp"/);
    expect(() => parseAgency({ ...agency, points: { ...agency.points, deed: -1 } })).toThrow(/points\.deed/);
  });

  it('never writes the token into a log line', () => {
    const lines: string[] = [];
    const logger = createLogger('info', [TOKEN], { write: (l: string) => void lines.push(l) });
    logger.error(
      { err: new Error(`request to https://api.telegram.org/bot${TOKEN}/getUpdates failed`) },
      'poll',
    );
    expect(lines.join('')).toContain('/bot[redacted]/getUpdates');
    expect(lines.join('')).not.toContain(TOKEN);
  });
});

describe('configuration of the store on PostgreSQL', () => {
  it('keeps the embedded store unless DATABASE_URL is set, and reads the database and health settings', () => {
    expect(createConfig({}, testAgency()).database).toBeNull();
    expect(createConfig({}, testAgency()).health).toBeNull();
    const config = createConfig(
      { DATABASE_URL: 'postgres://thidua:s3cret-Pass@db.example:5432/thidua', HEALTH_PORT: '8081' },
      testAgency(),
    );
    expect(config.database).toEqual({
      url: 'postgres://thidua:s3cret-Pass@db.example:5432/thidua',
      schema: 'thidua',
    });
    expect(config.health).toEqual({ host: '127.0.0.1', port: 8081 });
  });

  it('refuses a connection string that is not PostgreSQL’s, or a bad schema, without showing the value', () => {
    const error = (() => {
      try {
        createConfig(
          {
            DATABASE_URL: 'mysql://root:s3cret-Pass@db/thidua',
            DATABASE_SCHEMA: 'Thi Dua',
            HEALTH_PORT: '99999',
          },
          testAgency(),
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('DATABASE_SCHEMA');
    expect(message).toContain('HEALTH_PORT');
    expect(message).not.toContain('s3cret-Pass');
  });
});
