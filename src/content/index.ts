// Isolated content script entry (document_start, all frames, covered sites only). Links to the
// main-world hook, answers its questions with the warning, and watches for clicks on the site's
// "start video call" controls. The warning UI itself loads only when needed.
import { COVERAGE_KEY, type Coverage } from '../shared/coverage';
import { ext } from '../shared/ext';
import { siteForUrl } from '../shared/match';
import { compileControls, findCallControl } from './call-controls';
import { linkToMainWorld } from './link';
import { warn } from './warning-loader';

const link = linkToMainWorld((msg, reply) => {
  void warn({ kind: msg.kind, via: msg.via, files: msg.files }).then((go) =>
    reply({ t: 'answer', id: msg.id, go }),
  );
});

// about:blank and srcdoc frames have no URL of their own but inherit their parent's origin.
const pageUrl = location.protocol === 'about:' ? `${origin}/` : location.href;

function useCoverage(coverage: Coverage): void {
  link.setMedia(coverage.media);
  const site = siteForUrl(coverage, pageUrl);
  if (site?.callControls.length) watchCallControls(compileControls(site.callControls));
}

void ext.storage.local.get(COVERAGE_KEY).then((stored) => {
  const coverage = stored[COVERAGE_KEY] as Coverage | undefined;
  if (coverage) return useCoverage(coverage);
  // Just installed: the background writes the coverage a moment after this page started.
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = changes[COVERAGE_KEY]?.newValue as Coverage | undefined;
    if (area !== 'local' || !next) return;
    ext.storage.onChanged.removeListener(onChanged);
    useCoverage(next);
  };
  ext.storage.onChanged.addListener(onChanged);
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
