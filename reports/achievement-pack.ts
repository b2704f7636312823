import { Document, type ISectionOptions, Packer, Paragraph, type Table, TextRun } from 'docx';
import { forbiddenIn, packWord, xmlSafe } from './xml-text.js';
import { ZipWriter } from './zip-writer.js';

/*
 * An achievement draft lists a whole year: a member's can hold 3,000 entries, each a paragraph, and a
 * department's annex a table of tens of thousands of rows. The docx library holds a document's every
 * element as a tree of objects, then as XML objects, before it writes a byte: ~140 KB and ~1 ms for
 * one listed entry, 440 MB of heap for one large member's draft, minutes and GBs for a department's.
 *
 * So a long run is written from a pattern: the library writes one element of the run, with a marker
 * character in place of each text, and every element of the run is that XML with its own texts put
 * in, escaped as the library escapes them. The document itself is packed by the library with one
 * marker paragraph in each run's place; its package is written again part by part (reports/zip-writer.ts),
 * word/document.xml element by element with each run's XML in its marker's place, deflated as it goes.
 * The file's parts hold what packing the whole at once writes (test/reports/achievement-pack.test.ts
 * compares every one), in a fraction of the memory.
 * A table cell with several lines (a text with a line break: several paragraphs in the cell) is a
 * different shape: its row is written by the library alone.
 */

type Block = Paragraph | Table;

/*
 * A run's texts are read once, in order, as its XML is written: a generator makes each one only then,
 * so a department's year (tens of thousands of lines and rows) is never held as texts all at once.
 */

/** A long run of paragraphs, each `make(text)` of one of `texts`, every one of the same shape. */
export interface ManyParagraphs {
  many: 'paragraphs';
  texts: Iterable<string>;
  make(text: string): Paragraph;
}

/** A long table: `make(rows)` gives it (its header too) with those rows, each cell one text, `width` cells a row. */
export interface ManyRows {
  many: 'rows';
  width: number;
  rows: Iterable<readonly string[]>;
  make(rows: readonly (readonly string[])[]): Table;
}

export type Many = ManyParagraphs | ManyRows;

const isMany = (b: Block | Many): b is Many => 'many' in b;

const DOCUMENT_XML = 'word/document.xml';
/** Private-use characters, standing for the texts in a pattern only (a text may hold them: it is put in after). */
const MARK = 0xe000;
const mark = (i: number) => String.fromCharCode(MARK + i);

/**
 * Packs a document of `body` — blocks and long runs — with `options` (everything of the Document but
 * its one section) and `section` (the section but its children), checked as packWord checks a file.
 */
export async function packLong(
  options: Omit<ConstructorParameters<typeof Document>[0], 'sections'>,
  section: Omit<ISectionOptions, 'children'>,
  body: readonly (Block | Many)[],
): Promise<Buffer> {
  const runs = body.filter(isMany);
  const marked = body.map((b) => (isMany(b) ? placeOf(runs.indexOf(b)) : b));
  const data = await packWord(new Document({ ...options, sections: [{ ...section, children: marked }] }));
  if (runs.length === 0) return data;
  // The same section for the patterns: a table's grid is laid out for its page's width.
  const written = (blocks: Block[]) =>
    Packer.toBuffer(new Document({ sections: [{ ...section, children: blocks }] }))
      .then(documentXml)
      .then(bodyOf);
  // word/document.xml written element by element into the zip, deflated as it goes (a year's annex
  // is tens of MB of XML), each piece checked as packWord checks every part.
  const checked = (xml: string) => {
    const found = forbiddenIn(xml);
    if (found) throw new Error(`the Word file's ${DOCUMENT_XML} holds ${found}, a character XML forbids`);
    return xml;
  };
  async function* documentPieces(xml: string): AsyncGenerator<string> {
    let rest = xml;
    for (const [i, run] of runs.entries()) {
      const { before, after } = aroundPlace(rest, i);
      yield checked(before);
      const elements = run.many === 'paragraphs' ? paragraphs(run, written) : rows(run, written);
      for await (const element of elements) yield checked(element);
      rest = after;
    }
    yield checked(rest);
  }
  // The package as the library wrote it, in its order, with the document put together.
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(data);
  const out = new ZipWriter();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (name === DOCUMENT_XML) await out.add(name, documentPieces(await file.async('string')));
    else await out.add(name, [await file.async('nodebuffer')]);
  }
  return out.finish();
}

