import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';

/**
 * The shipped Council file (config/council-2026.json) with Telegram identities given to its members,
 * in order: chair, vice-chair, standing member, secretary, then the members. Written to `dir`, for
 * COUNCIL_FILE. `size` keeps the first members only (a small Council for a story).
 */
export function testCouncilFile(
  dir: string,
  telegramIds: readonly number[],
  size = telegramIds.length,
): string {
  const shipped = JSON.parse(readFileSync('config/council-2026.json', 'utf8')) as {
    members: { id: string; identities: string[] }[];
    counting: string[];
  };
  const members = shipped.members.slice(0, size).map((m, i) => ({
    ...m,
    identities: telegramIds[i] === undefined ? [] : [`telegram:${telegramIds[i]}`],
  }));
  const ids = new Set(members.map((m) => m.id));
  const counting = shipped.counting.filter((id) => ids.has(id));
  const path = join(dir, 'council.json');
  writeFileSync(
    path,
    JSON.stringify({ ...shipped, members, counting: counting.length ? counting : [members.at(-1)?.id] }),
  );
  return path;
}

/** The text of a .docx as a reader sees it, paragraph by paragraph (table cells on their own lines). */
export async function docxText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:br[^>]*\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
