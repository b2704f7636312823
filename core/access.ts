import { type Access, mayRun } from './context.js';
import type { Entry, Member } from './domain.js';

/**
 * Who looks at the desk (web/), as the chat knows them: the member behind the account (if registered)
 * and the roles the configuration gives that account (admins, the Council).
 */
export interface Viewer {
  /** The platform identity signed in (`telegram:12345`, `zalobot:…`). */
  identity: string;
  member: Member | undefined;
  admin: boolean;
  council: boolean;
}

/** In the agency: a member who has not left the group, or a configured admin or Council member. */
export function belongs(viewer: Viewer): boolean {
  return (viewer.member !== undefined && !viewer.member.leftAt) || viewer.admin || viewer.council;
}

/**
 * Whether the viewer may see what a command of this access level shows — the same rule as in chat
 * (core/context.ts's mayRun), read where there is no group to ask: `agency` is a member who has not
 * left, or an admin or Council member; `registered` is a member who has not left (admins pass where
 * chat lets them). A stranger sees nothing.
 */
export function mayAccess(access: Access, viewer: Viewer): boolean {
  if (!belongs(viewer)) return false;
  const left = viewer.member?.leftAt !== undefined;
  const roles = {
    registered: viewer.member !== undefined && !left,
    admin: viewer.admin,
    council: viewer.council,
  };
  if (access === 'agency') return true;
  return mayRun(access, roles);
}

/** An entry's own people: the member it credits and the member who logged it. */
export function isOwnEntry(entry: Entry, memberId: string | undefined): boolean {
  return memberId !== undefined && (entry.memberId === memberId || entry.reporterId === memberId);
}

/**
 * Who may open one entry (its text, photos and history) on the desk: the Council and admins, who
 * review every entry, and the entry's own people. Other members see the agency's figures, not each
 * other's evidence.
 */
export function mayViewEntry(entry: Entry, viewer: Viewer): boolean {
  if (!belongs(viewer)) return false;
  return viewer.admin || viewer.council || isOwnEntry(entry, viewer.member?.id);
}
