import type { PostContext } from '../commands/index.js';
import type { Delivery } from '../core/delivery.js';
import type { PlatformName } from '../core/identity.js';
import type { Log } from '../core/log.js';
import type { Plan } from '../core/plan.js';
import type { Job } from './scheduler.js';

/** The posts' modules: with the commands', loaded after the bot polls (bot/handlers.ts), by the first post due. */
const posts = () => import('../commands/index.js');

/**
 * The plan's recurring posts as scheduler jobs, each sent through core/delivery.ts as every reply is.
 * `ctx` is read at each run (the store changes). Group posts are one job per platform with a group
 * (each keeps its own last slot, so one platform's outage never makes another post twice); Telegram's
 * jobs keep the ids they always had. Personal reminders are one job: a member linked on two platforms
 * is nudged once, wherever Delivery reaches them.
 */
export function planJobs(
  ctx: () => PostContext,
  plan: Plan,
  platforms: readonly PlatformName[],
  delivery: Delivery,
  log: Log,
): Job[] {
  const jobs: Job[] = [];
  for (const platform of platforms.filter((name) => delivery.hasGroup(name))) {
    const id = (job: string) => (platform === 'telegram' ? job : `${platform}:${job}`);
    jobs.push(
      {
        id: id('leaderboard'),
        cron: plan.schedules.leaderboard,
        async run(slot) {
          const { postMessage, weeklyPost } = await posts();
          const c = ctx();
          await delivery.toGroup(platform, await postMessage(c, weeklyPost(c, slot), log));
        },
      },
      {
        id: id('monthly-digest'),
        cron: plan.schedules.monthlyDigest,
        async run(slot) {
          const { postMessage, monthlyDigest } = await posts();
          const c = ctx();
          await delivery.toGroup(platform, await postMessage(c, monthlyDigest(c, slot), log));
        },
      },
      {
        id: id('reminders'),
        cron: plan.schedules.reminders,
        async run(slot) {
          const { remindersMessage, remindersOn } = await posts();
          const due = remindersOn(ctx(), slot);
          if (due.length === 0) return;
          await delivery.toGroup(platform, remindersMessage(due));
          for (const reminder of due) {
            if (!reminder.adminHtml) continue;
            const milestone = log.child({ milestone: reminder.milestone.id });
            await delivery.toAdmins({ html: reminder.adminHtml }, milestone, platform);
          }
        },
      },
    );
  }
  jobs.push({
    id: 'nudges',
    cron: plan.schedules.nudges,
    async run(slot) {
      const { membersToNudge, nudgeMessage } = await posts();
      const c = ctx();
      for (const member of membersToNudge(c, slot)) {
        if (!(await delivery.toPerson(member.identities, nudgeMessage(c, member), undefined, log))) {
          log.info({ member: member.id }, 'personal reminder not delivered');
        }
      }
    },
  });
  return jobs;
}
