import type { Member } from '../core/domain.js';
import type { Handled } from '../core/repository.js';
import type { HandledLookup } from './handled.js';

/**
 * The lookups kept beside the state: members by id, identity and username, and what each platform
 * message changed. Kept in step by storage/events.ts. (The entries index themselves: by number and
 * by time, inside storage/entry-table.ts.)
 */
export class Indexes {
  readonly membersById = new Map<string, Member>();
  readonly membersByIdentity = new Map<string, Member>();
  readonly membersByUsername = new Map<string, Member>();
  /** What each platform message changed (the first change it made), as the journal's lines said. */
  readonly handled = new Map<string, Handled>();
  /**
   * The same, read from the records (storage/handled.ts) — for messages whose lines were folded into
   * the snapshot. Built at the first question it must answer; forgotten when a change is undone.
   */
  inRecords: HandledLookup | null = null;

  indexMember(member: Member): void {
    this.membersById.set(member.id, member);
    for (const identity of member.identities) this.membersByIdentity.set(identity, member);
    if (member.username) this.membersByUsername.set(member.username, member);
  }

  unindexMember(member: Member): void {
    this.membersById.delete(member.id);
    for (const identity of member.identities) this.membersByIdentity.delete(identity);
    if (member.username && this.membersByUsername.get(member.username) === member) {
      this.membersByUsername.delete(member.username);
    }
  }
}
