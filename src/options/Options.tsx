// The options page (SPEC C5): mode, covered sites, privacy. Issue #6 adds the parental lock,
// policy and the rest.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import bundledRules from '../rules/rules.json';
import { Mode, readSettings, type Settings } from '../shared/settings';
import { t } from '../ui/i18n';
import './options.css';

const MODE_LABELS: Record<Mode, string> = {
  'every-share': 'modeEveryShare',
  smart: 'modeSmart',
  strict: 'modeStrict',
  off: 'modeOff',
};

export function Options() {
  const [settings, setSettings] = useState<Settings>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void browser.storage.local.get('settings').then(({ settings }) => setSettings(readSettings(settings)));
  }, []);

  const save = async (next: Settings) => {
    setSettings(next);
    await browser.storage.local.set({ settings: next });
    setSaved(true);
  };

  if (!settings) return <main class="options" aria-busy="true" />;
  const disabled = new Set(settings.disabledSites);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <fieldset>
        <legend>{t('optionsMode')}</legend>
        {Mode.options.map((mode) => (
          <label key={mode} class="choice">
            <input
              type="radio"
              name="mode"
              value={mode}
              checked={settings.mode === mode}
              onChange={() => void save({ ...settings, mode })}
            />
            {t(MODE_LABELS[mode])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsSites')}</legend>
        <ul class="sites">
          {bundledRules.sites.map((site) => (
            <li key={site.id}>
              <label class="choice">
                <input
                  type="checkbox"
                  checked={!disabled.has(site.id)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    const next = new Set(disabled);
                    if (on) next.delete(site.id);
                    else next.add(site.id);
                    void save({ ...settings, disabledSites: [...next].sort() });
                  }}
                />
                {site.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p role="status" class="muted">
        {saved ? t('optionsSaved') : ''}
      </p>
      <section class="card">
        <h2>{t('optionsPrivacyTitle')}</h2>
        <p>{t('optionsPrivacy')}</p>
      </section>
    </main>
  );
}
