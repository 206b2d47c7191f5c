// The warning UI and everything it needs load only when a share needs it (SPEC §7 budget).
import type { ShareRequest } from '../shared/messages';
import { ext } from '../shared/ext';
import { serial } from '../shared/serial';

type WarningModule = typeof import('../warning/index');

let loading: Promise<WarningModule> | undefined;

/**
 * The background injects warning.js into this frame's isolated world (scripting.executeScript):
 * the file is never web-accessible, so no page can fetch it or learn that Pausa is installed.
 */
function load(): Promise<WarningModule> {
  loading ??= ext.runtime.sendMessage({ type: 'loadWarning' }).then((reply: unknown) => {
    const mod = (globalThis as { pausaWarning?: WarningModule }).pausaWarning;
    if (!mod) throw new Error(`the warning was not injected: ${JSON.stringify(reply)}`);
    return mod;
  });
  return loading;
}

/**
 * Show the warning for a share (one at a time in this frame: a second share waits for the first
 * to be answered). `files` are the shared File objects, for smart mode's check in the background.
 * Resolves true for Continue, false for Go back.
 *
 * If Pausa itself fails here (the module cannot load, say, because the extension was updated and
 * this page still runs the old script), the share goes on and the failure is logged: holding the
 * person's files or camera with no way to release them would be worse than a missed warning.
 */
export const warn = serial(async (share: ShareRequest, files: File[] = []): Promise<boolean> => {
  try {
    const mod = await load();
    return await mod.runWarning(share, files);
  } catch (error) {
    console.error('Pausa: the warning could not be shown; the share goes on.', error);
    loading = undefined;
    return true;
  }
});
