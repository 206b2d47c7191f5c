// Main-world entry (world: MAIN, document_start, all frames). Runs before any page script, puts
// the hooks in place and links to the isolated content script. Nothing else happens until the
// page calls a hooked API or the person drops or pastes a file.
import { hookCamera } from './camera';
import { hookDropAndPaste } from './drop-paste';
import { hookFileInputs } from './file-input';
import { startLink } from './link';
import { hookOpenFilePicker } from './open-file-picker';

const win = window;
startLink();
hookFileInputs(win);
hookDropAndPaste(win);
hookOpenFilePicker(win);
hookCamera(win);