type Written = (blocks: Block[]) => Promise<string>;

async function* paragraphs(run: ManyParagraphs, written: Written): AsyncGenerator<string> {
  let pattern: string[] | undefined;
  for (const text of run.texts) {
    pattern ??= patternOf(await written([run.make(mark(0))]), 1);
    yield fill(pattern, [text]);
  }
}

async function* rows(run: ManyRows, written: Written): AsyncGenerator<string> {
  const { width } = run;
  const table = await written([run.make([Array.from({ length: width }, (_, i) => mark(i))])]);
  const { start, rows: one, end } = tableParts(table, 1);
  const pattern = patternOf(one, width);
  yield start;
  for (const row of run.rows) {
    if (row.length === width && row.every((v) => !v.includes('\n'))) yield fill(pattern, row);
    else yield tableParts(await written([run.make([row])]), 1).rows;
  }
  yield end;
}

/** The XML of one element cut at its markers 0…n-1 (each must be there once, in order). */
function patternOf(xml: string, n: number): string[] {
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < n; i += 1) {
    const found = xml.indexOf(mark(i), at);
    if (found === -1 || xml.indexOf(mark(i), found + 1) !== -1) {
      throw new Error('a long run whose element does not hold each of its texts once');
    }
    parts.push(xml.slice(at, found));
    at = found + 1;
  }
  parts.push(xml.slice(at));
  return parts;
}

/** The pattern with `texts` in its places, cleaned and escaped as the library writes a text. */
function fill(pattern: readonly string[], texts: readonly string[]): string {
  let out = pattern[0] as string;
  for (let i = 0; i < texts.length; i += 1) out += escapeText(xmlSafe(texts[i] as string)) + pattern[i + 1];
  return out;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
/** A run's text escaped as the docx library writes it (its `escapeAll`): &, quotes, < and >; other C0 controls dropped. */
function escapeText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: as the library does
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

/** A paragraph whose one run marks the place of long run `i`. */
function placeOf(i: number): Paragraph {
  return new Paragraph({ children: [new TextRun(placeText(i))] });
}
const placeText = (i: number) => `@@thidua-long-run-${i}@@`;

async function documentXml(docx: Buffer): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const file = (await JSZip.loadAsync(docx)).file(DOCUMENT_XML);
  if (!file) throw new Error(`a Word file without ${DOCUMENT_XML}`);
  return file.async('string');
}

/** What a document's body holds: between `<w:body>` and its section's properties. */
function bodyOf(xml: string): string {
  const start = xml.indexOf('<w:body>');
  const end = xml.lastIndexOf('<w:sectPr');
  if (start === -1 || end < start) throw new Error('a Word document without a body');
  return xml.slice(start + '<w:body>'.length, end);
}

/** One table's XML (no table inside it) as its start and header rows, its last `n` rows, its end. */
function tableParts(xml: string, n: number): { start: string; rows: string; end: string } {
  const starts: number[] = [];
  for (let at = xml.indexOf('<w:tr'); at !== -1; at = xml.indexOf('<w:tr', at + 1)) {
    const next = xml[at + 5];
    if (next === '>' || next === ' ') starts.push(at);
  }
  const end = xml.lastIndexOf('</w:tbl>');
  const first = starts[starts.length - n];
  if (!xml.startsWith('<w:tbl>') || end === -1 || first === undefined) {
    throw new Error('a long table whose XML is not one table');
  }
  return { start: xml.slice(0, first), rows: xml.slice(first, end), end: xml.slice(end) };
}

/** `xml` before and after the paragraph that holds the place of long run `i`. */
function aroundPlace(xml: string, i: number): { before: string; after: string } {
  const at = xml.indexOf(placeText(i));
  const open = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const close = xml.indexOf('</w:p>', at);
  if (at === -1 || open === -1 || close === -1) throw new Error(`the place of long run ${i} was not found`);
  return { before: xml.slice(0, open), after: xml.slice(close + '</w:p>'.length) };
}
