import { htmlToPlain } from '../../core/html.js';
import { identityKey, idOn, type PlatformName } from '../../core/identity.js';
import { silentLog } from '../../core/log.js';
import { messageKey } from '../../core/message.js';
import type { Incoming, OutMessage, Platform, PlatformHost } from '../../core/platform.js';

/** One message the fake platform sent, as its reader sees it. */
export interface FakeSent {
  /** `chat` (an answer), `group`, or the identity written to in private. */
  to: string;
  text: string;
  choices: string[];
  files: string[];
  /** The pictures' file names. */
  images: string[];
  kind?: OutMessage['kind'];
}

/**
 * A platform that only records: the Receiver seam of bolt-js. A test pushes commands in as a person of
 * this platform (`send`), and reads what the core sent back, wherever the core sent it.
 */
export class FakePlatform implements Platform {
  readonly sent: FakeSent[] = [];
  /** Identities this platform cannot reach in private (they never opened a chat with the bot). */
  readonly unreachable = new Set<string>();
  /** User ids of people who are not in the agency's group on this platform. */
  readonly outsiders = new Set<string>();
  /** The next group posts that fail (an outage), each with this error. */
  failGroupPosts = 0;
  private host: PlatformHost | undefined;
  private counter = 0;

  constructor(
    readonly name: PlatformName = 'console',
    private readonly adminIds: readonly string[] = [],
  ) {}

  async start(host: PlatformHost): Promise<void> {
    this.host = host;
  }

  async stop(): Promise<void> {}

  async reply(_origin: unknown, message: OutMessage): Promise<void> {
    this.record('chat', message);
  }

  async sendToPerson(identity: string, message: OutMessage): Promise<boolean> {
    if (!idOn(this.name, identity) || this.unreachable.has(identity)) return false;
    this.record(identity, message);
    return true;
  }

  async sendToGroup(message: OutMessage): Promise<void> {
    if (this.failGroupPosts > 0) {
      this.failGroupPosts -= 1;
      throw new Error('429: Too Many Requests: retry after 5');
    }
    this.record('group', message);
  }

  admins(): readonly string[] {
    return this.adminIds.map((id) => identityKey(this.name, id));
  }

  /** `userId` sends `text` (in the group, unless `inPrivate`); resolves with what the bot sent meanwhile. */
  async send(
    userId: string,
    text: string,
    options: { name?: string; inPrivate?: boolean; admin?: boolean; council?: boolean } = {},
  ): Promise<FakeSent[]> {
    if (!this.host) return [];
    const before = this.sent.length;
    this.counter += 1;
    const chatId = options.inPrivate ? userId : 'group';
    const incoming: Incoming = {
      platform: this.name,
      caller: { identity: identityKey(this.name, userId), displayName: options.name ?? userId },
      chat: { id: chatId, kind: options.inPrivate ? 'private' : 'group' },
      text,
      mentions: [],
      messageKey: messageKey(this.name, chatId, this.counter),
      locale: 'vi',
      isAdmin: options.admin ?? false,
      isCouncil: options.council ?? false,
      isGroupMember: async () => !this.outsiders.has(userId),
      origin: undefined,
      log: silentLog,
    };
    await this.host.handle(incoming);
    return this.sent.slice(before);
  }

  private record(to: string, message: OutMessage): void {
    this.sent.push({
      to,
      text: htmlToPlain(message.html),
      choices: (message.choices ?? []).map((c) => c.label),
      files: (message.files ?? []).map((f) => f.filename),
      images: (message.images ?? []).map((i) => i.filename),
      ...(message.kind ? { kind: message.kind } : {}),
    });
  }
}
