import { type Command, defineCommand, type Reply } from '../core/context.js';
import type { CouncilHistoryItem, EntryMark } from '../core/council-records.js';
import type { HtmlPart } from '../core/html.js';
import { activeMarks, addNomination } from '../core/nominations.js';
import { formatDay } from '../core/periods.js';
import { fileName, fold } from '../core/text.js';
import { clip, codeFirst, refuse, say } from './lib/common.js';
import { type CouncilContext, listSource, reviewYear, withCouncil } from './lib/council.js';

/** The award an exceptional achievement is proposed for: the Trưởng Ban's Giấy khen. */
export const EXCEPTIONAL_AWARD = 'giaykhen';

function item(ctx: CouncilContext, action: CouncilHistoryItem['action'], note: string): CouncilHistoryItem {
  return {
    at: ctx.actor.at.toISOString(),
    action,
    by: ctx.actor.by,
    platform: ctx.actor.platform,
    note,
    ...(ctx.actor.source ? { source: ctx.actor.source } : {}),
  };
}

/**
 * `/dotxuat [MÃ lý do | MÃ bo lý do]`: khen thưởng đột xuất. The Council (or an admin) marks an entry
 * as an exceptional achievement, with the reason: its member is put on the year's Giấy khen list, and
 * the bot drafts the proposal (tờ trình) and a short achievement report. Without arguments: the
 * entries marked. `bo` takes a mark back (with its reason); the history keeps both.
 */
export const dotxuat: Command = defineCommand({
  name: 'dotxuat',
  group: 'binhxet',
  access: 'council',
  writes: true,
  usage: (t) => t.council.help.dotxuat.usage,
  description: (t) => t.council.help.dotxuat.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t, store } = ctx;
    const { code, rest } = codeFirst(ctx.args);
    if (!code) return [list(ctx)];
    const entry = store.entry(code);
    if (!entry) return refuse(ctx, dotxuat, t.council.exceptional.unknownEntry(clip(code)));
    const undo = rest[0] !== undefined && ['bo', 'huy'].includes(fold(rest[0]));
    const reason = (undo ? rest.slice(1) : rest)
      .join(' ')
      .replace(/^\|\s*/, '')
      .trim();
    if (!reason) return refuse(ctx, dotxuat, t.council.reasonRequired);
    const before = store.council.marks.find((m) => m.code === entry.code && m.kind === 'exceptional');
    if (undo) {
      if (!before?.marked)
        return [say(t.council.exceptional.notMarked(entry.code), t.council.refusals.nothingChanged)];
      await store.council.saveMark(
        { ...before, marked: false, history: [...before.history, item(ctx, 'unmarked', reason)] },
        ctx.actor,
      );
      return [say(t.council.exceptional.unmarked(entry.code, reason))];
    }
    if (entry.status !== 'active' || entry.review === 'rejected')
      return [say(t.council.exceptional.notCounted(entry.code), t.council.refusals.nothingChanged)];
    if (before?.marked)
      return [say(t.council.exceptional.markedAlready(entry.code), t.council.refusals.nothingChanged)];
    const mark: EntryMark = {
      code: entry.code,
      kind: 'exceptional',
      marked: true,
      reason,
      history: [...(before?.history ?? []), item(ctx, 'marked', reason)],
    };
    await store.council.saveMark(mark, ctx.actor);
    const award = ctx.council.awards.find((a) => a.id === EXCEPTIONAL_AWARD);
    const member = store.member(entry.memberId);
    const year = reviewYear(ctx);
    if (award)
      await addNomination(
        listSource(ctx),
        year,
        award,
        { kind: 'member', memberId: entry.memberId },
        reason,
        ctx.actor,
        'exceptional',
        [entry.code],
      );
    const files = ctx.reports.files(
      [
        {
          report: 'exceptionalProposal',
          args: { council: ctx.council, year, codes: [entry.code], now: ctx.now },
        },
        { report: 'exceptionalReport', args: { council: ctx.council, year, code: entry.code, now: ctx.now } },
      ],
      ctx.actor.by,
    );
    const name = fileName(member?.fullName ?? entry.memberId);
    ctx.followUp(
      files.then(([proposal, report]) => [
        {
          ...say(t.council.drafts.sent(t.council.exceptional.draftsName), t.council.drafts.note),
          files: [
            { filename: `to-trinh-khen-thuong-dot-xuat-${name}.docx`, data: proposal as Buffer },
            { filename: `bao-cao-tom-tat-thanh-tich-${name}.docx`, data: report as Buffer },
          ],
          ...(ctx.chat.kind === 'private' ? {} : { to: { identity: ctx.caller.identity } }),
        },
      ]),
    );
    return [
      say(
        t.council.exceptional.marked(
          entry.code,
          member?.fullName ?? entry.memberId,
          reason,
          award?.name ?? '',
        ),
      ),
    ];
  },
});

function list(ctx: CouncilContext): Reply {
  const { t, store } = ctx;
  const marks = activeMarks(store, 'exceptional');
  const lines: HtmlPart[] = [t.council.exceptional.title];
  if (!marks.length) lines.push(t.council.exceptional.none);
  for (const m of marks) {
    const entry = store.entry(m.code);
    const at = m.history.filter((h) => h.action === 'marked').at(-1)?.at;
    lines.push(
      t.council.exceptional.line(
        m.code,
        store.member(entry?.memberId ?? '')?.fullName ?? '',
        m.reason,
        at ? formatDay(new Date(at)) : '',
      ),
    );
  }
  return say(...lines);
}
