// The camera: getUserMedia with video asks first; microphone-only passes untouched. Screen sharing
// (getDisplayMedia) asks too; the background warns about it only in strict mode. Go back
// rejects with NotAllowedError, as a denied camera does. Continue calls the browser's own
// getUserMedia with the page's constraints, so the stream is exactly the one it would have had.
import { ask } from './link';
import { hook, notAllowedError } from './util';

type Legacy = (c: MediaStreamConstraints, ok?: unknown, err?: (e: DOMException) => void) => void;

export function hookCamera(win: Window & typeof globalThis): void {
  const proto = win.MediaDevices?.prototype;
  for (const [key, via] of [
    ['getUserMedia', 'camera'],
    ['getDisplayMedia', 'screen'],
  ] as const) {
    hook(
      proto ?? {},
      key,
      (original) =>
        function (this: MediaDevices, constraints?: MediaStreamConstraints) {
          return via === 'camera' && !constraints?.video
            ? original.call(this, constraints)
            : ask(via).then((go) =>
                go ? original.call(this, constraints) : Promise.reject(notAllowedError()),
              );
        },
    );
  }
  // The old callback forms, where the browser still has them (Chromium's getUserMedia and
  // webkitGetUserMedia, Firefox's mozGetUserMedia): they go through the hooked promise form with
  // the same constraints, which asks (or not: microphone only) and gives the same stream or error.
  // Without MediaDevices (an insecure page) the browser gives no camera to either form.
  const modern = proto?.getUserMedia;
  if (modern)
    for (const key of ['getUserMedia', 'webkitGetUserMedia', 'mozGetUserMedia'])
      hook(
        win.Navigator.prototype as unknown as Record<string, Legacy>,
        key,
        () =>
          function (
            this: Navigator,
            c: MediaStreamConstraints,
            ok?: unknown,
            err?: (e: DOMException) => void,
          ) {
            void modern.call(this.mediaDevices, c).then(ok as () => void, err);
          },
      );
}
