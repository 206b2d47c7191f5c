// Reads text that a page adds after it has loaded (SPEC C8, §7 "bounded"): one MutationObserver,
// added nodes queued as they come, gathered for a moment (a burst is read in one slice, not one
// slice per message) and read at idle time in small slices, never inside editable
// fields (what the person types) or Pausa's own UI, with a per-page budget. A page that is never
// idle (a busy chat, a headless browser) still gets its messages read: after IDLE_WAIT_MS without
// idle time a slice runs anyway. The text goes to `onMessage` and nowhere else.

export interface WatchOptions {
  /** CSS selectors of the site's incoming-message containers; none: all text added after load. */
  containers?: string[];
  onMessage: (text: string) => void;
  /** Per page: stop reading after this many messages or characters (a page that never stops
   * adding text cannot make Pausa work forever). */
  maxMessages?: number;
  maxChars?: number;
  /** Longest time one slice of work may take (ms). */
  sliceMs?: number;
  /** Nodes added after load but before this watch started (read first). */
  early?: () => Node[];
}

/** Where the person types and Pausa's own UI: never read. One selector, one `closest` per new
 * place. Editable regions are found by their attribute (`isContentEditable` would make the browser
 * compute the styles of what the page just added, inside Pausa's time). */
const SKIP = 'input, textarea, select, [role="textbox"], pausa-help, pausa-warning';
/** The same, for an element itself: also an editing host of its own. */
const SKIP_SELF = `${SKIP}, [contenteditable]:not([contenteditable="false"])`;
/** Characters read from one message. */
const MAX_TEXT = 1000;
/** Nodes waiting to be read; beyond this the oldest are dropped (a flood of DOM, not of chat: a
 * chat that adds 2,000 messages between two slices is not read by a person either). */
const MAX_QUEUE = 2000;
/** Longest wait for idle time before a slice runs anyway, and the shorter one while a backlog
 * waits (more than BACKLOG nodes). Idle time never comes on a page that is always busy; waiting
 * for it had let 400 nodes pile up and the oldest be dropped unread. */
const IDLE_WAIT_MS = 200;
const BACKLOG_WAIT_MS = 50;
const BACKLOG = 200;
/** How long new nodes are gathered before a read is asked for. Messages come in bursts (a script
 * sends several lines at once, a group chat loads a page of history): each read starts with its
 * code and data gone cold since the last one, so reading a burst in one slice instead of one per
 * message costs less (npm run bench:chat). The panel waits this much longer: not what a person
 * notices. */
const GATHER_MS = 100;

interface Deadline {
  timeRemaining(): number;
  /** No idle time came within the timeout (Chromium, Firefox). */
  didTimeout?: boolean;
}
type Idle = (cb: (deadline: Deadline) => void, opts?: { timeout: number }) => number;

