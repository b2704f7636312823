import {
  membersToNudge,
  monthlyDigest,
  nudgeMessage,
  type PostContext,
  postMessage,
  remindersMessage,
  remindersOn,
  weeklyPost,
} from '../commands/index.js';
import type { Delivery } from '../core/delivery.js';
import type { Log } from '../core/log.js';
import type { Plan } from '../core/plan.js';
import type { Platform } from '../core/platform.js';
import type { Job } from './scheduler.js';

/**
 * The plan's recurring posts as scheduler jobs. `ctx` is read at each run (the store changes). Group
 * posts are one job per platform with a group (each keeps its own last slot, so one platform's outage
 * never makes another post twice); Telegram's jobs keep the ids they always had. Personal reminders
 * are one job: a member linked on two platforms is nudged once, wherever core/delivery.ts reaches them.
 */
export function planJobs(
  ctx: () => PostContext,
  plan: Plan,
  platforms: readonly Platform[],
  delivery: Delivery,
  log: Log,
): Job[] {
  const jobs: Job[] = [];
  for (const platform of platforms) {
    const send = platform.sendToGroup?.bind(platform);
    if (!send) continue;
    const id = (job: string) => (platform.name === 'telegram' ? job : `${platform.name}:${job}`);
    jobs.push(
      {
        id: id('leaderboard'),
        cron: plan.schedules.leaderboard,
        async run(slot) {
          const c = ctx();
          await send(await postMessage(c, weeklyPost(c, slot), log));
        },
      },
      {
        id: id('monthly-digest'),
        cron: plan.schedules.monthlyDigest,
        async run(slot) {
          const c = ctx();
          await send(await postMessage(c, monthlyDigest(c, slot), log));
        },
      },
      {
        id: id('reminders'),
        cron: plan.schedules.reminders,
        async run(slot) {
          const due = remindersOn(ctx(), slot);
          if (due.length === 0) return;
          // One message for the day, so a retry never repeats half of it.
          await send(remindersMessage(due));
          for (const reminder of due) {
            if (!reminder.adminHtml) continue;
            for (const admin of platform.admins()) {
              if (!(await delivery.toPerson([admin], { html: reminder.adminHtml }, platform.name, log))) {
                log.warn({ admin, milestone: reminder.milestone.id }, 'could not remind an admin in private');
              }
            }
          }
        },
      },
    );
  }
  jobs.push({
    id: 'nudges',
    cron: plan.schedules.nudges,
    async run(slot) {
      const c = ctx();
      for (const member of membersToNudge(c, slot)) {
        const sent = await delivery.toPerson(member.identities, nudgeMessage(c, member), undefined, log);
        if (!sent) log.info({ member: member.id }, 'personal reminder not delivered');
      }
    },
  });
  return jobs;
}
