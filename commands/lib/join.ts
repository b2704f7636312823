import type { Department } from '../../core/agency.js';
import type { CommandContext, Reply } from '../../core/context.js';
import { formatDateTime } from '../../core/periods.js';
import type { Repository } from '../../core/repository.js';
import { say } from './common.js';

/** One request an hour per account reaches the admins; a repeat is answered without a new notice. */
const REPEAT_MS = 60 * 60_000;

/** A request sent: when, and how many admins it reached once delivered (undefined until then). */
interface Sent {
  at: number;
  reached?: number;
}

// Kept per store (one per running bot, one per test), in memory: a request lives on as the admins'
// notice; a restart only forgets which requests were sent within the hour.
const sent = new WeakMap<Repository, Map<string, Sent>>();

function recent(ctx: CommandContext): Map<string, Sent> {
  let map = sent.get(ctx.store);
  if (!map) {
    map = new Map();
    sent.set(ctx.store, map);
  }
  return map;
}

/**
 * Someone not yet registered on a platform without a group asks to join: every admin gets the request
 * in private with the choices to approve (/duyetdangky) or turn it down (/tuchoidangky); the person is
 * told whether it reached any admin. Nothing is stored until an admin approves. A repeat within the
 * hour of a request that reached N admins says so and sends nothing; a request that reached no admin
 * holds nothing back: the repeat is sent again.
 */
export function requestToJoin(ctx: CommandContext, fullName: string, department: Department): Reply[] {
  const { t, caller } = ctx;
  const map = recent(ctx);
  const last = map.get(caller.identity);
  if (last?.reached && ctx.now.getTime() - last.at < REPEAT_MS)
    return [say(t.join.alreadyRequested(last.reached, formatDateTime(new Date(last.at))))];
  const request: Sent = { at: ctx.now.getTime() };
  map.set(caller.identity, request);
  return [
    {
      html: t.join.toAdmins(
        fullName,
        department.name,
        caller.displayName,
        t.platformName[ctx.platform],
        caller.identity,
      ),
      to: 'admins',
      choices: [
        {
          label: t.join.approveChoice(fullName),
          command: `/duyetdangky ${caller.identity} | ${fullName} | ${department.name}`,
        },
        { label: t.join.refuseChoice, command: `/tuchoidangky ${caller.identity}`, keepsQuestion: true },
      ],
      // The person is told the request went only once an admin received it.
      tellAsker: {
        delivered: t.join.requested(fullName, department.name),
        undelivered: t.join.requestUndelivered,
        reached: (admins) => {
          request.reached = admins;
        },
      },
    },
  ];
}

/** A request was decided: another request from the account may be sent at once. */
export function forgetRequest(ctx: CommandContext, identity: string): void {
  recent(ctx).delete(identity);
}
