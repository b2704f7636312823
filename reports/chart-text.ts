import type { FontMetrics } from './chart-font.js';

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
const ELLIPSIS = '…';
/** Longer user text is cut before it is measured: no line of a picture holds more. */
const MAX_GRAPHEMES = 300;

/**
 * User text made safe to draw: composed (NFC, so each Vietnamese letter is one code point), control
 * and format characters turned into spaces or dropped, any character the font cannot draw (emoji,
 * other scripts) dropped whole with its combining marks rather than shown as empty boxes, single spaces.
 * A letter the font has only as base and marks is kept decomposed: the shaper stacks the marks.
 */
export function drawable(text: string, font: Pick<FontMetrics, 'has'>): string {
  const covered = (segment: string) => {
    for (const char of segment) if (!font.has(char.codePointAt(0) ?? 0)) return false;
    return true;
  };
  const cleaned = text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .replace(/\p{Cf}/gu, '');
  let out = '';
  let count = 0;
  for (const { segment } of graphemes.segment(cleaned)) {
    if (count >= MAX_GRAPHEMES) break;
    const decomposed = segment.normalize('NFD');
    const form = covered(segment) ? segment : covered(decomposed) ? decomposed : undefined;
    if (form !== undefined) {
      out += form;
      count++;
    }
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export type Measure = (text: string) => number;

/**
 * The text in at most `maxLines` lines no wider than `maxWidth`, broken at spaces; what does not fit
 * ends the last line with an ellipsis, cut between graphemes so no mark leaves its letter.
 */
export function fitLines(text: string, measure: Measure, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest && lines.length < maxLines - 1 && measure(rest) > maxWidth) {
    const words = rest.split(' ');
    let line = words[0] ?? '';
    let next = 1;
    while (next < words.length && measure(`${line} ${words[next]}`) <= maxWidth) line += ` ${words[next++]}`;
    // A single word wider than a line is cut on the last line instead.
    if (measure(line) > maxWidth) break;
    lines.push(line);
    rest = words.slice(next).join(' ');
  }
  if (rest) lines.push(ellipsise(rest, measure, maxWidth));
  return lines;
}

/**
 * Like fitLines, with the lines made as even as possible (no lone last word) when everything fits:
 * the narrowest width that still needs no more lines and no ellipsis.
 */
export function balancedLines(text: string, measure: Measure, maxWidth: number, maxLines: number): string[] {
  const lines = fitLines(text, measure, maxWidth, maxLines);
  if (lines.length < 2 || lines.at(-1)?.endsWith(ELLIPSIS)) return lines;
  let best = lines;
  let low = maxWidth / 2;
  let high = maxWidth;
  for (let step = 0; step < 8; step++) {
    const width = (low + high) / 2;
    const attempt = fitLines(text, measure, width, maxLines);
    if (attempt.length === lines.length && !attempt.at(-1)?.endsWith(ELLIPSIS)) {
      best = attempt;
      high = width;
    } else {
      low = width;
    }
  }
  return best;
}

/** The text, or its longest start (whole graphemes, no trailing space) that fits followed by "…". */
export function ellipsise(text: string, measure: Measure, maxWidth: number): string {
  if (measure(text) <= maxWidth) return text;
  const room = maxWidth - measure(ELLIPSIS);
  let kept = '';
  let width = 0;
  for (const { segment } of graphemes.segment(text)) {
    // Widths add up: the metrics ignore kerning, so one pass is enough.
    width += measure(segment);
    if (width > room) break;
    kept += segment;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
}
