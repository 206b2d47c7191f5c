import { describe, expect, it } from 'vitest';
import { CameraRefusals, QUIET_MS } from '../../src/background/camera-refusals';

describe('CameraRefusals', () => {
  const t0 = 1_000_000;
  it('after Go back, the same frame asking by itself is refused for a while', () => {
    const r = new CameraRefusals();
    r.refuse(1, 0, t0);
    expect(r.isRefused(1, 0, undefined, t0 + 100)).toBe(true);
    expect(r.isRefused(1, 0, t0 - 50, t0 + 100)).toBe(true); // the press that led to the warning
    expect(r.isRefused(1, 0, undefined, t0 + QUIET_MS)).toBe(false);
  });

  it('a press of the person since Go back gets the warning again', () => {
    const r = new CameraRefusals();
    r.refuse(1, 0, t0);
    expect(r.isRefused(1, 0, t0 + 10, t0 + 100)).toBe(false);
  });

  it('other frames and tabs are not affected', () => {
    const r = new CameraRefusals();
    r.refuse(1, 0, t0);
    expect(r.isRefused(1, 3, undefined, t0 + 1)).toBe(false);
    expect(r.isRefused(2, 0, undefined, t0 + 1)).toBe(false);
  });
});
