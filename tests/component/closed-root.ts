// Pausa's UIs live in closed shadow roots; a test reaches the last one made by catching
// attachShadow (before each test) and restoring it (after each), with the host elements removed.
import { afterEach, beforeEach, vi } from 'vitest';

export function captureClosedRoots(hostSelector: string): { readonly root: ShadowRoot | undefined } {
  const captured: { root: ShadowRoot | undefined } = { root: undefined };
  const attach = Element.prototype.attachShadow;
  beforeEach(() => {
    captured.root = undefined;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
      captured.root = attach.call(this, init);
      return captured.root;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.querySelectorAll(hostSelector).forEach((el) => el.remove());
  });
  return captured;
}
