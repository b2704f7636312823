/** What the Zalo Bot Platform needs from the environment (read and checked by bot/config.ts). */
export interface ZaloBotConfig {
  token: string;
  /** `ZALO_BOT_API_ROOT`: Zalo's by default; a stand-in or a proxy otherwise (as TELEGRAM_API_ROOT). */
  apiRoot: string;
  /** Opaque Zalo Bot user ids (e.g. `6ede9afa66b88fe6d6a9`). */
  adminIds: ReadonlySet<string>;
  councilIds: ReadonlySet<string>;
  /**
   * `polling` (getUpdates; the Platform recommends it only for development: events sent while the bot
   * is down are lost) or `webhook` (behind an HTTPS front; the Platform's choice for production).
   */
  mode: 'polling' | 'webhook';
  webhook: {
    /** The public HTTPS URL given to setWebhook. */
    url: string;
    /** Echoed by Zalo in `X-Bot-Api-Secret-Token`; 8 to 256 characters. */
    secret: string;
    host: string;
    port: number;
    path: string;
  } | null;
  /** An evidence photo larger than this is not kept (the entry is). */
  photoMaxBytes: number;
  /** At most one message per this many ms per chat. */
  sendIntervalMs: number;
}
