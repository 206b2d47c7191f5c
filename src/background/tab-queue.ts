// One warning at a time per tab, across its frames: a second share waits until the first is
// answered. Kept in memory: if the background is stopped meanwhile, the queue is simply gone and
// nobody waits (a lost lock must never block a person). A holder that never answers (its frame
// went away) is let go after `maxHoldMs`.
export class TabQueue {
  #tails = new Map<number, Promise<void>>();
  #releases = new Map<number, () => void>();
  #next = 1;

  constructor(private readonly maxHoldMs = 120_000) {}

  /** Waits for the tab's earlier warnings, then returns a ticket to `release` when answered. */
  async acquire(tabId: number): Promise<number> {
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
    void tail.then(() => {
      this.#releases.delete(ticket);
      if (this.#tails.get(tabId) === tail) this.#tails.delete(tabId);
    });
    await previous;
    return ticket;
  }

  release(ticket: number): void {
    this.#releases.get(ticket)?.();
  }
}