export function watchMessages(options: WatchOptions): () => void {
  const { onMessage, maxMessages = 20_000, maxChars = 2_000_000, sliceMs = 8 } = options;
  let containers = options.containers?.length ? options.containers.join(',') : null;
  if (containers) {
    try {
      document.querySelector(containers);
    } catch {
      console.error(
        'Pausa: the rules name message containers this browser cannot read; reading all new text.',
      );
      containers = null;
    }
  }
  const queue: Node[] = [];
  let scheduled = false;
  let messages = 0;
  let chars = 0;
  let stopped = false;
  let dropped = false;
  const idle: Idle =
    (globalThis as { requestIdleCallback?: Idle }).requestIdleCallback?.bind(globalThis) ??
    ((cb) => setTimeout(() => cb({ timeRemaining: () => sliceMs }), 50) as unknown as number);

  const elementOf = (node: Node): Element | null =>
    node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;

  // Messages arrive in the same place, one after another: where the last one's parent stood
  // (inside a container, outside anything editable) is remembered, so a new message costs one
  // `matches` instead of walking all its ancestors.
  let lastParent: Element | null = null;
  let lastParentWanted = false;
  const placeWanted = (element: Element): boolean =>
    !editable(element) && !element.closest(SKIP) && (!containers || element.closest(containers) !== null);
  const wanted = (node: Node): boolean => {
    const element = elementOf(node);
    if (!element) return false;
    const parent = element === node ? element.parentElement : element;
    if (!parent) return false;
    if (parent !== lastParent) {
      lastParent = parent;
      lastParentWanted = placeWanted(parent);
    }
    // Outside the containers, an added element may still be a container itself.
    if (!lastParentWanted) return element === node && containers !== null && placeWanted(element);
    return element !== node || !element.matches(SKIP_SELF);
  };

  const read = (deadline: Deadline) => {
    scheduled = false;
    // Idle time: as much of it as there is, up to a slice. None came in time: a slice anyway (a
    // short task, far from the 50 ms of a long one), or the page's messages would wait forever.
    const slice = deadline.didTimeout ? sliceMs : Math.min(sliceMs, Math.max(1, deadline.timeRemaining()));
    const until = performance.now() + slice;
    // Elements read in this slice: an added node inside one of them was read with it. Messages
    // arrive side by side: a parent found to be inside none of them is not walked up again.
    const done = new Set<Element>();
    let cleanParent: Element | null = null;
    let count = 0;
    // The clock is read every 8 messages: reading it costs about as much as a short message.
    while (queue.length && !stopped && ((++count & 7) !== 0 || performance.now() < until)) {
      const node = queue.shift()!;
      if (!node.isConnected) continue;
      const element = elementOf(node);
      if (!element) continue;
      const parent = element.parentElement;
      if (parent !== cleanParent) {
        if (hasReadAncestor(element, done)) continue;
        cleanParent = parent;
      }
      done.add(element);
      const text = (node.textContent ?? '').slice(0, MAX_TEXT).trim();
      if (text.length < 2) continue;
      messages++;
      chars += text.length;
      onMessage(text);
      if (messages >= maxMessages || chars >= maxChars) {
        console.info('Pausa: read as many messages on this page as it may; reload to read new ones.');
        stop();
      }
    }
    // What is left is read next, without gathering again.
    if (queue.length && !stopped) schedule(false);
  };

  const askForIdle = () => idle(read, { timeout: queue.length > BACKLOG ? BACKLOG_WAIT_MS : IDLE_WAIT_MS });
  const schedule = (gather = true) => {
    if (scheduled) return;
    scheduled = true;
    if (gather) setTimeout(askForIdle, GATHER_MS);
    else askForIdle();
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const added = record.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const node = added[i]!;
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) continue;
        if (!wanted(node)) continue;
        queue.push(node);
        if (queue.length > MAX_QUEUE) {
          queue.shift();
          if (!dropped)
            console.info('Pausa: more new text than it can read arrived at once; the oldest was skipped.');
          dropped = true;
        }
      }
    }
    if (queue.length) schedule();
  });

  const start = () => {
    if (stopped) return;
    // Taken and observed in the same task: nothing added in between is lost.
    for (const node of options.early?.() ?? []) if (wanted(node)) queue.push(node);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    if (queue.length) schedule();
  };
  // Only what arrives after the page has loaded: the history a page starts with is not read.
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });

  function stop() {
    stopped = true;
    observer.disconnect();
    queue.length = 0;
  }
  return stop;
}

/** Typed into: the nearest `contenteditable` says (`false` makes an island that is not), or the
 * whole document is in design mode. */
function editable(element: Element): boolean {
  const host = element.closest('[contenteditable]');
  return (host !== null && host.getAttribute('contenteditable') !== 'false') || document.designMode === 'on';
}

function hasReadAncestor(element: Element, done: Set<Element>): boolean {
  let current: Element | null = element.parentElement;
  for (let depth = 0; current && depth < 8; depth++, current = current.parentElement)
    if (done.has(current)) return true;
  return false;
}
