// Isolated content script entry (document_start, all frames, covered sites only). Links to the
// main-world hook, answers its questions with the warning, and watches for clicks on the site's
// "start video call" controls. The warning UI itself loads only when needed.
import { siteForUrl } from '../shared/match';
import { compileControls, findCallControl } from './call-controls';
import { whenCoverage } from './coverage';
import { linkToMainWorld } from './link';
import { warn } from './warning-loader';

const link = linkToMainWorld((msg, reply, files) => {
  // What each file is, from the files themselves; one that did not arrive counts as unknown (the
  // background then warns: it cannot tell what it was).
  const meta = Array.from({ length: Math.max(msg.n, files.length) }, (_, i) => {
    const file = files[i];
    return file ? { name: file.name, type: file.type, size: file.size } : { name: '', type: '', size: 0 };
  });
  const share = { kind: msg.kind, via: msg.via, files: meta, gestureAt, askedAt: Date.now() };
  void warn(share, files).then((go) => reply({ t: 'answer', id: msg.id, go }));
});

// The person's last press on the page (not on the warning, whose events arrive at its host).
let gestureAt: number | undefined;
const onGesture = (event: Event): void => {
  if (event.isTrusted && (event.target as Element | null)?.localName !== 'pausa-warning')
    gestureAt = Date.now();
};
addEventListener('pointerdown', onGesture, true);
addEventListener('keydown', onGesture, true);

// about:blank and srcdoc frames have no URL of their own but inherit their parent's origin.
const pageUrl = location.protocol === 'about:' ? `${origin}/` : location.href;

void whenCoverage((coverage) => {
  link.setMedia(coverage.media);
  const site = siteForUrl(coverage, pageUrl);
  if (site?.callControls.length) watchCallControls(compileControls(site.callControls));
});

function watchCallControls(controls: ReturnType<typeof compileControls>): void {
  addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      const control = findCallControl(event.composedPath(), controls);
      if (!control) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      void warn({ kind: 'call', via: 'call-control', files: [] }).then((go) => {
        // The page gets the click it would have had (a script click: frameworks accept it).
        if (go && control instanceof HTMLElement) control.click();
      });
    },
    true,
  );
}
