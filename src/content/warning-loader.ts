// The warning UI and everything it needs load only when a share needs it (SPEC §7 budget).
import type { ShareRequest } from '../shared/messages';
import { ext } from '../shared/ext';
import { serial } from '../shared/serial';

type WarningModule = typeof import('../warning/index');

let loading: Promise<WarningModule> | undefined;

function load(): Promise<WarningModule> {
  loading ??= import(/* @vite-ignore */ ext.runtime.getURL('warning.js')) as Promise<WarningModule>;
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
