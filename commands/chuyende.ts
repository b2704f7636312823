import { type Command, defineCommand, type Reply } from '../core/context.js';
import type { CouncilHistoryItem, EntryMark } from '../core/council-records.js';
import type { Entry } from '../core/domain.js';
import type { HtmlPart } from '../core/html.js';
import { type Drive, driveEntries, drivesOf } from '../core/nominations.js';
import { fold } from '../core/text.js';
import { clip, refuse, say, words } from './lib/common.js';
import { type CouncilContext, reviewYear, withCouncil } from './lib/council.js';

const FILE = new Set(['file', 'word', 'tep']);

/**
 * `/chuyende [đợt] [MÃ … | lý do | file]`: khen thưởng chuyên đề. A drive is a milestone of the plan
 * with a tag (the elections: `#baucu`); its achievements are the entries carrying the tag, and those
 * the Council tags to it here (with the reason). Without arguments: the drives; with a drive: who has
 * entries tagged to it, and how many; `file`: the list as a Word draft, at the drive's end.
 */
export const chuyende: Command = defineCommand({
  name: 'chuyende',
  group: 'binhxet',
  access: 'council',
  writes: true,
  usage: (t) => t.council.help.chuyende.usage,
  description: (t) => t.council.help.chuyende.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t, store } = ctx;
    const drives = drivesOf(ctx.plan);
    const [head = '', ...reasonParts] = ctx.args.split('|');
    const [name, ...rest] = words(head);
    if (!name)
      return [
        say(
          t.council.drives.title,
          ...(drives.length
            ? drives.map((d) => t.council.drives.line(d.title, d.tag, d.id, d.date))
            : [t.council.drives.none]),
        ),
      ];
    const drive = drives.find((d) => d.id === fold(name) || d.tag === fold(name).replace(/^#/, ''));
    if (!drive)
      return refuse(
        ctx,
        chuyende,
        t.council.drives.unknown(clip(name)),
        t.council.drives.are(drives.map((d) => d.id).join(', ')),
      );
    if (rest.length === 1 && FILE.has(fold(rest[0] ?? ''))) {
      const year = reviewYear(ctx);
      const files = ctx.reports.files(
        [{ report: 'driveList', args: { council: ctx.council, year, drive, now: ctx.now } }],
        ctx.actor.by,
      );
      ctx.followUp(
        files.then(([data]) => [
          {
            ...say(t.council.drafts.sent(t.council.drives.draftName(drive.title)), t.council.drafts.note),
            files: [{ filename: `danh-sach-chuyen-de-${drive.id}-${year}.docx`, data: data as Buffer }],
          },
        ]),
      );
      return [];
    }
    if (rest.length) {
      const reason = reasonParts.join('|').trim();
      const entries = rest.map((c) => ({ typed: c, entry: store.entry(c) }));
      const unknown = entries.filter((e) => !e.entry).map((e) => e.typed);
      if (unknown.length)
        return refuse(ctx, chuyende, t.council.exceptional.unknownEntry(clip(unknown.join(', '))));
      if (!reason) return refuse(ctx, chuyende, t.council.reasonRequired);
      for (const { entry } of entries) await tag(ctx, drive, entry as Entry, reason);
      return [
        say(t.council.drives.tagged(entries.map((e) => e.entry?.code ?? '').join(', '), drive.title, reason)),
      ];
    }
    // The drive's entries are found by its tag: the store's tag index, built between turns of the
    // event loop after a start, done first (a year of texts is not searched in one turn).
    await store.warmed();
    return [show(ctx, drive)];
  },
});

async function tag(ctx: CouncilContext, drive: Drive, entry: Entry, reason: string): Promise<void> {
  const before = ctx.store.council.marks.find(
    (m) => m.code === entry.code && m.kind === 'drive' && m.driveId === drive.id,
  );
  if (before?.marked) return;
  const item: CouncilHistoryItem = {
    at: ctx.actor.at.toISOString(),
    action: 'marked',
    by: ctx.actor.by,
    platform: ctx.actor.platform,
    note: reason,
    ...(ctx.actor.source ? { source: ctx.actor.source } : {}),
  };
  const mark: EntryMark = {
    code: entry.code,
    kind: 'drive',
    driveId: drive.id,
    marked: true,
    reason,
    history: [...(before?.history ?? []), item],
  };
  await ctx.store.council.saveMark(mark, ctx.actor);
}

function show(ctx: CouncilContext, drive: Drive): Reply {
  const { t, store } = ctx;
  const entries = driveEntries(store, drive, reviewYear(ctx));
  const byMember = new Map<string, Entry[]>();
  for (const e of entries) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e]);
  const lines: HtmlPart[] = [
    t.council.drives.listTitle(drive.title, drive.tag, entries.length, byMember.size),
  ];
  for (const [memberId, own] of byMember)
    lines.push(
      t.council.drives.person(
        store.member(memberId)?.fullName ?? memberId,
        own.map((e) => e.code).join(', '),
      ),
    );
  if (!entries.length) lines.push(t.council.drives.empty(drive.tag));
  return {
    ...say(...lines),
    choices: [
      { label: t.council.drives.fileButton, command: `/chuyende ${drive.id} file`, keepsQuestion: true },
    ],
  };
}
