// Puts the warning on the page in a closed shadow root and guards it: focus stays inside, Escape
// means Go back, and if the page removes or hides the host, that counts as Go back (SPEC §6.5).
import { h, render } from 'preact';
import { css, hostStyle } from './styles';
import { Warning, type WarningProps } from './Warning';

const FOCUSABLE = 'button:not([disabled])';

export function showWarning(props: Omit<WarningProps, 'onAnswer'>): Promise<boolean> {
  return new Promise((resolve) => {
    const host = document.createElement('pausa-warning');
    host.setAttribute('style', hostStyle);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
    const mountPoint = document.createElement('div');
    root.append(mountPoint);

    const previousFocus = document.activeElement;
    let done = false;
    const finish = (go: boolean): void => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearInterval(guard);
      document.removeEventListener('focusin', keepFocus, true);
      render(null, mountPoint);
      host.remove();
      if (previousFocus instanceof HTMLElement && previousFocus.isConnected) previousFocus.focus();
      resolve(go);
    };

    const buttons = (): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
    root.addEventListener('keydown', (event) => {
      const e = event as KeyboardEvent;
      if (!e.isTrusted) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        finish(false);
      } else if (e.key === 'Tab') {
        const list = buttons();
        const index = list.indexOf(root.activeElement as HTMLElement);
        const next = (index + (e.shiftKey ? -1 : 1) + list.length) % list.length;
        e.preventDefault();
        list[next]?.focus();
      }
    });
    // Focus that leaves the dialog (a page script calling focus(), a click behind, a text
    // selection) comes back.
    const keepFocus = (event: FocusEvent): void => {
      if (event.target !== host) buttons()[0]?.focus();
    };
    root.addEventListener('focusout', (event) => {
      const next = (event as FocusEvent).relatedTarget;
      if (next instanceof Node && root.contains(next)) return;
      setTimeout(() => {
        if (!done && !root.activeElement && document.hasFocus()) buttons()[0]?.focus();
      }, 0);
    });

    // Removing the host, or hiding it with styles, is Go back.
    const observer = new MutationObserver(() => {
      if (!host.isConnected || host.getAttribute('style') !== hostStyle) finish(false);
    });
    const guard = setInterval(() => {
      if (!host.isConnected) return finish(false);
      const s = getComputedStyle(host);
      if (s.display === 'none' || s.visibility !== 'visible' || Number(s.opacity) < 1) finish(false);
    }, 250);

    (document.documentElement ?? document.body).append(host);
    observer.observe(host, { attributes: true });
    if (host.parentNode) observer.observe(host.parentNode, { childList: true });
    document.addEventListener('focusin', keepFocus, true);
    render(h(Warning, { ...props, onAnswer: finish }), mountPoint);
    // Shown modal: in the top layer (above the page's own modal dialog or fullscreen element) and
    // the only part of the page that is not inert while the person decides.
    const dialog = root.querySelector('dialog');
    dialog?.addEventListener('cancel', (event) => {
      event.preventDefault(); // Escape: handled above, as Go back
    });
    try {
      dialog?.showModal();
    } catch {
      dialog?.setAttribute('open', '');
    }
    buttons()[0]?.focus();
  });
}
