// The warning UI in happy-dom: order and names of the buttons, focus, trusted-only answers,
// the strict countdown, and Go back when the page removes the host.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showWarning } from '../../src/warning/mount';
import type { Texts } from '../../src/warning/Warning';

const texts: Texts = {
  title: 'Before you send this photo or video',
  points: ['one', 'two'],
  goBack: 'Go back',
  continueAnyway: 'Continue anyway',
  getHelp: 'Get help',
  continueIn: (s) => `You can continue in ${s} s.`,
};

// happy-dom lets a test mark an event trusted, as a real person's click would be.
const trusted = <E extends Event>(event: E): E => {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
};

/** The closed shadow root, reached the way only a test can: by catching attachShadow. */
let root: ShadowRoot | undefined;
const attach = Element.prototype.attachShadow;
beforeEach(() => {
  root = undefined;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    root = attach.call(this, init);
    return root;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  document.querySelectorAll('pausa-warning').forEach((el) => el.remove());
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const buttons = () => Array.from(root!.querySelectorAll('button'));

function open(extra: Partial<Parameters<typeof showWarning>[0]> = {}) {
  const onHelp = vi.fn();
  const answer = showWarning({
    kind: 'files',
    texts,
    allowContinue: true,
    continueDelaySeconds: 0,
    onHelp,
    ...extra,
  });
  return { answer, onHelp };
}

describe('the warning', () => {
  it('is an alertdialog with a name; Go back, then Continue anyway, then help', async () => {
    open();
    await tick();
    const dialog = root!.querySelector('[role="alertdialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(root!.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe(texts.title);
    expect(buttons().map((b) => b.textContent)).toEqual(['Go back', 'Continue anyway', 'Get help']);
    // Where focus lands is checked in real browsers (e2e): happy-dom does not track focus in shadow roots.
  });

  it('ignores untrusted clicks and keys; answers trusted ones', async () => {
    const { answer } = open();
    await tick();
    buttons()[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    root!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await tick();
    expect(document.querySelector('pausa-warning')).not.toBeNull();
    buttons()[1]!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await expect(answer).resolves.toBe(true);
    expect(document.querySelector('pausa-warning')).toBeNull();
  });

  it('Escape (trusted) is Go back; help does not answer', async () => {
    const { answer, onHelp } = open();
    await tick();
    buttons()[2]!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(onHelp).toHaveBeenCalledOnce();
    expect(document.querySelector('pausa-warning')).not.toBeNull();
    buttons()[0]!.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await expect(answer).resolves.toBe(false);
  });

  it('removing the host is Go back', async () => {
    const { answer } = open();
    await tick();
    document.querySelector('pausa-warning')!.remove();
    await expect(answer).resolves.toBe(false);
  });

  it('strict: Continue waits for the countdown, announced politely', async () => {
    vi.useFakeTimers();
    try {
      const { answer } = open({ continueDelaySeconds: 2 });
      await vi.advanceTimersByTimeAsync(0);
      const cont = buttons()[1]!;
      expect(cont.getAttribute('aria-disabled')).toBe('true');
      expect(root!.querySelector('[aria-live="polite"]')?.textContent).toBe('You can continue in 2 s.');
      cont.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
      await vi.advanceTimersByTimeAsync(2100);
      expect(buttons()[1]!.getAttribute('aria-disabled')).toBeNull();
      buttons()[1]!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
      await expect(answer).resolves.toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('without Continue allowed, only Go back and help are offered', async () => {
    open({ allowContinue: false });
    await tick();
    expect(buttons().map((b) => b.textContent)).toEqual(['Go back', 'Get help']);
  });
});
