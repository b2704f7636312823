import { type Choice, type Command, defineCommand, type Reply } from '../core/context.js';
import type { HtmlPart } from '../core/html.js';
import { openMeetingOf, present, roundsOf } from '../core/meeting.js';
import { nominationLists } from '../core/nominations.js';
import { fold } from '../core/text.js';
import { criteriaOf, titleById } from '../core/titles.js';
import { refuse, say, words } from './lib/common.js';
import { awardWord, type CouncilContext, listSource, reviewYear, withCouncil } from './lib/council.js';

/**
 * `/hop [tieuchuan | số]`: the meeting, step by step. Without arguments: where it stands (lists,
 * votes, what is left); `tieuchuan`: the standards of each award to be explained to the Council
 * (criteria with their basis, how it is voted, the share of all members it needs); a number: that
 * case of the lists, in order, with its facts — then the next, and at the end of an award's list its
 * vote.
 */
export const hop: Command = defineCommand({
  name: 'hop',
  group: 'binhxet',
  access: 'council',
  usage: (t) => t.council.help.hop.usage,
  description: (t) => t.council.help.hop.description,
  async run(raw) {
    const ctx = withCouncil(raw);
    if (Array.isArray(ctx)) return ctx;
    const [first] = words(ctx.args);
    if (first === undefined) return [overview(ctx)];
    // Folded whole: `tiêu chuẩn` is two words as people type it.
    if (['tieuchuan', 'tieu chuan', 'standards'].includes(fold(ctx.args))) return [standards(ctx)];
    const n = Number(first);
    if (!Number.isInteger(n) || n < 1) return refuse(ctx, hop, ctx.t.council.walk.which);
    return [walk(ctx, n)];
  },
});

/** Every case of the year's lists, in order: the awards in the Council file's order, each list's order. */
function cases(ctx: CouncilContext) {
  return nominationLists(listSource(ctx), reviewYear(ctx)).flatMap(({ award, candidates }) =>
    candidates.map((candidate, i) => ({ award, candidate, index: i + 1, of: candidates.length })),
  );
}

function overview(ctx: CouncilContext): Reply {
  const { t } = ctx;
  const year = reviewYear(ctx);
  const meeting = openMeetingOf(ctx, year);
  const lines: HtmlPart[] = [
    meeting
      ? t.council.walk.openTitle(meeting.no, year, present(meeting).length, meeting.roster.length)
      : t.council.walk.noMeetingTitle(year),
  ];
  const choices: Choice[] = [];
  const rounds = meeting ? roundsOf(ctx, meeting) : [];
  const lists = nominationLists(listSource(ctx), year);
  for (const { award, candidates } of lists) {
    if (!candidates.length) continue;
    const own = rounds.filter((r) => r.awardId === award.id);
    const open = own.find((r) => r.status === 'open');
    const closed = own.filter((r) => r.status === 'closed').at(-1);
    lines.push(
      t.council.walk.awardState(
        award.name,
        candidates.length,
        open
          ? t.council.walk.voting(
              open.no,
              t.council.methods[open.method],
              open.cast.length,
              open.method === 'electronic' ? open.voters.length : 0,
            )
          : closed
            ? t.council.walk.voted(closed.no)
            : t.council.walk.notVoted,
      ),
    );
    if (meeting && !open && !closed)
      choices.push({
        label: t.council.walk.voteButton(award.short),
        command: `/mophieu ${awardWord(ctx.council, award)}`,
        keepsQuestion: true,
      });
  }
  // Nothing to explain or walk through while the lists are empty: said so, with where they come from.
  if (lists.some((l) => l.candidates.length))
    choices.unshift(
      { label: t.council.walk.standardsButton, command: '/hop tieuchuan', keepsQuestion: true },
      { label: t.council.walk.startButton, command: '/hop 1', keepsQuestion: true },
    );
  else lines.push(t.council.walk.noCases(year));
  if (meeting) choices.push({ label: t.council.walk.closeButton, command: '/donghop', keepsQuestion: true });
  return { ...say(...lines), choices };
}

