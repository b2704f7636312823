/**
 * The work an adapter has started and not finished (messages being answered): a graceful stop waits
 * for it. Tracked work is forgotten once settled; a failure is the caller's to handle.
 */
export class InFlight {
  private readonly work = new Set<Promise<unknown>>();

  /** Tracks `work` until it settles; returns it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.work.add(work);
    void work.finally(() => this.work.delete(work)).catch(() => {});
    return work;
  }

  /** How much work is in flight. */
  get size(): number {
    return this.work.size;
  }

  /** Resolves once the work in flight now has settled (not what starts meanwhile). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.work]);
  }

  /**
   * Resolves once nothing is in flight, work started meanwhile included. `after` (a send queue's drain)
   * runs after each round and once at the end, so what the work queued has gone out too.
   */
  async idle(after?: () => Promise<void>): Promise<void> {
    while (this.work.size > 0) {
      await this.settled();
      await after?.();
    }
    await after?.();
  }
}
