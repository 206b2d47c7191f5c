// Rules status (SPEC C5, C6): the revision in use, where it came from, the last check and the
// last problem, with a way to check now.
import { useState } from 'preact/hooks';
import type { ExtensionStatus } from '../shared/messages';
import { t } from '../ui/i18n';
import { fetchStatus } from './status';

const when = (ms: number | null) => (ms === null ? t('rulesNever') : new Date(ms).toLocaleString());

export function RulesStatus({
  status,
  onStatus,
}: {
  status: ExtensionStatus;
  onStatus: (s: ExtensionStatus) => void;
}) {
  const [busy, setBusy] = useState(false);
  const { rules } = status;
  const check = async () => {
    setBusy(true);
    try {
      onStatus(await fetchStatus('checkRules'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('optionsRules')}</h2>
      {!rules.url && <p data-rules-not-set-up>{t('rulesNotSetUp')}</p>}
      <dl class="facts">
        <dt>{t('rulesRevision')}</dt>
        <dd data-rules-revision={rules.revision}>{rules.revision}</dd>
        <dt>{t('rulesSource')}</dt>
        <dd>{rules.source === 'download' ? t('rulesSourceDownload') : t('rulesSourceBundled')}</dd>
        <dt>{t('rulesExpires')}</dt>
        <dd>
          {new Date(rules.expires).toLocaleDateString()}
          {Date.parse(rules.expires) < Date.now() && <strong class="stale"> {t('rulesStale')}</strong>}
        </dd>
        {rules.url && (
          <>
            <dt>{t('rulesLastCheck')}</dt>
            <dd data-rules-last-check={rules.lastCheck ?? ''}>{when(rules.lastCheck)}</dd>
            <dt>{t('rulesLastError')}</dt>
            <dd data-rules-error={rules.lastError ?? ''}>{rules.lastError ?? t('rulesNone')}</dd>
          </>
        )}
      </dl>
      {rules.url && (
        <button type="button" class="button" disabled={busy} aria-busy={busy} onClick={() => void check()}>
          {t('rulesCheckNow')}
        </button>
      )}
    </section>
  );
}
