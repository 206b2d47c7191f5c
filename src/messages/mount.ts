// Puts C8's panel in the page's top document, in a closed shadow root at the bottom corner:
// nothing the page does moves focus into it or out of its way, and Escape (or its buttons)
// closes it. It never holds anything: closing it, or the page removing it, changes nothing else.
import { h, render } from 'preact';
import { Panel, type PanelProps } from './Panel';
import { css, hostStyle } from './styles';

export type PanelOutcome = 'close' | 'not-threat' | 'more-help';

let open: { close: () => void } | undefined;

export function isPanelOpen(): boolean {
  return open !== undefined;
}

export function showPanel(
  props: Omit<PanelProps, 'onClose' | 'onNotThreat' | 'onMoreHelp'>,
): Promise<PanelOutcome> {
  open?.close();
  return new Promise((resolve) => {
    const host = document.createElement('pausa-help');
    host.setAttribute('style', hostStyle);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = css;
    const mountPoint = document.createElement('div');
    root.append(style, mountPoint);

    const finish = (outcome: PanelOutcome) => {
      if (open !== handle) return;
      open = undefined;
      removeEventListener('keydown', onKey, true);
      render(null, mountPoint);
      host.remove();
      resolve(outcome);
    };
    const handle = { close: () => finish('close') };
    open = handle;
    const onKey = (event: KeyboardEvent) => {
      if (event.isTrusted && event.key === 'Escape') finish('close');
    };
    addEventListener('keydown', onKey, true);

    // Never take the focus: where the person was typing stays where it was.
    const focused = document.activeElement;
    (document.body ?? document.documentElement).append(host);
    // Above the page's own top-layer content (a modal dialog, fullscreen) where the browser
    // allows it, without making anything inert: a manual popover.
    try {
      host.setAttribute('popover', 'manual');
      host.showPopover();
    } catch {
      // No popover support: the fixed position and z-index still apply.
    }
    render(
      h(Panel, {
        ...props,
        onClose: () => finish('close'),
        onNotThreat: () => finish('not-threat'),
        onMoreHelp: () => finish('more-help'),
      }),
      mountPoint,
    );
    if (focused instanceof HTMLElement && document.activeElement !== focused)
      focused.focus({ preventScroll: true });
  });
}
