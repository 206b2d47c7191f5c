// The country and age choices shared by the popup and the help page. They change what is shown
// first; they do not change the settings.
import type { AgeGroup } from '../shared/settings';
import { t } from '../ui/i18n';
import './controls.css';

export function CountrySelect(props: {
  value: string | null;
  countries: string[];
  onChange: (c: string | null) => void;
}) {
  const names = (() => {
    try {
      return new Intl.DisplayNames([navigator.language], { type: 'region' });
    } catch {
      return undefined;
    }
  })();
  return (
    <label class="inline-field">
      {t('optionsCountry')}
      <select
        name="country"
        value={props.value ?? ''}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value || null)}
      >
        <option value="">—</option>
        {props.countries.map((c) => (
          <option key={c} value={c}>
            {names?.of(c) ?? c}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AgeSwitch(props: { value: AgeGroup; onChange: (a: AgeGroup) => void }) {
  const option = (value: AgeGroup, label: string) => (
    <label class="choice">
      <input
        type="radio"
        name="age"
        value={value}
        checked={props.value === value}
        onChange={() => props.onChange(value)}
      />
      {label}
    </label>
  );
  return (
    <fieldset class="age-switch">
      <legend>{t('optionsAge')}</legend>
      {option('under18', t('ageUnder18'))}
      {option('adult', t('ageAdult'))}
    </fieldset>
  );
}
