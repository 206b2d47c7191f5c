import { describe, expect, it } from 'vitest';
import { TabQueue } from '../../src/background/tab-queue';

const later = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('TabQueue', () => {
  it('lets one warning at a time per tab; other tabs do not wait', async () => {
    const queue = new TabQueue();
    const first = await queue.acquire(1);
    let secondIn = false;
    const second = queue.acquire(1).then((t) => ((secondIn = true), t));
    const otherTab = await queue.acquire(2);
    expect(otherTab).toBeGreaterThan(0);
    await later();
    expect(secondIn).toBe(false);
    queue.release(first);
    const ticket = await second;
    expect(secondIn).toBe(true);
    queue.release(ticket);
    await expect(queue.acquire(1)).resolves.toBeGreaterThan(ticket);
  });

  it('lets a holder that never answers go after the maximum hold', async () => {
    const queue = new TabQueue(20);
    await queue.acquire(7);
    const started = Date.now();
    await queue.acquire(7);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('ignores unknown and repeated releases', async () => {
    const queue = new TabQueue();
    const t = await queue.acquire(3);
    queue.release(999);
    queue.release(t);
    queue.release(t);
    await expect(queue.acquire(3)).resolves.toBeGreaterThan(t);
  });

  it('a caller never waits longer than it says (a stuck holder cannot push it into a timeout)', async () => {
    const queue = new TabQueue();
    await queue.acquire(4); // never answered
    const started = Date.now();
    const ticket = await queue.acquire(4, 30);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ticket).toBeGreaterThan(0);
  });

  it('knows which tab holds a ticket, until it is released', async () => {
    const queue = new TabQueue();
    const t = await queue.acquire(8);
    expect(queue.holds(t, 8)).toBe(true);
    expect(queue.holds(t, 9)).toBe(false);
    queue.release(t, 8);
    await later();
    expect(queue.holds(t, 8)).toBe(false);
  });

  it('a release for another tab is ignored (a frame can free only its own tab warning)', async () => {
    const queue = new TabQueue();
    const first = await queue.acquire(5);
    let secondIn = false;
    const second = queue.acquire(5).then(() => (secondIn = true));
    queue.release(first, 6);
    await later();
    expect(secondIn).toBe(false);
    queue.release(first, 5);
    await second;
    expect(secondIn).toBe(true);
  });
});
