/**
 * The platforms the bot speaks on; `zalobot` is Zalo's official Bot Platform, `zalo` the zca-js path,
 * `web` the desk (web/): a change made there is recorded as made from the desk. New names go at the
 * end: the store keeps a platform as its index here.
 */
export const PLATFORMS = ['telegram', 'zalo', 'zalobot', 'console', 'web'] as const;
export type PlatformName = (typeof PLATFORMS)[number];

/** How a person is known on one platform, stored as `platform:id` (`telegram:12345`, `zalobot:6ede9afa…`). */
export type IdentityKey = `${PlatformName}:${string}`;

export interface Identity {
  platform: PlatformName;
  /** The platform's own user id: digits on Telegram and zca-js, an opaque string on the Zalo Bot Platform. */
  id: string;
}

export function identityKey(platform: PlatformName, id: string | number): IdentityKey {
  return `${platform}:${id}`;
}

/** The one parser of `platform:id` strings; undefined for anything else. */
export function parseIdentity(key: string): Identity | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return undefined;
  const platform = key.slice(0, colon);
  if (!(PLATFORMS as readonly string[]).includes(platform)) return undefined;
  return { platform: platform as PlatformName, id: key.slice(colon + 1) };
}

/** The user id behind `key` if it is an identity of `platform`. */
export function idOn(platform: PlatformName, key: string): string | undefined {
  const identity = parseIdentity(key);
  return identity?.platform === platform ? identity.id : undefined;
}

/**
 * Who made a change, for people to read: `by` is a member id or, for an admin or a Council member without a
 * profile, a platform identity. The member's name when the store knows them (by id or by that identity);
 * else the account, which a clerk can still trace; else `by` itself.
 */
export type ActorShown = { name: string } | { account: Identity } | { raw: string };

export function actorShown(
  store: {
    member(id: string): { fullName: string } | undefined;
    memberByIdentity(identity: string): { fullName: string } | undefined;
  },
  by: string,
): ActorShown {
  const member = store.member(by) ?? store.memberByIdentity(by);
  if (member) return { name: member.fullName };
  const account = parseIdentity(by);
  return account ? { account } : { raw: by };
}
