import { describe, expect, it } from 'vitest';
import { latencyStats, percentile } from '../../bench/common.js';

describe("the bench's latency figures", () => {
  it('give the p50, p99 and worst of the values as they would be read from them sorted', () => {
    const values = Array.from({ length: 1001 }, (_, i) => ((i * 7919) % 1001) / 10 + 0.25);
    const sorted = [...values].sort((a, b) => a - b);
    expect(latencyStats(values)).toEqual({
      samples: 1001,
      p50: sorted[500],
      p99: sorted[990],
      max: sorted[1000],
    });
    // Numbers, not their text: 10 after 9.
    expect(percentile([10, 9, 100, 1.5], 100)).toBe(100);
    expect(percentile([10, 9, 100, 1.5], 50)).toBe(9);
    expect(latencyStats([]).p50).toBeNaN();
  });
});
