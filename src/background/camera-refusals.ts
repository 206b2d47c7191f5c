// After Go back on a camera warning, the same frame's camera requests that the person did not
// start again (no click or key of theirs on the page since) are refused quietly for a short time:
// a page that calls getUserMedia in a loop must not pin the person under endless warnings. A
// person who clicks the page's camera button again gets the warning again. Kept in memory (a
// background restart simply forgets: the next request warns again).
export const QUIET_MS = 10_000;

export class CameraRefusals {
  #refused = new Map<string, number>();

  #key = (tabId: number, frameId: number) => `${tabId}:${frameId}`;

  /** The person said Go back to this frame's camera request. */
  refuse(tabId: number, frameId: number, now = Date.now()): void {
    for (const [key, at] of this.#refused) if (at + QUIET_MS <= now) this.#refused.delete(key);
    this.#refused.set(this.#key(tabId, frameId), now);
  }

  /** Whether this frame's camera request is refused without a warning. `askedAt`: when the page
   * asked (a request made before the Go back, waiting its turn, still gets its warning);
   * `gestureAt`: the person's last click or key on the page (outside the warning), if any. */
  isRefused(
    tabId: number,
    frameId: number,
    { askedAt, gestureAt }: { askedAt?: number; gestureAt?: number },
    now = Date.now(),
  ): boolean {
    const at = this.#refused.get(this.#key(tabId, frameId));
    if (at === undefined || at + QUIET_MS <= now) return false;
    if (askedAt !== undefined && askedAt <= at) return false;
    return gestureAt === undefined || gestureAt <= at;
  }
}
