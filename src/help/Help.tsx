// "I'm being threatened" (SPEC C4): what to do, in order, then the help for the person's country
// and age. Steps follow ../shared/research/victim-guidance.json.
import { t } from '../ui/i18n';
import { EMERGENCY } from '../shared/resources';
import { Resources } from '../ui/Resources';
import { COUNTRIES, useHelpChoices, useStatus } from '../ui/useHelpContext';
import { AgeSwitch, CountrySelect } from './controls';
import './help.css';

const STEPS = [1, 2, 3, 4, 5, 6, 7, 8];

export function Help() {
  const status = useStatus();
  const { country, setCountry, age, setAge, list } = useHelpChoices(status);
  const emergency = country ? EMERGENCY[country] : undefined;
  return (
    <main class="help">
      <h1>{t('helpTitle')}</h1>
      <p class="intro">{t('helpIntro')}</p>
      <p class="emergency" role="note">
        {emergency ? (
          <>
            {t('helpEmergency', emergency).split(emergency)[0]}
            <a href={`tel:${emergency}`}>{emergency}</a>
            {t('helpEmergency', emergency).split(emergency)[1]}
          </>
        ) : (
          t('helpEmergencyGeneric')
        )}
      </p>
      <ol class="steps">
        {STEPS.map((n) => (
          <li key={n}>{t(`helpStep${n}`)}</li>
        ))}
      </ol>
      <section aria-labelledby="resources-title">
        <h2 id="resources-title">{t('helpResourcesTitle')}</h2>
        <div class="controls">
          <CountrySelect value={country} countries={COUNTRIES} onChange={setCountry} />
          <AgeSwitch value={age} onChange={setAge} />
        </div>
        <Resources list={list} details />
      </section>
    </main>
  );
}
