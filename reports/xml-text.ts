import { createRequire } from 'node:module';
import type { Document } from 'docx';

/*
 * The one guard between stored text and the files the bot writes: .xlsx and .docx are XML, and XML 1.0
 * forbids some characters outright — C0 controls but tab, line feed and carriage return, the
 * noncharacters U+FFFE and U+FFFF, and lone UTF-16 surrogates. One of them in a cell or a paragraph
 * makes the whole file one Excel calls corrupt and exceljs cannot load. Text is cleaned where it
 * enters (core/text.ts's cleanText), but a store written before that, or restored from elsewhere, may
 * still hold one: each writer goes through here, so none is ever written (each becomes U+FFFD).
 */

/** Every character XML 1.0 forbids (a lone surrogate included). */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A quick look first: most texts have none of these units (a surrogate pair, an emoji, goes the long way). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** `text` with every character XML forbids replaced by U+FFFD (one unit for one, so lengths hold). */
export function xmlSafe(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(FORBIDDEN, '\uFFFD');
}

/** The first character XML forbids in `text`, as U+XXXX, or undefined. */
export function forbiddenIn(text: string): string | undefined {
  if (!SUSPECT.test(text)) return undefined;
  FORBIDDEN.lastIndex = 0;
  const found = FORBIDDEN.exec(text);
  FORBIDDEN.lastIndex = 0;
  return found
    ? `U+${(found[0].charCodeAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`
    : undefined;
}

let excelGuarded = false;

/**
 * exceljs writes every string — cells, rich text, sheet names, headers and footers, shared strings —
 * through one encoder (its utils.xmlEncode, which drops C0 controls but lets U+FFFE, U+FFFF and lone
 * surrogates through): guarded here once, for the streaming and the in-memory writer alike.
 */
export function guardExcel(): void {
  if (excelGuarded) return;
  const utils = createRequire(import.meta.url)('exceljs/lib/utils/utils.js') as {
    xmlEncode: (text: string) => string;
  };
  const encode = utils.xmlEncode;
  utils.xmlEncode = (text: string) => encode(xmlSafe(text));
  excelGuarded = true;
}

/**
 * A Word file: docx's Packer, then every XML part read back — a file holding a character XML forbids
 * is refused (an error, not a file Word calls corrupt). The text runs (reports/word.ts's `run`) and
 * titles are cleaned on the way in, so this never fires unless a writer forgot.
 */
export async function packWord(document: Document): Promise<Buffer> {
  const [{ Packer }, { default: JSZip }] = await Promise.all([import('docx'), import('jszip')]);
  const data = await Packer.toBuffer(document);
  const zip = await JSZip.loadAsync(data);
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || !/\.(xml|rels)$/.test(name)) continue;
    const found = forbiddenIn(await file.async('string'));
    if (found) throw new Error(`the Word file's ${name} holds ${found}, a character XML forbids`);
  }
  return data;
}
