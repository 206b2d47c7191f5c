// `serial`: background tasks that events can start together run one at a time, in call order.
import { describe, expect, it } from 'vitest';
import { serial } from '../../src/shared/serial';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('serial', () => {
  it('never overlaps two runs and keeps the call order, even when a later run is quicker', async () => {
    const log: string[] = [];
    let running = 0;
    const task = serial(async (name: string, ms: number) => {
      running += 1;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await wait(ms);
      log.push(`end ${name}`);
      running -= 1;
      return name;
    });
    expect(await Promise.all([task('slow', 20), task('quick', 1)])).toEqual(['slow', 'quick']);
    expect(log).toEqual(['start slow', 'end slow', 'start quick', 'end quick']);
  });

  it('a failed run rejects its caller and does not block the next', async () => {
    const task = serial(async (fail: boolean) => {
      await wait(1);
      if (fail) throw new Error('boom');
      return 'ok';
    });
    const first = task(true);
    const second = task(false);
    await expect(first).rejects.toThrow('boom');
    await expect(second).resolves.toBe('ok');
  });
});
