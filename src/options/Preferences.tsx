// Language, country for help resources, and age group.
import { LOCALES, type Settings } from '../shared/settings';
import { t } from '../ui/i18n';

const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = {
  en: 'English',
  pt_PT: 'Português (Portugal)',
  pt_BR: 'Português (Brasil)',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  nl: 'Nederlands',
};

export const COUNTRIES = [
  'AR',
  'AU',
  'BR',
  'CA',
  'CL',
  'CO',
  'DE',
  'ES',
  'FR',
  'GB',
  'IE',
  'IN',
  'IT',
  'MX',
  'NL',
  'NZ',
  'PT',
  'US',
];

export function Preferences(props: {
  settings: Settings;
  effective: Pick<Settings, 'language' | 'country' | 'ageGroup'>;
  readOnly: (key: string) => boolean;
  managed: ReadonlySet<string>;
  onSave: (next: Settings) => void;
}) {
  const { settings, effective, readOnly, managed, onSave } = props;
  const note = (key: string) =>
    managed.has(key) ? <span class="managed">{t('setByOrganization')}</span> : null;
  const regionName = (code: string) => {
    try {
      return new Intl.DisplayNames([navigator.language], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  return (
    <fieldset>
      <legend>{t('optionsLanguage')}</legend>
      <label class="field">
        {t('optionsLanguage')}
        {note('language')}
        <select
          name="language"
          disabled={readOnly('language')}
          value={effective.language}
          onChange={(e) =>
            onSave({
              ...settings,
              language: (e.currentTarget as HTMLSelectElement).value as Settings['language'],
            })
          }
        >
          <option value="auto">{t('languageAuto')}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        {t('optionsCountry')}
        {note('country')}
        <select
          name="country"
          disabled={readOnly('country')}
          value={effective.country}
          onChange={(e) => onSave({ ...settings, country: (e.currentTarget as HTMLSelectElement).value })}
        >
          <option value="auto">{t('countryAuto')}</option>
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {regionName(c)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        {t('optionsAge')}
        <select
          name="ageGroup"
          disabled={readOnly('ageGroup')}
          value={effective.ageGroup}
          onChange={(e) =>
            onSave({
              ...settings,
              ageGroup: (e.currentTarget as HTMLSelectElement).value as Settings['ageGroup'],
            })
          }
        >
          <option value="unknown">{t('ageUnknown')}</option>
          <option value="under18">{t('ageUnder18')}</option>
          <option value="adult">{t('ageAdult')}</option>
        </select>
      </label>
    </fieldset>
  );
}
