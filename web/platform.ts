import type { Delivery } from '../core/delivery.js';
import type { Log } from '../core/log.js';
import { messageKey } from '../core/message.js';
import type { Incoming, OutMessage, Platform } from '../core/platform.js';
import type { Router } from '../core/router.js';
import type { Locale } from '../locales/index.js';

/** Where the answers meant for the person at the desk are collected, to show on the next page. */
interface Outbox {
  messages: OutMessage[];
}

/**
 * The desk as a platform of the core (core/platform.ts). What the desk changes, it changes by running
 * the same command a chat would (`/duyet VT12`, `/tuchoi VT12 lý do`) as the person signed in: the
 * same access check, the same rules, the same history (recorded as made from the desk, platform
 * `web`) and the same notices, which core/delivery.ts sends to the people concerned on their own
 * platforms. The answer meant for the person acting comes back here and is shown on the page.
 */
export function createWebPlatform(): Platform {
  return {
    name: 'web',
    async start() {},
    async stop() {},
    async reply(origin, message) {
      (origin as Outbox).messages.push(message);
    },
    // A page cannot be written to: notices for someone go to their chat platforms.
    async sendToPerson() {
      return false;
    },
    admins: () => [],
    sendsFiles: true,
    membership: 'approval',
  };
}

/** Who runs a command from the desk, as the chat would know them. */
export interface DeskCaller {
  identity: string;
  displayName: string;
  locale: Locale;
  admin: boolean;
  council: boolean;
  /** A member who has not left the group belongs; the desk has no group to ask. */
  belongs: boolean;
}

/**
 * Runs `text` (a command line) as `caller` through the core, and delivers its replies: notices go to
 * their people, the answers for the caller (with files, for downloads) come back. `key` identifies
 * this action: the same key again (a form sent twice) is answered "already handled", never run twice.
 */
export async function runCommand(
  core: { router: Router; delivery: Delivery },
  caller: DeskCaller,
  text: string,
  key: string,
  log: Log,
): Promise<OutMessage[]> {
  const outbox: Outbox = { messages: [] };
  const incoming: Incoming = {
    platform: 'web',
    caller: { identity: caller.identity, displayName: caller.displayName },
    chat: { id: `web:${caller.identity}`, kind: 'private' },
    text,
    mentions: [],
    // The person's desk is their chat; `key` names the action (a form's nonce, a download).
    messageKey: messageKey('web', caller.identity, key),
    locale: caller.locale,
    isAdmin: caller.admin,
    isCouncil: caller.council,
    isGroupMember: async () => caller.belongs,
    membership: 'approval',
    origin: outbox,
    log: log.child({ desk: text.split(' ', 1)[0] }),
  };
  // Without a follow-up sink the router waits for slow work (report files) and returns it too.
  const handled = await core.router.handle(incoming);
  if (handled?.replies.length) await core.delivery.deliver(incoming, handled.replies);
  return outbox.messages;
}
