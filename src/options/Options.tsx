// The options page (SPEC C5): mode, covered sites, language, country, age group, rules status,
// permissions still needed, the parental lock, privacy. Settings the organisation set by policy
// are shown disabled with "Set by your organization"; policy `locked` or the parental lock makes
// everything read-only.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ExtensionStatus } from '../shared/messages';
import { Mode, readSettings, type Settings } from '../shared/settings';
import { t } from '../ui/i18n';
import { ExtraSites } from './ExtraSites';
import { Lock } from './Lock';
import { Permissions } from './Permissions';
import { Preferences } from './Preferences';
import { RulesStatus } from './RulesStatus';
import { SmartCheck } from './SmartCheck';
import { fetchStatus } from './status';
import './options.css';

const PRIVACY_PAGE = 'src/privacy/index.html';

const MODE_LABELS: Record<Mode, string> = {
  'every-share': 'modeEveryShare',
  smart: 'modeSmart',
  strict: 'modeStrict',
  off: 'modeOff',
};

function Managed({ show }: { show: boolean }) {
  return show ? <p class="managed">{t('setByOrganization')}</p> : null;
}

export function Options() {
  const [settings, setSettings] = useState<Settings>();
  const [status, setStatus] = useState<ExtensionStatus>();
  const [saved, setSaved] = useState(false);

  const refresh = () => fetchStatus('getStatus').then(setStatus, (e) => console.error('Pausa: no status', e));
  useEffect(() => {
    void browser.storage.local.get('settings').then(({ settings }) => setSettings(readSettings(settings)));
    void refresh();
    const onChanged = (_: unknown, area: string) => {
      if (area === 'managed' || area === 'local') void refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const save = async (next: Settings) => {
    setSettings(next);
    await browser.storage.local.set({ settings: next });
    setSaved(true);
  };

  if (!settings || !status) return <main class="options" aria-busy="true" />;
  const { config } = status;
  const managed = new Set<string>(config.managed);
  const readOnly = (key: string) => config.locked || status.lock.locked || managed.has(key);
  const disabled = new Set(config.disabledSites);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <fieldset disabled={readOnly('mode')}>
        <legend>{t('optionsMode')}</legend>
        <Managed show={managed.has('mode')} />
        {Mode.options.map((mode) => (
          <label key={mode} class="choice">
            <input
              type="radio"
              name="mode"
              value={mode}
              checked={config.mode === mode}
              onChange={() => void save({ ...settings, mode })}
            />
            {t(MODE_LABELS[mode])}
          </label>
        ))}
      </fieldset>
      <SmartCheck
        settings={settings}
        sensitivity={config.sensitivity}
        disabled={readOnly('smartSensitivity')}
        managed={managed.has('smartSensitivity')}
        onSave={(next) => void save(next)}
      />
      <fieldset disabled={readOnly('detectExtortionMessages')}>
        <legend>{t('optionsExtortion')}</legend>
        <Managed show={managed.has('detectExtortionMessages')} />
        <label class="choice">
          <input
            type="checkbox"
            name="detectExtortionMessages"
            checked={config.detectExtortionMessages}
            onChange={(e) =>
              void save({
                ...settings,
                detectExtortionMessages: (e.currentTarget as HTMLInputElement).checked,
              })
            }
          />
          {t('optionsExtortionOn')}
        </label>
        <p class="muted">{t('optionsExtortionHelp')}</p>
      </fieldset>
      <fieldset disabled={readOnly('disabledSites') || config.allSites}>
        <legend>{t('optionsSites')}</legend>
        <Managed show={managed.has('disabledSites') || managed.has('allSites')} />
        <SiteList
          sites={status.sites}
          disabled={disabled}
          onToggle={(id, on) => {
            const next = new Set(settings.disabledSites);
            if (on) next.delete(id);
            else next.add(id);
            void save({ ...settings, disabledSites: [...next].sort() });
          }}
        />
      </fieldset>
      <ExtraSites settings={settings} disabled={readOnly('extraSites')} onSave={(next) => void save(next)} />
      <Preferences
        settings={settings}
        effective={config}
        readOnly={readOnly}
        managed={managed}
        onSave={(next) => void save(next)}
      />
      <p role="status" class="muted">
        {saved ? t('optionsSaved') : ''}
      </p>
      <Lock lock={status.lock} onChange={() => void refresh()} />
      <Permissions missing={status.missingPermissions} onChange={() => void refresh()} />
      <RulesStatus status={status} onStatus={setStatus} />
      {status.policyProblems.length > 0 && (
        <section class="card" aria-labelledby="policy-problems">
          <h2 id="policy-problems">{t('policyProblems')}</h2>
          <ul data-policy-problems>
            {status.policyProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}
      <section class="card">
        <h2>{t('optionsPrivacyTitle')}</h2>
        <p>{t('optionsPrivacy')}</p>
        <p>
          <a href={browser.runtime.getURL(PRIVACY_PAGE)} target="_blank" rel="noopener" data-privacy-link>
            {t('optionsPrivacyLink')}
          </a>
        </p>
      </section>
    </main>
  );
}

function SiteList(props: {
  sites: ExtensionStatus['sites'];
  disabled: Set<string>;
  onToggle: (id: string, on: boolean) => void;
}) {
  return (
    <ul class="sites">
      {props.sites.map((site) => (
        <li key={site.id}>
          <label class="choice">
            <input
              type="checkbox"
              checked={!props.disabled.has(site.id)}
              onChange={(e) => props.onToggle(site.id, (e.currentTarget as HTMLInputElement).checked)}
            />
            {site.name}
          </label>
        </li>
      ))}
    </ul>
  );
}