function standards(ctx: CouncilContext): Reply {
  const { t, titles } = ctx;
  const year = reviewYear(ctx);
  const lists = nominationLists(listSource(ctx), year);
  if (!lists.some((l) => l.candidates.length)) return say(t.council.walk.noCases(year));
  const lines: HtmlPart[] = [t.council.walk.standardsTitle(year)];
  for (const { award, candidates } of lists) {
    if (!candidates.length) continue;
    lines.push(
      '',
      t.council.walk.standardsAward(award.name, t.council.decidedBy[award.decidedBy], award.authority),
    );
    const title = titles && award.kind === 'title' ? titleById(titles, award.id) : undefined;
    if (title && titles) {
      // A title that includes another (CSTĐCS includes LĐTT) names it once instead of repeating its criteria.
      const own = criteriaOf(titles, title).filter(({ title: owner }) => owner.id === title.id);
      for (const required of title.requires) {
        const name = titleById(titles, required)?.name ?? required;
        // Said once: the title's own criterion may already be "Đạt tiêu chuẩn Lao động tiên tiến".
        if (!own.some(({ criterion }) => fold(criterion.short).includes(fold(name))))
          lines.push(t.council.walk.includes(name));
      }
      for (const { criterion } of own)
        lines.push(
          t.council.walk.criterion(criterion.short, criterion.source, criterion.check === 'toVerify'),
        );
    } else lines.push(t.council.walk.noCriteria);
    lines.push(
      t.council.walk.voteRule(
        t.council.voteKinds[award.vote],
        award.threshold.strict,
        award.threshold.percent,
        award.threshold.source,
        award.threshold.check === 'toVerify',
      ),
    );
  }
  return {
    ...say(...lines),
    choices: [{ label: t.council.walk.startButton, command: '/hop 1', keepsQuestion: true }],
  };
}

function walk(ctx: CouncilContext, n: number): Reply {
  const { t } = ctx;
  const all = cases(ctx);
  const here = all[n - 1];
  if (!all.length) return say(t.council.walk.noCases(reviewYear(ctx)));
  if (!here) return say(t.council.walk.noCase(n, all.length));
  const [f] = ctx.reports.facts(ctx, reviewYear(ctx), [here.candidate]);
  const lines: HtmlPart[] = [t.council.walk.caseTitle(n, all.length, here.award.name, here.index, here.of)];
  if (f) {
    lines.push(
      t.council.walk.who(f.name, f.department),
      f.registered ? t.council.walk.registered(f.registered) : t.council.walk.notRegistered,
      f.rating ? t.council.walk.rating(t.records.ratings[f.rating]) : t.council.walk.noRating,
      t.council.lists.approved(f.approved.length, f.byKind.task, f.byKind.initiative, f.byKind.deed),
      f.byKind.adhoc ? t.council.walk.adhoc(f.byKind.adhoc) : undefined,
      f.byKind.it ? t.council.walk.it(f.byKind.it) : undefined,
      f.members ? t.council.walk.members(f.members.withApproved, f.members.total) : undefined,
      f.exceptional.length ? t.council.walk.exceptional(f.exceptional.join(', ')) : undefined,
      f.open.length ? t.council.lists.open_(f.open.join('; ')) : t.council.walk.noOpen,
      here.candidate.note ? t.council.lists.note(here.candidate.note) : undefined,
      t.council.walk.origin(t.council.origins[here.candidate.origin]),
    );
  }
  const choices: Choice[] = [];
  if (n > 1) choices.push({ label: t.council.walk.previous, command: `/hop ${n - 1}` });
  if (n < all.length) choices.push({ label: t.council.walk.next, command: `/hop ${n + 1}` });
  const meeting = openMeetingOf(ctx, reviewYear(ctx));
  if (meeting && here.index === here.of)
    choices.push({
      label: t.council.walk.voteButton(here.award.short),
      command: `/mophieu ${awardWord(ctx.council, here.award)}`,
      keepsQuestion: true,
    });
  return { ...say(...lines), choices };
}
