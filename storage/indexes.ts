import { entryNo, readCode } from '../core/codes.js';
import type { Entry, Member } from '../core/domain.js';
import type { Handled } from '../core/repository.js';

/**
 * The lookups kept beside the state: entries by number, time and source; members by id, identity and
 * username; and what each platform message changed. Kept in step by storage/events.ts.
 */
export class Indexes {
  readonly entriesByNo = new Map<number, Entry>();
  readonly entriesBySource = new Map<string, Entry>();
  /** The entries' times, in the order of the entries array (oldest first): binary-searched by period. */
  readonly times: number[] = [];
  readonly membersById = new Map<string, Member>();
  readonly membersByIdentity = new Map<string, Member>();
  readonly membersByUsername = new Map<string, Member>();
  /** What each platform message changed (the first change it made). */
  readonly handled = new Map<string, Handled>();

  entry(code: string): Entry | undefined {
    const read = readCode(code);
    if (!read) return undefined;
    const entry = this.entriesByNo.get(read.no);
    if (!entry) return undefined;
    return read.prefix && entry.code.slice(0, 2) !== read.prefix ? undefined : entry;
  }

  indexEntry(entry: Entry): void {
    this.entriesByNo.set(entryNo(entry.code), entry);
    this.entriesBySource.set(entry.source, entry);
  }

  unindexEntry(entry: Entry): void {
    this.entriesByNo.delete(entryNo(entry.code));
    this.entriesBySource.delete(entry.source);
  }

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

  /** The first index whose time is at least `time`. */
  lowerBound(time: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.times[mid] as number) < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first index whose time is after `time`. */
  upperBound(time: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.times[mid] as number) <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
