import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { type Command, mayRun, type Roles } from '../../core/context.js';
import type { Log } from '../../core/log.js';
import { type Locale, locales } from '../../locales/index.js';
import type { TelegramConfig } from './config.js';

/**
 * The menu button of the private chat with the bot opens the desk (a Mini App): by default for
 * everyone — members find their own page there — and set for each admin's and Council member's chat
 * too. Telegram refuses a chat's button for someone who never opened the bot: logged, and the
 * default serves them.
 */
export async function setDeskButton(
  api: Api,
  config: TelegramConfig,
  fallback: Locale,
  log: Log,
): Promise<void> {
  if (!config.deskUrl) return;
  const menu_button = {
    type: 'web_app' as const,
    text: locales[fallback].desk.menuButton,
    web_app: { url: `${config.deskUrl}/` },
  };
  try {
    await api.setChatMenuButton({ menu_button });
  } catch (err) {
    log.warn({ err }, 'could not set the desk as the menu button (Telegram opens Mini Apps over HTTPS only)');
    return;
  }
  for (const id of new Set([...config.adminIds, ...config.councilIds])) {
    try {
      await api.setChatMenuButton({ chat_id: Number(id), menu_button });
    } catch (err) {
      log.info({ err, user: id }, 'could not set the desk button in a private chat (not opened yet)');
    }
  }
  log.info({ url: config.deskUrl }, 'desk menu button set');
}

/**
 * Telegram's command menu, in Vietnamese and English by the user's language, from the same registry
 * as help: everyone sees the commands anyone may run; admins and Council members also see theirs, in
 * their private chat with the bot and in the agency group (a menu for them alone there: the scope
 * chat_member).
 */
export async function setCommandMenu(
  api: Api,
  commands: readonly Command[],
  config: TelegramConfig,
  fallback: Locale,
  log: Log,
  /** Whether the bot is stopping: no more menus are set then. */
  stopping: () => boolean = () => false,
): Promise<void> {
  const menu = (locale: Locale, roles: Roles): BotCommand[] =>
    commands
      .filter((c) => !c.hidden && mayRun(c.access, roles))
      .map((c) => ({ command: c.name, description: c.description(locales[locale]).slice(0, 256) }));
  const everyone = { registered: true, admin: false, council: false };
  const languages = [undefined, 'vi', 'en'] as const;
  for (const language of languages) {
    await api.setMyCommands(
      menu(language ?? fallback, everyone),
      language ? { language_code: language } : {},
    );
  }
  const special = new Map<string, Roles>();
  for (const id of config.councilIds) special.set(id, { ...everyone, council: true });
  for (const id of config.adminIds)
    special.set(id, { ...everyone, admin: true, council: config.councilIds.has(id) });
  for (const [id, roles] of special) {
    const scopes = [
      { type: 'chat', chat_id: Number(id) },
      { type: 'chat_member', chat_id: config.groupId, user_id: Number(id) },
    ] as const;
    for (const scope of scopes) {
      if (stopping()) return;
      try {
        for (const language of languages) {
          await api.setMyCommands(menu(language ?? fallback, roles), {
            scope,
            ...(language ? { language_code: language } : {}),
          });
        }
      } catch (err) {
        // Telegram refuses a chat scope for someone who never opened the bot, and a chat_member scope
        // for someone not in the group; the menu is a convenience.
        if (!stopping())
          log.warn({ err, user: id, scope: scope.type }, 'could not set a personal command menu');
      }
    }
  }
}
