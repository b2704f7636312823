/**
 * Printed pages read back: LibreOffice converts the files to PDF (one run for all of them), poppler's
 * pdftotext reads each page's words with their boxes, from which their font size. Both are Debian
 * packages (libreoffice-*-nogui, poppler-utils): nothing to add from npm.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The programs this needs, by name, that are not on PATH. */
export async function missingPrograms(): Promise<string[]> {
  const missing: string[] = [];
  for (const program of ['soffice', 'pdftotext']) {
    const found = await run('sh', ['-c', `command -v ${program}`]).then(
      () => true,
      () => false,
    );
    if (!found) missing.push(program);
  }
  // Liberation Serif stands in for Times New Roman; its 1.07 release (Debian's fonts-liberation) lacks
  // most Vietnamese letters, which LibreOffice then draws from another, wider font over their
  // neighbours. U+1ED9 (ộ) is one of them: fonts-liberation2 has it.
  const vietnamese = await run('sh', ['-c', "fc-list ':charset=1ed9' family"]).then(
    ({ stdout }) => stdout.includes('Liberation Serif'),
    () => false,
  );
  if (!vietnamese) missing.push('Liberation Serif with Vietnamese letters (fonts-liberation2)');
  return missing;
}

/**
 * Converts every file to PDF in `out` with one LibreOffice run, on a profile of its own (so runs in
 * parallel do not share, or lock, the user's). Returns the PDFs' paths by the file's base name.
 */
export async function toPdf(
  files: readonly string[],
  out: string,
  profile: string,
): Promise<Map<string, string>> {
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      ...files,
    ],
    { timeout: 15 * 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const made = new Map<string, string>();
  const pdfs = new Set(await readdir(out));
  for (const file of files) {
    const base = (file.split('/').pop() as string).replace(/\.[^.]+$/, '');
    if (pdfs.has(`${base}.pdf`) && existsSync(join(out, `${base}.pdf`)))
      made.set(base, join(out, `${base}.pdf`));
  }
  return made;
}

/**
 * A word on a page: its box in points from the page's top left, its font size in points (poppler's
 * box is 1.3 × the size tall, whatever the font: checked with 8–12 pt Liberation Serif).
 */
export interface TextBox {
  page: number;
  top: number;
  left: number;
  width: number;
  height: number;
  size: number;
  text: string;
}

export interface PrintedPages {
  pages: { width: number; height: number }[];
  boxes: TextBox[];
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The pages of a PDF and every word on them (`pdftotext -bbox`: each word's box, unrounded). */
export async function readPdf(path: string): Promise<PrintedPages> {
  const { stdout } = await run('pdftotext', ['-bbox', '-q', path, '-'], { maxBuffer: 512 * 1024 * 1024 });
  const pages: PrintedPages['pages'] = [];
  const boxes: TextBox[] = [];
  for (const page of stdout.split(/(?=<page )/).slice(1)) {
    const head = /<page [^>]*>/.exec(page)?.[0] ?? '';
    pages.push({ width: Number(attr(head, 'width')), height: Number(attr(head, 'height')) });
    for (const m of page.matchAll(/<word ([^>]*)>(.*?)<\/word>/g)) {
      const tag = m[1] as string;
      const [left, top, right, bottom] = ['xMin', 'yMin', 'xMax', 'yMax'].map((k) =>
        Number(attr(tag, k)),
      ) as [number, number, number, number];
      const height = bottom - top;
      boxes.push({
        page: pages.length,
        top,
        left,
        width: right - left,
        height,
        size: Math.round((height / 1.3) * 100) / 100,
        text: decode(m[2] as string),
      });
    }
  }
  return { pages, boxes };
}

/**
 * The ink of a word: poppler's box is 1.3 × the font size tall, more than a line of wrapped text
 * takes (1.11 × the size in Times New Roman), so the box is narrowed to the middle 0.9 × the size —
 * the letters without their leading.
 */
function ink(b: TextBox): { top: number; bottom: number } {
  const size = b.height / 1.3;
  const middle = b.top + b.height / 2;
  return { top: middle - 0.45 * size, bottom: middle + 0.45 * size };
}

/**
 * Pairs of text runs on one page whose letters overlap by more than `slack` points both ways: text
 * printed over text (a row too short for its wrapped lines, a header over the table).
 */
export function overlaps(boxes: readonly TextBox[], slack = 0.5): [TextBox, TextBox][] {
  const found: [TextBox, TextBox][] = [];
  const byPage = new Map<number, TextBox[]>();
  for (const b of boxes) byPage.set(b.page, [...(byPage.get(b.page) ?? []), b]);
  for (const list of byPage.values()) {
    const sorted = [...list].sort((a, b) => ink(a).top - ink(b).top);
    for (let i = 0; i < sorted.length; i += 1) {
      const a = sorted[i] as TextBox;
      const ia = ink(a);
      for (let j = i + 1; j < sorted.length; j += 1) {
        const b = sorted[j] as TextBox;
        const ib = ink(b);
        if (ib.top >= ia.bottom - slack) break;
        const x = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
        const y = Math.min(ia.bottom, ib.bottom) - Math.max(ia.top, ib.top);
        if (x > slack && y > slack) found.push([a, b]);
      }
    }
  }
  return found;
}
