// The privacy policy (issue #14), inside the extension so it is always the one for this version:
// what Pausa reads, keeps and sends. Linked from the options page and the store listings; the
// English text is also docs/privacy.md (made from the same keys: sections.ts).
import { t } from '../ui/i18n';
import { PRIVACY_CLOSING, PRIVACY_SECTIONS } from './sections';

export function Privacy() {
  return (
    <main class="privacy">
      <h1>{t('privacyTitle')}</h1>
      <p class="summary">{t('privacySummary')}</p>
      {PRIVACY_SECTIONS.map(({ title, points }) => (
        <section key={title} aria-labelledby={title}>
          <h2 id={title}>{t(title)}</h2>
          <ul>
            {points.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </section>
      ))}
      {PRIVACY_CLOSING.map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
    </main>
  );
}
