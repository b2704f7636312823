import { GroupMessage, type TGroupMessage, type TMention, type TMessage, UserMessage } from 'zca-js';
import { type App, createApp } from '../../bot/app.js';
import { createConfig, type ZaloConfig } from '../../bot/config.js';
import type { ZaloPlatform } from '../../bot/zalo/platform.js';
import type {
  ZaloEvents,
  ZaloGroupInfo,
  ZaloMessage,
  ZaloText,
  ZaloThread,
  ZaloTransport,
} from '../../bot/zalo/transport.js';
import type { AgencyConfig } from '../../core/agency.js';
import type { OutFile, OutImage } from '../../core/context.js';
import type { Router } from '../../core/router.js';
import type { Timers } from '../../core/timers.js';
import { Store } from '../../storage/store.js';
import { memoryLogger, tempDir, testAgency } from './agency.js';
import { VirtualTimers } from './timers.js';

export { VirtualTimers };

export const GROUP_ID = '5012345678901234567';
export const BOT_UID = '8800000000000000001';

export interface ZaloUser {
  uid: string;
  name: string;
}

/** One message the bot sent, as its reader sees it. */
export interface Sent {
  thread: ZaloThread;
  /** The text, or for a document or a picture its file name. */
  text: string;
  mentions: { uid: string; pos: number; len: number }[];
  /** The id of the message it quotes. */
  quotes: string | undefined;
  file?: OutFile;
  image?: OutImage;
  /** When it went out, on the harness's clock. */
  at: number;
}

/**
 * The transport as a fake: messages go in with `deliver` (zca-js's own message classes), and what the
 * bot sends is recorded. Logins, private-message refusals and the group's members can be set.
 */
export class FakeZaloTransport implements ZaloTransport {
  readonly sent: Sent[] = [];
  /** Every events object a login handed over, the current one last. */
  readonly logins: ZaloEvents[] = [];
  starts = 0;
  /** Listener restarts (same login). */
  restarts = 0;
  stops = 0;
  groupInfoCalls = 0;
  listening = false;
  /** The next logins that fail. */
  failLogins = 0;
  /** The next listener restarts that fail. */
  failRestarts = 0;
  /** While set, logins wait for it (a login under way). */
  loginGate: Promise<void> | undefined;
  group: ZaloGroupInfo = { adminIds: [], memberIds: [] };
  groupInfoFails = false;
  /** Users whose private chat refuses the bot's messages. */
  readonly refusesPrivate = new Set<string>();
  /** Fails the next text sends with this error. */
  failSends: Error[] = [];

  constructor(private readonly timers: Timers) {}

  get events(): ZaloEvents {
    const current = this.logins.at(-1);
    if (!current) throw new Error('the bot never started the transport');
    return current;
  }

  async start(events: ZaloEvents): Promise<{ selfId: string }> {
    this.starts += 1;
    await this.loginGate;
    if (this.failLogins > 0) {
      this.failLogins -= 1;
      throw new Error('Đăng nhập thất bại');
    }
    this.logins.push(events);
    this.listening = true;
    return { selfId: BOT_UID };
  }

  async restartListener(): Promise<void> {
    this.restarts += 1;
    if (this.logins.length === 0 || this.failRestarts > 0) {
      this.failRestarts = Math.max(0, this.failRestarts - 1);
      throw new Error('Already started');
    }
    this.listening = true;
  }

  async stop(): Promise<void> {
    this.stops += 1;
    this.listening = false;
  }

  /** Zalo closes the current listener with `code`, as zca-js reports it once it gives up. */
  close(code: number, reason = ''): void {
    this.listening = false;
    this.events.closed(code, reason);
  }

  async sendText(thread: ZaloThread, message: ZaloText): Promise<void> {
    const failure = this.failSends.shift();
    if (failure) throw failure;
    if (thread.kind === 'private' && this.refusesPrivate.has(thread.id)) {
      throw new Error('Không thể gửi tin nhắn cho người này');
    }
    this.sent.push({
      thread,
      text: message.text,
      mentions: message.mentions ?? [],
      quotes: message.quote?.data.msgId,
      at: this.timers.now(),
    });
  }

