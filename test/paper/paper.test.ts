/**
 * Readable on paper: every file the bot makes — the workbooks of /tonghop … file, the review sheet,
 * the records template, the Word drafts (the period's report, achievement reports, the Council's
 * drafts, ballot papers) — built through the real commands on an agency of 80 members, converted to
 * PDF by LibreOffice as the Office would print it, and read back page by page: a sane number of A4
 * pages, no text under 9 pt, no text printed over other text.
 *
 * LibreOffice and poppler are Debian packages (.ci/run installs them). Without them the test is
 * skipped and says so; under CI=true it fails instead. One soffice run converts every file (it is
 * the slow part: ~1 min); this file runs in one time zone only (test/zones.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgencyYear, type PaperFile } from './agency-year.js';
import { missingPrograms, overlaps, type PrintedPages, readPdf, toPdf } from './pdf.js';

const missing = await missingPrograms();
if (missing.length > 0) {
  const message = `test/paper skipped: ${missing.join(', ')} not found (Debian: libreoffice-calc-nogui, libreoffice-writer-nogui, poppler-utils, fonts-liberation2)`;
  if (process.env.CI === 'true') throw new Error(`${message} — required under CI=true`);
  console.warn(message);
}

/** A4 in points, either way round. */
const A4 = [595.3, 841.9];
const MIN_SIZE = 9;

interface Printed {
  file: PaperFile;
  pdf: PrintedPages;
}

let dir: string;
let printed: Printed[] = [];

describe.skipIf(missing.length > 0)('every file the bot makes, printed', () => {
  beforeAll(async () => {
    dir = process.env.PAPER_KEEP ?? (await mkdtemp(join(tmpdir(), 'thidua-paper-')));
    const year = await AgencyYear.create();
    let files: PaperFile[];
    try {
      files = await year.files();
    } finally {
      await year.close();
    }
    const inputs = join(dir, 'in');
    await mkdir(inputs, { recursive: true });
    const paths: string[] = [];
    for (const [i, file] of files.entries()) {
      const path = join(inputs, `${String(i + 1).padStart(2, '0')}-${file.filename}`);
      await writeFile(path, file.data);
      paths.push(path);
    }
    const pdfs = await toPdf(paths, join(dir, 'pdf'), join(dir, 'profile'));
    printed = [];
    for (const [i, file] of files.entries()) {
      const base = (paths[i] ?? '').replace(/^.*\//, '').replace(/\.[^.]+$/, '');
      const pdf = pdfs.get(base);
      if (!pdf) throw new Error(`${file.filename} (${file.asked}): LibreOffice made no PDF`);
      printed.push({ file, pdf: await readPdf(pdf) });
    }
  }, 20 * 60_000);
  afterAll(async () => {
    if (!process.env.PAPER_KEEP && dir) await rm(dir, { recursive: true, force: true });
  });

  it('makes every kind of file: workbooks, the review sheet, the records template, the Word drafts', () => {
    const names = printed.map((p) => p.file.filename);
    expect(names.filter((n) => n.endsWith('.xlsx')).length).toBeGreaterThanOrEqual(4);
    expect(names.filter((n) => n.endsWith('.docx')).length).toBeGreaterThanOrEqual(8);
  });

  it('prints on A4, a sane number of pages', () => {
    for (const { file, pdf } of printed) {
      expect(pdf.pages.length, file.filename).toBeGreaterThan(0);
      for (const page of pdf.pages) {
        const sides = [page.width, page.height].sort((a, b) => a - b);
        expect(
          Math.abs((sides[0] as number) - (A4[0] as number)),
          `${file.filename}: page size`,
        ).toBeLessThan(2);
        expect(
          Math.abs((sides[1] as number) - (A4[1] as number)),
          `${file.filename}: page size`,
        ).toBeLessThan(2);
      }
      // An agency of 80 a year: even the entries sheet and the criteria sheets fit in well under 150 pages.
      expect(pdf.pages.length, file.filename).toBeLessThan(150);
    }
  });

  it('prints no text smaller than 9 pt', () => {
    for (const { file, pdf } of printed) {
      const small = pdf.boxes.filter((b) => b.size < MIN_SIZE);
      expect(
        small.slice(0, 5).map((b) => `p.${b.page} ${b.size} pt: ${b.text}`),
        `${file.filename} (${file.asked})`,
      ).toEqual([]);
    }
  });

  it('prints no text over other text', () => {
    for (const { file, pdf } of printed) {
      const over = overlaps(pdf.boxes);
      expect(
        over.slice(0, 5).map(([a, b]) => `p.${a.page}: “${a.text}” over “${b.text}”`),
        `${file.filename} (${file.asked})`,
      ).toEqual([]);
    }
  });
});
