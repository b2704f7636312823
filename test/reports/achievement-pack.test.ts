import { Document, Packer, type Paragraph, type Table } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type Many, packLong } from '../../reports/achievement-pack.js';
import { table } from '../../reports/council-doc.js';
import { para, partySection, run } from '../../reports/word.js';

/*
 * A draft's long runs (a year of entries, its annex table) are written a chunk at a time
 * (reports/achievement-pack.ts): the file must hold exactly what packing the whole at once writes.
 */

async function contents(docx: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out[name] = await file.async('string');
  return out;
}

describe('a draft’s long runs written from a pattern', () => {
  const n = 417;
  // Texts that test the escaping and cleaning: XML's own characters, quotes, a control character,
  // an emoji, spaces at the ends, nothing at all; a line break (a cell of two paragraphs).
  const odd = ['a & b <c> "d" \'e\'', 'x\u0001y', '  hai đầu  ', '', 'ảnh 📷', 'hai\ndòng', '\uE000\uE001'];
  const texts = Array.from(
    { length: n },
    (_, i) => `Ngày ${i}: hoàn thành việc “số ${i}” ${odd[i % odd.length]}`,
  );
  const rows = texts.map((t, i) => [
    String(i + 1),
    `VT${i}`,
    i % 50 === 0 ? 'một\nhai' : '01/02/2026',
    'Việc tốt',
    t,
  ]);
  const cols = ['TT', 'Mã', 'Ngày', 'Loại', 'Nội dung'];
  const widths = [7, 10, 14, 17, 52];
  // The runs as the drafts give them: each text and row made as it is read, once.
  const lines: Many = { many: 'paragraphs', texts: texts.values(), make: (t) => para([run(t)]) };
  const annex: Many = {
    many: 'rows',
    width: cols.length,
    rows: rows.values(),
    make: (some) => table(cols, some, widths, { size: 24, center: [0, 1, 2] }),
  };
  const before = para([run('BÁO CÁO THÀNH TÍCH', { bold: true })]);
  const after = para([run('Người báo cáo')]);

  it('holds what packing it whole writes, every part of the file alike', async () => {
    const { children: _, ...section } = partySection([]);
    const options = { creator: 'thidua-bot', title: 'Báo cáo' };
    const chunked = await packLong(options, section, [before, lines, after, annex, after]);
    const whole: (Paragraph | Table)[] = [
      before,
      ...texts.map((t) => para([run(t)])),
      after,
      table(cols, rows, widths, { size: 24, center: [0, 1, 2] }),
      after,
    ];
    const once = await Packer.toBuffer(new Document({ ...options, sections: [partySection(whole)] }));
    const [a, b] = [await contents(chunked), await contents(once)];
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const name of Object.keys(b)) {
      // The core properties carry the moment of packing: equal up to it.
      const clean = (x: string | undefined) => x?.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T');
      const [x, y] = [clean(a[name]) ?? '', clean(b[name]) ?? ''];
      // Where they part, if they do (the whole text is too long for a message).
      let i = 0;
      while (i < x.length && x[i] === y[i]) i += 1;
      const apart = `${name} at ${i}: …${x.slice(i - 80, i + 120)}… ≠ …${y.slice(i - 80, i + 120)}…`;
      expect(i === x.length && i === y.length ? '' : apart).toBe('');
    }
    expect(a['word/document.xml']).toContain('“số 413” a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;');
  });
});