  async sendFile(thread: ZaloThread, file: OutFile): Promise<void> {
    this.sent.push({
      thread,
      text: file.filename,
      mentions: [],
      quotes: undefined,
      file,
      at: this.timers.now(),
    });
  }

  async sendImage(thread: ZaloThread, image: OutImage): Promise<void> {
    this.sent.push({
      thread,
      text: image.filename,
      mentions: [],
      quotes: undefined,
      image,
      at: this.timers.now(),
    });
  }

  async groupInfo(groupId: string): Promise<ZaloGroupInfo> {
    this.groupInfoCalls += 1;
    if (this.groupInfoFails || groupId !== GROUP_ID) throw new Error('Không tìm thấy nhóm');
    return { adminIds: [...this.group.adminIds], memberIds: [...this.group.memberIds] };
  }

  /** Zalo delivers a message: handed to the listener synchronously, as zca-js does. */
  deliver(message: ZaloMessage): void {
    if (!this.listening) return;
    this.events.message(message);
  }
}

/** The fields zca-js fills in every message, with what a test says. */
function messageData(
  from: ZaloUser,
  idTo: string,
  msgId: string,
  content: TMessage['content'],
  msgType: string,
  ts: number,
): TMessage {
  return {
    actionId: `${msgId}0`,
    msgId,
    cliMsgId: `${ts}`,
    msgType,
    uidFrom: from.uid,
    idTo,
    dName: from.name,
    ts: String(ts),
    status: 1,
    content,
    notify: '1',
    ttl: 0,
    userId: '0',
    uin: '0',
    topOut: '0',
    topOutTimeOut: '0',
    topOutImprTimeOut: '0',
    propertyExt: { color: 0, size: 0, type: 0, subType: 0, ext: '{"shouldParseLinkOrContact":0}' },
    paramsExt: { countUnread: 1, containType: 0, platformType: 1 },
    cmd: 521,
    st: 3,
    at: 5,
    realMsgId: '0',
    quote: undefined,
  };
}

export interface MessageOptions {
  msgId?: string;
  inPrivate?: boolean;
  /** Tags in the text: each label (e.g. `@Trần Văn Hùng`) is found in the text and tags `user`. */
  mentions?: { label: string; user: ZaloUser; type?: 0 | 1 }[];
  /** Sends a photo with the text as its caption. */
  photo?: boolean;
  /** Another group than the agency's. */
  groupId?: string;
}

/** Zalo's tags for `labels` found in `text`. */
export function tagsIn(text: string, mentions: NonNullable<MessageOptions['mentions']>): TMention[] {
  return mentions.map(({ label, user, type }) => {
    const pos = text.indexOf(label);
    if (pos === -1) throw new Error(`“${label}” is not in “${text}”`);
    return { uid: user.uid, pos, len: label.length, type: type ?? 0 };
  });
}

let nextMsgId = 7_000_000_000;

/** A message as zca-js's listener builds it (its own GroupMessage and UserMessage classes). */
export function zaloMessage(
  from: ZaloUser,
  text: string,
  options: MessageOptions = {},
  now = Date.now(),
): GroupMessage | UserMessage {
  const msgId = options.msgId ?? String(nextMsgId++);
  const content: TMessage['content'] = options.photo
    ? {
        title: text,
        description: '',
        href: `https://photo-stal-1.zadn.vn/jpg/${msgId}.jpg`,
        thumb: `https://photo-stal-1.zadn.vn/w240/${msgId}.jpg`,
        childnumber: 0,
        action: 'recommened.link',
        params: '{"width":1280,"height":960}',
        type: '',
      }
    : text;
  const msgType = options.photo ? 'chat.photo' : 'webchat';
  if (options.inPrivate) {
    return new UserMessage(BOT_UID, messageData(from, BOT_UID, msgId, content, msgType, now));
  }
  const data: TGroupMessage = {
    ...messageData(from, options.groupId ?? GROUP_ID, msgId, content, msgType, now),
    mentions: options.mentions ? tagsIn(text, options.mentions) : undefined,
  };
  return new GroupMessage(BOT_UID, data);
}

