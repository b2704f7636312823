import type { Api } from 'grammy';
import type { ChatMember } from 'grammy/types';
import type { TelegramConfig } from './config.js';

const MEMBER_STATUSES = new Set(['creator', 'administrator', 'member']);

/** Whether a chat member's status means they are in the group (a restricted member may be). */
function inGroup(member: Pick<ChatMember, 'status'> & { is_member?: boolean }): boolean {
  return MEMBER_STATUSES.has(member.status) || (member.status === 'restricted' && member.is_member === true);
}

/**
 * The agency group's membership, as Telegram tells it: asked with getChatMember and trusted for
 * `ttlMs` (a "not a member" answer for at most 30 s, so someone who just joined is let in soon), and
 * updated at once by the group's chat_member updates.
 */
export class TelegramGroup {
  private readonly known = new Map<number, { at: number; member: boolean }>();

  constructor(
    private readonly api: Api,
    private readonly config: TelegramConfig,
    private readonly ttlMs: number,
  ) {}

  /** Whether `chatId` is the agency group. */
  is(chatId: number): boolean {
    return chatId === this.config.groupId;
  }

  async isMember(userId: number): Promise<boolean> {
    const known = this.known.get(userId);
    const ttl = this.ttlMs;
    if (known && Date.now() - known.at < (known.member ? ttl : Math.min(ttl, 30_000))) return known.member;
    const member = await this.api.getChatMember(this.config.groupId, userId);
    const isIn = inGroup(member);
    this.known.set(userId, { at: Date.now(), member: isIn });
    return isIn;
  }

  /** A chat_member update: what it says is known from now on; returns whether they are in the group. */
  noted(userId: number, member: Pick<ChatMember, 'status'> & { is_member?: boolean }): boolean {
    const now = inGroup(member);
    this.known.set(userId, { at: Date.now(), member: now });
    return now;
  }
}
