import { describe, expect, it } from 'vitest';
import { CameraRefusals, QUIET_MS } from '../../src/background/camera-refusals';

describe('CameraRefusals', () => {
  const t0 = 1_000_000;
  it('after Go back, the same frame asking by itself is refused for a while', () => {
    const r = new CameraRefusals();
    r.refuse(1, 0, t0);
    expect(r.isRefused(1, 0, {}, t0 + 100)).toBe(true);
    // the press that led to the warning does not count
    expect(r.isRefused(1, 0, { gestureAt: t0 - 50, askedAt: t0 + 90 }, t0 + 100)).toBe(true);
    expect(r.isRefused(1, 0, {}, t0 + QUIET_MS)).toBe(false);
  });

  it('a request made before the Go back (waiting its turn) still gets its warning', () => {
    const r = new CameraRefusals();
    r.refuse(1, 0, t0);
    expect(r.isRefused(1, 0, { askedAt: t0 - 200 }, t0 + 100)).toBe(false);
  });

  it('a press of the person since Go back gets the warning again', () => {
    const r = new CameraRefusals();
    r.refuse(1, 0, t0);
    expect(r.isRefused(1, 0, { gestureAt: t0 + 10, askedAt: t0 + 20 }, t0 + 100)).toBe(false);
  });

  it('other frames and tabs are not affected', () => {
    const r = new CameraRefusals();
    r.refuse(1, 0, t0);
    expect(r.isRefused(1, 3, {}, t0 + 1)).toBe(false);
    expect(r.isRefused(2, 0, {}, t0 + 1)).toBe(false);
  });
});