/** A sticker in the group: its content is an object without text. */
export function sticker(from: ZaloUser): GroupMessage {
  const data: TGroupMessage = {
    ...messageData(
      from,
      GROUP_ID,
      String(nextMsgId++),
      { id: 21456, catId: 10425, type: 7 },
      'chat.sticker',
      0,
    ),
    mentions: undefined,
  };
  return new GroupMessage(BOT_UID, data);
}

export interface HarnessOptions {
  now?: Date;
  admins?: string[];
  council?: string[];
  groupAdminsAreAdmins?: boolean;
  intervalMs?: number;
  agency?: Partial<AgencyConfig>;
  locale?: 'vi' | 'en';
}

/**
 * The Zalo bot built as `npm start` would build it (real Router, commands and Store in a temporary
 * folder), over the fake transport and a virtual clock.
 */
export class ZaloHarness {
  now: Date;

  private constructor(
    readonly app: App,
    readonly bot: ZaloPlatform,
    readonly transport: FakeZaloTransport,
    readonly timers: VirtualTimers,
    readonly store: Store,
    readonly config: ZaloConfig,
    readonly logs: () => Record<string, unknown>[],
    private readonly cleanup: () => Promise<void>,
    now: Date,
  ) {
    this.now = now;
  }

  /** The core's router, for driving a second platform against the same store. */
  get router(): Router {
    return this.app.router;
  }

  static async create(options: HarnessOptions = {}): Promise<ZaloHarness> {
    const { dir, cleanup } = await tempDir();
    const agency = testAgency(options.agency);
    const config = createConfig(
      {
        ZALO_ENABLED: 'true',
        ZALO_GROUP_ID: GROUP_ID,
        ZALO_ADMIN_IDS: (options.admins ?? []).join(','),
        ZALO_COUNCIL_IDS: (options.council ?? []).join(','),
        ZALO_GROUP_ADMINS_ARE_ADMINS: options.groupAdminsAreAdmins ? 'true' : 'false',
        ZALO_SEND_INTERVAL_MS: String(options.intervalMs ?? 1000),
        DATA_DIR: dir,
        BOT_LOCALE: options.locale ?? 'vi',
      },
      agency,
    );
    const zalo = config.zalo as ZaloConfig;
    const { logger, lines } = memoryLogger();
    const store = await Store.open(dir, { logger });
    const timers = new VirtualTimers();
    const transport = new FakeZaloTransport(timers);
    let harness: ZaloHarness | undefined;
    // The bot as npm start builds it (bot/app.ts), over the fake transport and a virtual clock.
    const app = createApp(config, {
      store,
      logger,
      clock: () => (harness as ZaloHarness).now,
      zalo: { transport, timers },
      backupCheckMs: 0,
    });
    const bot = app.platforms.find((p) => p.name === 'zalo') as ZaloPlatform;
    harness = new ZaloHarness(
      app,
      bot,
      transport,
      timers,
      store,
      zalo,
      lines,
      async () => {
        await bot.stop();
        await store.close();
        await cleanup();
      },
      options.now ?? new Date('2026-11-25T03:00:00Z'),
    );
    // The platform only: the scheduled posts run on real time, which these tests do not wait for.
    await bot.start(app.host);
    return harness;
  }

  /** `from` writes `text` in the group (or in private); resolves with what the bot sent meanwhile. */
  async send(from: ZaloUser, text: string, options: MessageOptions = {}): Promise<Sent[]> {
    return this.deliver(zaloMessage(from, text, options, this.now.getTime()));
  }

  /** Delivers a message (again, if you like) and returns what the bot sent while handling it. */
  async deliver(message: ZaloMessage): Promise<Sent[]> {
    const before = this.transport.sent.length;
    this.transport.deliver(message);
    await this.bot.idle();
    // Follow-ups (report files) are sent once built, after the command's own answer.
    await this.app.idle();
    await this.bot.idle();
    return this.transport.sent.slice(before);
  }

  logged(msg: string): Record<string, unknown>[] {
    return this.logs().filter((line) => line.msg === msg);
  }

  async close(): Promise<void> {
    await this.cleanup();
  }
}

/** Waits (a few turns of the event loop, no timers) until `condition` holds. */
export async function until(what: string, condition: () => boolean, turns = 200): Promise<void> {
  for (let i = 0; i < turns; i += 1) {
    if (condition()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`gave up waiting for ${what}`);
}
