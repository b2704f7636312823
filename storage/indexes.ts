import type { Member } from '../core/domain.js';
import type { Handled } from '../core/repository.js';
import { tagsIn } from '../core/text.js';
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
  /**
   * What each platform message changed (the first change it made), as the journal's lines said — but
   * a change to an entry, found in the entry table (storage/handled.ts's handledEntry).
   */
  readonly handled = new Map<string, Handled>();
  /**
   * The same, read from the records but the entries (storage/handled.ts) — for messages whose lines
   * were folded into the snapshot. Built at the first question it must answer; forgotten when a change
   * is undone.
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

/**
 * The rows of the entry table by the tags their texts carry (core/text.ts's tagsIn): which entries a
 * drive's `#tag` names, without searching a year of texts at the read (~10 MB of UTF-8 at 100k
 * entries, 100 ms to decode). Rows are indexed in order, from the first: the table indexes them a
 * chunk at a time between turns of the event loop after a start, then each as it is written (a
 * text never changes once written; a row taken back leaves its lists).
 */
export class TagIndex {
  private readonly rows = new Map<string, number[]>();
  /** Rows [0, indexed) are in the index. */
  indexed = 0;

  /** Adds the next row (number `indexed`) with its text. */
  add(text: string): void {
    const row = this.indexed;
    for (const tag of tagsIn(text)) {
      const rows = this.rows.get(tag);
      if (rows) rows.push(row);
      else this.rows.set(tag, [row]);
    }
    this.indexed = row + 1;
  }

  /** Takes back the last row indexed, whose text was `text`. */
  removeLast(text: string): void {
    const row = this.indexed - 1;
    for (const tag of tagsIn(text)) {
      const rows = this.rows.get(tag);
      if (rows?.at(-1) === row) rows.pop();
      if (rows?.length === 0) this.rows.delete(tag);
    }
    this.indexed = row;
  }

  /** The rows indexed whose text carries `tag` (lower-case letters and digits), in row order. */
  rowsOf(tag: string): readonly number[] {
    return this.rows.get(tag) ?? [];
  }
}
