// One warning at a time per tab, across its frames: a second share waits until the first is
// answered. Kept in memory: if the background is stopped meanwhile, the queue is simply gone and
// nobody waits (a lost lock must never block a person). A holder whose frame went away is let go
// at once (its port disconnects: ./handlers.ts), and in any case after `maxHoldMs`; a caller never
// waits longer than it says it will (`maxWaitMs`), so a stuck holder can never push a share into
// the content script's timeout and its looser fallback.
export class TabQueue {
  #tails = new Map<number, Promise<void>>();
  #releases = new Map<number, () => void>();
  #tabs = new Map<number, number>();
  #next = 1;

  constructor(private readonly maxHoldMs = 120_000) {}

  /** Waits for the tab's earlier warnings (at most `maxWaitMs`), then returns a ticket to
   * `release` when answered. */
  async acquire(tabId: number, maxWaitMs = Number.POSITIVE_INFINITY): Promise<number> {
    const ticket = this.#next++;
    const previous = this.#tails.get(tabId) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const timer = setTimeout(release, this.maxHoldMs);
    const tail = previous.then(() => held);
    this.#tails.set(tabId, tail);
    this.#releases.set(ticket, () => {
      clearTimeout(timer);
      release();
    });
    this.#tabs.set(ticket, tabId);
    void tail.then(() => {
      this.#releases.delete(ticket);
      this.#tabs.delete(ticket);
      if (this.#tails.get(tabId) === tail) this.#tails.delete(tabId);
    });
    if (Number.isFinite(maxWaitMs)) {
      let waited: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([previous, new Promise((resolve) => (waited = setTimeout(resolve, maxWaitMs)))]);
      clearTimeout(waited);
    } else {
      await previous;
    }
    return ticket;
  }

  /** Whether `ticket` is a warning of `tabId` not yet answered (one the background decided to show). */
  holds(ticket: number, tabId: number): boolean {
    return this.#tabs.get(ticket) === tabId;
  }

  /** Frees a ticket. With `tabId`, only if the ticket is that tab's. */
  release(ticket: number, tabId?: number): void {
    if (tabId !== undefined && this.#tabs.get(ticket) !== tabId) return;
    this.#releases.get(ticket)?.();
  }
}
