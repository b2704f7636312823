/**
 * Command-level tests without a platform: `buildContext({...})` makes the context the router would make
 * (a real store in a temp dir, the test agency, Vietnamese unless told), and `run` runs one command on
 * it and reads its replies as a user would. The user stories go through the platforms instead.
 */
import type { AgencyConfig } from '../../core/agency.js';
import type { Command, CommandContext, Mention, Reply } from '../../core/context.js';
import type { Member } from '../../core/domain.js';
import { htmlToPlain } from '../../core/html.js';
import { LinkCodes } from '../../core/link-codes.js';
import { silentLog } from '../../core/log.js';
import type { Plan } from '../../core/plan.js';
import type { TitlesConfig } from '../../core/titles.js';
import { type Locale, locales } from '../../locales/index.js';
import { commandReports } from '../../reports/for-commands.js';
import type { Store } from '../../storage/store.js';
import { testAgency } from './agency.js';

export interface ContextInput {
  store: Store;
  /** The caller's registered profile (registered commands need one). */
  member?: Member;
  /** The caller's identity when `member` is absent (default `telegram:4242`). */
  identity?: string;
  args?: string;
  mentions?: Mention[];
  chat?: 'group' | 'private';
  isAdmin?: boolean;
  isCouncil?: boolean;
  inGroup?: boolean;
  membership?: 'group' | 'approval';
  now?: Date;
  locale?: Locale;
  agency?: AgencyConfig;
  plan?: Plan;
  titles?: TitlesConfig;
  messageKey?: string;
}

let messageNo = 0;

export function buildContext(input: ContextInput): CommandContext {
  messageNo += 1;
  const identity = input.member?.identities[0] ?? input.identity ?? 'telegram:4242';
  const locale = input.locale ?? 'vi';
  const now = input.now ?? new Date('2026-11-25T03:00:00Z');
  const messageKey = input.messageKey ?? `context:${process.pid}:${messageNo}`;
  const platform = identity.slice(0, identity.indexOf(':')) as CommandContext['platform'];
  const agency = input.agency ?? testAgency();
  return {
    platform,
    caller: { identity, displayName: input.member?.fullName ?? 'Khách' },
    chat: { id: input.chat === 'private' ? identity : 'group', kind: input.chat ?? 'group' },
    member: input.member,
    args: input.args ?? '',
    mentions: input.mentions ?? [],
    messageKey,
    locale,
    t: locales[locale],
    store: input.store,
    agency,
    links: new LinkCodes(),
    plan: input.plan,
    titles: input.titles,
    now,
    isAdmin: input.isAdmin ?? false,
    isCouncil: input.isCouncil ?? false,
    isGroupMember: async () => input.inGroup ?? true,
    membership: input.membership ?? 'group',
    actor: { by: input.member?.id ?? identity, platform, at: now, source: messageKey },
    log: silentLog,
    reports: commandReports({ store: input.store, agency, titles: input.titles }),
    followUp: (work) => followUps.push(work),
  };
}

/** Follow-ups of the commands run by `run` (delivered after their own replies, as the host does). */
const followUps: Promise<Reply[]>[] = [];

/** Runs `command` on a context built from `input`; the replies as plain text, with where they go. */
export async function run(
  command: Command,
  input: ContextInput,
): Promise<{ text: string; to: Reply['to']; choices: string[] }[]> {
  const own = await command.run(buildContext(input) as never);
  const replies = [...own, ...(await Promise.all(followUps.splice(0))).flat()];
  return replies.map((r) => ({
    text: htmlToPlain(r.html),
    to: r.to,
    choices: (r.choices ?? []).map((c) => c.label),
  }));
}
