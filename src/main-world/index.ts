// Main-world entry (world: MAIN, document_start, all frames). Runs before any page script, puts
// the hooks in place and links to the isolated content script. Nothing else happens until the
// page calls a hooked API or the person drops or pastes a file.
import { hookCamera } from './camera';
import { hookDropAndPaste, listenForDrops } from './drop-paste';
import { hookFileInputs, listen } from './file-input';
import { startLink } from './link';
import { hookPickers } from './pickers';
import { hook } from './util';

const win = window;
startLink();
hookFileInputs(win);
hookDropAndPaste(win);
hookPickers(win);
hookCamera(win);
// document.open() removes every listener of the document and its window (HTML spec), so an
// editor an about:blank frame builds with open()/write() would lose the window's listeners (the
// prototypes' hooks stay): they are added again. Adding a listener twice adds it once.
hook(
  win.Document.prototype,
  'open',
  (open) =>
    function (this: Document, ...args: unknown[]) {
      const opened = (open as (...a: unknown[]) => unknown).apply(this, args);
      listen(win);
      listenForDrops(win);
      return opened;
    } as never,
);
