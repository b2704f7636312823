/** What the Zalo (zca-js) platform needs from the environment (read and checked by bot/config.ts). */
export interface ZaloConfig {
  /** Where `npm run zalo:login` saved the session (cookie, imei, user agent); git-ignored, mode 600. */
  credentialsFile: string;
  groupId: string;
  adminIds: ReadonlySet<string>;
  councilIds: ReadonlySet<string>;
  /** Whether the Zalo group's own admins (from getGroupInfo) are admins of the bot too. */
  groupAdminsAreAdmins: boolean;
  /** At most one message per this many ms per thread (Zalo locks accounts that look like spam). */
  sendIntervalMs: number;
}
