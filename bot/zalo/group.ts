import type { Log } from '../../core/log.js';
import type { Timers } from '../../core/timers.js';
import type { ZaloGroupInfo, ZaloTransport } from './transport.js';

/** The group's admins and members are asked again after this long. */
export const GROUP_INFO_TTL_MS = 5 * 60_000;
/** Someone not (yet) in the cached member list is looked up afresh, at most this often. */
export const MEMBER_RECHECK_MS = 30_000;

export interface GroupSettings {
  groupId: string;
  /** Admins by configuration (ZALO_ADMIN_IDS). */
  adminIds: ReadonlySet<string>;
  /** Whether the group's own owner and deputies are admins too. */
  groupAdminsAreAdmins: boolean;
}

/**
 * The agency's Zalo group as the bot sees it: who its admins and members are, read from Zalo and
 * cached a few minutes (one request at a time; the last answer is used when Zalo does not answer).
 */
export class ZaloGroup {
  private cached: { at: number; value: ZaloGroupInfo } | null = null;
  private fetching: Promise<ZaloGroupInfo> | null = null;

  constructor(
    private readonly settings: GroupSettings,
    private readonly transport: ZaloTransport,
    private readonly timers: Timers,
    private readonly logger: Log,
  ) {}

  /** The group's admins and members, asked again when the cached answer is older than `maxAgeMs`. */
  async info(maxAgeMs = GROUP_INFO_TTL_MS): Promise<ZaloGroupInfo> {
    if (this.cached && this.timers.now() - this.cached.at < maxAgeMs) return this.cached.value;
    this.fetching ??= this.transport
      .groupInfo(this.settings.groupId)
      .then((value) => {
        this.cached = { at: this.timers.now(), value };
        return value;
      })
      .finally(() => {
        this.fetching = null;
      });
    try {
      return await this.fetching;
    } catch (error) {
      if (!this.cached) throw error;
      this.logger.warn({ err: error }, 'could not refresh the Zalo group info; using the last one');
      return this.cached.value;
    }
  }

  /** Reads the admins ahead, when they count, so the first command need not wait for Zalo. */
  warm(): void {
    if (!this.settings.groupAdminsAreAdmins) return;
    this.info().catch((err: unknown) => this.logger.warn({ err }, 'could not read the Zalo group admins'));
  }

  /** A configured admin, or (when so configured) an admin of the group; false when Zalo cannot say. */
  async isAdmin(uid: string): Promise<boolean> {
    if (this.settings.adminIds.has(uid)) return true;
    if (!this.settings.groupAdminsAreAdmins) return false;
    try {
      return (await this.info()).adminIds.includes(uid);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the Zalo group admins');
      return false;
    }
  }

  /** Whether `uid` is in the group; someone who just joined is looked up afresh. Throws when Zalo cannot say. */
  async isMember(uid: string): Promise<boolean> {
    if ((await this.info()).memberIds.includes(uid)) return true;
    return (await this.info(MEMBER_RECHECK_MS)).memberIds.includes(uid);
  }

  /** The admins' user ids: the configured ones, and the group's as last read (never the bot itself). */
  adminIds(selfId: string | undefined): string[] {
    const ids = new Set(this.settings.adminIds);
    if (this.settings.groupAdminsAreAdmins && this.cached) {
      for (const id of this.cached.value.adminIds) if (id !== selfId) ids.add(id);
    }
    return [...ids];
  }
}
