import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SUMMARY_INTERVAL_MS } from '../../bot/log-summary.js';
import { memoryLogger } from '../helpers/agency.js';

/*
 * The process's logger (bot/logger.ts, as npm start makes it) summarises a warning repeated: the first
 * line, then one line per interval with the count; a kind quiet for an interval starts over. The
 * interval is counted with Vitest's clock, so nothing here waits.
 */

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('repeated warnings', () => {
  it('are the first line, then a count per interval; other kinds, levels and loggers are their own', () => {
    const { logger, lines } = memoryLogger();
    const zalo = logger.child({ platform: 'zalobot' });
    for (let i = 0; i < 1000; i += 1) zalo.warn({ status: 401, n: i }, 'Zalo Bot webhook refused');
    logger.warn({ status: 401 }, 'Zalo Bot webhook refused'); // another logger: its own kind
    zalo.warn({ status: 403 }, 'Zalo Bot webhook refused'); // another status: its own kind
    zalo.warn({}, 'another warning');
    for (let i = 0; i < 3; i += 1) zalo.error({ saved: `VT${i}` }, 'could not deliver a reply');
    zalo.info({}, 'running');
    zalo.info({}, 'running');
    expect(lines().map((l) => [l.msg, l.n ?? l.saved])).toEqual([
      ['Zalo Bot webhook refused', 0],
      ['Zalo Bot webhook refused', undefined],
      ['Zalo Bot webhook refused', undefined],
      ['another warning', undefined],
      ['could not deliver a reply', 'VT0'],
      ['could not deliver a reply', 'VT1'],
      ['could not deliver a reply', 'VT2'],
      ['running', undefined],
      ['running', undefined],
    ]);
    vi.advanceTimersByTime(SUMMARY_INTERVAL_MS);
    const summary = lines().slice(9);
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ platform: 'zalobot', repeated: 999, level: 40 });
    expect(summary[0]?.msg).toBe('Zalo Bot webhook refused (999 more like it in the last 60 s)');
    // Still coming: counted again; then a quiet interval, and the next one is written as a first.
    zalo.warn({ status: 401 }, 'Zalo Bot webhook refused');
    vi.advanceTimersByTime(SUMMARY_INTERVAL_MS);
    expect(lines().at(-1)?.repeated).toBe(1);
    vi.advanceTimersByTime(SUMMARY_INTERVAL_MS);
    const before = lines().length;
    zalo.warn({ status: 401, n: 'again' }, 'Zalo Bot webhook refused');
    expect(lines().slice(before)).toMatchObject([{ n: 'again', msg: 'Zalo Bot webhook refused' }]);
  });
});
