/**
 * Command-level tests without a platform: `buildContext(command, {...})` makes the context the router
 * makes, with the router's own builder (core/context.ts `commandContext`) — a real store in a temp dir,
 * the test agency, Vietnamese unless told — and `run` runs one command on it and reads its replies as
 * a user would. The user stories go through the platforms instead.
 */
import type { AgencyConfig } from '../../core/agency.js';
import {
  type Command,
  type CommandContext,
  commandContext,
  type Mention,
  type Photo,
  type Reply,
} from '../../core/context.js';
import type { CouncilConfig } from '../../core/council.js';
import type { Member } from '../../core/domain.js';
import { htmlToPlain } from '../../core/html.js';
import { parseIdentity } from '../../core/identity.js';
import { LinkCodes } from '../../core/link-codes.js';
import { silentLog } from '../../core/log.js';
import type { Incoming, InDocument } from '../../core/message.js';
import type { Plan } from '../../core/plan.js';
import type { Reports } from '../../core/reports.js';
import type { TitlesConfig } from '../../core/titles.js';
import type { Locale } from '../../locales/index.js';
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
  /** Mentions in the arguments, their offsets relative to the arguments (as commands see them). */
  mentions?: Mention[];
  /** Photos sent with the command: a command sees them only if it takes photos (`acceptsPhoto`). */
  photos?: Photo[];
  /** A document sent with the command: seen only by a command that reads one (`acceptsDocument`). */
  document?: InDocument;
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
  council?: CouncilConfig;
  /** What commands ask of reports/ (absent: reports/for-commands.ts's, files built in this thread). */
  reports?: Reports;
  messageKey?: string;
}

let messageNo = 0;

/** The message `input` describes, as a platform would hand it to the core. */
function incomingOf(command: Command, input: ContextInput): Incoming {
  messageNo += 1;
  const identity = input.member?.identities[0] ?? input.identity ?? 'telegram:4242';
  const args = input.args ?? '';
  return {
    platform: parseIdentity(identity)?.platform ?? 'telegram',
    caller: { identity, displayName: input.member?.fullName ?? 'Khách' },
    chat: { id: input.chat === 'private' ? identity : 'group', kind: input.chat ?? 'group' },
    text: args ? `/${command.name} ${args}` : `/${command.name}`,
    mentions: input.mentions ?? [],
    photos: input.photos,
    document: input.document,
    messageKey: input.messageKey ?? `context:${process.pid}:${messageNo}`,
    locale: input.locale ?? 'vi',
    isAdmin: input.isAdmin ?? false,
    isCouncil: input.isCouncil ?? false,
    isGroupMember: async () => input.inGroup ?? true,
    membership: input.membership,
    origin: undefined,
    log: silentLog,
  };
}

/** The context the router would give `command` for the message `input` describes (core's own builder). */
export function buildContext(command: Command, input: ContextInput): CommandContext {
  const agency = input.agency ?? testAgency();
  return commandContext(
    {
      command,
      incoming: incomingOf(command, input),
      // The input's mentions are relative to the arguments already.
      parsed: { args: input.args ?? '', argsOffset: 0 },
      member: input.member,
      now: input.now ?? new Date('2026-11-25T03:00:00Z'),
      log: silentLog,
      followUp: (work) => followUps.push(work),
    },
    {
      store: input.store,
      agency,
      links: new LinkCodes(),
      plan: input.plan,
      titles: input.titles,
      council: input.council,
      reports: input.reports ?? commandReports({ store: input.store, agency, titles: input.titles }),
    },
  );
}

/** Follow-ups of the commands run by `run` (delivered after their own replies, as the host does). */
const followUps: Promise<Reply[]>[] = [];

/** Runs `command` on a context built from `input`; the replies as plain text, with where they go. */
export async function run(
  command: Command,
  input: ContextInput,
): Promise<{ text: string; to: Reply['to']; choices: string[] }[]> {
  const own = await command.run(buildContext(command, input) as never);
  const replies = [...own, ...(await Promise.all(followUps.splice(0))).flat()];
  return replies.map((r) => ({
    text: htmlToPlain(r.html),
    to: r.to,
    choices: (r.choices ?? []).map((c) => c.label),
  }));
}
