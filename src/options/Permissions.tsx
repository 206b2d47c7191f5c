// Sites Pausa should cover but may not run on yet (a rules update or policy added them, or
// Firefox's per-site host permissions were switched off): say so and offer to grant them.
import browser from 'webextension-polyfill';
import { t } from '../ui/i18n';

export function Permissions({ missing, onChange }: { missing: string[]; onChange: () => void }) {
  if (!missing.length) return null;
  const grant = async () => {
    // Must run in the click's own task: browsers only show the prompt for a user gesture.
    const granted = await browser.permissions.request({ origins: missing }).catch(() => false);
    if (granted) onChange();
  };
  return (
    <section class="card warning-card" aria-labelledby="permissions-title" data-missing-permissions>
      <h2 id="permissions-title">{t('permissionsTitle')}</h2>
      <p>{t('permissionsExplain')}</p>
      <ul>
        {missing.map((pattern) => (
          <li key={pattern}>
            <code>{pattern}</code>
          </li>
        ))}
      </ul>
      <button type="button" class="button" onClick={() => void grant()}>
        {t('permissionsGrant')}
      </button>
    </section>
  );
}
