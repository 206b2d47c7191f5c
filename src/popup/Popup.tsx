// The popup (SPEC C4): protection status of the current tab, a prominent way to get help now,
// the help resources for the person's country and age, and the way to settings.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { AgeSwitch, CountrySelect } from '../help/controls';
import type { ExtensionStatus, Reply, TabStatus } from '../shared/messages';
import { readSettings } from '../shared/settings';
import { t } from '../ui/i18n';
import { Resources } from '../ui/Resources';
import { COUNTRIES, useHelpChoices, useStatus } from '../ui/useHelpContext';
import './popup.css';

const HELP_PAGE = 'src/help/index.html';

async function loadTabStatus(): Promise<TabStatus | undefined> {
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

/**
 * One click to cover the site in this tab: asks the browser for the site's permission (in the
 * click, as browsers require) and adds it to the person's extra sites. Not offered when the
 * settings are locked or set by the organisation, or for pages that are not web sites.
 */
export function CoverSite({ url, status }: { url: string | null; status: ExtensionStatus }) {
  const [done, setDone] = useState(false);
  const host = url && /^https?:/.test(url) ? new URL(url).hostname.replace(/^www\./, '') : null;
  const { config, lock } = status;
  if (!host || done || config.locked || lock.locked || config.managed.includes('extraSites')) return null;
  const cover = async () => {
    const pattern = `*://*.${host}/*`;
    const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    if (!granted) return;
    const { settings } = await browser.storage.local.get('settings');
    const current = readSettings(settings);
    await browser.storage.local.set({
      settings: { ...current, extraSites: [...new Set([...current.extraSites, pattern])] },
    });
    setDone(true);
  };
  return (
    <button type="button" class="button cover-site" onClick={() => void cover()}>
      {t('popupCoverSite', host)}
    </button>
  );
}

export function Popup() {
  const [tab, setTab] = useState<TabStatus>();
  const status = useStatus();
  const { country, setCountry, age, setAge, list } = useHelpChoices(status);
  useEffect(() => {
    loadTabStatus().then(setTab, (error) => console.error('Pausa: no tab status', error));
  }, []);
  return (
    <main class="popup">
      <h1>Pausa</h1>
      <p class="card" role="status" data-covered={tab?.covered ? 'yes' : 'no'}>
        {statusText(tab)}
      </p>
      {tab && !tab.covered && tab.mode !== 'off' && status && <CoverSite url={tab.url} status={status} />}
      <a class="button threatened" href={browser.runtime.getURL(HELP_PAGE)} target="_blank" rel="noopener">
        {t('popupThreatened')}
      </a>
      <section aria-labelledby="popup-resources">
        <h2 id="popup-resources">{t('popupResources')}</h2>
        <div class="controls">
          <CountrySelect value={country} countries={COUNTRIES} onChange={setCountry} />
          <AgeSwitch value={age} onChange={setAge} />
        </div>
        {status && <Resources list={list.slice(0, 5)} />}
        <p>
          <a href={browser.runtime.getURL(HELP_PAGE)} target="_blank" rel="noopener">
            {t('popupSeeAllHelp')}
          </a>
        </p>
      </section>
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
