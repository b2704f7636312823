import type { MessageKind, OutImage } from '../../core/context.js';
import { printableFrom } from '../../core/document-text.js';
import type { Entry, ModelExample } from '../../core/domain.js';
import { modelsOf } from '../../core/figures.js';
import type { Html } from '../../core/html.js';
import type { Log } from '../../core/log.js';
import type { Period } from '../../core/periods.js';
import { progressAsOf } from '../../core/plan.js';
import { counts } from '../../core/scoring.js';
import { preview } from '../../core/text.js';
import { boardChart, type ChartInput, modelSubjectName, picture, pictureName } from '../lib/board.js';
import type { Post, PostContext } from './context.js';
import { chartTargets, type Progress } from './plan.js';

/* What the weekly and monthly posts are made of: their picture, the deeds and model examples they quote. */

/** A post as a message: its text, and its picture when `ctx` can draw one (a failed drawing is logged). */
export async function postMessage(
  ctx: PostContext,
  post: Post,
  log: Log,
): Promise<{ html: Html; kind: MessageKind; images?: OutImage[] }> {
  const image =
    post.chart && ctx.draw && (await picture(post.chart.data, post.chart.filename, log, ctx.draw));
  return { html: post.html, kind: post.kind, ...(image ? { images: [image] } : {}) };
}

/** A post's picture: its period's standings and good news, and the plan's targets as of `slot`. */
export function postChart(
  ctx: PostContext,
  stem: string,
  input: Pick<ChartInput, 'title' | 'period' | 'standings' | 'kudos'> & { progress: Progress[]; slot: Date },
): NonNullable<Post['chart']> {
  const { slot, progress, ...chart } = input;
  const targets = chartTargets(ctx.t, progress);
  return {
    data: boardChart(ctx, { ...chart, targets, now: slot, targetsAsOf: progressAsOf(ctx.plan, slot) }),
    filename: pictureName(stem, input.period),
  };
}

const DEEDS_SHOWN = 10;

/** The period's latest good deeds, quoted, and how many more there were. */
export function deedsOf(ctx: PostContext, period: Period): Html[] {
  const { t, store, agency } = ctx;
  const mode = agency.review.mode;
  // How many deeds count, from the store's groups; only the latest few are built to be quoted.
  let counted = 0;
  for (const g of store.entryGroups(period.start, period.end).groups) {
    if (g.kind === 'deed' && counts(g, mode)) counted += g.count;
  }
  let latest: Entry[] = [];
  for (let last = DEEDS_SHOWN * 2; ; last *= 4) {
    const read = store.entriesBetween(period.start, period.end, { kind: 'deed', last });
    latest = read.filter((e) => counts(e, mode)).slice(-DEEDS_SHOWN);
    if (latest.length >= Math.min(DEEDS_SHOWN, counted) || read.length < last) break;
  }
  const lines = latest
    .slice()
    .reverse()
    .map((e) =>
      // As documents print user text (no #tag, a colleague by name): a post is read by the whole agency.
      t.posts.deedLine(store.member(e.memberId)?.fullName ?? '?', preview(printableFrom(store)(e.text), 120)),
    );
  return [
    t.posts.deedsTitle,
    ...(lines.length ? lines : [t.posts.noDeeds]),
    ...(counted > DEEDS_SHOWN ? [t.posts.moreDeeds(counted - DEEDS_SHOWN)] : []),
  ];
}

/** Model examples proposed or moved on within the period, at the stage they reached in it. */
export function modelLines(ctx: PostContext, period: Period): (Html | string)[] {
  const { t, store } = ctx;
  const models = modelsOf(store, period);
  if (models.list.length === 0) return [];
  return [
    '',
    t.posts.modelsTitle,
    ...models.list.map((m: ModelExample) =>
      t.posts.modelLine(m.no, modelSubjectName(ctx, m), t.models.stages[models.stageOf(m) ?? m.stage]),
    ),
  ];
}
