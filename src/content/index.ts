// Isolated content script entry (document_start, all frames, covered sites only). Links to the
// main-world hook, answers its questions with the warning, and watches for clicks on the site's
// "start video call" controls; on pages C8 reads, starts the message reader. The warning UI and
// the reader load only when needed.
import { kindOf } from '../shared/bridge';
import { siteForUrl } from '../shared/match';
import { compileControls, findCallControl } from './call-controls';
import { whenCoverage } from './coverage';
import { linkToMainWorld } from './link';
import { watchForMessages } from './messages-loader';
import { showWarningsOfSmallFrames, warn } from './warning-loader';

const link = linkToMainWorld((msg, reply, files) => {
  // What each file is, from the files themselves; one that did not arrive counts as unknown (the
  // background then warns: it cannot tell what it was).
  const meta = Array.from({ length: Math.max(msg.n, files.length) }, (_, i) => {
    const file = files[i];
    return file ? { name: file.name, type: file.type, size: file.size } : { name: '', type: '', size: 0 };
  });
  const share = { kind: kindOf(msg.via), via: msg.via, files: meta, gestureAt, askedAt: Date.now() };
  void warn(share, files).then((go) => reply({ t: 'answer', id: msg.id, go }));
});

// A frame too small to show a warning hands it to the top frame (see warning-loader.ts).
if (window === window.top) showWarningsOfSmallFrames();

// This script's listeners on the window, added again after document.open(), which erases them
// (HTML spec; the main world puts its own back, see ../main-world/index.ts). That call replaces the
// document's own children: an observer of those alone, which nothing else stirs, sees it.
const onWindow: Array<[string, (event: Event) => void]> = [];
function listen(type: string, listener: (event: Event) => void): void {
  onWindow.push([type, listener]);
  addEventListener(type, listener, true);
}
new MutationObserver(() => {
  for (const [type, listener] of onWindow) addEventListener(type, listener, true);
}).observe(document, { childList: true });

// The person's last press on the page (not on the warning, whose events arrive at its host).
let gestureAt: number | undefined;
const onGesture = (event: Event): void => {
  if (event.isTrusted && (event.target as Element | null)?.localName !== 'pausa-warning')
    gestureAt = Date.now();
};
listen('pointerdown', onGesture);
listen('keydown', onGesture);

// about:blank and srcdoc frames have no URL of their own but inherit their parent's origin.
const pageUrl = location.protocol === 'about:' ? `${origin}/` : location.href;

void whenCoverage((coverage) => {
  link.setMedia(coverage.media);
  const site = siteForUrl(coverage, pageUrl);
  if (site?.callControls.length) watchCallControls(compileControls(site.callControls));
  watchForMessages(coverage, site, pageUrl);
});

// A press on a call control is held from its very first event: sites start calls on pointerdown,
// mousedown or keydown as well as on click. The rest of the same gesture is stopped too, and on
// Continue the page gets the whole gesture again (script events: frameworks accept them).
const STARTS = new Set(['pointerdown', 'mousedown', 'keydown', 'click']);
const GESTURE = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'keydown', 'keyup'];

function replay(control: HTMLElement, start: Event): void {
  if (start.type === 'keydown') {
    const key = (start as KeyboardEvent).key;
    control.dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }),
    );
    control.click();
    control.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
    return;
  }
  if (start.type !== 'click') {
    const init = { bubbles: true, cancelable: true, composed: true, button: 0, isPrimary: true };
    control.dispatchEvent(new PointerEvent('pointerdown', init));
    control.dispatchEvent(new MouseEvent('mousedown', init));
    control.dispatchEvent(new PointerEvent('pointerup', init));
    control.dispatchEvent(new MouseEvent('mouseup', init));
  }
  control.click();
}

function watchCallControls(controls: ReturnType<typeof compileControls>): void {
  let held = false;
  const onEvent = (event: Event): void => {
    if (!event.isTrusted) return;
    if (event.type.startsWith('key') && !['Enter', ' '].includes((event as KeyboardEvent).key)) return;
    if (held) {
      // The rest of a gesture whose start is being warned about.
      if (findCallControl(event.composedPath(), controls)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      return;
    }
    if (!STARTS.has(event.type)) return;
    const control = findCallControl(event.composedPath(), controls);
    if (!control) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held = true;
    void warn({ kind: 'call', via: 'call-control', files: [] }).then((go) => {
      held = false;
      if (go && control instanceof HTMLElement) replay(control, event);
    });
  };
  for (const type of GESTURE) listen(type, onEvent);
}
