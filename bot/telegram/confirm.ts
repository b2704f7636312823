import type { RawApi, Transformer } from 'grammy';
import type { Update } from 'grammy/types';

/** How long a poll that brought only updates still being handled waits before polling again. */
const WAIT_MS = 500;

/**
 * Telegram keeps an update until a getUpdates call's `offset` passes it, and hands it out again until
 * then — to this process after a restart, or to the standby that takes over after a crash. grammY's
 * runner passes an update as soon as it has fetched it, while it may still be waiting its turn in its
 * chat: a process killed then loses it (neither handled nor handed out again). This confirms an
 * update only once it has been handled: each getUpdates asks from the oldest update still being
 * handled, and the updates it brings again are dropped from its answer (they are being handled).
 */
export class HandledOffsets {
  /** The work each update still being handled waits for (its handler, and an album's handling after it). */
  private readonly inProgress = new Map<number, Set<Promise<unknown>>>();
  /** The highest update id handed to the bot so far. */
  private highest = -1;

  /**
   * Tracks `work`, the handling of update `updateId`, until it settles. An update may be tracked more
   * than once (an album's part: its handler returns at once, the album is handled later): it is
   * confirmed once all its work has settled.
   */
  handling<T>(updateId: number, work: Promise<T>): Promise<T> {
    const works = this.inProgress.get(updateId) ?? new Set();
    works.add(work);
    this.inProgress.set(updateId, works);
    void work
      .finally(() => {
        works.delete(work);
        if (works.size === 0 && this.inProgress.get(updateId) === works) this.inProgress.delete(updateId);
      })
      .catch(() => {});
    return work;
  }

  /** The API transformer: getUpdates asks from the oldest update not yet handled, and brings only new ones. */
  transformer(): Transformer<RawApi> {
    return async (prev, method, payload, signal) => {
      if (method !== 'getUpdates') return prev(method, payload, signal);
      const oldest = this.oldest();
      const args = oldest === undefined ? payload : { ...payload, offset: oldest };
      const result = await prev(method, args as typeof payload, signal);
      if (!result.ok) return result;
      const all = result.result as Update[];
      const fresh = all.filter((u) => u.update_id > this.highest);
      for (const u of fresh) this.highest = Math.max(this.highest, u.update_id);
      if (fresh.length === 0 && all.length > 0) {
        // Only updates still being handled came back (Telegram answers at once while any is
        // unconfirmed): wait for one to finish, or a moment, instead of polling again at once.
        await Promise.race([
          ...[...this.inProgress.values()].flatMap((works) => [...works]),
          new Promise((resolve) => setTimeout(resolve, WAIT_MS).unref()),
        ]).catch(() => {});
      }
      return { ...result, result: fresh as typeof result.result };
    };
  }

  private oldest(): number | undefined {
    let oldest: number | undefined;
    for (const id of this.inProgress.keys()) if (oldest === undefined || id < oldest) oldest = id;
    return oldest;
  }
}
