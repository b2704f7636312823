import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

/**
 * The register of a Party agency in every Vietnamese message (issue 21): a member is "đồng chí", never
 * "bạn"; no "nhé" in a notice; a unit's head is named as the agency names it (departments[].headTitle,
 * or "Trưởng phòng …"), never as a generic lower-case "trưởng phòng", which would miscall the Office's
 * Chánh Văn phòng.
 */
const vi = readFileSync('locales/vi.ts', 'utf8')
  .split('\n')
  // The code's own comments are English and may quote the Vietnamese.
  .filter((line) => !/^\s*(\/\/|\/\*\*|\*)/.test(line))
  .join('\n');

const word = (w: string) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'giu');

it('addresses members as "đồng chí", never "bạn" (Zalo\'s "kết bạn", to add a contact, is no address)', () => {
  const found = [...vi.matchAll(word('bạn'))].filter((m) => !/kết $/i.test(vi.slice(0, m.index).slice(-4)));
  expect(found.map((m) => vi.slice((m.index ?? 0) - 30, (m.index ?? 0) + 30))).toEqual([]);
});

it('says no "nhé"', () => {
  expect(vi.match(word('nhé')) ?? []).toEqual([]);
});

it('names no unit head as a generic "trưởng phòng"', () => {
  const found = [...vi.matchAll(/(?<![\p{L}])trưởng phòng/gu)];
  expect(found.map((m) => vi.slice((m.index ?? 0) - 40, (m.index ?? 0) + 40))).toEqual([]);
});
