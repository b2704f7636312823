import { parseIdentity } from '../core/identity.js';
import type { AppConfig } from './config.js';

/**
 * The roles the configuration gives a platform identity: admins and Council members are listed per
 * platform (TELEGRAM_ADMIN_IDS, …). The chat reads them on each message from the platform; the desk,
 * which has no platform message, reads them here. The console demo's user is both, as in chat.
 */
export function rolesOf(config: AppConfig, consoleDemo: boolean) {
  return (identity: string): { admin: boolean; council: boolean } => {
    const id = parseIdentity(identity);
    switch (id?.platform) {
      case 'telegram':
        return {
          admin: config.telegram?.adminIds.has(id.id) ?? false,
          council: config.telegram?.councilIds.has(id.id) ?? false,
        };
      case 'zalo':
        // The Zalo group's own admins count as admins only while zca-js watches the group: not here.
        return {
          admin: config.zalo?.adminIds.has(id.id) ?? false,
          council: config.zalo?.councilIds.has(id.id) ?? false,
        };
      case 'zalobot':
        return {
          admin: config.zaloBot?.adminIds.has(id.id) ?? false,
          council: config.zaloBot?.councilIds.has(id.id) ?? false,
        };
      case 'console':
        return { admin: consoleDemo, council: consoleDemo };
      default:
        return { admin: false, council: false };
    }
  };
}
