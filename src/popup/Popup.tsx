// The popup (SPEC C4): protection status of the current tab, a prominent way to get help now,
// and the way to settings. Issue #4 adds the help content and resources by country.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Reply, TabStatus } from '../shared/messages';
import { t } from '../ui/i18n';
import './popup.css';

async function loadStatus(): Promise<TabStatus | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return undefined;
  const reply = (await browser.runtime.sendMessage({
    type: 'getTabStatus',
    tabId: tab.id,
  })) as Reply<'getTabStatus'>;
  return 'error' in reply ? undefined : reply;
}

export function statusText(status: TabStatus | undefined): string {
  if (!status) return '';
  if (status.mode === 'off') return t('popupOff');
  return status.covered && status.siteName ? t('popupCovered', status.siteName) : t('popupNotCovered');
}

export function Popup() {
  const [status, setStatus] = useState<TabStatus>();
  useEffect(() => {
    loadStatus().then(setStatus, (error) => console.error('Pausa: no tab status', error));
  }, []);
  return (
    <main class="popup">
      <h1>Pausa</h1>
      <p class="card" role="status" data-covered={status?.covered ? 'yes' : 'no'}>
        {statusText(status)}
      </p>
      <a
        class="button threatened"
        href={browser.runtime.getURL('src/popup/index.html#help')}
        target="_blank"
        rel="noopener"
      >
        {t('popupThreatened')}
      </a>
      <p>
        <a
          href="#"
          onClick={(e) => {
            e.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          {t('popupSettings')}
        </a>
      </p>
    </main>
  );
}
