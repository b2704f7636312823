import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCouncil } from '../../core/council.js';
import { periodContaining } from '../../core/periods.js';
import { cleanText } from '../../core/text.js';
import { parseTitles } from '../../core/titles.js';
import { buildReports, type ReportRequest } from '../../reports/files.js';
import { Store } from '../../storage/store.js';
import { tempDir, testAgency } from '../helpers/agency.js';
import { actor, addMember, logDeed } from '../helpers/store.js';
import { readBook } from '../helpers/xlsx.js';

/*
 * Text no file can choke on: every character XML 1.0 forbids is cleaned where text enters, and the
 * file writers (exceljs, docx) never write one — even from a store that holds them (written before
 * the cleaning, or restored from elsewhere). Every file is opened again as Excel and Word would:
 * exceljs loads the workbook, each XML part of a Word file parses under XML 1.0's rules.
 */

/** The nastiest: C0 controls, the noncharacters U+FFFE/U+FFFF, lone surrogates, and what is fine beside them. */
const NASTY = [
  'Giúp\u0000 đồng chí\u0001 Lan\u0008',
  'sửa\u000B máy\u000C in\u001F',
  'mẫu \uFFFE và \uFFFF hết',
  'nửa cặp \uD800 và \uDC00 lạc',
  'emoji 🎉 giữ nguyên\tcó tab\r\nvà xuống dòng',
].join(' ');

/** The characters XML 1.0 forbids. */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every XML part of a zip parsed under XML 1.0's rules (saxes, what exceljs reads with): throws on a bad one. */
async function parseEveryPart(data: Buffer): Promise<number> {
  const zip = await JSZip.loadAsync(data);
  let parts = 0;
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    // A zip of files (every member's report): each file inside, opened the same way.
    if (/\.(docx|xlsx)$/.test(name)) {
      parts += await parseEveryPart(await file.async('nodebuffer'));
      continue;
    }
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: false });
    let failed: Error | undefined;
    parser.on('error', (error) => {
      failed ??= error;
    });
    parser.write(await file.async('string')).close();
    if (failed) throw new Error(`${name}: ${failed.message}`);
    parts += 1;
  }
  return parts;
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

describe('text no file can choke on', () => {
  it('the door removes every character XML 1.0 forbids, keeping the length and what is fine', () => {
    const clean = cleanText(NASTY);
    expect(clean).not.toMatch(FORBIDDEN);
    expect(clean.length).toBe(NASTY.length);
    expect(clean).toContain('emoji 🎉 giữ nguyên');
    expect(clean).toContain('\n');
  });

  it('every file built from a store holding them opens again: workbooks in exceljs, Word files parse', async () => {
    const now = new Date('2026-11-20T03:00:00Z');
    const store = await Store.open(dir);
    // Straight into the store, past the door: as a store written before the cleaning holds them.
    const lan = await store.saveMember(
      { identity: 'telegram:1001', fullName: `Nguyễn Thị \uFFFFLan\u0002`, departmentId: 'vp' },
      actor('telegram:1001', new Date('2026-01-05T02:00:00Z')),
    );
    await addMember(store, 2, 'cb');
    const deed = await logDeed(store, lan.id, new Date('2026-11-02T03:00:00Z'), NASTY);
    await logDeed(store, lan.id, new Date('2026-11-03T03:00:00Z'), `Sáng kiến \uFFFE ${NASTY}`, {
      kind: 'initiative',
      points: 5,
    });
    await store.rate(2026, { kind: 'member', memberId: lan.id }, 'httnv', actor('telegram:900001', now));
    const agency = testAgency();
    const titles = parseTitles(JSON.parse(readFileSync('config/titles-2026.json', 'utf8')));
    const council = parseCouncil(JSON.parse(readFileSync('config/council-2026.json', 'utf8')), titles);
    const year = periodContaining('year', now);
    const month = periodContaining('month', now);
    const vp = agency.departments.find((d) => d.id === 'vp');
    if (!vp) throw new Error('no vp in the test agency');
    const requests: ReportRequest[] = [
      { report: 'workbook', args: { period: month } },
      { report: 'workbook', args: { period: year, department: vp } },
      { report: 'reportDoc', args: { period: year, now } },
      { report: 'reviewSheet', args: { period: year } },
      { report: 'memberAchievement', args: { period: year, memberId: lan.id, now } },
      { report: 'departmentAchievement', args: { period: year, department: vp, now } },
      { report: 'allAchievements', args: { period: year, now } },
      { report: 'recordsTemplate', args: { year: 2026 } },
      // The Council's drafts that need no meeting (those of a meeting are written by the same helpers).
      { report: 'nominationList', args: { council, year: 2026, now, awards: ['ldtt', 'cstdcs'] } },
      { report: 'exceptionalProposal', args: { council, year: 2026, now, codes: [deed.code] } },
      { report: 'exceptionalReport', args: { council, year: 2026, now, code: deed.code } },
    ];
    const files = await buildReports({ store, agency, titles }, requests);
    await store.close();
    for (const [i, data] of files.entries()) {
      const what = requests[i]?.report;
      const zip = await JSZip.loadAsync(data);
      if (zip.file('xl/workbook.xml')) {
        const book = await readBook(data).catch((e: Error) => {
          throw new Error(`${what}: exceljs cannot load it: ${e.message}`);
        });
        expect(book.worksheets.length, what).toBeGreaterThan(0);
      }
      expect(await parseEveryPart(data).catch((e: Error) => `${what}: ${e.message}`), what).toBeGreaterThan(
        0,
      );
    }
    // The text is there, only the forbidden characters replaced.
    const book = await readBook(files[0] as Buffer);
    const cells = book.worksheets.flatMap((s) =>
      s.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])),
    );
    expect(cells.some((v) => typeof v === 'string' && v.includes('emoji 🎉 giữ nguyên'))).toBe(true);
    expect(cells.some((v) => typeof v === 'string' && v.includes('Lan'))).toBe(true);
  });

  it('the writers themselves never write one: exceljs encodes it as U+FFFD, a Word file holding one is refused', async () => {
    const { newBook, finish } = await import('../../reports/xlsx.js');
    const book = newBook();
    const sheet = book.addWorksheet('Trang \uFFFF');
    sheet.addRow(['ô \uFFFE', 'lạc \uD800 cặp', 'x\u0001']).commit();
    sheet.commit();
    const data = await finish(book);
    const read = await readBook(data);
    expect(read.worksheets[0]?.name).toBe('Trang \uFFFD');
    expect(read.worksheets[0]?.getRow(1).values).toEqual([
      undefined,
      'ô \uFFFD',
      'lạc \uFFFD cặp',
      'x\uFFFD',
    ]);
    // A Word text run made without the shared helper (reports/word.ts's run): refused, not sent.
    const { Document, Paragraph, TextRun } = await import('docx');
    const { packWord } = await import('../../reports/xml-text.js');
    const raw = new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun({ text: 'sai \uFFFF' })] })] }],
    });
    await expect(packWord(raw)).rejects.toThrow(/word\/document\.xml holds U\+FFFF, a character XML forbids/);
  });
});
