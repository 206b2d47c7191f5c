// The camera: getUserMedia with video asks first; microphone-only passes untouched. Screen sharing
// (getDisplayMedia) asks too; the background warns about it only in strict mode. Go back
// rejects with NotAllowedError, as a denied camera does. Continue calls the browser's own
// getUserMedia with the page's constraints, so the stream is exactly the one it would have had.
import { ask } from './link';
import { hook, notAllowedError } from './util';

type Legacy = (c: MediaStreamConstraints, ok?: unknown, err?: (e: DOMException) => void) => void;

const wantsVideo = (constraints: unknown): boolean => !!(constraints as MediaStreamConstraints | null)?.video;

export function hookCamera(win: Window & typeof globalThis): void {
  // Screen sharing shows whatever is on screen: the background warns about it in strict mode only.
  for (const [key, kind] of [
    ['getUserMedia', 'camera'],
    ['getDisplayMedia', 'screen'],
  ] as const) {
    hook(
      win.MediaDevices?.prototype ?? {},
      key,
      (original) =>
        function (this: MediaDevices, constraints?: MediaStreamConstraints) {
          if (kind === 'camera' && !wantsVideo(constraints)) return original.call(this, constraints);
          return ask(kind).then((go) =>
            go ? original.call(this, constraints) : Promise.reject(notAllowedError()),
          );
        },
    );
  }
  // The old callback forms, where the browser still has them.
  const nav = win.Navigator.prototype as unknown as Record<string, Legacy>;
  for (const key of ['getUserMedia', 'webkitGetUserMedia', 'mozGetUserMedia']) {
    hook(
      nav,
      key,
      (original) =>
        function (this: Navigator, c: MediaStreamConstraints, ok?: unknown, err?: (e: DOMException) => void) {
          if (!wantsVideo(c)) return original.call(this, c, ok, err);
          void ask('camera', 'legacy-camera').then((go) => {
            if (go) original.call(this, c, ok, err);
            else err?.(notAllowedError());
          });
        },
    );
  }
}
