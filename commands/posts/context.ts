import type { AgencyConfig } from '../../core/agency.js';
import type { MessageKind } from '../../core/context.js';
import type { CouncilConfig } from '../../core/council.js';
import type { Html } from '../../core/html.js';
import type { Plan } from '../../core/plan.js';
import type { BoardChart } from '../../core/reports.js';
import type { RepositoryReads } from '../../core/repository.js';
import type { Messages } from '../../locales/index.js';

/*
 * The bot's own posts, built from the store, one file each: the weekly leaderboard (weekly.ts), the
 * monthly digest (monthly.ts), the plan's reminders (reminders.ts), the personal nudges (nudges.ts),
 * and the plan's progress (plan.ts, also /kehoach's and the desk's); what the weekly and monthly posts
 * share is in parts.ts. The scheduler (bot/jobs.ts) and the commands that preview or post them now
 * (/xemtruoc, /dangngay) read them from there.
 */

/** What the plan's posts are built from. */
export interface PostContext {
  t: Messages;
  store: RepositoryReads;
  agency: AgencyConfig;
  plan: Plan;
  /** The Council (its upward awards and the province's address), for the dossier deadline's reminder. */
  council?: CouncilConfig | undefined;
  /** Draws a post's picture (reports/chart.ts); without it, posts go as text alone. */
  draw?: ((chart: BoardChart) => Promise<Buffer>) | undefined;
}

/** A post: its text, what kind of message it is, and the picture that may go with it. */
export interface Post {
  html: Html;
  kind: MessageKind;
  chart?: { data: BoardChart; filename: string } | undefined;
}
