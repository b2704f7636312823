/** What the Telegram platform needs from the environment (read and checked by bot/config.ts). */
export interface TelegramConfig {
  token: string;
  apiRoot: string;
  groupId: number;
  adminIds: ReadonlySet<string>;
  /** Members of the Emulation and Commendation Council: they review entries (admins may too). */
  councilIds: ReadonlySet<string>;
}
