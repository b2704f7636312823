import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/**
 * The register of a Party agency in every Vietnamese word the bot shows (issue 21): a member is "đồng
 * chí", never "bạn"; no "nhé" in a notice; a unit's head is named as the agency names it
 * (departments[].headTitle, or "Trưởng phòng …"), never as a generic lower-case "trưởng phòng", which
 * would miscall the Office's Chánh Văn phòng. Read from every file words reach a reader from — the
 * messages (locales/vi.ts), but also the documents' own wording (reports/vi.ts, the Council's drafts),
 * the desk's pages, the commands and the shipped plan and titles — not from the messages alone: a
 * "bạn" in a Word draft is as wrong as one in chat.
 */
const ROOTS = ['locales', 'reports', 'commands', 'core', 'web', 'bot', 'config'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|mjs|json)$/.test(name) ? [path] : [];
  });
}

/** Each file's text, without the code's own comments (English, which may quote the Vietnamese). */
const sources = ROOTS.flatMap(filesUnder).map((file) => ({
  file,
  text: readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*\*|\*)/.test(line))
    .join('\n'),
}));

/** `pattern`'s matches in every source, each as its file and the words around it. */
function found(pattern: RegExp, keep: (text: string, index: number) => boolean = () => true): string[] {
  return sources.flatMap(({ file, text }) =>
    [...text.matchAll(pattern)]
      .filter((m) => keep(text, m.index ?? 0))
      .map((m) => `${file}: …${text.slice((m.index ?? 0) - 30, (m.index ?? 0) + 30)}…`),
  );
}

const word = (w: string) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'giu');

it('reads the messages, the documents and the pages', () => {
  const files = sources.map((s) => s.file);
  expect(files).toEqual(expect.arrayContaining(['locales/vi.ts', 'reports/vi.ts', 'web/pages/home.ts']));
});

it('addresses members as "đồng chí", never "bạn" (Zalo\'s "kết bạn", to add a contact, is no address)', () => {
  expect(
    found(
      word('bạn'),
      (text, index) =>
        !/kết $/i.test(text.slice(index - 4, index)) &&
        // The console demo's own user, whose chat name stands where a platform's display name would
        // ("Bạn": the person at the keyboard); the demo registers them as Người Dùng Thử.
        !text.slice(index - 14, index).endsWith("displayName: '"),
    ),
  ).toEqual([]);
});

it('says no "nhé"', () => {
  expect(found(word('nhé'))).toEqual([]);
});

it('names no unit head as a generic "trưởng phòng"', () => {
  expect(found(/(?<![\p{L}])trưởng phòng/gu)).toEqual([]);
});
