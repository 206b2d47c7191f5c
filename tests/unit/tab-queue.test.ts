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
});
