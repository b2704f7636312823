import type { Messages } from '../locales/index.js';
import type { Command, Reply } from './context.js';
import { mayRun } from './context.js';
import type { Member } from './domain.js';
import { joinHtml } from './html.js';
import { parseIdentity } from './identity.js';
import type { Log } from './log.js';
import type { Incoming } from './message.js';
import type { Actor, Repository } from './repository.js';

/**
 * The router's checks before a command runs, one small step each, run in order — in the spirit of
 * grammY's Composer, where each middleware either handles an update or passes it on. A step reads
 * what is known of the message (`Checking`), may update the caller's member record (marked left or
 * back, a contact recorded), and either lets the command go on (returns nothing) or answers in its
 * place (returns the replies). Each one can be run alone (test/core/router-steps.test.ts).
 */
export interface Checking {
  readonly command: Command;
  /** The message, its text already cleaned (core/router.ts). */
  readonly incoming: Incoming;
  readonly t: Messages;
  readonly now: Date;
  readonly log: Log;
  readonly store: Repository;
  /** The registered member behind the caller, as the steps so far left them. */
  member: Member | undefined;
}

/** One check: nothing to let the command go on, or the replies that answer in its place. */
export type Step = (checking: Checking) => Promise<Reply[] | undefined>;

/** Who may run the command (`Command.access`): the registered, the Council, admins; `agency` is its own step. */
export const access: Step = async ({ command, incoming, t, member }) => {
  const roles = { registered: member !== undefined, admin: incoming.isAdmin, council: incoming.isCouncil };
  if (mayRun(command.access, roles)) return undefined;
  const refusal = { admin: t.errors.adminOnly, council: t.review.councilOnly }[command.access as string];
  return [{ html: joinHtml([refusal ?? t.errors.notRegistered]) }];
};

/**
 * Who still belongs: a write from a private chat asks the platform whether the member is still in
 * the agency group (platforms cache the answer briefly); one who left is marked so — kept, with
 * their history — and may no longer write. A member seen in the group again is marked back.
 */
export const membership: Step = async (checking) => {
  const { command, incoming, member, now, log, store } = checking;
  // Without a group to ask, belonging is the registration itself.
  if (!member || incoming.membership === 'approval') return undefined;
  const seenInGroup = incoming.chat.kind === 'group';
  if (!seenInGroup && !(command.writes || member.leftAt)) return undefined;
  const inGroup = seenInGroup || (await incoming.isGroupMember());
  if (inGroup === !member.leftAt) return undefined;
  log.info(
    { member: member.id, inGroup },
    inGroup ? 'member is back in the agency group' : 'member left the agency group',
  );
  const actor: Actor = { by: member.id, platform: incoming.platform, at: now };
  checking.member = await store.setMemberLeft(member.id, !inGroup, actor);
  return undefined;
};

/** A member who left the agency group may no longer run members' commands (admins still may). */
export const leftGroup: Step = async ({ command, incoming, t, member }) => {
  const membersOnly = command.access === 'registered' || command.access === 'registeredOrAdmin';
  return member?.leftAt && !incoming.isAdmin && membersOnly ? [{ html: t.errors.leftGroup }] : undefined;
};

/**
 * `agency` commands in private: only for someone of the agency — a member who has not left, or
 * someone the platform finds in the group (in the group chat itself, everyone there is).
 */
export const agency: Step = async ({ command, incoming, t, member }) => {
  if (command.access !== 'agency' || incoming.chat.kind !== 'private') return undefined;
  if (member && !member.leftAt) return undefined;
  if (incoming.membership !== 'approval' && (await incoming.isGroupMember())) return undefined;
  return [{ html: t.errors.agencyOnly }];
};

/**
 * The one write the router makes of its own: remember that the member can be reached in private
 * (they wrote there) and the Telegram username they have now (usernames change hands), so notices
 * and mentions reach them. Only when something changed; a failure is logged, never blocks the command.
 */
export const contact: Step = async (checking) => {
  const { incoming, member, log, store } = checking;
  if (!member) return undefined;
  // Only a message on the caller's own platform says how that platform reaches them: a command
  // made from the desk (platform `web`) by a Telegram account opened no private chat on Telegram.
  if (parseIdentity(incoming.caller.identity)?.platform !== incoming.platform) return undefined;
  const flags: { privateChat?: boolean; username?: string | undefined } = {};
  if (incoming.chat.kind === 'private' && !member.privateChat) flags.privateChat = true;
  const username = incoming.caller.username?.toLowerCase();
  if (incoming.platform === 'telegram' && username !== member.username) flags.username = username;
  if (Object.keys(flags).length === 0) return undefined;
  try {
    checking.member = await store.setMemberFlags(member.id, flags);
  } catch (err) {
    log.error({ err, member: member.id }, 'could not record how to reach the member');
  }
  return undefined;
};

/**
 * One idempotency rule for every platform: a message that changed the store once is answered as
 * handled when it comes again (a redelivery after a crash), never run twice.
 */
export const idempotency: Step = async ({ command, incoming, t, store }) => {
  const handled = command.writes ? store.handled(incoming.messageKey) : undefined;
  if (!handled) return undefined;
  return [{ html: t.errors.alreadyHandled(handled.entry ?? (handled.model ? `${handled.model}` : '')) }];
};

/** The router's checks, in the order they run. */
export const STEPS: readonly Step[] = [access, membership, leftGroup, agency, contact, idempotency];

/** Runs `steps` in order until one answers; undefined when every step let the command go on. */
export async function check(
  checking: Checking,
  steps: readonly Step[] = STEPS,
): Promise<Reply[] | undefined> {
  for (const step of steps) {
    const answer = await step(checking);
    if (answer) return answer;
  }
  return undefined;
}
