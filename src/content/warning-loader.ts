// The warning UI and everything it needs load only when a share needs it (SPEC §7 budget).
import { SHOW_IN_TOP } from '../shared/coverage';
import type { ShareRequest, WarningPlan } from '../shared/messages';
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
const oneAtATime = serial((task: () => Promise<boolean>) => task());

export const warn = (share: ShareRequest, files: File[] = []): Promise<boolean> =>
  oneAtATime(async () => {
    try {
      const mod = await load();
      return await mod.runWarning(share, files);
    } catch (error) {
      console.error('Pausa: the warning could not be shown; the share goes on.', error);
      loading = undefined;
      return true;
    }
  });

/**
 * The top frame shows the warning for a share in a frame too small to show it (a 1 px or hidden
 * upload frame), in turn with its own; the background relays it (only the extension can send
 * this message) and hands the answer back to that frame. If it cannot be shown here, the reply has
 * no answer and the frame shows the warning itself.
 */
export function showWarningsOfSmallFrames(): void {
  ext.runtime.onMessage.addListener(((
    message: unknown,
    _sender: unknown,
    reply: (answer: object) => void,
  ) => {
    const { type, share, plan } = (message ?? {}) as {
      type?: string;
      share?: ShareRequest;
      plan?: WarningPlan;
    };
    if (type !== SHOW_IN_TOP || !share || !plan) return undefined;
    oneAtATime(async () => (await load()).showPlanned(share, plan)).then(
      (go) => reply({ go }),
      (error: unknown) => {
        console.error('Pausa: could not show a frame’s warning here.', error);
        loading = undefined;
        reply({});
      },
    );
    return true; // the answer comes later
  }) as Parameters<typeof ext.runtime.onMessage.addListener>[0]);
}
