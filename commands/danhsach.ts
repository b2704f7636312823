import { type Choice, type Command, defineCommand, type Reply } from '../core/context.js';
import type { Award } from '../core/council.js';
import type { HtmlPart } from '../core/html.js';
import { nominationList } from '../core/nominations.js';
import { fileName, fold } from '../core/text.js';
import { clip, refuse, say, words } from './lib/common.js';
import {
  awardList,
  awardWord,
  type CouncilContext,
  listSource,
  readAward,
  reviewYear,
  withCouncil,
} from './lib/council.js';

/**
 * `/danhsach [danh hiệu] [file]`: the year's nomination lists (danh sách đề nghị) — drafted from the
 * registrations, with every name an admin added or took off — each name with its department, the
 * title registered, the entries the Council approved, and what the Council still confirms. One award:
 * the whole list; `file`: the lists as a Word draft.
 */
export const danhsach: Command = defineCommand({
  name: 'danhsach',
  group: 'binhxet',
  access: 'council',
  usage: (t) => t.council.help.danhsach.usage,
  description: (t) => t.council.help.danhsach.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const { t } = ctx;
    const tokens = words(ctx.args).filter((w) => fold(w) !== String(reviewYear(ctx)) && fold(w) !== 'nam');
    const wantsFile = tokens.some((w) => ['file', 'word', 'tep'].includes(fold(w)));
    const rest = tokens.filter((w) => !['file', 'word', 'tep'].includes(fold(w)));
    const named = rest.length ? readAward(ctx.council, rest) : undefined;
    if (rest.length && (!named || named.rest.length))
      return refuse(
        ctx,
        danhsach,
        t.council.unknownAward(clip(rest.join(' '))),
        t.council.awardsAre(awardList(ctx.council)),
      );
    const awards = named ? [named.award] : ctx.council.awards;
    if (wantsFile) return file(ctx, awards);
    return [named ? oneList(ctx, named.award) : overview(ctx)];
  },
});

function overview(ctx: CouncilContext): Reply {
  const { t } = ctx;
  const year = reviewYear(ctx);
  const lines: HtmlPart[] = [t.council.lists.title(year)];
  const choices: Choice[] = [];
  for (const award of ctx.council.awards) {
    const list = nominationList(listSource(ctx), year, award);
    lines.push(
      t.council.lists.awardLine(
        award.name,
        award.short,
        list.length,
        t.council.decidedBy[award.decidedBy],
        t.council.voteKinds[award.vote],
      ),
    );
    if (list.length)
      choices.push({
        label: t.council.lists.open(award.short, list.length),
        command: `/danhsach ${awardWord(ctx.council, award)}`,
        keepsQuestion: true,
      });
  }
  lines.push('', t.council.lists.howToChange, t.council.lists.fromRegistrations);
  choices.push({ label: t.council.lists.wordButton, command: '/danhsach file', keepsQuestion: true });
  return { ...say(...lines), choices };
}

function oneList(ctx: CouncilContext, award: Award): Reply {
  const { t } = ctx;
  const year = reviewYear(ctx);
  const list = nominationList(listSource(ctx), year, award);
  const facts = ctx.reports.facts(ctx, year, list);
  const lines: HtmlPart[] = [
    t.council.lists.awardTitle(award.name, year, list.length),
    t.council.lists.awardRule(
      t.council.decidedBy[award.decidedBy],
      award.authority,
      t.council.voteKinds[award.vote],
    ),
    '',
  ];
  if (list.length === 0) lines.push(t.council.lists.empty);
  for (const [i, c] of list.entries()) {
    const f = facts[i];
    if (!f) continue;
    lines.push(
      t.council.lists.candidate(i + 1, f.name, f.department, t.council.origins[c.origin]),
      t.council.lists.approved(f.approved.length, f.byKind.task, f.byKind.initiative, f.byKind.deed),
      f.open.length ? t.council.lists.open_(f.open.join('; ')) : undefined,
      c.note ? t.council.lists.note(c.note) : undefined,
    );
  }
  return {
    ...say(...lines),
    choices: [
      {
        label: t.council.lists.wordButton,
        command: `/danhsach ${awardWord(ctx.council, award)} file`,
        keepsQuestion: true,
      },
    ],
  };
}

function file(ctx: CouncilContext, awards: Award[]): Reply[] {
  const year = reviewYear(ctx);
  const files = ctx.reports.files(
    [
      {
        report: 'nominationList',
        args: { council: ctx.council, year, awards: awards.map((a) => a.id), now: ctx.now },
      },
    ],
    ctx.actor.by,
  );
  ctx.followUp(
    files.then(([data]) => [
      {
        ...say(ctx.t.council.drafts.sent(ctx.t.council.drafts.kinds.danhsach), ctx.t.council.drafts.note),
        files: [
          {
            filename: `danh-sach-de-nghi-${year}${awards.length === 1 ? `-${fileName(awards[0]?.id ?? '')}` : ''}.docx`,
            data: data as Buffer,
          },
        ],
      },
    ]),
  );
  return [];
}
