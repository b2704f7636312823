import type { PlatformName } from './identity.js';
import type { Incoming, Membership, OutMessage } from './message.js';

// The message primitives are defined once, in core/message.ts; adapters import them from here too.
export type { Incoming, Membership, OutMessage } from './message.js';
export { type ParsedCommand, parseCommand } from './recognize.js';

/** An evidence photo's bytes and its media type (`image/jpeg`, …). */
export interface PhotoFile {
  data: Buffer;
  type: string;
}

/**
 * One platform: Telegram, Zalo (zca-js), the Zalo Bot Platform, the console. Each only translates —
 * its events into `Incoming` messages for the core, and `OutMessage`s into its API calls (HTML and
 * buttons, plain text and numbered lines, the terminal). Where a reply goes is decided in core
 * (core/delivery.ts), the same for every platform. Adapters log their transport failures and throw
 * them to the caller; they never answer users about them.
 */
export interface Platform {
  readonly name: PlatformName;
  /** Starts receiving messages, handing each one to `host.handle`. Resolves once it is listening. */
  start(host: PlatformHost): Promise<void>;
  /** Stops receiving, lets the answers in flight go out, and lets go of the platform. Safe to call twice. */
  stop(): Promise<void>;
  /** Sends into the chat a message came from, answering it where the platform can (a quote, a reply). */
  reply(origin: unknown, message: OutMessage): Promise<void>;
  /** Sends to one person in private; false when this platform cannot reach them there. */
  sendToPerson(identity: string, message: OutMessage): Promise<boolean>;
  /** Posts to this platform's agency group; throws if it could not. Absent: the platform has no group. */
  sendToGroup?(message: OutMessage): Promise<void>;
  /** The identities of this platform's admins, for the Office's reminders. */
  admins(): readonly string[];
  /**
   * The bytes of an evidence photo this platform keeps a reference to (an entry's `photo`), for the
   * desk, which shows it through the bot's own server: Telegram's file URLs hold the bot token, so
   * only the server may fetch them. Undefined when the file is gone or the reference unknown.
   * Absent: the platform keeps no photos it can give back.
   */
  photo?(fileId: string): Promise<PhotoFile | undefined>;
  /**
   * False when the platform cannot send files (the Zalo Bot Platform sends only text, photos by URL and
   * stickers): core/delivery.ts then sends them where the person can receive them, or says why not.
   */
  readonly sendsFiles?: boolean;
  /** How this platform knows who belongs (see Incoming.membership); its Incoming messages say the same. */
  readonly membership?: Membership;
  /**
   * The agency group asks for quiet: a reply that has a `compact` form is answered there with that one
   * line (acknowledged on the command), and the whole reply goes to the caller in private.
   */
  readonly quietGroup?: boolean;
}

/** What a platform calls back into: the core, which runs a command and delivers its replies. */
export interface PlatformHost {
  handle(incoming: Incoming): Promise<void>;
  /**
   * A platform saw someone join or leave its agency group (Telegram's chat_member updates): a member
   * who left is marked so, and may no longer write; one who is back is marked back.
   */
  membership(identity: string, inGroup: boolean, platform: PlatformName): Promise<void>;
}
