import {
  membersToNudge,
  monthlyDigest,
  type PostContext,
  remindersOn,
  weeklyPost,
} from '../commands/lib/posts.js';
import { esc } from '../core/text.js';
import type { Platform } from '../storage/schema.js';
import type { StoreLogger } from '../storage/store.js';
import type { Plan } from './plan.js';
import type { Job } from './scheduler.js';

/** Where the bot's own posts go; each platform implements it. */
export interface Broadcaster {
  /** Posts to the agency's group chat(s); throws if it could not, so the post is retried. */
  toGroup(html: string): Promise<void>;
  /** Sends to one person in private; false when the platform cannot reach them there. */
  toPerson(identity: string, html: string): Promise<boolean>;
  /** Identities of the admins, for the Office's report reminders. */
  admins(): readonly string[];
}

/** The plan's recurring posts as scheduler jobs. `ctx` is read at each run (the store changes). */
export function planJobs(
  ctx: () => PostContext,
  plan: Plan,
  out: Broadcaster,
  logger: StoreLogger,
  platform: Platform,
): Job[] {
  return [
    {
      id: 'leaderboard',
      cron: plan.schedules.leaderboard,
      run: (slot) => out.toGroup(weeklyPost(ctx(), slot)),
    },
    {
      id: 'monthly-digest',
      cron: plan.schedules.monthlyDigest,
      run: (slot) => out.toGroup(monthlyDigest(ctx(), slot)),
    },
    {
      id: 'reminders',
      cron: plan.schedules.reminders,
      async run(slot) {
        const due = remindersOn(ctx(), slot);
        if (due.length === 0) return;
        // One message for the day, so a retry never repeats half of it.
        await out.toGroup(due.map((r) => r.html).join('\n\n'));
        for (const reminder of due) {
          if (!reminder.adminHtml) continue;
          for (const admin of out.admins()) {
            if (!(await out.toPerson(admin, reminder.adminHtml))) {
              logger.warn(
                { admin, milestone: reminder.milestone.id },
                'could not remind an admin in private',
              );
            }
          }
        }
      },
    },
    {
      id: 'nudges',
      cron: plan.schedules.nudges,
      async run(slot) {
        const c = ctx();
        for (const member of membersToNudge(c, slot)) {
          // Each platform nudges the members it can reach; a linked member may be nudged on both.
          const identity = member.identities.find((i) => i.startsWith(`${platform}:`));
          if (!identity) continue;
          const sent = await out.toPerson(
            identity,
            c.t.posts.nudge(esc(member.fullName), c.plan.nudgeAfterDays),
          );
          if (!sent) logger.info({ member: member.id }, 'personal reminder not delivered');
        }
      },
    },
  ];
}
