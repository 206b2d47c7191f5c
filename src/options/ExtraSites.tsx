// Sites the person adds to coverage, validated like policy `extraSites`; adding one asks the
// browser for its host permission in the same click.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { SitePattern } from '../shared/policy';
import type { Settings } from '../shared/settings';
import { t } from '../ui/i18n';

export function ExtraSites(props: {
  settings: Settings;
  disabled: boolean;
  onSave: (next: Settings) => void;
}) {
  const { settings, disabled, onSave } = props;
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    const parsed = SitePattern.safeParse(value);
    if (!parsed.success) return setError(t('extraSiteInvalid'));
    setError('');
    setValue('');
    // Asked within the click, as browsers require; coverage follows once it is granted.
    void browser.permissions.request({ origins: [parsed.data] }).catch(() => false);
    onSave({ ...settings, extraSites: [...new Set([...settings.extraSites, parsed.data])] });
  };
  return (
    <fieldset disabled={disabled}>
      <legend>{t('optionsExtraSites')}</legend>
      <ul class="extra-sites">
        {settings.extraSites.map((pattern) => (
          <li key={pattern}>
            <code>{pattern}</code>{' '}
            <button
              type="button"
              class="link-button"
              onClick={() =>
                onSave({ ...settings, extraSites: settings.extraSites.filter((p) => p !== pattern) })
              }
            >
              {t('extraSiteRemove')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <label class="field">
          {t('extraSiteLabel')}
          <input
            name="extraSite"
            value={value}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'extra-site-error' : undefined}
            onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="button">
          {t('extraSiteAdd')}
        </button>
        {error && (
          <p id="extra-site-error" role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </fieldset>
  );
}
